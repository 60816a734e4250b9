/**
 * Rules of the OGC API – Features: which collections exist, how `bbox`, `datetime`, `limit` and
 * `offset` are read (a bad value is a 400 naming the parameter), and the 404s. The data comes from
 * the collections (geoportal.collections.ts); links and media types are the routes' business.
 */
import type { Clock, GeoportalSources } from '../../platform/contracts.js';
import { badRequest, notFound } from '../../platform/http/errors.js';
import {
  defineCollections,
  type BBox,
  type CollectionDefinition,
  type District,
  type TimeRange,
} from './geoportal.collections.js';

/** Items per page when the client names no `limit`, and the most one page holds (larger values are lowered to it). */
export const DEFAULT_LIMIT = 100;
export const MAX_LIMIT = 1000;

/** The only coordinate reference system served: WGS84 longitude/latitude. */
export const CRS84 = 'http://www.opengis.net/def/crs/OGC/1.3/CRS84';

export interface GeoportalSettings {
  /** The city's bounding box [west, south, east, north]: the spatial extent of every collection. */
  bbox: BBox;
  districts: readonly District[];
}

export interface ItemsParams {
  bbox?: string | undefined;
  'bbox-crs'?: string | undefined;
  crs?: string | undefined;
  datetime?: string | undefined;
  limit?: number | undefined;
  offset?: number | undefined;
}

const NUMBER = /^\s*[-+]?(\d+(\.\d*)?|\.\d+)([eE][-+]?\d+)?\s*$/;

/** `bbox=minLon,minLat,maxLon,maxLat` (or the six-number form with heights, which are ignored). */
export function parseBBox(raw: string): BBox {
  const parts = raw.split(',');
  const fail = (why: string) =>
    badRequest('GEOPORTAL_BBOX_INVALID', `bbox ${why}: send minLon,minLat,maxLon,maxLat in WGS84 degrees.`, 'query.bbox');
  if ((parts.length !== 4 && parts.length !== 6) || !parts.every((p) => NUMBER.test(p)))
    throw fail('must be four (or six) comma-separated numbers');
  const n = parts.map(Number);
  const [w, s, e, north] = parts.length === 4 ? n : [n[0]!, n[1]!, n[3]!, n[4]!];
  if (w! < -180 || e! > 180 || s! < -90 || north! > 90) throw fail('lies outside -180…180 / -90…90');
  if (s! > north!) throw fail('has its south edge above its north edge');
  // The city is nowhere near the antimeridian; a box across it is far more likely a swapped pair.
  if (w! > e!) throw fail('has its west edge east of its east edge (boxes across the antimeridian are not supported)');
  return [w!, s!, e!, north!];
}

function parseInstant(raw: string, end: boolean): Date | undefined {
  if (raw === '..' || raw === '') return undefined;
  // A bare date stands for the whole day: its start as a lower bound, its last millisecond as an upper one.
  const date = /^\d{4}-\d{2}-\d{2}$/.test(raw);
  const t = Date.parse(date ? `${raw}T00:00:00Z` : raw);
  if (Number.isNaN(t) || (!date && !/^\d{4}-\d{2}-\d{2}T/.test(raw))) {
    throw badRequest('GEOPORTAL_DATETIME_INVALID', `datetime "${raw}" is not an RFC 3339 date or date-time.`, 'query.datetime');
  }
  return new Date(date && end ? t + 86_400_000 - 1 : t);
}

/** `datetime`: an instant, or an interval `start/end` where either end may be `..` (open). */
export function parseDatetime(raw: string): TimeRange {
  const parts = raw.split('/');
  if (parts.length > 2 || (parts.length === 2 && parts.every((p) => p === '..' || p === ''))) {
    throw badRequest(
      'GEOPORTAL_DATETIME_INVALID',
      'datetime must be an instant or an interval "start/end" with at most one open end.',
      'query.datetime',
    );
  }
  // An instant is an interval from and to itself (a bare date: that whole day).
  const from = parseInstant(parts[0]!, false);
  const to = parseInstant(parts[parts.length - 1]!, true);
  if (from && to && from > to)
    throw badRequest('GEOPORTAL_DATETIME_INVALID', 'datetime: the interval ends before it starts.', 'query.datetime');
  return { ...(from ? { from } : {}), ...(to ? { to } : {}) };
}

function checkCrs(value: string | undefined, field: 'bbox-crs' | 'crs') {
  if (value !== undefined && value !== CRS84) {
    throw badRequest(
      'GEOPORTAL_CRS_UNSUPPORTED',
      `${field} must be ${CRS84}: no other coordinate reference system is served.`,
      `query.${field}`,
    );
  }
}

export function createGeoportalService(deps: { sources: GeoportalSources; clock: Clock; settings: GeoportalSettings }) {
  const collections = defineCollections({
    sources: deps.sources,
    districts: deps.settings.districts,
    now: () => deps.clock.now(),
  });
  const byId = new Map(collections.map((c) => [c.id, c]));

  function collection(id: string): CollectionDefinition {
    const c = byId.get(id);
    if (!c) throw notFound('GEOPORTAL_COLLECTION_UNKNOWN', `There is no collection "${id}". See /ogc/collections.`);
    return c;
  }

  return {
    settings: deps.settings,
    collections: () => collections,
    collection,

    async items(id: string, params: ItemsParams) {
      const c = collection(id);
      checkCrs(params['bbox-crs'], 'bbox-crs');
      checkCrs(params.crs, 'crs');
      const limit = Math.min(params.limit ?? DEFAULT_LIMIT, MAX_LIMIT);
      const offset = params.offset ?? 0;
      const page = await c.items({
        ...(params.bbox !== undefined ? { bbox: parseBBox(params.bbox) } : {}),
        ...(params.datetime !== undefined ? { datetime: parseDatetime(params.datetime) } : {}),
        limit,
        offset,
      });
      return { ...page, limit, offset };
    },

    async item(id: string, featureId: string) {
      const feature = await collection(id).item(featureId);
      if (!feature) throw notFound('GEOPORTAL_FEATURE_UNKNOWN', `There is no feature "${featureId}" in the collection "${id}".`);
      return feature;
    },
  };
}

export type GeoportalService = ReturnType<typeof createGeoportalService>;
