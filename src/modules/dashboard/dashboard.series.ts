/**
 * Time series behind the dashboard tiles (detail views): one value row per bucket of a chosen range,
 * optionally with the same buckets of the previous period or of the year before, read from the
 * owning modules' public reads (DashboardSources) like the tiles are.
 *
 * The buckets cover exactly [from, to): the first starts at `from`, the last ends at `to`, the ones
 * between at full hours, local midnights or first days of a month (Europe/Berlin). So the CSV of a
 * range holds exactly that range, and a point's figures are those of its own [start, end).
 */
import type { DashboardSources } from '../../platform/contracts.js';
import { badRequest } from '../../platform/http/errors.js';
import { localDate, localInstant, localParts, yearEarlier } from '../../platform/time.js';
import type { TileId } from './dashboard.tiles.js';

/** Longest range one request may ask for (a leap year and a day of slack for time zones). */
export const MAX_RANGE_DAYS = 367;
const HOUR = 3_600_000;
const DAY = 24 * HOUR;

export type Bucket = 'hour' | 'day' | 'month';
export type Compare = 'previous' | 'lastYear';
type Value = number | string | null;

export interface SeriesPoint {
  start: string;
  end: string;
  /** A proper name (district) for series that are not over time; null otherwise. */
  label: string | null;
  values: Record<string, Value>;
}

export interface Series {
  tile: TileId;
  from: string;
  to: string;
  /** null: the figures are not over time (fibre: one bar per district). */
  bucket: Bucket | null;
  columns: string[];
  /** The column that is charted against the comparison period. */
  primary: string;
  compare: Compare | null;
  compareFrom: string | null;
  compareTo: string | null;
  points: SeriesPoint[];
  /** Same length as `points`: bucket i of the comparison period. */
  comparison: SeriesPoint[] | null;
}

/** ObservedProperty definitions of the Datastreams the parking and waste modules create. */
export const OBSERVED = {
  parkingFree: 'https://confluentes.koblenz.de/def/parking/freeSpaces',
  wasteFill: 'https://smartdatamodels.org/dataModel.WasteManagement/fillingLevel',
} as const;

const PROJECT_STATUSES = ['idea', 'planned', 'in_development', 'live', 'paused', 'discontinued'];

function parseInstant(value: string | undefined, field: string): Date | undefined {
  if (value === undefined || value === '') return undefined;
  // A date alone means local midnight, so "to=2026-11-30" ends where the day in Koblenz begins.
  const day = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  const [y, m, dd] = day ? [Number(day[1]), Number(day[2]), Number(day[3])] : [0, 0, 0];
  // Date.UTC would roll 2024-13-45 over into 2025; a real calendar date survives the round trip.
  const real = day !== null && new Date(Date.UTC(y, m - 1, dd)).toISOString().startsWith(value);
  const d = real ? localInstant(y, m, dd) : /^\d{4}-\d{2}-\d{2}T/.test(value) ? new Date(value) : undefined;
  if (!d || Number.isNaN(d.getTime())) {
    throw badRequest('DASHBOARD_DATE_INVALID', `${field} must be a date (YYYY-MM-DD) or an ISO 8601 date-time.`, field);
  }
  return d;
}

/** The range of a request: default the last seven days; `to` after `from`, at most MAX_RANGE_DAYS. */
export function parseRange(query: { from?: string | undefined; to?: string | undefined }, now: Date): { from: Date; to: Date } {
  const to = parseInstant(query.to, 'query.to') ?? now;
  const from = parseInstant(query.from, 'query.from') ?? new Date(to.getTime() - 7 * DAY);
  if (!(from < to)) throw badRequest('DASHBOARD_RANGE_INVALID', 'query.to must be after query.from.', 'query.to');
  if (to.getTime() - from.getTime() > MAX_RANGE_DAYS * DAY) {
    throw badRequest('DASHBOARD_RANGE_TOO_LONG', `The range may span at most ${MAX_RANGE_DAYS} days.`, 'query.from');
  }
  return { from, to };
}

/** Hours up to two days, days up to three months, months above: at most about 90 points. */
export function bucketFor(from: Date, to: Date): Bucket {
  const span = to.getTime() - from.getTime();
  return span <= 2 * DAY ? 'hour' : span <= 92 * DAY ? 'day' : 'month';
}

