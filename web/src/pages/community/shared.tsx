/** Pieces every Vereine & Kultur page uses: Berlin times, category names, the cancelled label, event rows, JSON-LD. */
import { useEffect, type ReactNode } from 'react';
import { Link } from 'react-router';
import { ApiError } from '../../api/client';
import { useTranslation } from 'react-i18next';
import { useDistrictName } from '../../components/DistrictOptions';
import { ErrorNotice, Loading } from '../../components/Notice';
import { currentLanguage } from '../../i18n';
import { useApi } from '../../lib/useApi';
import type { Occurrence } from './types';
import './i18n';
import './community.css';

export const TIME_ZONE = 'Europe/Berlin';

const formatter = (options: Intl.DateTimeFormatOptions) =>
  new Intl.DateTimeFormat(currentLanguage() === 'de' ? 'de-DE' : 'en-GB', { timeZone: TIME_ZONE, ...options });

/**
 * Event times are local to Koblenz whatever the visitor's device says, so every date and time is
 * formatted in Europe/Berlin (lib/format.ts uses the device's zone, right for timestamps of records).
 */
export const berlinDateTime = (iso: string) =>
  formatter({ weekday: 'short', day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit' }).format(
    new Date(iso),
  );
export const berlinTime = (iso: string) => formatter({ hour: '2-digit', minute: '2-digit' }).format(new Date(iso));
export const berlinDate = (iso: string) => formatter({ dateStyle: 'long' }).format(new Date(iso));
export const berlinDay = (iso: string) =>
  formatter({ weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' }).format(new Date(iso));
/** YYYY-MM-DD of the Berlin calendar day, to group dates by day. */
export const berlinDayKey = (iso: string) => new Intl.DateTimeFormat('en-CA', { timeZone: TIME_ZONE }).format(new Date(iso));

/** "Sa., 5. Juni 2027, 19:00 – 21:00", the end with its date only when it falls on another day. */
export function berlinSpan(start: string, end: string): string {
  return `${berlinDateTime(start)} – ${berlinDayKey(start) === berlinDayKey(end) ? berlinTime(end) : berlinDateTime(end)}`;
}

export function useCategoryName(): (category: string) => string {
  const { t } = useTranslation();
  return (category) => t(`community.category.${category}`, { defaultValue: category });
}

/** The cancelled state as a word (with a symbol), never as colour alone. */
export function CancelledBadge() {
  const { t } = useTranslation();
  return (
    <span className="badge community-cancelled">
      <span aria-hidden="true">✕ </span>
      {t('community.cancelled')}
    </span>
  );
}

export function DemoNotice({ show }: { show: boolean | undefined }) {
  const { t } = useTranslation();
  if (!show) return null;
  return (
    <p className="notice notice--info" role="note">
      {t('community.demo')}
    </p>
  );
}

/** One date of an event in a list: time, title (linked), organiser, place and its states in words. */
export function OccurrenceItem({ item, timeOnly = false }: { item: Occurrence; timeOnly?: boolean }) {
  const { t } = useTranslation();
  const districtName = useDistrictName();
  const cancelled = item.status === 'cancelled';
  const when = timeOnly
    ? `${berlinTime(item.occurrenceStart)} – ${berlinTime(item.occurrenceEnd)}`
    : berlinSpan(item.occurrenceStart, item.occurrenceEnd);
  const place = [item.venue.name, item.venue.address, districtName(item.venue.district)].filter(Boolean).join(', ');
  return (
    <li className={cancelled ? 'community-event community-event--cancelled' : 'community-event'}>
      <p className="community-event__when">
        <time dateTime={item.occurrenceStart}>{when}</time>
        {cancelled ? (
          <>
            {' '}
            <CancelledBadge />
          </>
        ) : null}
      </p>
      <h3 className="community-event__title">
        <Link to={`/vereine/veranstaltungen/${item.id}`}>{item.title}</Link>
      </h3>
      <p className="meta">
        {t('community.by', { name: item.organisation.name })}
        {place ? ` · ${place}` : ''}
        {item.free ? ` · ${t('community.free')}` : ''}
        {item.accessibleVenue ? ` · ${t('community.accessibleVenue')}` : ''}
      </p>
    </li>
  );
}

/** The id of the server's JSON-LD element (PAGE_JSONLD_ID in platform/http/web.ts). */
const PAGE_JSONLD_ID = 'page-jsonld';

/**
 * The page's schema.org JSON-LD from the API (community.jsonld.ts). A `type="application/ld+json"`
 * script is a data block the browser never executes, so the CSP's script-src does not apply; the
 * text is set as the element's content (no HTML parsing) and `<` is escaped once more regardless.
 */
export function JsonLd({ path }: { path: string }) {
  const { data } = useApi<unknown>(path);
  // The server put the JSON-LD of the page first loaded into the head (platform/http/web.ts); after
  // navigating it would describe another page, so this one's takes its place.
  useEffect(() => {
    if (data) document.getElementById(PAGE_JSONLD_ID)?.remove();
  }, [data]);
  if (!data) return null;
  return <script type="application/ld+json">{JSON.stringify(data).replace(/</g, '\\u003c')}</script>;
}

/** A detail page before its record is there: not found (bad address or 404), another error, or loading. */
export function PendingDetail({ valid, error, notFound }: { valid: boolean; error: unknown; notFound: string }) {
  const { t } = useTranslation();
  const missing = !valid || (error instanceof ApiError && error.status === 404);
  return (
    <div className="page">
      <p>
        <Link to="/vereine">{t('community.back')}</Link>
      </p>
      <h1>{t('community.title')}</h1>
      {missing ? <p>{notFound}</p> : error ? <ErrorNotice error={error} /> : <Loading />}
    </div>
  );
}

/** One label and value of a page's facts list; left out when there is no value. */
export function Fact({ label, children }: { label: string; children: ReactNode }) {
  if (!children) return null;
  return (
    <>
      <dt>{label}</dt>
      <dd>{children}</dd>
    </>
  );
}
