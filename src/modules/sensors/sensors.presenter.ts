/**
 * Turns rows into SensorThings JSON. The field allow-list is the model: only declared properties,
 * control information and navigation links leave the server (SensorThings' $select/$expand make a
 * fixed response schema impractical).
 */
import { MODEL, type EntityDef, type PropDef } from './sensors.model.js';
import type { ObservationRow, Row } from './sensors.repository.js';

export type Json = Record<string, unknown>;

const iso = (v: unknown): string | null => (v instanceof Date ? v.toISOString() : typeof v === 'string' || typeof v === 'number' ? new Date(v).toISOString() : null);

export function propValue(prop: PropDef, row: Row): unknown {
  const v = row[prop.column];
  switch (prop.type) {
    case 'id':
      return Number(v);
    case 'datetime':
      return iso(v);
    case 'interval': {
      const start = iso(v);
      const end = iso(row[prop.endColumn!]);
      if (start === null) return null;
      return end === null || end === start ? start : `${start}/${end}`;
    }
    default:
      return v ?? null;
  }
}

export const selfLink = (base: string, def: EntityDef, id: number) => `${base}/${def.set}(${id})`;

/** Without $select: everything. With it: only the named properties (and relations' links). */
export function presentEntity(def: EntityDef, row: Row, base: string, select: string[] | undefined, expanded: Record<string, unknown>): Json {
  const self = selfLink(base, def, row.id);
  const wants = (n: string) => !select || select.includes(n);
  const out: Json = {};
  if (!select || select.includes('selfLink')) out['@iot.selfLink'] = self;
  if (wants('id')) out['@iot.id'] = Number(row.id);
  for (const p of def.props) if (p.name !== 'id' && wants(p.name)) out[p.name] = propValue(p, row);
  for (const r of def.rels) {
    if (r.name in expanded) {
      const count = expanded[`${r.name}@iot.count`];
      if (count !== undefined) out[`${r.name}@iot.count`] = count;
      out[r.name] = expanded[r.name];
      const next = expanded[`${r.name}@iot.nextLink`];
      if (next !== undefined) out[`${r.name}@iot.nextLink`] = next;
    } else if (wants(r.name)) {
      out[`${r.name}@iot.navigationLink`] = `${self}/${r.name}`;
    }
  }
  return out;
}

/** Plain-text form of a property for /$value. */
export function rawValue(v: unknown): string {
  if (typeof v === 'string') return v;
  return JSON.stringify(v);
}

/**
 * An Observation presented from the values group commit inserted (no re-read): the answer to a
 * POST and the MQTT notification. Times are normalised by the presenter as on a read.
 */
export function presentObservation(id: number, r: Omit<ObservationRow, 'featureOfInterestId'>, base: string): Json {
  const row: Row = {
    id,
    phenomenon_time_start: r.phenomenonTimeStart,
    phenomenon_time_end: r.phenomenonTimeEnd,
    result_time: r.resultTime,
    result: r.result,
    result_quality: r.resultQuality,
    valid_time_start: r.validTimeStart,
    valid_time_end: r.validTimeEnd,
    parameters: r.parameters,
  };
  return presentEntity(MODEL.Observations, row, base, undefined, {});
}
