/**
 * Write side: create (with deep insert and links), PATCH, PUT, JSON-Patch and DELETE with the
 * spec's integrity rules and cascades. Everything runs in the caller's transaction, so a failing
 * deep insert leaves nothing behind. Configuration changes are audited; Observations and
 * generated FeaturesOfInterest are measurement data and are not.
 */
import { sql, type RawBuilder } from 'kysely';
import type { Actor } from '../../platform/auth/actor.js';
import type { AuditRecorder } from '../../platform/contracts.js';
import type { Db } from '../../platform/db/database.js';
import { notFound } from '../../platform/http/errors.js';
import { findRel, MODEL, OBSERVATION_TYPE_PREFIX, type EntityDef, type RelDef, type SetName } from './sensors.model.js';
import type { SensorsRepository } from './sensors.repository.js';
import { geomSql, geometryOf, invalid, isObject, jsonb, propColumns } from './sensors.values.js';

type R = RawBuilder<unknown>;

export interface Change {
  set: SetName;
  id: number;
  action: 'create' | 'update';
  /** Properties changed by an update (for property topics). */
  changed?: string[];
}

export interface WriteCtx {
  trx: Db;
  actor: Actor;
  now: Date;
  changes: Change[];
  /** Things whose Locations changed: one HistoricalLocation each at the end. */
  movedThings: Set<number>;
}

export interface Injected {
  /** The relation on the new entity that points to the parent. */
  rel: RelDef;
  id: number;
}

const isLink = (v: unknown): v is { '@iot.id': unknown } => isObject(v) && '@iot.id' in v;
const linkId = (v: { '@iot.id': unknown }, field: string): number => {
  const id = v['@iot.id'];
  const n = typeof id === 'string' && /^\d+$/.test(id) ? Number(id) : id;
  if (typeof n !== 'number' || !Number.isSafeInteger(n) || n < 1) throw invalid(`${field}: @iot.id must be a positive integer`, field);
  return n;
};

