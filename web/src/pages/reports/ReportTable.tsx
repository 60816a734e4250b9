/** The table of reports: the alternative to the map on the overview, one row per report. */
import { useId } from 'react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useDistrictName } from '../../components/DistrictOptions';
import { formatDate } from '../../lib/format';
import { StatusBadge } from './shared';
import type { ServiceRequest } from './types';

export function ReportTable({ items, selectedId }: { items: readonly ServiceRequest[]; selectedId: string | null }) {
  const { t } = useTranslation();
  const captionId = useId();
  const districtName = useDistrictName();
  return (
    <div className="table-scroll" role="region" aria-labelledby={captionId} tabIndex={0}>
      <table>
        <caption id={captionId}>{t('reports.tableCaption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('reports.col.id')}</th>
            <th scope="col">{t('reports.col.category')}</th>
            <th scope="col">{t('reports.col.status')}</th>
            <th scope="col">{t('reports.col.place')}</th>
            <th scope="col">{t('reports.col.date')}</th>
            <th scope="col">{t('reports.col.supporters')}</th>
          </tr>
        </thead>
        <tbody>
          {items.map((r) => {
            const ext = r.extended_attributes;
            const place = [r.address, districtName(ext?.district)].filter(Boolean).join(', ');
            return (
              <tr key={r.service_request_id} aria-current={r.service_request_id === selectedId || undefined}>
                <th scope="row">
                  <Link to={`/schadensmelder/${r.service_request_id}`}>{r.service_request_id}</Link>
                </th>
                <td>{r.service_name}</td>
                <td>{ext ? <StatusBadge status={ext.detailed_status} /> : t(`reports.status.${r.status}`)}</td>
                <td>{place || (r.lat === null ? t('reports.noLocation') : `${r.lat}, ${r.long}`)}</td>
                <td>{formatDate(r.requested_datetime)}</td>
                <td>{ext?.supporters ?? 0}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
