/** Open reports of the chosen category near the pin, offered for support before a new report is sent. */
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { query } from '../../api/client';
import type { LngLat } from '../../components/map/MapView';
import { formatDate } from '../../lib/format';
import { useApi } from '../../lib/useApi';
import { SupportBox } from './SupportBox';
import { StatusBadge, type CategoryName } from './shared';
import type { NearbyReport } from './types';

export function NearbyReports({
  serviceCode,
  at,
  email,
  nameOf,
}: {
  serviceCode: string;
  at: LngLat;
  email: string | undefined;
  nameOf: CategoryName;
}) {
  const { t } = useTranslation();
  const { data } = useApi<{ items: NearbyReport[] }>(
    `/api/reports/nearby${query({ service_code: serviceCode, lat: at.lat, long: at.lng })}`,
  );
  return (
    <section aria-labelledby="report-nearby" aria-live="polite">
      <h2 id="report-nearby">{t('reports.form.nearbyTitle')}</h2>
      {data?.items.length ? (
        <>
          <p>{t('reports.form.nearbyIntro')}</p>
          <ul className="nearby-list">
            {data.items.map((r) => (
              <li key={r.id}>
                <div>
                  <p>
                    <Link to={`/schadensmelder/${r.id}`}>{`${r.id} – ${nameOf(r.serviceCode, r.serviceName)}`}</Link>{' '}
                    <StatusBadge status={r.detailedStatus} />
                  </p>
                  <p className="meta">{[r.address, formatDate(r.requestedAt), r.description].filter(Boolean).join(' · ')}</p>
                  <SupportBox id={r.id} email={email} buttonLabel={t('reports.form.supportInstead', { id: r.id })} />
                </div>
              </li>
            ))}
          </ul>
        </>
      ) : (
        <p>{data ? t('reports.form.nearbyNone') : t('common.loading')}</p>
      )}
    </section>
  );
}