/** The boundaries of the buckets of [from, to): from, every full unit in between, to. */
export function boundaries(from: Date, to: Date, bucket: Bucket): Date[] {
  const bounds = [from];
  const p = localParts(from);
  for (let k = 1; ; k++) {
    const next =
      bucket === 'hour'
        ? new Date(Math.floor(from.getTime() / HOUR) * HOUR + k * HOUR)
        : bucket === 'day'
          ? localInstant(p.year, p.month, p.day + k)
          : localInstant(p.year, p.month + k, 1);
    if (next >= to) break;
    bounds.push(next);
  }
  bounds.push(to);
  return bounds;
}

/** The comparison period's boundaries, bucket for bucket. */
export function comparisonBounds(bounds: Date[], compare: Compare): Date[] {
  if (compare === 'lastYear') return bounds.map(yearEarlier);
  const span = bounds[bounds.length - 1]!.getTime() - bounds[0]!.getTime();
  return bounds.map((b) => new Date(b.getTime() - span));
}

const round = (v: number, digits = 1) => Math.round(v * 10 ** digits) / 10 ** digits;

interface Columns {
  columns: string[];
  primary: string;
  /** One values record per bucket. */
  read(bounds: Date[], now: Date): Promise<Record<string, Value>[]>;
}

/** Buckets that have not begun yet have no figures (null), never a zero. */
function future(bounds: Date[], now: Date, rows: Record<string, Value>[], columns: string[]) {
  return rows.map((r, i) => (bounds[i]! > now ? Object.fromEntries(columns.map((c) => [c, null])) : r));
}

function timeSeries(sources: DashboardSources): Partial<Record<TileId, Columns>> {
  /** Sum (parking) or mean (waste) over the Things of a SensorThings property, per bucket. */
  const sensorColumns = (property: string, value: string, count: string, combine: 'sum' | 'mean'): Columns => ({
    columns: [value, count],
    primary: value,
    async read(bounds) {
      const means = await sources.sensors.means(property, bounds);
      return bounds.slice(1).map((_, i) => {
        const inBucket = means.filter((m) => m.bucket === i);
        if (inBucket.length === 0) return { [value]: null, [count]: 0 };
        const total = inBucket.reduce((a, m) => a + m.mean, 0);
        return { [value]: combine === 'sum' ? Math.round(total) : round(total / inBucket.length), [count]: inBucket.length };
      });
    },
  });

  return {
    'services-online': {
      columns: ['shareOnline', 'online', 'total'],
      primary: 'shareOnline',
      // The share at the end of each bucket: the catalog's history is kept per day.
      async read(bounds, now) {
        const dates = bounds.slice(1).map((end) => localDate(new Date(Math.min(end.getTime(), now.getTime()) - 1)));
        const kpis = new Map(await Promise.all([...new Set(dates)].map(async (d) => [d, await sources.catalog.kpis(d)] as const)));
        return dates.map((d) => {
          const k = kpis.get(d)!;
          return { shareOnline: round(k.shareOnline * 100), online: k.counts.online, total: k.total };
        });
      },
    },
    'projects-by-status': {
      columns: PROJECT_STATUSES,
      primary: 'live',
      // Today's statuses, with every later status change and creation undone for each bucket's end.
      async read(bounds, now) {
        const [projects, history] = await Promise.all([
          sources.projects.list({}),
          sources.projects.changesSince(bounds[0]!.toISOString(), 100_000),
        ]);
        const state = new Map<string, string>(projects.map((p) => [p.slug, p.status]));
        const changes = history.items.filter((h) => h.change === 'create' || (h.change === 'status' && h.field === 'status')); // newest first
        let next = 0;
        const rows: Record<string, Value>[] = [];
        for (const end of bounds.slice(1).reverse()) {
          const at = new Date(Math.min(end.getTime(), now.getTime())).toISOString();
          for (; next < changes.length && changes[next]!.at >= at; next++) {
            const h = changes[next]!;
            if (h.change === 'create') state.delete(h.projectSlug);
            else if (typeof h.before === 'string') state.set(h.projectSlug, h.before);
          }
          const counts = [...state.values()];
          rows.unshift(Object.fromEntries(PROJECT_STATUSES.map((s) => [s, counts.filter((c) => c === s).length])));
        }
        return rows;
      },
    },
    parking: sensorColumns(OBSERVED.parkingFree, 'free', 'sites', 'sum'),
    waste: sensorColumns(OBSERVED.wasteFill, 'meanFillPct', 'containers', 'mean'),
    reports: {
      columns: ['opened', 'resolved', 'medianHoursToResolution'],
      primary: 'opened',
      async read(bounds) {
        return Promise.all(
          bounds.slice(1).map(async (end, i) => {
            const s = await sources.reports.stats(bounds[i]!, end);
            return { opened: s.opened, resolved: s.resolved, medianHoursToResolution: s.medianHoursToResolution };
          }),
        );
      },
    },
  };
}

