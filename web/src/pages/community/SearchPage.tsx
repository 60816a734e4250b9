/**
 * /vereine: events and organisations in one search. Every filter lives in the URL query (German
 * keys like the other pages), so each view has a stable address to share. Three views: the list of
 * dates, the same dates grouped by day (the calendar, as a list a screen reader can walk), and the
 * organisations as a table beside their map. The iCalendar feeds are linked at the end.
 */
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { query } from '../../api/client';
import { DistrictOptions } from '../../components/DistrictOptions';
import {
  FilterActions,
  FilterCheckbox,
  FilterForm,
  FilterSelect,
  SearchField,
  useFilterParams,
} from '../../components/FilterForm';
import { ErrorNotice } from '../../components/Notice';
import { useApi } from '../../lib/useApi';
import { useDocumentTitle } from '../../lib/useDocumentTitle';
import { CalendarFeeds } from './CalendarFeeds';
import { EventAgenda, EventList } from './EventLists';
import { OrganisationMap } from './OrganisationMap';
import { berlinDate, DemoNotice, useCategoryName } from './shared';
import { CATEGORIES, type EventSearch, type Organisation, type Paged } from './types';

const PAGE_SIZE = 50;
/** Enough for every organisation of the city in one table beside the map. */
const ORGANISATION_LIMIT = 500;
const VIEWS = ['', 'kalender', 'vereine'] as const;
type View = (typeof VIEWS)[number];
const PRESETS: Record<string, 'today' | 'weekend'> = { heute: 'today', wochenende: 'weekend' };
const DATE = /^\d{4}-\d{2}-\d{2}$/;

