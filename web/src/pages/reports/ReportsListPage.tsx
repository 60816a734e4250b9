/**
 * Public map and table of the reports of the last 90 days (the Open311 default window), read from
 * the city's own Open311 endpoint. Filters live in the URL, so every view has a stable address.
 * The district filter is the platform's Open311 extension `district`; English pages show the
 * categories' English names.
 */
import { useMemo, useState, type FormEvent, type ReactNode } from 'react';
import { Link, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { query } from '../../api/client';
import { DistrictOptions } from '../../components/DistrictOptions';
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
  const [params, setParams] = useSearchParams();
  const [text, setText] = useState(params.get('q') ?? '');
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

  function update(key: string, value: string) {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    next.delete('seite');
    setParams(next);
  }

  function onSearch(event: FormEvent) {
    event.preventDefault();
    update('q', text.trim());
  }

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

      <form className="filters" role="search" onSubmit={onSearch}>
        <div className="filters__grid">
          <FilterSelect
            id="reports-category"
            label={t('reports.filter.category')}
            value={category}
            onChange={(v) => update('kategorie', v)}
          >
            <CategoryOptions services={services.data} />
          </FilterSelect>
          <FilterSelect
            id="reports-status"
            label={t('reports.filter.status')}
            value={status}
            onChange={(v) => update('status', v)}
          >
            <option value="open">{t('reports.filter.open')}</option>
            <option value="closed">{t('reports.filter.closed')}</option>
          </FilterSelect>
          <FilterSelect
            id="reports-district"
            label={t('reports.filter.district')}
            value={district}
            onChange={(v) => update('stadtteil', v)}
          >
            <DistrictOptions />
          </FilterSelect>
        </div>
        <div className="field">
          <label htmlFor="reports-q">{t('reports.filter.text')}</label>
          <p id="reports-q-hint" className="field__hint">
            {t('reports.filter.textHint')}
          </p>
          <input
            id="reports-q"
            type="text"
            enterKeyHint="search"
            value={text}
            aria-describedby="reports-q-hint"
            onChange={(e) => setText(e.target.value)}
          />
        </div>
        <div className="actions">
          <button type="submit" className="button button--secondary">
            {t('reports.filter.apply')}
          </button>
          {filtered ? (
            <Link to="/schadensmelder" onClick={() => setText('')}>
              {t('reports.filter.reset')}
            </Link>
          ) : null}
        </div>
      </form>

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

/** A filter that applies on change; its first option ("all") clears it. */
function FilterSelect(props: {
  id: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <div className="field">
      <label htmlFor={props.id}>{props.label}</label>
      <select id={props.id} value={props.value} onChange={(e) => props.onChange(e.target.value)}>
        <option value="">{t('reports.filter.all')}</option>
        {props.children}
      </select>
    </div>
  );
}
