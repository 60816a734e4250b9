/**
 * The sensors service: permissions, transactions and the order of things for every SensorThings
 * request, from HTTP, MQTT or another module. Reads are public; writes need `sensors:write`
 * (API token) or a staff session with the module in scope.
 */
import { requireModuleWrite, type Actor } from '../../platform/auth/actor.js';
import type { Clock } from '../../platform/contracts.js';
import { withTransaction, type Db } from '../../platform/db/database.js';
import { AppError, badRequest } from '../../platform/http/errors.js';
import type { SensorsAccess } from './sensors.access.js';
import { PERIODS, type Aggregator, type Period } from './sensors.aggregates.js';
import type { Ingestor, PendingObservation } from './sensors.ingest.js';
import { findRel, MODEL, type EntityDef, type SetName } from './sensors.model.js';
import { parseResourcePath } from './sensors.paths.js';
import { presentObservation } from './sensors.presenter.js';
import { parseQueryOptions, type QueryOptions, type QuerySettings } from './sensors.query.js';
import type { createReader } from './sensors.reader.js';
import type { Row, SensorsRepository } from './sensors.repository.js';
import { instant, interval, invalid, isObject } from './sensors.values.js';
import type { Change, Injected, SensorsWriter, WriteCtx } from './sensors.writer.js';

type Reader = ReturnType<typeof createReader>;

export interface Notifier {
  changes(changes: Change[]): void;
}

const OBS_KEYS = new Set(['phenomenonTime', 'resultTime', 'result', 'resultQuality', 'validTime', 'parameters', 'Datastream', 'MultiDatastream', 'FeatureOfInterest']);
const methodNotAllowed = (message: string) => new AppError('SENSORS_METHOD_NOT_ALLOWED', message, { status: 405 });

