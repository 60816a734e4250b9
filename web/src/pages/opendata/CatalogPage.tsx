/**
 * The open-data catalog: full-text search and facets with counts (theme, publisher, format, licence,
 * keyword), paged. It reads the platform's own CKAN API (package_search), the same one harvesters
 * use; the search and the filters live in the URL, so every result list has a stable address.
 */
import { Link } from 'react-router';
import { Trans, useTranslation } from 'react-i18next';
import { FilterActions, FilterForm, FilterReset, FilterSelect, SearchField, useFilterParams } from '../../components/FilterForm';
import { ErrorNotice } from '../../components/Notice';
import { formatDate } from '../../lib/format';
import { useApi } from '../../lib/useApi';
import { useDocumentTitle } from '../../lib/useDocumentTitle';
import { extra, type Ckan, type CkanSearch, type FacetItem } from './types';
import './i18n';
import './opendata.css';

const PAGE_SIZE = 20;
export const FACETS = ['groups', 'organization', 'res_format', 'license_id', 'tags'] as const;
type Facet = (typeof FACETS)[number];

/** CKAN's query for the URL: one fq term per chosen facet value (all must match). */
function searchPath(params: URLSearchParams, page: number): string {
  const q = new URLSearchParams();
  const text = params.get('q');
  if (text) q.set('q', text);
  const fq = FACETS.flatMap((f) => {
    const v = params.get(f);
    return v ? [`${f}:"${v.replace(/"/g, '')}"`] : [];
  });
  if (fq.length) q.set('fq', fq.join(' '));
  q.set('rows', String(PAGE_SIZE));
  q.set('start', String((page - 1) * PAGE_SIZE));
  q.set('sort', 'title_string asc');
  q.set('facet.field', JSON.stringify(FACETS));
  q.set('facet.limit', '50');
  return `/api/3/action/package_search?${q.toString()}`;
}

export default function CatalogPage() {
  const { t, i18n } = useTranslation();
  useDocumentTitle(t('opendata.title'));
  const en = i18n.language.startsWith('en');
  const { params, setParams } = useFilterParams();
  const page = Math.max(1, Number(params.get('seite') ?? '1') || 1);
  const search = useApi<Ckan<CkanSearch>>(searchPath(params, page));

  const result = search.data?.result;
  const total = result?.count ?? 0;
  const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));
  const label = (facet: Facet, item: FacetItem) =>
    facet === 'groups' ? t(`opendata.themes.${item.name}`, item.display_name) : item.display_name;
  const goTo = (n: number) => {
    const next = new URLSearchParams(params);
    next.set('seite', String(n));
    setParams(next);
  };

  return (
    <div className="page opendata">
      <h1>{t('opendata.title')}</h1>
      <p className="lead">{t('opendata.intro')}</p>
      <p>
        <Trans
          i18nKey="opendata.machine"
          components={[
            <a href="/api/opendata/catalog.ttl" />,
            <a href="/api/opendata/catalog.rdf" />,
            <a href="/api/3/action/package_list" />,
          ]}
        />
      </p>

      <FilterForm all={t('opendata.search.all')}>
        <SearchField id="od-q" type="search" label={t('opendata.search.label')} hint={t('opendata.search.hint')} wide />
        <FilterActions submit={t('opendata.search.submit')} />
        <div className="filters__grid">
          {FACETS.map((facet) => (
            <FilterSelect key={facet} id={`od-${facet}`} label={t(`opendata.facets.${facet}`)} param={facet}>
              {(result?.search_facets[facet]?.items ?? [])
                .slice()
                .sort((a, b) => b.count - a.count || label(facet, a).localeCompare(label(facet, b)))
                .map((item) => (
                  <option key={item.name} value={item.name}>
                    {label(facet, item)} ({item.count})
                  </option>
                ))}
              {params.get(facet) && !result?.search_facets[facet]?.items.some((i) => i.name === params.get(facet)) ? (
                <option value={params.get(facet)!}>{params.get(facet)}</option>
              ) : null}
            </FilterSelect>
          ))}
        </div>
        <FilterReset
          button
          label={t('opendata.search.reset')}
          to="/opendata"
          shown={[...params.keys()].some((k) => k !== 'seite')}
        />
      </FilterForm>

      <ErrorNotice error={search.error} />
      <p role="status" className="opendata__count">
        {result ? t('opendata.results', { count: total }) : ''}
      </p>
      {result && !result.results.length ? <p>{t('opendata.noResults')}</p> : null}
      <ul className="opendata__list">
        {result?.results.map((p) => {
          const formats = [...new Set(p.resources.map((r) => r.format).filter(Boolean))];
          return (
            <li key={p.name} className="panel">
              <h2>
                <Link to={`/opendata/${p.name}`}>{en ? (extra(p, 'title_en') ?? p.title) : p.title}</Link>
              </h2>
              <p>{en ? (extra(p, 'notes_en') ?? p.notes) : p.notes}</p>
              <p className="opendata__meta">
                {p.groups.map((g) => t(`opendata.themes.${g.name}`, g.name)).join(' · ')}
                {' — '}
                {t('opendata.formats')}: {formats.join(', ')} — {formatDate(p.metadata_modified)}
              </p>
            </li>
          );
        })}
      </ul>
      {pages > 1 ? (
        <nav className="pager" aria-label={t('opendata.page', { page, pages })}>
          <button type="button" className="button button--secondary" disabled={page <= 1} onClick={() => goTo(page - 1)}>
            {t('opendata.previous')}
          </button>
          <span>{t('opendata.page', { page, pages })}</span>
          <button type="button" className="button button--secondary" disabled={page >= pages} onClick={() => goTo(page + 1)}>
            {t('opendata.next')}
          </button>
        </nav>
      ) : null}
    </div>
  );
}
