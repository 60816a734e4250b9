/** Number, time and cell formatting of the dashboard tiles, in the page's language. */
import type { TFunction } from 'i18next';
import { currentLanguage } from '../../i18n';
import { formatDateTime, formatNumber } from '../../lib/format';
import type { Tile } from './types';

const locale = () => (currentLanguage() === 'de' ? 'de-DE' : 'en-GB');

/** "aktualisiert vor 2 Min." / "updated 2 min ago". */
export function freshness(t: TFunction, updatedAt: string | null, now: number): string {
  if (!updatedAt) return t('dashboard.noDate');
  const seconds = Math.max(0, Math.round((now - Date.parse(updatedAt)) / 1000));
  if (seconds < 60) return t('dashboard.justNow');
  const rtf = new Intl.RelativeTimeFormat(locale(), { style: 'short', numeric: 'always' });
  const minutes = Math.round(seconds / 60);
  if (minutes < 60) return t('dashboard.updated', { ago: rtf.format(-minutes, 'minute') });
  const hours = Math.round(minutes / 60);
  if (hours < 48) return t('dashboard.updated', { ago: rtf.format(-hours, 'hour') });
  return t('dashboard.updated', { ago: rtf.format(-Math.round(hours / 24), 'day') });
}

export function headline(tile: Tile): string {
  if (tile.value === null) return '–';
  if (tile.unit === 'percent')
    return new Intl.NumberFormat(locale(), { style: 'percent', maximumFractionDigits: 1 }).format(tile.value / 100);
  return formatNumber(tile.value);
}

const num = (v: number | null | undefined) => (v === null || v === undefined ? '–' : formatNumber(v));

/** The sentence under the headline figure, from the tile's named values. */
export function subline(t: TFunction, tile: Tile): string {
  const v = tile.values;
  const base = `dashboard.tiles.${tile.id}`;
  switch (tile.id) {
    case 'services-online': {
      const sub = t(`${base}.sub`, { online: num(v['online']), total: num(v['total']) });
      const trend = v['trend'];
      if (trend === null || trend === undefined) return sub;
      const signed = new Intl.NumberFormat(locale(), { signDisplay: 'exceptZero', maximumFractionDigits: 1 }).format(trend);
      return `${sub}; ${t(`${base}.trend`, { trend: signed })}`;
    }
    case 'reports': {
      const median = v['medianHoursToResolution'];
      return t(`${base}.sub`, {
        resolved: num(v['resolved']),
        median:
          median === null || median === undefined ? t(`${base}.noMedian`) : t('dashboard.hours', { value: formatNumber(median) }),
      });
    }
    default:
      return t(`${base}.sub`, Object.fromEntries(Object.entries(v).map(([k, x]) => [k, num(x)])));
  }
}

export function cell(t: TFunction, column: string, value: number | string | null): string {
  if (value === null) return '–';
  if (column === 'updatedAt' && typeof value === 'string') return formatDateTime(value);
  if (column === 'status' && typeof value === 'string') return t(`dashboard.districtStatus.${value}`, { defaultValue: value });
  if (typeof value === 'number') return formatNumber(value);
  return value;
}
