/**
 * Public list of the city's services: full-text search (umlauts optional), filters by Themenfeld,
 * Lebenslage, status and "online now". The filters live in the URL, so every result list has a
 * stable, shareable address and can be downloaded as CSV or JSON.
 */
import { useState, type FormEvent } from 'react';
import { Link, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { ErrorNotice } from '../../components/Notice';
import { useApi } from '../../lib/useApi';
import { useDocumentTitle } from '../../lib/useDocumentTitle';
import { formatDate } from '../../lib/format';
import { CatalogNav, DemoNotice, StatusBadge, SubmitRow } from './shared';
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
  const [params, setParams] = useSearchParams();
  const page = Math.max(1, Number(params.get('seite') ?? '1') || 1);
  const filters = filterQuery(params);
  const listQuery = new URLSearchParams(filters);
  listQuery.set('limit', String(PAGE_SIZE));
  listQuery.set('offset', String((page - 1) * PAGE_SIZE));
  const list = useApi<ServiceList>(`/api/catalog/services?${listQuery.toString()}`);
  const facets = useApi<Facets>('/api/catalog/facets');
  const [text, setText] = useState(params.get('q') ?? '');
  const themenfeld = params.get('themenfeld') ?? '';
  const statuses = params.getAll('status');

  function update(change: (next: URLSearchParams) => void) {
    const next = new URLSearchParams(params);
    change(next);
    next.delete('seite');
    setParams(next);
  }

  function onSearch(event: FormEvent) {
    event.preventDefault();
    update((next) => (text.trim() ? next.set('q', text.trim()) : next.delete('q')));
  }

  const setParam = (key: string, value: string) => update((next) => (value ? next.set(key, value) : next.delete(key)));
  const toggleStatus = (status: string, on: boolean) =>
    update((next) => {
      const current = next.getAll('status').filter((s) => s !== status);
      next.delete('status');
      for (const s of on ? [...current, status] : current) next.append('status', s);
    });

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

      <form className="filters" role="search" onSubmit={onSearch}>
        <div className="field">
          <label htmlFor="catalog-q">{t('catalog.search.label')}</label>
          <p id="catalog-q-hint" className="field__hint">
            {t('catalog.search.hint')}
          </p>
          <input
            id="catalog-q"
            type="text"
            enterKeyHint="search"
            className="input--wide"
            value={text}
            aria-describedby="catalog-q-hint"
            onChange={(e) => setText(e.target.value)}
          />
        </div>
        <SubmitRow label={t('catalog.search.submit')} />
        <div className="filters__grid">
          <div className="field">
            <label htmlFor="catalog-themenfeld">{t('catalog.search.themenfeld')}</label>
            <select
              id="catalog-themenfeld"
              value={themenfeld}
              onChange={(e) =>
                update((next) => {
                  if (e.target.value) next.set('themenfeld', e.target.value);
                  else next.delete('themenfeld');
                  next.delete('lebenslage');
                })
              }
            >
              <option value="">{t('catalog.search.all')}</option>
              {facets.data?.themenfelder.map((f) => (
                <option key={f.id} value={f.id}>
                  {f.name} ({f.serviceCount})
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor="catalog-lebenslage">{t('catalog.search.lebenslage')}</label>
            <select
              id="catalog-lebenslage"
              value={params.get('lebenslage') ?? ''}
              onChange={(e) => setParam('lebenslage', e.target.value)}
            >
              <option value="">{t('catalog.search.all')}</option>
              {lebenslagen
                .filter((l) => l.serviceCount > 0)
                .map((l) => (
                  <option key={l.id} value={l.id}>
                    {l.name} ({l.serviceCount})
                  </option>
                ))}
            </select>
          </div>
        </div>
        <fieldset className="checkbox-group">
          <legend>{t('catalog.search.status')}</legend>
          {STATUSES.map((s) => (
            <label key={s} className="checkbox">
              <input type="checkbox" checked={statuses.includes(s)} onChange={(e) => toggleStatus(s, e.target.checked)} />
              {t(`catalog.status.${s}`)} ({facets.data?.statuses.find((x) => x.status === s)?.count ?? '…'})
            </label>
          ))}
          <label className="checkbox">
            <input
              type="checkbox"
              checked={params.get('online') === 'true'}
              onChange={(e) => setParam('online', e.target.checked ? 'true' : '')}
            />
            {t('catalog.search.onlineNow')}
          </label>
          <label className="checkbox">
            <input
              type="checkbox"
              checked={params.get('efa') === 'true'}
              onChange={(e) => setParam('efa', e.target.checked ? 'true' : '')}
            />
            {t('catalog.search.efa')}
          </label>
        </fieldset>
        {[...filters.keys()].length ? (
          <p>
            <Link to="/verwaltungsleistungen" onClick={() => setText('')}>
              {t('catalog.search.reset')}
            </Link>
          </p>
        ) : null}
      </form>

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
