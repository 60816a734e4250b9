import { useTranslation } from 'react-i18next';
import type { AuditEntry } from '../../../api/types';
import { formatDateTime } from '../../../lib/format';

function Change({ value }: { value: unknown }) {
  if (value === null || value === undefined) return <>–</>;
  return <pre className="json">{JSON.stringify(value, null, 2)}</pre>;
}

export function AuditTable({ entries }: { entries: AuditEntry[] }) {
  const { t } = useTranslation();
  if (!entries.length) return <p>{t('staff.audit.empty')}</p>;
  return (
    <div className="table-scroll" role="region" aria-labelledby="audit-caption" tabIndex={0}>
      <table>
        <caption id="audit-caption">{t('staff.audit.caption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('staff.audit.id')}</th>
            <th scope="col">{t('staff.audit.at')}</th>
            <th scope="col">{t('staff.audit.actor')}</th>
            <th scope="col">{t('staff.audit.module')}</th>
            <th scope="col">{t('staff.audit.action')}</th>
            <th scope="col">{t('staff.audit.entity')}</th>
            <th scope="col">{t('staff.audit.changes')}</th>
          </tr>
        </thead>
        <tbody>
          {entries.map((e) => (
            <tr key={e.id}>
              <td>{e.id}</td>
              <td>
                <time dateTime={e.at}>{formatDateTime(e.at)}</time>
              </td>
              <td className="break">{e.actor}</td>
              <td>{e.module}</td>
              <td>{e.action}</td>
              <td className="break">
                {e.entity}
                {e.entityId !== null && e.entityId !== undefined ? ` #${e.entityId}` : ''}
              </td>
              <td>
                {e.before == null && e.after == null ? (
                  '–'
                ) : (
                  <details>
                    <summary>
                      {t('staff.audit.showChanges')}
                      <span className="visually-hidden"> {t('staff.audit.entryNo', { id: e.id })}</span>
                    </summary>
                    <h3 className="json-title">{t('staff.audit.before')}</h3>
                    <Change value={e.before} />
                    <h3 className="json-title">{t('staff.audit.after')}</h3>
                    <Change value={e.after} />
                  </details>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
