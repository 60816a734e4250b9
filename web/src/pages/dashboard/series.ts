/** Shape of GET /api/dashboard/series/:tile (see SeriesSchema in src/modules/dashboard/dashboard.routes.ts). */
import type { TFunction } from 'i18next';
import { currentLanguage } from '../../i18n';
import type { TileId } from './types';

export interface SeriesPoint {
  start: string;
  end: string;
  label: string | null;
  values: Record<string, number | string | null>;
}

export interface Series {
  tile: TileId;
  from: string;
  to: string;
  bucket: 'hour' | 'day' | 'month' | null;
  columns: string[];
  primary: string;
  compare: 'previous' | 'lastYear' | null;
  compareFrom: string | null;
  compareTo: string | null;
  points: SeriesPoint[];
  comparison: SeriesPoint[] | null;
}

export const TILE_IDS: TileId[] = ['services-online', 'projects-by-status', 'parking', 'waste', 'reports', 'fibre'];
export const isTileId = (v: string | undefined): v is TileId => (TILE_IDS as (string | undefined)[]).includes(v);

/** The columns the chart draws: every status for projects, otherwise the tile's main figure. */
export const chartColumns = (s: Series): string[] => (s.tile === 'projects-by-status' ? s.columns : [s.primary]);

const locale = () => (currentLanguage() === 'de' ? 'de-DE' : 'en-GB');

/** A point's name: the district, or its bucket ("4. März 2024, 10:00", "4. März 2024", "März 2024"). */
export function pointLabel(p: SeriesPoint, bucket: Series['bucket']): string {
  if (p.label !== null || bucket === null) return p.label ?? '';
  const start = new Date(p.start);
  const options: Intl.DateTimeFormatOptions =
    bucket === 'hour'
      ? { dateStyle: 'medium', timeStyle: 'short' }
      : bucket === 'day'
        ? { dateStyle: 'medium' }
        : { month: 'long', year: 'numeric' };
  return new Intl.DateTimeFormat(locale(), options).format(start);
}

export const columnLabel = (t: TFunction, column: string) =>
  t(`dashboard.series.columns.${column}`, { defaultValue: t(`dashboard.keys.${column}`, { defaultValue: column }) });