const points = (bounds: Date[], rows: Record<string, Value>[]): SeriesPoint[] =>
  rows.map((values, i) => ({ start: bounds[i]!.toISOString(), end: bounds[i + 1]!.toISOString(), label: null, values }));

export function createSeriesReader(deps: { sources: DashboardSources; districts: { id: string; name: string }[] }) {
  const { sources } = deps;
  const byTile = timeSeries(sources);

  /** Fibre has no history: one bar per district with its status and households passed. */
  async function fibre(from: Date, to: Date): Promise<Series> {
    const projects = await sources.projects.list({});
    const project = [...projects].sort((a, b) => b.districtProgress.length - a.districtProgress.length)[0];
    const names = new Map(deps.districts.map((d) => [d.id, d.name]));
    return {
      tile: 'fibre',
      from: from.toISOString(),
      to: to.toISOString(),
      bucket: null,
      columns: ['status', 'householdsPassed'],
      primary: 'householdsPassed',
      compare: null,
      compareFrom: null,
      compareTo: null,
      points: (project?.districtProgress ?? []).map((p) => ({
        start: from.toISOString(),
        end: to.toISOString(),
        label: names.get(p.districtId) ?? p.districtId,
        values: { status: p.status, householdsPassed: p.householdsPassed },
      })),
      comparison: null,
    };
  }

  return {
    async series(tile: TileId, query: { from?: string | undefined; to?: string | undefined; compare?: Compare | undefined }, now: Date): Promise<Series> {
      const { from, to } = parseRange(query, now);
      const def = byTile[tile];
      if (!def) {
        if (query.compare) throw badRequest('DASHBOARD_COMPARE_UNSUPPORTED', `The tile "${tile}" has no time series to compare.`, 'query.compare');
        return fibre(from, to);
      }
      const bucket = bucketFor(from, to);
      const bounds = boundaries(from, to, bucket);
      const other = query.compare ? comparisonBounds(bounds, query.compare) : undefined;
      const [rows, otherRows] = await Promise.all([def.read(bounds, now), other ? def.read(other, now) : undefined]);
      return {
        tile,
        from: from.toISOString(),
        to: to.toISOString(),
        bucket,
        columns: def.columns,
        primary: def.primary,
        compare: query.compare ?? null,
        compareFrom: other ? other[0]!.toISOString() : null,
        compareTo: other ? other[other.length - 1]!.toISOString() : null,
        points: points(bounds, future(bounds, now, rows, def.columns)),
        comparison: other && otherRows ? points(other, future(other, now, otherRows, def.columns)) : null,
      };
    },
  };
}

/** The CSV columns: the bucket, its figures, and the comparison bucket with its figures. */
export function seriesTable(s: Series): { header: string[]; rows: Value[][] } {
  if (s.bucket === null) {
    return { header: ['district', ...s.columns], rows: s.points.map((p) => [p.label, ...s.columns.map((c) => p.values[c] ?? null)]) };
  }
  const header = ['start', 'end', ...s.columns];
  if (s.comparison) header.push('compare_start', 'compare_end', ...s.columns.map((c) => `compare_${c}`));
  const rows = s.points.map((p, i) => {
    const row: Value[] = [p.start, p.end, ...s.columns.map((c) => p.values[c] ?? null)];
    const q = s.comparison?.[i];
    if (q) row.push(q.start, q.end, ...s.columns.map((c) => q.values[c] ?? null));
    return row;
  });
  return { header, rows };
}
