/** Read side: resolves a resource path, runs the query with its options and presents the result. */
import { sql, type RawBuilder } from 'kysely';
import type { Clock } from '../../platform/contracts.js';
import type { Db } from '../../platform/db/database.js';
import { notFound } from '../../platform/http/errors.js';
import { MODEL, type EntityDef } from './sensors.model.js';
import type { ResourcePath } from './sensors.paths.js';
import { presentEntity, propValue, rawValue, selfLink, type Json } from './sensors.presenter.js';
import type { QueryOptions } from './sensors.query.js';
import { relatedTo, type Row, type SensorsRepository } from './sensors.repository.js';

type R = RawBuilder<unknown>;

export type ReadResult = { kind: 'json'; body: unknown } | { kind: 'text'; body: string } | { kind: 'empty' };

/** Where a resolved path points: one entity, or a collection with its base condition. */
export type Target =
  | { kind: 'entity'; def: EntityDef; id: number }
  | { kind: 'collection'; def: EntityDef; where: R[]; parent?: { def: EntityDef; id: number; rel: NonNullable<ResourcePath['steps'][number]['rel']> } };

const missing = () => notFound('SENSORS_ENTITY_NOT_FOUND', 'No such entity.');

export function createReader(deps: { db: Db; repo: SensorsRepository; clock: Clock }) {
  const { db, repo, clock } = deps;

  /** Walks the steps, checking that every entity exists and belongs to its parent. */
  async function resolve(path: ResourcePath): Promise<Target> {
    let current: { def: EntityDef; id: number } | undefined;
    for (let i = 0; i < path.steps.length; i++) {
      const step = path.steps[i]!;
      const where: R[] = current && step.rel ? [relatedTo(step.rel, current.def, current.id)] : [];
      if (step.id !== undefined) {
        if (!(await repo.findOne(db, step.def, step.id, where))) throw missing();
        current = { def: step.def, id: step.id };
      } else if (step.rel && !step.rel.many && current) {
        const parentRow = await repo.findOne(db, current.def, current.id);
        const fk = parentRow?.[step.rel.kind === 'fk' ? step.rel.column : ''];
        if (fk === null || fk === undefined) throw missing();
        current = { def: step.def, id: Number(fk) };
      } else {
        if (i !== path.steps.length - 1) throw missing();
        return { kind: 'collection', def: step.def, where, ...(current && step.rel ? { parent: { def: current.def, id: current.id, rel: step.rel } } : {}) };
      }
    }
    return { kind: 'entity', def: current!.def, id: current!.id };
  }

  /** Adds expanded relations to every row (one query per relation and level, not per row). */
  async function expandRows(def: EntityDef, rows: Row[], options: QueryOptions, base: string): Promise<Map<number, Record<string, unknown>>> {
    const out = new Map<number, Record<string, unknown>>(rows.map((r) => [r.id, {}]));
    for (const item of options.expand) {
      const rel = def.rels.find((r) => r.name === item.rel)!;
      const target = MODEL[rel.target];
      const children = await repo.expand(db, def, rel, rows.map((r) => r.id), item.options, clock.now());
      const allChildren = [...children.values()].flatMap((c) => c.rows);
      const nested = await expandRows(target, allChildren, item.options, base);
      for (const row of rows) {
        const res = children.get(row.id) ?? { rows: [], more: false, count: 0 };
        const presented = res.rows.map((c) => presentEntity(target, c, base, item.options.select, nested.get(c.id) ?? {}));
        const bag = out.get(row.id)!;
        if (rel.many) {
          if (item.options.count) bag[`${rel.name}@iot.count`] = res.count ?? 0;
          bag[rel.name] = presented;
          if (res.more) bag[`${rel.name}@iot.nextLink`] = `${selfLink(base, def, row.id)}/${rel.name}?${nextQuery(item.options)}`;
        } else {
          bag[rel.name] = presented[0] ?? null;
        }
      }
    }
    return out;
  }

  async function collection(def: EntityDef, where: R[], options: QueryOptions, base: string, pathText: string): Promise<Json> {
    const res = await repo.list(db, def, where, options, clock.now());
    const body: Json = {};
    if (options.count) body['@iot.count'] = res.count;
    if (options.resultFormat === 'dataArray') {
      body['value'] = dataArray(res.rows, options, base);
    } else {
      const expanded = await expandRows(def, res.rows, options, base);
      body['value'] = res.rows.map((r) => presentEntity(def, r, base, options.select, expanded.get(r.id) ?? {}));
    }
    if (res.more) body['@iot.nextLink'] = `${base}/${pathText}?${nextQuery(options)}`;
    return body;
  }

  async function entity(def: EntityDef, id: number, options: QueryOptions, base: string): Promise<Json> {
    const row = await repo.findOne(db, def, id);
    if (!row) throw missing();
    const expanded = await expandRows(def, [row], options, base);
    return presentEntity(def, row, base, options.select, expanded.get(row.id) ?? {});
  }

  return {
    resolve,
    entity,

    async read(path: ResourcePath, options: QueryOptions, base: string, pathText: string): Promise<ReadResult> {
      const target = await resolve(path);
      if (target.kind === 'collection') {
        if (path.ref) {
          const res = await repo.list(db, target.def, target.where, options, clock.now());
          const body: Json = {};
          if (options.count) body['@iot.count'] = res.count;
          body['value'] = res.rows.map((r) => ({ '@iot.selfLink': selfLink(base, target.def, r.id) }));
          if (res.more) body['@iot.nextLink'] = `${base}/${pathText}?${nextQuery(options)}`;
          return { kind: 'json', body };
        }
        return { kind: 'json', body: await collection(target.def, target.where, options, base, pathText) };
      }
      if (path.ref) return { kind: 'json', body: { '@iot.selfLink': selfLink(base, target.def, target.id) } };
      if (path.property) {
        const row = await repo.findOne(db, target.def, target.id);
        if (!row) throw missing();
        let v = propValue(path.property.prop, row);
        for (const k of path.property.sub) {
          v = v !== null && typeof v === 'object' ? (v as Record<string, unknown>)[k] : undefined;
          if (v === undefined) throw notFound('SENSORS_PROPERTY_NOT_FOUND', `No property ${path.property.sub.join('/')}.`);
        }
        if (v === null) return { kind: 'empty' };
        const name = path.property.sub.length ? path.property.sub[path.property.sub.length - 1]! : path.property.prop.name;
        return path.value ? { kind: 'text', body: rawValue(v) } : { kind: 'json', body: { [name]: v } };
      }
      return { kind: 'json', body: await entity(target.def, target.id, options, base) };
    },

    /** The newest observations of a datastream, for other modules' dashboards. */
    latest: (datastreamId: number, limit = 1) => repo.latest(db, datastreamId, limit),
    exists: (set: keyof typeof MODEL, id: number) => repo.exists(db, set, id),

    /**
     * Every observation of the Things' Datastreams of one ObservedProperty (by name), oldest id first,
     * in keyset-paged batches: the open-data exports stream millions of rows with flat memory.
     */
    async *observationBatches(filter: { thingIds: number[]; observedProperty: string }, batchSize = 10_000) {
      if (!filter.thingIds.length) return;
      const streams = await sql<{ id: number; thing_id: number }>`
        select d.id, d.thing_id from sensors_datastreams d
        join sensors_observed_properties p on p.id = d.observed_property_id
        where p.name = ${filter.observedProperty} and d.thing_id in (${sql.join(filter.thingIds)})`.execute(db);
      const thingOf = new Map(streams.rows.map((r) => [Number(r.id), Number(r.thing_id)]));
      if (!thingOf.size) return;
      const ids = sql.join([...thingOf.keys()]);
      for (let after = 0; ; ) {
        const page = await sql<{ id: number; datastream_id: number; phenomenon_time_start: Date; result: unknown }>`
          select id, datastream_id, phenomenon_time_start, result from sensors_observations
          where datastream_id in (${ids}) and id > ${after} order by id limit ${batchSize}`.execute(db);
        if (!page.rows.length) return;
        yield page.rows.map((r) => ({ thingId: thingOf.get(Number(r.datastream_id))!, time: r.phenomenon_time_start, result: r.result }));
        if (page.rows.length < batchSize) return;
        after = Number(page.rows[page.rows.length - 1]!.id);
      }
    },

    /** Changes with every stored or removed observation (ETags of exports built on observationBatches). */
    async observationsVersion(): Promise<string> {
      const r = await sql<{ lo: number | null; hi: number | null }>`select min(id) as lo, max(id) as hi from sensors_observations`.execute(db);
      return `${r.rows[0]?.lo ?? 0}-${r.rows[0]?.hi ?? 0}`;
    },
    countAll: async (def: EntityDef) => (await sql<{ n: number }>`select count(*)::int as n from ${sql.table(def.table)}`.execute(db)).rows[0]?.n ?? 0,
  };
}