export function createWriter(deps: { repo: SensorsRepository; audit: AuditRecorder }) {
  const { repo, audit } = deps;

  async function requireExisting(ctx: WriteCtx, set: SetName, id: number, field: string) {
    if (!(await repo.exists(ctx.trx, set, id))) throw invalid(`${field}: there is no ${MODEL[set].singular} with id ${id}`, field);
  }

  async function record(ctx: WriteCtx, def: EntityDef, id: number, action: 'create' | 'update' | 'delete', after?: unknown) {
    if (def.set === 'Observations') return;
    await audit.record(ctx.trx, { actor: ctx.actor, module: 'sensors', entity: def.singular, entityId: id, action, ...(after !== undefined ? { after } : {}) });
  }

  function checkKeys(def: EntityDef, body: Record<string, unknown>) {
    for (const k of Object.keys(body)) {
      if (k.includes('@')) continue;
      if (!def.props.some((p) => p.name === k) && !def.rels.some((r) => r.name === k)) {
        throw invalid(`${def.singular} has no property or relation '${k}'`, `body.${k}`);
      }
    }
  }

  /** Resolves a to-one relation value: a link to an existing entity, or a deep insert. */
  async function toOne(ctx: WriteCtx, rel: RelDef, value: unknown, field: string): Promise<number> {
    if (!isObject(value)) throw invalid(`${field} must be an object`, field);
    if (isLink(value)) {
      const id = linkId(value, field);
      await requireExisting(ctx, rel.target, id, field);
      return id;
    }
    return create(ctx, MODEL[rel.target], value);
  }

  async function create(ctx: WriteCtx, def: EntityDef, body: unknown, injected?: Injected): Promise<number> {
    if (!isObject(body)) throw invalid(`a ${def.singular} must be a JSON object`, 'body');
    checkKeys(def, body);
    const values: Record<string, R> = propColumns(def, body, 'create', ctx.now);
    const fks: Record<string, number> = {};
    if (injected?.rel.kind === 'fk') {
      const given = body[injected.rel.name];
      if (isLink(given) && linkId(given, `body.${injected.rel.name}`) !== injected.id) {
        throw invalid(`${injected.rel.name} in the body differs from the one in the URL`, `body.${injected.rel.name}`);
      }
      fks[injected.rel.column] = injected.id;
    }
    for (const rel of def.rels) {
      if (rel.kind !== 'fk' || rel.column in fks || body[rel.name] === undefined) continue;
      fks[rel.column] = await toOne(ctx, rel, body[rel.name], `body.${rel.name}`);
    }
    await checkIntegrity(ctx, def, body, values, fks);
    for (const [col, id] of Object.entries(fks)) values[col] = sql`${id}::bigint`;
    const id = await repo.insert(ctx.trx, def.table, values);
    ctx.changes.push({ set: def.set, id, action: 'create' });
    if (!(def.set === 'FeaturesOfInterest' && values['generated_from_location_id'])) await record(ctx, def, id, 'create', summary(body));
    if (injected && injected.rel.kind === 'link') {
      await repo.link(ctx.trx, injected.rel, id, injected.id);
      if (isThingLocations(injected.rel)) ctx.movedThings.add(injected.rel.from === 'thing_id' ? id : injected.id);
    }
    for (const rel of def.rels) {
      if (!rel.many || body[rel.name] === undefined) continue;
      await addMany(ctx, def, id, rel, body[rel.name], `body.${rel.name}`, false);
    }
    if (def.set === 'HistoricalLocations') await manualHistoricalLocation(ctx, id, fks['thing_id']!, body);
    if (def.set === 'MultiDatastreams') await checkMultiDatastream(ctx, id, body);
    return id;
  }

  /** Links or deep-creates the members of a to-many relation of entity `id`. */
  async function addMany(ctx: WriteCtx, def: EntityDef, id: number, rel: RelDef, value: unknown, field: string, linksOnly: boolean) {
    if (!Array.isArray(value)) throw invalid(`${field} must be an array`, field);
    const target = MODEL[rel.target];
    const inverse = findRel(target, rel.inverse)!;
    if (isThingLocations(rel) && def.set === 'Things') {
      ctx.movedThings.add(id);
      // FROST and the test suites treat a Thing's Locations in an update as a replacement.
      if (linksOnly && rel.kind === 'link') await repo.unlinkAll(ctx.trx, rel, id);
    }
    for (let i = 0; i < value.length; i++) {
      const item: unknown = value[i];
      const f = `${field}[${i}]`;
      if (linksOnly && !isLink(item)) throw invalid(`${f}: an update may only link existing entities by @iot.id, not contain new ones`, f);
      if (rel.kind === 'link') {
        const otherId = isLink(item) ? linkId(item, f) : await create(ctx, target, item);
        if (isLink(item)) await requireExisting(ctx, rel.target, otherId, f);
        await repo.link(ctx.trx, rel, id, otherId, i);
        if (def.set === 'Locations' && rel.name === 'Things') ctx.movedThings.add(otherId);
      } else if (rel.kind === 'reverse') {
        if (isLink(item)) {
          const childId = linkId(item, f);
          await requireExisting(ctx, rel.target, childId, f);
          await repo.update(ctx.trx, target.table, childId, { [rel.column]: sql`${id}::bigint` });
          ctx.changes.push({ set: target.set, id: childId, action: 'update', changed: [rel.inverse] });
        } else {
          await create(ctx, target, item, { rel: inverse, id });
        }
      }
    }
  }

  async function checkIntegrity(ctx: WriteCtx, def: EntityDef, body: Record<string, unknown>, values: Record<string, R>, fks: Record<string, number>) {
    const need = (col: string, rel: string) => {
      if (fks[col] === undefined) throw invalid(`a ${def.singular} must be linked to a ${rel}`, `body.${rel}`);
    };
    switch (def.set) {
      case 'Datastreams':
        need('thing_id', 'Thing');
        need('sensor_id', 'Sensor');
        need('observed_property_id', 'ObservedProperty');
        break;
      case 'MultiDatastreams':
        need('thing_id', 'Thing');
        need('sensor_id', 'Sensor');
        if (body['observationType'] !== `${OBSERVATION_TYPE_PREFIX}OM_ComplexObservation`) {
          throw invalid(`MultiDatastream.observationType must be ${OBSERVATION_TYPE_PREFIX}OM_ComplexObservation`, 'body.observationType');
        }
        break;
      case 'HistoricalLocations':
        need('thing_id', 'Thing');
        break;
      case 'Observations': {
        const ds = fks['datastream_id'];
        const md = fks['multi_datastream_id'];
        if ((ds === undefined) === (md === undefined)) throw invalid('an Observation must be linked to exactly one Datastream or MultiDatastream', 'body.Datastream');
        if (md !== undefined) await checkMultiResult(ctx, md, body['result']);
        if (fks['feature_of_interest_id'] === undefined) {
          fks['feature_of_interest_id'] = await autoFeature(ctx, ds !== undefined ? 'Datastreams' : 'MultiDatastreams', (ds ?? md)!);
        }
        break;
      }
      case 'FeaturesOfInterest':
      case 'Locations':
        void values;
        break;
      default:
        break;
    }
  }

  async function checkMultiResult(ctx: WriteCtx, mdId: number, result: unknown) {
    const [info] = await repo.streamInfo(ctx.trx, 'MultiDatastreams', [mdId]);
    const size = Array.isArray(info?.types) ? info.types.length : 0;
    if (!Array.isArray(result) || result.length !== size) throw invalid(`the result of a MultiDatastream Observation must be an array of ${size} values`, 'body.result');
  }

  async function checkMultiDatastream(ctx: WriteCtx, id: number, body: Record<string, unknown>) {
    const ops = await repo.linkedIds(ctx.trx, findRel(MODEL.MultiDatastreams, 'ObservedProperties') as Extract<RelDef, { kind: 'link' }>, id);
    const units = body['unitOfMeasurements'];
    const types = body['multiObservationDataTypes'];
    if (!Array.isArray(units) || !Array.isArray(types) || ops.length === 0 || units.length !== ops.length || types.length !== ops.length) {
      throw invalid('unitOfMeasurements, multiObservationDataTypes and ObservedProperties must have the same, non-zero length', 'body.ObservedProperties');
    }
  }

  /** The FeatureOfInterest generated from the stream's Thing's GeoJSON Location (created once, then reused). */
  async function autoFeature(ctx: WriteCtx, set: 'Datastreams' | 'MultiDatastreams', streamId: number): Promise<number> {
    const loc = await repo.thingGeoLocation(ctx.trx, MODEL[set].table, streamId);
    if (!loc) throw invalid('the Observation has no FeatureOfInterest and its Thing has no GeoJSON Location to generate one from', 'body.FeatureOfInterest');
    const existing = await repo.generatedFeature(ctx.trx, loc.id);
    if (existing !== undefined) return existing;
    const id = await repo.insert(ctx.trx, MODEL.FeaturesOfInterest.table, {
      name: sql`${loc.name}::text`,
      description: sql`${loc.description}::text`,
      encoding_type: sql`${loc.encoding_type}::text`,
      feature: jsonb(loc.location),
      geom: geomSql(geometryOf(loc.location, 'location')),
      generated_from_location_id: sql`${loc.id}::bigint`,
    });
    ctx.changes.push({ set: 'FeaturesOfInterest', id, action: 'create' });
    return id;
  }

  /** 1.1: a HistoricalLocation later than all others of its Thing moves the Thing there. */
  async function manualHistoricalLocation(ctx: WriteCtx, hlId: number, thingId: number, body: Record<string, unknown>) {
    const latestOther = await repo.latestHistoricalTime(ctx.trx, thingId, hlId);
    const time = typeof body['time'] === 'string' ? new Date(body['time']) : ctx.now;
    if (latestOther && latestOther.getTime() > time.getTime()) return;
    const hlLocations = findRel(MODEL.HistoricalLocations, 'Locations') as Extract<RelDef, { kind: 'link' }>;
    const thingLocations = findRel(MODEL.Things, 'Locations') as Extract<RelDef, { kind: 'link' }>;
    const locs = await repo.linkedIds(ctx.trx, hlLocations, hlId);
    if (locs.length === 0) return;
    await repo.unlinkAll(ctx.trx, thingLocations, thingId);
    for (const l of locs) await repo.link(ctx.trx, thingLocations, thingId, l);
  }

  /** Creates the HistoricalLocations for Things whose Locations changed in this write. */
  async function finish(ctx: WriteCtx) {
    const thingLocations = findRel(MODEL.Things, 'Locations') as Extract<RelDef, { kind: 'link' }>;
    const hlLocations = findRel(MODEL.HistoricalLocations, 'Locations') as Extract<RelDef, { kind: 'link' }>;
    for (const thingId of ctx.movedThings) {
      const locs = await repo.linkedIds(ctx.trx, thingLocations, thingId);
      if (locs.length === 0) continue;
      const hl = await repo.insert(ctx.trx, MODEL.HistoricalLocations.table, { thing_id: sql`${thingId}::bigint`, time: sql`${ctx.now.toISOString()}::timestamptz` });
      for (const l of locs) await repo.link(ctx.trx, hlLocations, hl, l);
      ctx.changes.push({ set: 'HistoricalLocations', id: hl, action: 'create' });
    }
    ctx.movedThings.clear();
  }

  async function update(ctx: WriteCtx, def: EntityDef, id: number, body: unknown, mode: 'patch' | 'put') {
    if (!isObject(body)) throw invalid(`a ${def.singular} must be a JSON object`, 'body');
    if (!(await repo.exists(ctx.trx, def.set, id))) throw notFound('SENSORS_ENTITY_NOT_FOUND', 'No such entity.');
    checkKeys(def, body);
    const values = propColumns(def, body, mode, ctx.now);
    for (const rel of def.rels) {
      const v = body[rel.name];
      if (v === undefined) continue;
      const field = `body.${rel.name}`;
      if (rel.kind === 'fk') {
        if (!isLink(v) || Object.keys(v).length !== 1) throw invalid(`${field}: an update may only link an existing entity by @iot.id`, field);
        const target = linkId(v, field);
        await requireExisting(ctx, rel.target, target, field);
        values[rel.column] = sql`${target}::bigint`;
      } else {
        await addMany(ctx, def, id, rel, v, field, true);
      }
    }
    await repo.update(ctx.trx, def.table, id, values);
    const changed = Object.keys(body).filter((k) => def.props.some((p) => p.name === k && !p.readOnly));
    ctx.changes.push({ set: def.set, id, action: 'update', changed });
    await record(ctx, def, id, 'update', summary(body));
  }

  async function remove(ctx: WriteCtx, def: EntityDef, id: number) {
    const row = await repo.findOne(ctx.trx, def, id);
    if (!row) throw notFound('SENSORS_ENTITY_NOT_FOUND', 'No such entity.');
    if (def.set === 'Locations') await repo.deleteHistoricalLocationsOfLocation(ctx.trx, id);
    if (def.set === 'ObservedProperties') await repo.deleteMultiDatastreamsOfObservedProperty(ctx.trx, id);
    await repo.delete(ctx.trx, def.table, id);
    if (def.set === 'Observations') {
      const ds = row['datastream_id'];
      const md = row['multi_datastream_id'];
      if (ds !== null && ds !== undefined) await repo.recomputeStreamTimes(ctx.trx, 'datastream_id', MODEL.Datastreams.table, Number(ds));
      if (md !== null && md !== undefined) await repo.recomputeStreamTimes(ctx.trx, 'multi_datastream_id', MODEL.MultiDatastreams.table, Number(md));
    }
    await record(ctx, def, id, 'delete');
  }

  return { create, update, remove, finish, autoFeature };
}

const isThingLocations = (rel: RelDef) => rel.kind === 'link' && rel.table === 'sensors_thing_locations';

/** What the audit log keeps of a body: its own properties, not nested entities. */
function summary(body: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(body).filter(([, v]) => !isObject(v) || !('@iot.id' in v) || Object.keys(v).length === 1).slice(0, 20));
}

export type SensorsWriter = ReturnType<typeof createWriter>;
