/**
 * Public map and table of the reports of the last 90 days (the Open311 default window), read from
 * the city's own Open311 endpoint. Filters live in the URL, so every view has a stable address.
 * The district filter is the platform's Open311 extension `district`; English pages show the
 * categories' English names.
 */
import { useMemo, useState } from 'react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { query } from '../../api/client';
import { DistrictOptions } from '../../components/DistrictOptions';
import { FilterActions, FilterForm, FilterSelect, SearchField, useFilterParams } from '../../components/FilterForm';
import { MapView, type MapFeature } from '../../components/map/MapView';
import { ErrorNotice } from '../../components/Notice';
import { useApi } from '../../lib/useApi';
import { useDocumentTitle } from '../../lib/useDocumentTitle';
import { ReportTable } from './ReportTable';
import { CategoryOptions, DemoNotice, ReportsNav, STATUS_STYLE, StatusBadge, useServices } from './shared';
import type { ServiceRequest } from './types';

const LIMIT = 1000;
const PAGE_SIZE = 50;

export default function ReportsListPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('reports.title'));
  const { params } = useFilterParams();
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const category = params.get('kategorie') ?? '';
  const status = params.get('status') ?? '';
  const district = params.get('stadtteil') ?? '';
  const page = Math.max(1, Number(params.get('seite') ?? '1') || 1);

  const services = useServices();
  const { nameOf } = services;
  const list = useApi<ServiceRequest[]>(
    `/open311/v2/requests.json${query({ extensions: 'true', page_size: LIMIT, service_code: category, status, district, q: params.get('q') ?? '' })}`,
  );
  const items = useMemo(
    () => (list.data ?? []).map((r) => ({ ...r, service_name: nameOf(r.service_code, r.service_name) })),
    [list.data, nameOf],
  );
  const features = useMemo<MapFeature[]>(
    () =>
      items.flatMap((r) =>
        r.lat === null || r.long === null
          ? []
          : [
              {
                id: r.service_request_id,
                lat: r.lat,
                lng: r.long,
                label: r.service_name,
                colour: STATUS_STYLE[r.extended_attributes?.detailed_status ?? 'new'].colour,
              },
            ],
      ),
    [items],
  );
  const pages = Math.max(1, Math.ceil(items.length / PAGE_SIZE));
  const shown = items.slice((page - 1) * PAGE_SIZE, page * PAGE_SIZE);
  const selected = items.find((r) => r.service_request_id === selectedId);

  const pageLink = (p: number) => {
    const next = new URLSearchParams(params);
    next.set('seite', String(p));
    return `?${next.toString()}`;
  };
  const filtered = Boolean(category || status || district || params.get('q'));

  return (
    <div className="page">
      <h1>{t('reports.title')}</h1>
      <ReportsNav />
      <p className="lead">{t('reports.intro')}</p>
      <p>
        <Link className="button" to="/schadensmelder/melden">
          {t('reports.nav.report')}
        </Link>
      </p>
      <DemoNotice show={items.some((r) => r.extended_attributes?.demo)} />

      <FilterForm all={t('reports.filter.all')}>
        <div className="filters__grid">
          <FilterSelect id="reports-category" label={t('reports.filter.category')} param="kategorie">
            <CategoryOptions services={services.data} />
          </FilterSelect>
          <FilterSelect id="reports-status" label={t('reports.filter.status')} param="status">
            <option value="open">{t('reports.filter.open')}</option>
            <option value="closed">{t('reports.filter.closed')}</option>
          </FilterSelect>
          <FilterSelect id="reports-district" label={t('reports.filter.district')} param="stadtteil">
            <DistrictOptions />
          </FilterSelect>
        </div>
        <SearchField id="reports-q" label={t('reports.filter.text')} hint={t('reports.filter.textHint')} />
        <FilterActions
          secondary
          submit={t('reports.filter.apply')}
          reset={{ label: t('reports.filter.reset'), to: '/schadensmelder', shown: filtered }}
        />
      </FilterForm>

      <ErrorNotice error={list.error} />
      <section aria-labelledby="reports-results" aria-busy={list.loading}>
        <h2 id="reports-results" aria-live="polite">
          {list.data
            ? list.data.length >= LIMIT
              ? t('reports.more', { count: items.length })
              : t('reports.results', { count: items.length })
            : t('common.loading')}
        </h2>
        {selected ? (
          <p className="report-selected" role="status">
            {t('reports.selected')}{' '}
            <Link
              to={`/schadensmelder/${selected.service_request_id}`}
            >{`${selected.service_request_id} – ${selected.service_name}`}</Link>{' '}
            {selected.extended_attributes ? <StatusBadge status={selected.extended_attributes.detailed_status} /> : null}
          </p>
        ) : null}
        <MapView
          label={t('reports.mapLabel')}
          features={features}
          selectedId={selectedId}
          onSelect={setSelectedId}
          alternative={
            list.data && !items.length ? (
              <p>{t('reports.noResults')}</p>
            ) : (
              <>
                <ReportTable items={shown} selectedId={selectedId} />
                {pages > 1 ? (
                  <nav className="pager" aria-label={t('reports.page', { page })}>
                    {page > 1 ? <Link to={pageLink(page - 1)}>{t('reports.previous')}</Link> : null}
                    <p>{t('reports.page', { page })}</p>
                    {page < pages ? <Link to={pageLink(page + 1)}>{t('reports.next')}</Link> : null}
                  </nav>
                ) : null}
              </>
            )
          }
        />
      </section>
    </div>
  );
}
