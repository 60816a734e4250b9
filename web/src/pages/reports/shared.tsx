/** Pieces every Schadensmelder page uses: status badge and colours, sub-navigation, photo paths, categories. */
import { useMemo } from 'react';
import { NavLink } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useApi, type ApiState } from '../../lib/useApi';
import type { CategoryTexts, DetailedStatus, Service } from './types';
import './i18n';
import './reports.css';

/**
 * Status colours: white text on each reaches at least 4.5:1, and each reaches 3:1 against the light
 * and the dark map background. Colour is never the only cue: badges carry a symbol and the word.
 */
export const STATUS_STYLE: Record<DetailedStatus, { colour: string; symbol: string }> = {
  new: { colour: '#b3261e', symbol: '!' },
  accepted: { colour: '#8a4b00', symbol: '✓' },
  in_progress: { colour: '#0b55a6', symbol: '⚙' },
  waiting_third_party: { colour: '#6b3fa0', symbol: '⏸' },
  resolved: { colour: '#1e6b2a', symbol: '✔' },
  rejected: { colour: '#4b5361', symbol: '✕' },
  duplicate: { colour: '#4b5361', symbol: '⧉' },
};

export function StatusBadge({ status }: { status: DetailedStatus }) {
  const { t } = useTranslation();
  const style = STATUS_STYLE[status];
  return (
    <span className={`badge report-status report-status--${status}`}>
      <span aria-hidden="true">{style.symbol} </span>
      {t(`reports.status.${status}`)}
    </span>
  );
}

export function ReportsNav() {
  const { t } = useTranslation();
  return (
    <nav className="sub-nav" aria-label={t('reports.title')}>
      <ul>
        <li>
          <NavLink to="/schadensmelder" end>
            {t('reports.nav.list')}
          </NavLink>
        </li>
        <li>
          <NavLink to="/schadensmelder/melden">{t('reports.nav.report')}</NavLink>
        </li>
      </ul>
    </nav>
  );
}

const OWN_PHOTO = /\/api\/reports\/photos\/(\d+)$/;

/**
 * Photo URLs in Open311 are absolute (PUBLIC_URL). The page loads its own photos by path, so they
 * come from this origin whatever the public address; any other URL is only ever linked, never loaded.
 */
export function photoPaths(url: string): { full: string; thumb: string } | null {
  const m = OWN_PHOTO.exec(url.split('?')[0] ?? '');
  return m ? { full: `/api/reports/photos/${m[1]}`, thumb: `/api/reports/photos/${m[1]}/thumb` } : null;
}

/** Categories grouped as the API groups them, in the API's order. */
export function groupServices(services: readonly Service[]): [string, Service[]][] {
  const groups = new Map<string, Service[]>();
  for (const s of services) groups.set(s.group, [...(groups.get(s.group) ?? []), s]);
  return [...groups];
}

export function CategoryOptions({ services }: { services: readonly Service[] | undefined }) {
  return (
    <>
      {groupServices(services ?? []).map(([group, items]) => (
        <optgroup key={group} label={group}>
          {items.map((s) => (
            <option key={s.service_code} value={s.service_code}>
              {s.service_name}
            </option>
          ))}
        </optgroup>
      ))}
    </>
  );
}

export function DemoNotice({ show }: { show: boolean | undefined }) {
  const { t } = useTranslation();
  if (!show) return null;
  return (
    <p className="notice notice--info" role="note">
      {t('reports.demo')}
    </p>
  );
}

const SERVICES_PATH = '/open311/v2/services.json';
const CATEGORY_TEXTS_PATH = '/api/reports/services';

/**
 * Open311 names categories in German only (GeoReport v2 has no language parameter), so English pages
 * load the English texts once and put them in; an empty English text falls back to the German one.
 */
function useEnglishTexts(): Map<string, CategoryTexts> | null {
  const { i18n } = useTranslation();
  const english = i18n.language.startsWith('en');
  const texts = useApi<{ items: CategoryTexts[] }>(english ? CATEGORY_TEXTS_PATH : null);
  return useMemo(() => (english ? new Map((texts.data?.items ?? []).map((c) => [c.code, c])) : null), [english, texts.data]);
}

export type CategoryName = (code: string, name: string) => string;

const nameFrom =
  (english: Map<string, CategoryTexts> | null): CategoryName =>
  (code, name) =>
    english?.get(code)?.nameEn || name;

/** A category's name in the page's language, from its code and the (German) name the API sent. */
export function useCategoryName(): CategoryName {
  const english = useEnglishTexts();
  return useMemo(() => nameFrom(english), [english]);
}

/** The Open311 services with name, description and group in the page's language, and `nameOf` for other names. */
export function useServices(): ApiState<Service[]> & { nameOf: CategoryName } {
  const services = useApi<Service[]>(SERVICES_PATH);
  const english = useEnglishTexts();
  const nameOf = useMemo(() => nameFrom(english), [english]);
  const data = useMemo(
    () =>
      english
        ? services.data?.map((s) => {
            const c = english.get(s.service_code);
            return c
              ? {
                  ...s,
                  service_name: c.nameEn || s.service_name,
                  description: c.descriptionEn || s.description,
                  group: c.groupEn || s.group,
                }
              : s;
          })
        : services.data,
    [services.data, english],
  );
  return { ...services, data, nameOf };
}