export default function SearchPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('community.title'));
  const categoryName = useCategoryName();
  const { params, update } = useFilterParams();
  const view: View = VIEWS.find((v) => v === params.get('ansicht')) ?? '';
  const q = params.get('q') ?? '';
  const category = CATEGORIES.find((c) => c === params.get('kategorie')) ?? '';
  const district = params.get('stadtteil') ?? '';
  const period = params.get('zeitraum') ?? '';
  const from = DATE.test(params.get('von') ?? '') ? params.get('von')! : '';
  const to = DATE.test(params.get('bis') ?? '') ? params.get('bis')! : '';
  const free = params.get('kostenlos') === '1';
  const accessible = params.get('barrierefrei') === '1';
  const page = Math.max(1, Number(params.get('seite') ?? '1') || 1);

  const events = useApi<EventSearch>(
    view === 'vereine'
      ? null
      : `/api/community/events${query({
          q,
          category,
          district,
          preset: PRESETS[period],
          from: PRESETS[period] ? undefined : from,
          to: PRESETS[period] ? undefined : to,
          free: free ? 'true' : undefined,
          accessible: accessible ? 'true' : undefined,
          limit: PAGE_SIZE,
          offset: (page - 1) * PAGE_SIZE,
        })}`,
  );
  const organisations = useApi<Paged<Organisation>>(
    view === 'vereine'
      ? `/api/community/organisations${query({ q, category, district, accessible: accessible ? 'true' : undefined, limit: ORGANISATION_LIMIT })}`
      : null,
  );

  const viewLink = (v: View) => {
    const next = new URLSearchParams(params);
    if (v) next.set('ansicht', v);
    else next.delete('ansicht');
    next.delete('seite');
    return `/vereine?${next.toString()}`;
  };
  const pageLink = (p: number) => {
    const next = new URLSearchParams(params);
    next.set('seite', String(p));
    return `?${next.toString()}`;
  };
  const filtered = Boolean(q || category || district || period || from || to || free || accessible);
  const pages = events.data ? Math.max(1, Math.ceil(events.data.total / PAGE_SIZE)) : 1;

  return (
    <div className="page">
      <h1>{t('community.title')}</h1>
      <p className="lead">{t('community.intro')}</p>
      <p>
        {t('community.register.invite')} <Link to="/vereine/registrieren">{t('community.register.link')}</Link>
      </p>
      <DemoNotice show={events.data?.items.some((e) => e.demo) || organisations.data?.items.some((o) => o.demo)} />

      <nav className="sub-nav" aria-label={t('community.view.label')}>
        <ul>
          {(
            [
              ['', 'list'],
              ['kalender', 'calendar'],
              ['vereine', 'organisations'],
            ] as const
          ).map(([v, key]) => (
            <li key={key}>
              <Link to={viewLink(v)} aria-current={view === v ? 'page' : undefined}>
                {t(`community.view.${key}`)}
              </Link>
            </li>
          ))}
        </ul>
      </nav>

      <FilterForm all={t('community.filter.all')} label={t('community.filter.legend')}>
        <SearchField id="community-q" type="search" label={t('community.filter.text')} hint={t('community.filter.textHint')} />
        <div className="filters__grid">
          <FilterSelect id="community-category" label={t('community.filter.category')} param="kategorie" value={category}>
            {CATEGORIES.map((c) => (
              <option key={c} value={c}>
                {categoryName(c)}
              </option>
            ))}
          </FilterSelect>
          <FilterSelect id="community-district" label={t('community.filter.district')} param="stadtteil">
            <DistrictOptions />
          </FilterSelect>
          {view === 'vereine' ? null : (
            <>
              {/* A preset replaces a chosen date range, as it does in the API. */}
              <FilterSelect
                id="community-period"
                label={t('community.filter.period')}
                param="zeitraum"
                clears={['von', 'bis']}
                value={PRESETS[period] ? period : ''}
                all={t('community.filter.upcoming')}
              >
                <option value="heute">{t('community.filter.today')}</option>
                <option value="wochenende">{t('community.filter.weekend')}</option>
              </FilterSelect>
              <div className="field">
                <label htmlFor="community-from">{t('community.filter.from')}</label>
                <input
                  id="community-from"
                  type="date"
                  value={from}
                  onChange={(e) => update({ von: e.target.value, zeitraum: '' })}
                />
              </div>
              <div className="field">
                <label htmlFor="community-to">{t('community.filter.to')}</label>
                <input
                  id="community-to"
                  type="date"
                  value={to}
                  min={from || undefined}
                  onChange={(e) => update({ bis: e.target.value, zeitraum: '' })}
                />
              </div>
            </>
          )}
        </div>
        {view === 'vereine' ? null : (
          <FilterCheckbox param="kostenlos" value="1">
            {t('community.filter.free')}
          </FilterCheckbox>
        )}
        <FilterCheckbox param="barrierefrei" value="1">
          {t('community.filter.accessible')}
        </FilterCheckbox>
        <FilterActions
          secondary
          submit={t('community.filter.apply')}
          reset={{ label: t('community.filter.reset'), to: view ? `/vereine?ansicht=${view}` : '/vereine', shown: filtered }}
        />
      </FilterForm>

      {view === 'vereine' ? (
        <>
          <ErrorNotice error={organisations.error} />
          <p className="meta">{t('community.organisationsHint')}</p>
          <OrganisationMap state={organisations} />
        </>
      ) : (
        <>
          <ErrorNotice error={events.error} />
          <section aria-labelledby="community-results" aria-busy={events.loading}>
            <h2 id="community-results" aria-live="polite">
              {events.data ? t('community.events', { count: events.data.total }) : t('common.loading')}
            </h2>
            {events.data ? (
              <p className="meta">
                {t('community.range', { from: berlinDate(events.data.from), to: berlinDate(lastMoment(events.data.to)) })}
              </p>
            ) : null}
            {events.data && !events.data.items.length ? <p>{t('community.noEvents')}</p> : null}
            {events.data ? (
              view === 'kalender' ? (
                <EventAgenda items={events.data.items} />
              ) : (
                <EventList items={events.data.items} />
              )
            ) : null}
            {pages > 1 ? (
              <nav className="pager" aria-label={t('community.page', { page, pages })}>
                {page > 1 ? <Link to={pageLink(page - 1)}>{t('community.previous')}</Link> : null}
                <p>{t('community.page', { page, pages })}</p>
                {page < pages ? <Link to={pageLink(page + 1)}>{t('community.next')}</Link> : null}
              </nav>
            ) : null}
          </section>
        </>
      )}

      <CalendarFeeds />
    </div>
  );
}

/** The API's `to` is the exclusive end of the range; the visitor reads the last day included. */
const lastMoment = (iso: string) => new Date(new Date(iso).getTime() - 1).toISOString();
