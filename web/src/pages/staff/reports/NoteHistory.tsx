/** Every note of a report, oldest first: public and internal, with status, author and time. */
import { useTranslation } from 'react-i18next';
import { StatusBadge } from '../../reports/shared';
import { Time } from '../shared/notes';
import type { StaffNote } from './types';

export function NoteHistory({ notes }: { notes: StaffNote[] }) {
  const { t } = useTranslation();
  const d = (key: string, o?: Record<string, unknown>) => t(`reportsStaff.detail.${key}`, o);
  return (
    <section aria-labelledby="staff-report-history">
      <h2 id="staff-report-history">{d('history')}</h2>
      {notes.length ? (
        <ol className="report-history">
          {notes.map((n) => (
            <li key={n.id}>
              <p>
                <Time at={n.createdAt} /> <span className="tag">{d(n.visibility === 'public' ? 'public' : 'internal')}</span>
                {n.status ? (
                  <>
                    {' '}
                    <StatusBadge status={n.status} />
                  </>
                ) : null}{' '}
                {d('by', { author: n.author })}
              </p>
              <p className="report-text">{n.body}</p>
            </li>
          ))}
        </ol>
      ) : (
        <p>{d('noHistory')}</p>
      )}
    </section>
  );
}
