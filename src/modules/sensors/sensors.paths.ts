/** Parses SensorThings resource paths: Things(1)/Datastreams(2)/Observations, …/name/$value, …/$ref. */
import { notFound } from '../../platform/http/errors.js';
import { findProp, findRel, isSetName, MODEL, type EntityDef, type PropDef, type RelDef } from './sensors.model.js';

export interface Step {
  def: EntityDef;
  /** How this step was reached from the previous one (undefined for the first). */
  rel?: RelDef;
  id?: number;
}

export interface ResourcePath {
  steps: Step[];
  property?: { prop: PropDef; sub: string[] };
  value: boolean;
  ref: boolean;
}

const SEGMENT = /^([A-Za-z]+)(?:\(([^()]*)\))?$/;

const noSuch = (what: string) => notFound('SENSORS_PATH_UNKNOWN', `Nothing found at ${what}.`);

function parseId(text: string, path: string): number {
  // Ids are positive integers; anything else (a quoted string, Long.MAX_VALUE) cannot exist: 404.
  if (!/^\d{1,15}$/.test(text)) throw noSuch(path);
  return Number(text);
}

export function parseResourcePath(path: string): ResourcePath {
  const segs = path.split('/').filter((s) => s !== '').map((s) => {
    try {
      return decodeURIComponent(s);
    } catch {
      throw noSuch(path);
    }
  });
  const result: ResourcePath = { steps: [], value: false, ref: false };
  for (let i = 0; i < segs.length; i++) {
    const seg = segs[i]!;
    const last = result.steps[result.steps.length - 1];
    if (seg === '$ref' || seg === '$value') {
      if (i !== segs.length - 1) throw noSuch(path);
      if (seg === '$ref') {
        if (!last || result.property) throw noSuch(path);
        result.ref = true;
      } else {
        if (!result.property) throw noSuch(path);
        result.value = true;
      }
      continue;
    }
    if (result.property) {
      if (result.property.prop.type !== 'json') throw noSuch(path);
      result.property.sub.push(seg);
      continue;
    }
    const m = SEGMENT.exec(seg);
    if (!m) throw noSuch(path);
    const [, name, idText] = m as unknown as [string, string, string | undefined];
    if (!last) {
      if (!isSetName(name)) throw noSuch(path);
      result.steps.push({ def: MODEL[name], ...(idText !== undefined ? { id: parseId(idText, path) } : {}) });
      continue;
    }
    // Below a collection only $ref may follow.
    if (last.id === undefined && (last.rel === undefined || last.rel.many)) throw noSuch(path);
    const rel = findRel(last.def, name);
    if (rel) {
      if (idText !== undefined && !rel.many) throw noSuch(path);
      result.steps.push({ def: MODEL[rel.target], rel, ...(idText !== undefined ? { id: parseId(idText, path) } : {}) });
      continue;
    }
    const prop = idText === undefined ? findProp(last.def, name) : undefined;
    if (!prop) throw noSuch(path);
    result.property = { prop, sub: [] };
  }
  if (result.steps.length === 0) throw noSuch(path);
  return result;
}