function nextQuery(options: QueryOptions): string {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(options.raw)) if (k !== '$top' && k !== '$skip') params.set(k, v);
  params.set('$top', String(options.top));
  params.set('$skip', String(options.skip + options.top));
  return params.toString().replace(/%24/g, '$');
}

const DEFAULT_COMPONENTS = ['id', 'phenomenonTime', 'resultTime', 'result', 'resultQuality', 'validTime', 'parameters'];

function dataArray(rows: Row[], options: QueryOptions, base: string) {
  const def = MODEL.Observations;
  const components = options.select?.filter((s) => s !== 'selfLink' && def.props.some((p) => p.name === s)) ?? DEFAULT_COMPONENTS;
  const groups = new Map<string, { link: [string, string]; rows: unknown[][] }>();
  for (const row of rows) {
    const ds = row['datastream_id'];
    const key = ds !== null && ds !== undefined ? `D${Number(ds)}` : `M${Number(row['multi_datastream_id'])}`;
    let g = groups.get(key);
    if (!g) {
      g = {
        link: key.startsWith('D') ? ['Datastream@iot.navigationLink', `${base}/Datastreams(${key.slice(1)})`] : ['MultiDatastream@iot.navigationLink', `${base}/MultiDatastreams(${key.slice(1)})`],
        rows: [],
      };
      groups.set(key, g);
    }
    g.rows.push(components.map((c) => propValue(def.props.find((p) => p.name === c)!, row)));
  }
  return [...groups.values()].map((g) => ({ [g.link[0]]: g.link[1], components, 'dataArray@iot.count': g.rows.length, dataArray: g.rows }));
}
