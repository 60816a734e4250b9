/**
 * The organisations found, as a table (name, category, district, address) beside their map; the
 * table lists every organisation, the map those with a position. Picking a point names it above.
 */
import { useId, useMemo, useState } from 'react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useDistrictName } from '../../components/DistrictOptions';
import { MapView, type MapFeature } from '../../components/map/MapView';
import type { ApiState } from '../../lib/useApi';
import { useCategoryName } from './shared';
import type { Organisation, Paged } from './types';

export function OrganisationMap({ state }: { state: ApiState<Paged<Organisation>> }) {
  const { t } = useTranslation();
  const captionId = useId();
  const categoryName = useCategoryName();
  const districtName = useDistrictName();
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const items = useMemo(() => state.data?.items ?? [], [state.data]);
  const features = useMemo<MapFeature[]>(
    () =>
      items.flatMap((o) => (o.location ? [{ id: String(o.id), lat: o.location.lat, lng: o.location.lon, label: o.name }] : [])),
    [items],
  );
  const selected = items.find((o) => String(o.id) === selectedId);

  return (
    <section aria-labelledby="community-orgs" aria-busy={state.loading}>
      <h2 id="community-orgs" aria-live="polite">
        {state.data ? t('community.organisations', { count: state.data.total }) : t('common.loading')}
      </h2>
      {selected ? (
        <p role="status">
          {t('community.map.selected')} <Link to={`/vereine/${selected.slug}`}>{selected.name}</Link>
        </p>
      ) : null}
      <MapView
        label={t('community.map.label')}
        features={features}
        selectedId={selectedId}
        onSelect={setSelectedId}
        alternative={
          state.data && !items.length ? (
            <p>{t('community.noOrganisations')}</p>
          ) : (
            <div className="table-scroll" role="region" aria-labelledby={captionId} tabIndex={0}>
              <table>
                <caption id={captionId}>{t('community.map.caption')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('community.col.name')}</th>
                    <th scope="col">{t('community.col.category')}</th>
                    <th scope="col">{t('community.col.district')}</th>
                    <th scope="col">{t('community.col.address')}</th>
                  </tr>
                </thead>
                <tbody>
                  {items.map((o) => (
                    <tr key={o.id} aria-current={String(o.id) === selectedId || undefined}>
                      <th scope="row">
                        <Link to={`/vereine/${o.slug}`}>{o.name}</Link>
                      </th>
                      <td>{categoryName(o.category)}</td>
                      <td>{districtName(o.district)}</td>
                      <td>{o.address}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )
        }
      />
    </section>
  );
}
