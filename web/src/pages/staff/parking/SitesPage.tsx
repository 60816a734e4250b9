/** Every car park with its live state: free spaces, status, time of the last reading, freshness, simulation. */
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { formatNumber } from '../../../lib/format';
import { ModulePage } from '../shared/ModulePage';
import { ApiTable } from '../shared/ApiTable';
import { SimulatedTag, StaleTag, Time } from '../shared/notes';
import { useCanWrite } from '../shared/useCanWrite';
import { PARKING_PATH, ParkingNav } from './ParkingAdminRoutes';
import type { Site } from './types';

export default function SitesPage() {
  const { t } = useTranslation();
  const canWrite = useCanWrite('parking');
  const s = (key: string) => t(`parkingStaff.sites.${key}`);

  return (
    <ModulePage title={s('title')} nav={<ParkingNav />} writes="parking" intro={s('intro')}>
      <ApiTable<Site>
        path="/api/parking/sites"
        id="parking-sites"
        caption={s('caption')}
        empty={s('empty')}
        columns={[
          {
            key: 'name',
            header: s('name'),
            rowHeader: true,
            cell: (site) => (
              <>
                {canWrite ? <Link to={`${PARKING_PATH}/${site.id}`}>{site.name}</Link> : site.name}{' '}
                <SimulatedTag simulated={site.simulated || site.realtime.simulated} />
              </>
            ),
          },
          { key: 'type', header: s('type'), cell: (site) => t(`parkingStaff.type.${site.type}`, { defaultValue: site.type }) },
          {
            key: 'capacity',
            header: s('capacity'),
            numeric: true,
            cell: (site) => (
              <>
                {formatNumber(site.capacity)}
                {site.capacityEstimated ? <> ({s('estimated')})</> : null}
              </>
            ),
          },
          {
            key: 'free',
            header: s('free'),
            numeric: true,
            cell: (site) => (site.realtime.free === null ? t('staffModules.none') : formatNumber(site.realtime.free)),
          },
          { key: 'status', header: s('status'), cell: (site) => t(`parkingStaff.status.${site.realtime.status}`) },
          {
            key: 'updatedAt',
            header: s('updatedAt'),
            cell: (site) => (
              <>
                <Time at={site.realtime.updatedAt} none={s('never')} />
                <StaleTag stale={site.realtime.updatedAt !== null && !site.realtime.fresh} />
              </>
            ),
          },
        ]}
      />
    </ModulePage>
  );
}
