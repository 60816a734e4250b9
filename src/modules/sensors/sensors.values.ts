/** Converts and checks client-sent property values before they become SQL parameters. */
import { sql, type RawBuilder } from 'kysely';
import { badRequest } from '../../platform/http/errors.js';
import { GEOJSON_TYPES, type EntityDef, type PropDef } from './sensors.model.js';

type R = RawBuilder<unknown>;

const GEOMETRY_TYPES = new Set(['Point', 'LineString', 'Polygon', 'MultiPoint', 'MultiLineString', 'MultiPolygon', 'GeometryCollection']);

export const invalid = (message: string, field: string) => badRequest('SENSORS_BODY_INVALID', message, field);

export function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** ISO 8601 instant → ISO string in UTC; throws a 400 naming the field otherwise. */
export function instant(v: unknown, field: string): string {
  if (typeof v !== 'string' || !/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(v)) throw invalid(`${field} must be an ISO 8601 date/time`, field);
  const ms = Date.parse(v);
  if (Number.isNaN(ms)) throw invalid(`${field} must be an ISO 8601 date/time`, field);
  return new Date(ms).toISOString();
}

/** "start/end" or a single instant. */
export function interval(v: unknown, field: string): [string, string | null] {
  if (typeof v === 'string' && v.includes('/')) {
    const [a, b] = v.split('/');
    const s = instant(a, field);
    const e = instant(b, field);
    if (e < s) throw invalid(`${field}: the interval ends before it starts`, field);
    return [s, e];
  }
  return [instant(v, field), null];
}

/** The geometry part of GeoJSON (a Feature's geometry, or the geometry itself), checked for shape. */
export function geometryOf(v: unknown, field: string): Record<string, unknown> {
  const g = isObject(v) && v['type'] === 'Feature' ? v['geometry'] : v;
  if (!isObject(g) || typeof g['type'] !== 'string' || !GEOMETRY_TYPES.has(g['type'])) {
    throw invalid(`${field} must be a GeoJSON geometry (Point, Polygon, …)`, field);
  }
  if (g['type'] === 'GeometryCollection' ? !Array.isArray(g['geometries']) : !Array.isArray(g['coordinates'])) {
    throw invalid(`${field} must be a GeoJSON geometry with coordinates`, field);
  }
  return g;
}

export const geomSql = (g: Record<string, unknown>): R => sql`ST_SetSRID(ST_GeomFromGeoJSON(${JSON.stringify(g)}::text), 4326)`;
export const jsonb = (v: unknown): R => (v === null || v === undefined ? sql`null` : sql`${JSON.stringify(v)}::jsonb`);

/**
 * Column values for the properties present in `body`. mode 'create'/'put' also checks required
 * properties and (put) resets absent optional ones.
 */
export function propColumns(def: EntityDef, body: Record<string, unknown>, mode: 'create' | 'put' | 'patch', now: Date): Record<string, R> {
  const out: Record<string, R> = {};
  const encoding = typeof body['encodingType'] === 'string' ? body['encodingType'] : undefined;
  for (const p of def.props) {
    if (p.readOnly) continue;
    const present = p.name in body && body[p.name] !== undefined;
    if (!present) {
      if (mode === 'patch') continue;
      if (p.required && !(def.set === 'Observations' && p.name === 'result')) throw invalid(`${def.singular}.${p.name} is required`, `body.${p.name}`);
      if (def.set === 'Observations' && p.name === 'result') throw invalid('Observation.result is required', 'body.result');
      Object.assign(out, defaults(def, p, now));
      continue;
    }
    Object.assign(out, convert(def, p, body[p.name], encoding));
  }
  return out;
}

function defaults(def: EntityDef, p: PropDef, now: Date): Record<string, R> {
  if (def.set === 'Observations' && p.name === 'phenomenonTime') return { [p.column]: sql`${now.toISOString()}::timestamptz`, [p.endColumn!]: sql`null` };
  const out: Record<string, R> = { [p.column]: sql`null` };
  if (p.endColumn) out[p.endColumn] = sql`null`;
  if (p.geomColumn) out[p.geomColumn] = sql`null`;
  return out;
}

function convert(def: EntityDef, p: PropDef, v: unknown, encoding: string | undefined): Record<string, R> {
  const field = `body.${p.name}`;
  if (v === null) {
    if (p.required && p.name !== 'result') throw invalid(`${def.singular}.${p.name} must not be null`, field);
    return defaults(def, p, new Date(0));
  }
  switch (p.type) {
    case 'string':
      if (typeof v !== 'string') throw invalid(`${def.singular}.${p.name} must be a string`, field);
      if (v.length > 10_000) throw invalid(`${def.singular}.${p.name} is too long`, field);
      return { [p.column]: sql`${v}::text` };
    case 'datetime':
      return { [p.column]: sql`${instant(v, field)}::timestamptz` };
    case 'interval': {
      const [s, e] = interval(v, field);
      return { [p.column]: sql`${s}::timestamptz`, [p.endColumn!]: sql`${e}::timestamptz` };
    }
    case 'geometry': {
      // Location/FeatureOfInterest may use other encodings; only GeoJSON gets a PostGIS geometry.
      const geo = p.name === 'observedArea' || encoding === undefined || GEOJSON_TYPES.includes(encoding);
      if (!geo) return { [p.column]: jsonb(v), [p.geomColumn!]: sql`null` };
      return { [p.column]: jsonb(v), [p.geomColumn!]: geomSql(geometryOf(v, field)) };
    }
    case 'json':
      if ((p.name === 'properties' || p.name === 'parameters') && !isObject(v)) throw invalid(`${def.singular}.${p.name} must be a JSON object`, field);
      if (p.name === 'unitOfMeasurement' && !isObject(v)) throw invalid('unitOfMeasurement must be an object with name, symbol and definition', field);
      if ((p.name === 'unitOfMeasurements' || p.name === 'multiObservationDataTypes') && !Array.isArray(v)) throw invalid(`${p.name} must be an array`, field);
      return { [p.column]: jsonb(v) };
    default:
      return {};
  }
}
