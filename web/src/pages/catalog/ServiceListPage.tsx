/**
 * Public list of the city's services: full-text search (umlauts optional), filters by Themenfeld,
 * Lebenslage, status and "online now". The filters live in the URL, so every result list has a
 * stable, shareable address and can be downloaded as CSV or JSON.
 */
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import {
  FilterActions,
  FilterCheckbox,
  FilterForm,
  FilterReset,
  FilterSelect,
  SearchField,
  useFilterParams,
} from '../../components/FilterForm';
import { ErrorNotice } from '../../components/Notice';
import { useApi } from '../../lib/useApi';
import { useDocumentTitle } from '../../lib/useDocumentTitle';
import { formatDate } from '../../lib/format';
import { CatalogNav, DemoNotice, StatusBadge } from './shared';
import { STATUSES, type Facets, type ServiceList } from './types';

const PAGE_SIZE = 25;

/** The API query for the current URL (without paging), shared by the list and the downloads. */
function filterQuery(params: URLSearchParams): URLSearchParams {
  const q = new URLSearchParams();
  for (const key of ['q', 'themenfeld', 'lebenslage', 'online', 'efa']) {
    const v = params.get(key);
    if (v) q.set(key, v);
  }
  for (const s of params.getAll('status')) q.append('status', s);
  return q;
}

export default function ServiceListPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('catalog.title'));
  const { params } = useFilterParams();
  const page = Math.max(1, Number(params.get('seite') ?? '1') || 1);
  const filters = filterQuery(params);
  const listQuery = new URLSearchParams(filters);
  listQuery.set('limit', String(PAGE_SIZE));
  listQuery.set('offset', String((page - 1) * PAGE_SIZE));
  const list = useApi<ServiceList>(`/api/catalog/services?${listQuery.toString()}`);
  const facets = useApi<Facets>('/api/catalog/facets');
  const themenfeld = params.get('themenfeld') ?? '';

  const total = list.data?.total ?? 0;
  const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));
  const lebenslagen = (facets.data?.lebenslagen ?? []).filter((l) => !themenfeld || String(l.themenfeldId) === themenfeld);
  const download = (format: string) =>
    `/api/catalog/services/export?${new URLSearchParams([...filters, ['format', format]]).toString()}`;

  return (
    <div className="page">
      <h1>{t('catalog.title')}</h1>
      <CatalogNav />
      <p className="lead">{t('catalog.intro')}</p>
      <DemoNotice show={list.data?.items.some((i) => i.demo)} />

      <FilterForm all={t('catalog.search.all')}>
        <SearchField id="catalog-q" label={t('catalog.search.label')} hint={t('catalog.search.hint')} wide />
        <FilterActions submit={t('catalog.search.submit')} />
        <div className="filters__grid">
          <FilterSelect id="catalog-themenfeld" label={t('catalog.search.themenfeld')} param="themenfeld" clears={['lebenslage']}>
            {facets.data?.themenfelder.map((f) => (
              <option key={f.id} value={f.id}>
                {f.name} ({f.serviceCount})
              </option>
            ))}
          </FilterSelect>
          <FilterSelect id="catalog-lebenslage" label={t('catalog.search.lebenslage')} param="lebenslage">
            {lebenslagen
              .filter((l) => l.serviceCount > 0)
              .map((l) => (
                <option key={l.id} value={l.id}>
                  {l.name} ({l.serviceCount})
                </option>
              ))}
          </FilterSelect>
        </div>
        <fieldset className="checkbox-group">
          <legend>{t('catalog.search.status')}</legend>
          {STATUSES.map((s) => (
            <FilterCheckbox key={s} param="status" value={s} multiple>
              {t(`catalog.status.${s}`)} ({facets.data?.statuses.find((x) => x.status === s)?.count ?? '…'})
            </FilterCheckbox>
          ))}
          <FilterCheckbox param="online" value="true">
            {t('catalog.search.onlineNow')}
          </FilterCheckbox>
          <FilterCheckbox param="efa" value="true">
            {t('catalog.search.efa')}
          </FilterCheckbox>
        </fieldset>
        <FilterReset label={t('catalog.search.reset')} to="/verwaltungsleistungen" shown={[...filters.keys()].length > 0} />
      </FilterForm>

      <ErrorNotice error={list.error} />
      <section aria-labelledby="catalog-results" aria-busy={list.loading}>
        <h2 id="catalog-results" aria-live="polite">
          {list.data ? t('catalog.results', { count: total }) : t('common.loading')}
        </h2>
        <p className="downloads">
          {t('catalog.download')} <a href={download('csv')}>CSV</a>
          <a href={download('json')}>JSON</a>
        </p>
        {list.data && !list.data.items.length ? <p>{t('catalog.noResults')}</p> : null}
        <ul className="service-list">
          {list.data?.items.map((s) => (
            <li key={s.id}>
              <h3>
                <Link to={`/verwaltungsleistungen/${s.id}`}>{s.name}</Link>
              </h3>
              <p>
                <StatusBadge status={s.status} />{' '}
                <span className="service-meta">{t('catalog.service.since', { date: formatDate(s.statusSince) })}</span>
                {s.efa ? <span className="service-meta"> · EfA</span> : null}
              </p>
              <p className="service-meta">
                {[s.ozg ? `OZG ${s.ozg.id}` : null, s.themenfeld?.name, s.lebenslage?.name, s.office].filter(Boolean).join(' · ')}
              </p>
            </li>
          ))}
        </ul>
        {pages > 1 ? (
          <nav className="pager" aria-label={t('catalog.page', { page, pages })}>
            {page > 1 ? <Link to={`?${withPage(params, page - 1)}`}>{t('catalog.previous')}</Link> : null}
            <p>{t('catalog.page', { page, pages })}</p>
            {page < pages ? <Link to={`?${withPage(params, page + 1)}`}>{t('catalog.next')}</Link> : null}
          </nav>
        ) : null}
      </section>
    </div>
  );
}

function withPage(params: URLSearchParams, page: number): string {
  const next = new URLSearchParams(params);
  next.set('seite', String(page));
  return next.toString();
}