export function createSensorsService(deps: {
  db: Db;
  repo: SensorsRepository;
  reader: Reader;
  writer: SensorsWriter;
  ingestor: Ingestor;
  clock: Clock;
  query: QuerySettings;
  notifier: Notifier;
  access: SensorsAccess;
  aggregator: Aggregator;
  /** After every committed write of this service (the read cache learns of it at once). */
  afterCommit: () => void;
}) {
  const { db, repo, reader, writer, ingestor, clock, notifier, access, aggregator } = deps;

  /** Runs a write in one transaction, then publishes what changed (only after the commit). */
  async function write<T>(actor: Actor, fn: (ctx: WriteCtx) => Promise<T>): Promise<T> {
    requireModuleWrite(actor, 'sensors');
    const changes: Change[] = [];
    const result = await withTransaction(db, async (trx) => {
      const ctx: WriteCtx = { trx, actor, now: clock.now(), changes, movedThings: new Set() };
      const r = await fn(ctx);
      await writer.finish(ctx);
      await refreshStreamTimes(ctx);
      await repo.bumpState(trx);
      return r;
    });
    deps.afterCommit();
    if (changes.some((c) => c.set !== 'Observations')) ingestor.forget();
    notifier.changes(changes);
    return result;
  }

  async function refreshStreamTimes(ctx: WriteCtx) {
    const obs = ctx.changes.filter((c) => c.set === 'Observations');
    if (obs.length === 0) return;
    const streams = new Set<string>();
    for (const c of obs) {
      const row = await repo.findOne(ctx.trx, MODEL.Observations, c.id);
      if (row?.['datastream_id'] != null) streams.add(`D${Number(row['datastream_id'])}`);
      if (row?.['multi_datastream_id'] != null) streams.add(`M${Number(row['multi_datastream_id'])}`);
    }
    for (const s of streams) {
      const id = Number(s.slice(1));
      if (s.startsWith('D')) await repo.recomputeStreamTimes(ctx.trx, 'datastream_id', MODEL.Datastreams.table, id);
      else await repo.recomputeStreamTimes(ctx.trx, 'multi_datastream_id', MODEL.MultiDatastreams.table, id);
    }
  }

  /** A plain Observation (links only, no nested entities) goes through group commit. */
  function pending(body: Record<string, unknown>, injected: Injected | undefined): PendingObservation | null {
    if (Object.keys(body).some((k) => !k.includes('@') && !OBS_KEYS.has(k))) return null;
    const link = (k: string): number | null | undefined => {
      const v = body[k];
      if (v === undefined) return null;
      if (!isObject(v) || Object.keys(v).length !== 1 || typeof v['@iot.id'] !== 'number' || !Number.isSafeInteger(v['@iot.id'])) return undefined;
      return v['@iot.id'];
    };
    let ds = link('Datastream');
    let md = link('MultiDatastream');
    let foi = link('FeatureOfInterest');
    if (ds === undefined || md === undefined || foi === undefined) return null;
    if (injected) {
      const given = injected.rel.name === 'Datastream' ? ds : injected.rel.name === 'MultiDatastream' ? md : foi;
      if (given !== null && given !== injected.id) throw invalid(`${injected.rel.name} in the body differs from the one in the URL`, `body.${injected.rel.name}`);
      if (injected.rel.name === 'Datastream') ds = injected.id;
      else if (injected.rel.name === 'MultiDatastream') md = injected.id;
      else foi = injected.id;
    }
    if ((ds === null) === (md === null)) throw invalid('an Observation must be linked to exactly one Datastream or MultiDatastream', 'body.Datastream');
    if (!('result' in body)) throw invalid('Observation.result is required', 'body.result');
    for (const k of ['parameters'] as const) if (body[k] !== undefined && body[k] !== null && !isObject(body[k])) throw invalid(`Observation.${k} must be a JSON object`, `body.${k}`);
    const [ps, pe] = body['phenomenonTime'] === undefined || body['phenomenonTime'] === null ? [clock.now().toISOString(), null] : interval(body['phenomenonTime'], 'body.phenomenonTime');
    const [vs, ve] = body['validTime'] === undefined || body['validTime'] === null ? [null, null] : interval(body['validTime'], 'body.validTime');
    return {
      phenomenonTimeStart: ps,
      phenomenonTimeEnd: pe,
      resultTime: body['resultTime'] === undefined || body['resultTime'] === null ? null : instant(body['resultTime'], 'body.resultTime'),
      result: body['result'],
      resultQuality: body['resultQuality'] ?? null,
      validTimeStart: vs,
      validTimeEnd: ve,
      parameters: body['parameters'] ?? null,
      datastreamId: ds,
      multiDatastreamId: md,
      featureOfInterestId: foi,
    };
  }

  /**
   * A plain Observation into group commit; resolves with its id after the commit. `checked` lets the
   * rows of one request share one access check per stream (dataArray: thousands of rows, few streams).
   */
  async function submit(actor: Actor, p: PendingObservation, checked?: Map<string, Promise<void>>): Promise<number> {
    const stream = p.datastreamId !== null ? ({ set: 'Datastreams', id: p.datastreamId } as const) : ({ set: 'MultiDatastreams', id: p.multiDatastreamId! } as const);
    if (checked) {
      const key = `${stream.set}(${stream.id})`;
      let check = checked.get(key);
      if (!check) checked.set(key, (check = access.requireObservationWrite(actor, stream)));
      await check;
    } else {
      await access.requireObservationWrite(actor, stream); // a single POST or MQTT message: nothing to share
    }
    if (p.featureOfInterestId !== null && !(await repo.exists(db, 'FeaturesOfInterest', p.featureOfInterestId))) {
      throw invalid(`there is no FeatureOfInterest with id ${p.featureOfInterestId}`, 'body.FeatureOfInterest');
    }
    return ingestor.submit(p);
  }

  const plainObservation = (def: EntityDef, body: unknown, injected: Injected | undefined) =>
    def.set === 'Observations' && isObject(body) ? pending(body, injected) : null;

  async function createIn(actor: Actor, def: EntityDef, body: unknown, injected: Injected | undefined): Promise<number> {
    const p = plainObservation(def, body, injected);
    if (p) return submit(actor, p);
    return write(actor, (ctx) => writer.create(ctx, def, body, injected));
  }

  async function storage(conn: Db, datastreamId: number) {
    const retentionDays = await repo.retentionDays(conn, datastreamId);
    if (retentionDays === undefined) throw new AppError('SENSORS_NOT_FOUND', `There is no Datastream with id ${datastreamId}.`, { status: 404 });
    return { retentionDays, aggregates: await aggregator.list(conn, datastreamId) };
  }

  /** Creates the aggregate Datastream of one period: same Thing, Sensor, ObservedProperty and unit. */
  async function createAggregate(ctx: WriteCtx, source: Row, period: Period): Promise<number> {
    const label = PERIODS[period];
    const id = await writer.create(ctx, MODEL.Datastreams, {
      name: `${String(source['name'])} (${label.de})`,
      description: `${label.de} von „${String(source['name'])}“ (${label.en}), fortlaufend aus den Einzelwerten berechnet.`,
      observationType: 'http://www.opengis.net/def/observationType/OGC-OM/2.0/OM_Measurement',
      unitOfMeasurement: source['unit_of_measurement'],
      properties: {
        ...(isObject(source['properties']) ? source['properties'] : {}),
        aggregateOf: Number(source['id']),
        aggregateInterval: period,
        aggregateFunction: 'mean',
        resultNature: 'processed',
      },
      Thing: { '@iot.id': Number(source['thing_id']) },
      Sensor: { '@iot.id': Number(source['sensor_id']) },
      ObservedProperty: { '@iot.id': Number(source['observed_property_id']) },
    });
    await aggregator.register(ctx.trx, Number(source['id']), period, id);
    await aggregator.backfill(ctx.trx, id);
    return id;
  }

  function options(def: EntityDef, params: Iterable<[string, string]>): QueryOptions {
    return parseQueryOptions(params, def, deps.query);
  }

  return {
    options,

    async read(pathText: string, params: [string, string][], base: string) {
      const path = parseResourcePath(pathText);
      const def = path.steps[path.steps.length - 1]!.def;
      return reader.read(path, options(def, params), base, pathText);
    },

    /** POST to a collection or a navigation collection (Things(1)/Datastreams). */
    async create(actor: Actor, pathText: string, body: unknown, base: string) {
      const path = parseResourcePath(pathText);
      if (path.property || path.ref) throw methodNotAllowed('POST is only possible on a collection.');
      const target = await reader.resolve(path);
      if (target.kind !== 'collection') throw methodNotAllowed('POST is only possible on a collection; use PATCH or PUT to change an entity.');
      const injected = target.parent ? { rel: findRel(target.def, target.parent.rel.inverse)!, id: target.parent.id } : undefined;
      const location = (id: number) => `${base}/${target.def.set}(${id})`;
      const p = plainObservation(target.def, body, injected);
      if (p) {
        // The hot path of sensor ingestion: answered from the committed values, without a re-read.
        const id = await submit(actor, p);
        return { id, location: location(id), body: presentObservation(id, p, base) };
      }
      const id = await createIn(actor, target.def, body, injected);
      return { id, location: location(id), body: await reader.entity(target.def, id, options(target.def, []), base) };
    },

    async update(actor: Actor, pathText: string, body: unknown, mode: 'patch' | 'put' | 'json-patch', base: string) {
      const path = parseResourcePath(pathText);
      if (path.property || path.ref) throw methodNotAllowed('Updates address an entity.');
      requireModuleWrite(actor, 'sensors');
      const target = await reader.resolve(path);
      if (target.kind !== 'entity') throw methodNotAllowed('Updates address an entity, not a collection.');
      let effective = body;
      let effectiveMode: 'patch' | 'put' = mode === 'put' ? 'put' : 'patch';
      if (mode === 'json-patch') {
        const current = await reader.entity(target.def, target.id, options(target.def, []), base);
        effective = applyJsonPatch(propsOnly(target.def, current), body);
        effectiveMode = 'put';
      }
      await write(actor, (ctx) => writer.update(ctx, target.def, target.id, effective, effectiveMode));
      return reader.entity(target.def, target.id, options(target.def, []), base);
    },

    async remove(actor: Actor, pathText: string) {
      const path = parseResourcePath(pathText);
      if (path.property || path.ref) throw methodNotAllowed('DELETE addresses an entity.');
      requireModuleWrite(actor, 'sensors');
      const target = await reader.resolve(path);
      if (target.kind !== 'entity') throw methodNotAllowed('DELETE addresses an entity, not a collection.');
      await write(actor, (ctx) => writer.remove(ctx, target.def, target.id));
    },

    /** The dataArray extension: POST CreateObservations. Failed rows answer "error" in place. */
    async createObservations(actor: Actor, body: unknown, base: string): Promise<string[]> {
      access.requireObservationWriter(actor);
      if (!Array.isArray(body)) throw invalid('CreateObservations expects a JSON array', 'body');
      // Every group is checked before any row is written: a malformed group is a 400 for the request.
      const groups = body.map((group: unknown, g) => {
        if (!isObject(group) || !Array.isArray(group['components']) || !Array.isArray(group['dataArray'])) {
          throw invalid(`body[${g}] needs components and dataArray`, `body[${g}]`);
        }
        const components = group['components'] as unknown[];
        if (!components.includes('result')) throw invalid(`body[${g}].components must include result`, `body[${g}].components`);
        const stream = isObject(group['Datastream']) ? { Datastream: group['Datastream'] } : isObject(group['MultiDatastream']) ? { MultiDatastream: group['MultiDatastream'] } : null;
        if (!stream) throw invalid(`body[${g}] must name a Datastream or MultiDatastream`, `body[${g}].Datastream`);
        return { components, stream, rows: group['dataArray'] as unknown[] };
      });
      const checked = new Map<string, Promise<void>>();
      const jobs: Promise<string>[] = [];
      for (const { components, stream, rows } of groups) {
        for (const values of rows) {
          const obs: Record<string, unknown> = { ...stream };
          if (Array.isArray(values)) {
            const row = values as unknown[];
            components.forEach((c, i) => {
              if (c === 'FeatureOfInterest/id') obs['FeatureOfInterest'] = { '@iot.id': row[i] };
              else if (typeof c === 'string') obs[c] = row[i];
            });
          }
          // A row that fails (validation, access, a missing FeatureOfInterest) answers "error" in place.
          const job = (async () => {
            const p = pending(obs, undefined);
            return `${base}/Observations(${p ? await submit(actor, p, checked) : await createIn(actor, MODEL.Observations, obs, undefined)})`;
          })();
          jobs.push(job.catch(() => 'error'));
        }
      }
      return Promise.all(jobs);
    },

    /** MQTT create: an Observation published to v1.1/Observations or v1.1/<Parent>(id)/Observations. */
    async createFromMqtt(actor: Actor, parent: { set: SetName; id: number } | undefined, body: unknown): Promise<number> {
      let injected: Injected | undefined;
      if (parent) {
        const rel = findRel(MODEL[parent.set], 'Observations');
        if (!rel) throw badRequest('SENSORS_TOPIC_INVALID', `${parent.set} have no Observations.`);
        injected = { rel: findRel(MODEL.Observations, rel.inverse)!, id: parent.id };
      }
      return createIn(actor, MODEL.Observations, body, injected);
    },

    // Public API for other modules (parking, waste, dashboards).
    async createEntity(actor: Actor, set: SetName, body: Record<string, unknown>): Promise<number> {
      return createIn(actor, MODEL[set], body, undefined);
    },
    async addObservations(actor: Actor, datastreamId: number, rows: { phenomenonTime?: string; resultTime?: string; result: unknown; parameters?: Record<string, unknown> }[]): Promise<number[]> {
      return Promise.all(rows.map((r) => createIn(actor, MODEL.Observations, { ...r, Datastream: { '@iot.id': datastreamId } }, undefined)));
    },
    /** Retention and aggregates of a Datastream (not part of SensorThings: /api/sensors/…/storage). */
    storage: (datastreamId: number) => storage(db, datastreamId),

    /**
     * Sets the retention (days, null: keep forever) and which aggregates a Datastream has: missing
     * aggregate Datastreams are created and filled from the stored values, unlisted ones deleted.
     */
    async configureStorage(actor: Actor, datastreamId: number, input: { retentionDays: number | null; aggregates: Period[] }) {
      return write(actor, async (ctx) => {
        const source = await repo.findOne(ctx.trx, MODEL.Datastreams, datastreamId);
        if (!source) throw new AppError('SENSORS_NOT_FOUND', `There is no Datastream with id ${datastreamId}.`, { status: 404 });
        if (input.aggregates.length && (await aggregator.isAggregate(ctx.trx, datastreamId))) {
          throw badRequest('SENSORS_AGGREGATE_OF_AGGREGATE', 'This Datastream is itself an aggregate; aggregate its source instead.', 'body.aggregates');
        }
        await repo.setRetentionDays(ctx.trx, datastreamId, input.retentionDays);
        const existing = await aggregator.list(ctx.trx, datastreamId);
        for (const a of existing) if (!input.aggregates.includes(a.period)) await writer.remove(ctx, MODEL.Datastreams, a.datastreamId);
        for (const period of new Set(input.aggregates)) {
          if (!existing.some((a) => a.period === period)) await createAggregate(ctx, source, period);
        }
        return storage(ctx.trx, datastreamId);
      });
    },

    /** Deletes raw Observations past their Datastream's retention, in batches; returns how many. */
    async applyRetention(batch = 10_000): Promise<number> {
      let total = 0;
      for (;;) {
        const { deleted, datastreamIds } = await withTransaction(db, async (trx) => {
          const r = await repo.applyRetention(trx, clock.now(), batch);
          for (const id of r.datastreamIds) await repo.recomputeStreamTimes(trx, 'datastream_id', MODEL.Datastreams.table, id);
          if (r.deleted) await repo.bumpState(trx);
          return r;
        });
        if (deleted) deps.afterCommit();
        total += deleted;
        if (deleted < batch || datastreamIds.length === 0) return total;
      }
    },

    async runRetention(actor: Actor): Promise<number> {
      requireModuleWrite(actor, 'sensors');
      return this.applyRetention();
    },

    /** The embedded broker asks this before it accepts a publish to a SensorThings topic. */
    mqttMayPublish: (actor: Actor | null, topic: string) => access.mayPublish(actor, topic),
    latest: (datastreamId: number, limit = 1) => reader.latest(datastreamId, limit),
    observationBatches: (filter: { thingIds: number[]; observedProperty: string }, batchSize?: number) => reader.observationBatches(filter, batchSize),
    observationsVersion: () => reader.observationsVersion(),
    flushed: () => ingestor.flushed(),
  };
}

