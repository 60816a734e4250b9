/** Containers with fill level, battery, time of the last reading and the simulated label; filtered by kind and district. */
import { useState, type FormEvent } from 'react';
import { Link, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { formatNumber } from '../../../lib/format';
import { ModulePage } from '../shared/ModulePage';
import { ApiTable } from '../shared/ApiTable';
import { SimulatedTag, StaleTag, Time } from '../shared/notes';
import { useCanWrite } from '../shared/useCanWrite';
import { DistrictSelect, KindSelect } from './fields';
import type { Container } from './types';
import { WASTE_PATH, WasteNav } from './WasteAdminRoutes';

const pct = (v: number | null) => (v === null ? '–' : formatNumber(Math.round(v)));

export default function ContainersPage() {
  const { t } = useTranslation();
  const canWrite = useCanWrite('waste');
  const c = (key: string) => t(`wasteStaff.containers.${key}`);
  const [params, setParams] = useSearchParams();
  const [kind, setKind] = useState(params.get('kind') ?? '');
  const [district, setDistrict] = useState(params.get('district') ?? '');
  const query = new URLSearchParams();
  if (params.get('kind')) query.set('kind', params.get('kind')!);
  if (params.get('district')) query.set('district', params.get('district')!);

  function onFilter(e: FormEvent) {
    e.preventDefault();
    const next = new URLSearchParams();
    if (kind) next.set('kind', kind);
    if (district) next.set('district', district);
    setParams(next);
  }

  return (
    <ModulePage title={c('title')} nav={<WasteNav />} writes="waste" intro={c('intro')}>
      <form className="filters" onSubmit={onFilter} aria-label={c('filters')}>
        <div className="staff-form-grid">
          <KindSelect id="filter-kind" label={c('kind')} emptyLabel={c('allKinds')} value={kind} onChange={setKind} />
          <DistrictSelect
            id="filter-district"
            label={c('district')}
            emptyLabel={c('allDistricts')}
            value={district}
            onChange={setDistrict}
          />
        </div>
        <p className="actions">
          <button type="submit" className="button">
            {c('apply')}
          </button>
        </p>
      </form>
      <ApiTable<Container>
        path={`/api/waste/containers${query.size ? `?${query.toString()}` : ''}`}
        id="waste-containers"
        caption={c('caption')}
        empty={c('empty')}
        columns={[
          {
            key: 'name',
            header: c('name'),
            rowHeader: true,
            cell: (x) => (
              <>
                {canWrite ? <Link to={`${WASTE_PATH}/${x.id}`}>{x.name}</Link> : x.name} <SimulatedTag simulated={x.simulated} />
              </>
            ),
          },
          { key: 'kind', header: c('kind'), cell: (x) => t(`wasteStaff.kind.${x.kind}`, { defaultValue: x.kind }) },
          { key: 'volume', header: c('volume'), numeric: true, cell: (x) => formatNumber(x.volumeL) },
          { key: 'district', header: c('district'), cell: (x) => x.district ?? t('staffModules.none') },
          { key: 'fill', header: c('fill'), numeric: true, cell: (x) => pct(x.fillPct) },
          { key: 'threshold', header: c('threshold'), numeric: true, cell: (x) => formatNumber(x.thresholdPct) },
          { key: 'battery', header: c('battery'), numeric: true, cell: (x) => pct(x.batteryPct) },
          {
            key: 'lastReading',
            header: c('lastReading'),
            cell: (x) =>
              x.devEui || x.fillAt ? (
                <>
                  <Time at={x.fillAt} />
                  <StaleTag stale={x.stale} />
                </>
              ) : (
                c('noSensor')
              ),
          },
        ]}
      />
    </ModulePage>
  );
}