function propsOnly(def: EntityDef, entity: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(def.props.filter((p) => !p.readOnly && p.name in entity).map((p) => [p.name, entity[p.name]]));
}

/** RFC 6902 on the entity's own properties (add, remove, replace, move, copy, test). */
export function applyJsonPatch(doc: Record<string, unknown>, ops: unknown): Record<string, unknown> {
  if (!Array.isArray(ops)) throw invalid('a JSON Patch is an array of operations', 'body');
  const root: Record<string, unknown> = structuredClone(doc);
  const locate = (pointer: unknown, field: string): [Record<string, unknown> | unknown[], string] => {
    if (typeof pointer !== 'string' || !pointer.startsWith('/')) throw invalid(`${field} must be a JSON Pointer`, field);
    const parts = pointer.slice(1).split('/').map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~'));
    let node: unknown = root;
    for (const p of parts.slice(0, -1)) {
      node = isObject(node) ? node[p] : Array.isArray(node) ? node[Number(p)] : undefined;
      if (node === undefined || node === null || typeof node !== 'object') throw invalid(`${field}: path ${pointer} does not exist`, field);
    }
    return [node as Record<string, unknown> | unknown[], parts[parts.length - 1]!];
  };
  const get = (pointer: unknown, field: string): unknown => {
    const [parent, key] = locate(pointer, field);
    return Array.isArray(parent) ? parent[Number(key)] : parent[key];
  };
  const put = (pointer: unknown, value: unknown, field: string, insert: boolean) => {
    const [parent, key] = locate(pointer, field);
    if (Array.isArray(parent)) {
      const i = key === '-' ? parent.length : Number(key);
      if (insert) parent.splice(i, 0, value);
      else parent[i] = value;
    } else parent[key] = value;
  };
  const del = (pointer: unknown, field: string) => {
    const [parent, key] = locate(pointer, field);
    if (Array.isArray(parent)) parent.splice(Number(key), 1);
    else delete parent[key];
  };
  ops.forEach((op: unknown, i) => {
    const f = `body[${i}]`;
    if (!isObject(op)) throw invalid(`${f} must be an operation object`, f);
    switch (op['op']) {
      case 'add':
        put(op['path'], op['value'], f, true);
        break;
      case 'replace':
        put(op['path'], op['value'], f, false);
        break;
      case 'remove':
        del(op['path'], f);
        break;
      case 'copy':
        put(op['path'], structuredClone(get(op['from'], f)), f, true);
        break;
      case 'move': {
        const v = get(op['from'], f);
        del(op['from'], f);
        put(op['path'], v, f, true);
        break;
      }
      case 'test':
        if (JSON.stringify(get(op['path'], f)) !== JSON.stringify(op['value'])) throw invalid(`${f}: test failed`, f);
        break;
      default:
        throw invalid(`${f}.op must be add, remove, replace, move, copy or test`, f);
    }
  });
  return root;
}

export type SensorsService = ReturnType<typeof createSensorsService>;
