/**
 * All SQL of the sensors module. Reads are built from the model (identifiers) and compiled filter
 * fragments (parameters only); writes go through small typed helpers. Database errors caused by
 * client data (invalid GeoJSON, numeric overflow in a filter) become 400s here, never 500s.
 */
import { sql, type RawBuilder } from 'kysely';
import type { Db } from '../../platform/db/database.js';
import { AppError, badRequest } from '../../platform/http/errors.js';
import { compileFilter, compileOrderBy, type CompileContext } from './filter/compiler.js';
import { MODEL, readColumns, type EntityDef, type RelDef, type SetName } from './sensors.model.js';
import type { QueryOptions } from './sensors.query.js';

type R = RawBuilder<unknown>;
export type Row = Record<string, unknown> & { id: number };

/** Typed view of the tables for the simple, static queries (ingestion, latest values). */
export type SensorsTables = {
  sensors_observations: {
    id: number;
    phenomenon_time_start: Date;
    phenomenon_time_end: Date | null;
    result_time: Date | null;
    result: unknown;
    datastream_id: number | null;
    feature_of_interest_id: number;
  };
  sensors_datastreams: { id: number; thing_id: number; name: string };
};

export interface ListResult {
  rows: Row[];
  count?: number;
  more: boolean;
}

const ref = (alias: string, column: string) => sql.ref(`${alias}.${column}`);

/** Maps database errors that client input can cause to 400; everything else stays a 500. */
export async function guard<T>(work: Promise<T>): Promise<T> {
  try {
    return await work;
  } catch (err) {
    const e = err as { code?: string; message?: string };
    const code = typeof e.code === 'string' ? e.code : '';
    const message = e.message ?? '';
    if (code.startsWith('22')) throw badRequest('SENSORS_VALUE_INVALID', `A value could not be processed: ${message}`);
    if (code === '23503') throw badRequest('SENSORS_REFERENCE_INVALID', 'A referenced entity does not exist.');
    if (code === '54001') throw badRequest('SENSORS_QUERY_TOO_COMPLEX', 'The query is too complex.');
    if (code === 'XX000' && /geojson|geometry|geos|parse error|wkt|coordinate|ring|unknown type/i.test(message)) {
      throw badRequest('SENSORS_GEOMETRY_INVALID', `Invalid geometry: ${message.slice(0, 200)}`);
    }
    throw err;
  }
}

function selectList(def: EntityDef, alias = 'e0'): R {
  return sql.join(readColumns(def).map((c) => ref(alias, c)));
}

function orderFor(def: EntityDef, options: QueryOptions, ctx: CompileContext): R[] {
  const order = options.orderby ? compileOrderBy(options.orderby, ctx) : [];
  // A stable order is required for $top/$skip paging; id is the tie-breaker, in the direction of the
  // last key so that (datastream_id, phenomenon_time_start desc, id desc) serves "latest first".
  order.push(options.orderby?.at(-1)?.desc ? sql`${ref(ctx.alias, 'id')} desc` : sql`${ref(ctx.alias, 'id')} asc`);
  return order;
}

/** Condition on alias e0 (a `rel.target` row) for "related to parent id P through rel". */
export function relatedTo(rel: RelDef, parentDef: EntityDef, parentId: number): R {
  if (rel.kind === 'reverse') return sql`${ref('e0', rel.column)} = ${parentId}`;
  if (rel.kind === 'link') return sql`${ref('e0', 'id')} in (select ${sql.ref(rel.to)} from ${sql.table(rel.table)} where ${sql.ref(rel.from)} = ${parentId})`;
  return sql`${ref('e0', 'id')} = (select ${sql.ref(rel.column)} from ${sql.table(parentDef.table)} where id = ${parentId})`;
}

export function createSensorsRepository() {
  return {
    async list(db: Db, def: EntityDef, where: R[], options: QueryOptions, now: Date): Promise<ListResult> {
      const ctx: CompileContext = { def, alias: 'e0', now };
      const conds = [...where];
      if (options.filter) conds.push(compileFilter(options.filter, ctx));
      const whereSql = conds.length ? sql`where ${sql.join(conds, sql` and `)}` : sql``;
      const order = orderFor(def, options, ctx);
      const rows = await guard(
        sql<Row>`select ${selectList(def)} from ${sql.table(def.table)} as e0 ${whereSql} order by ${sql.join(order)} limit ${options.top + 1} offset ${options.skip}`.execute(db),
      );
      const result: ListResult = { rows: rows.rows.slice(0, options.top), more: rows.rows.length > options.top };
      if (options.count) {
        const c = await guard(sql<{ n: number }>`select count(*)::int as n from ${sql.table(def.table)} as e0 ${whereSql}`.execute(db));
        result.count = c.rows[0]?.n ?? 0;
      }
      return result;
    },

    /** Children of many parents at once, with per-parent $top/$skip/$count through window functions. */
    async expand(db: Db, parentDef: EntityDef, rel: RelDef, parentIds: number[], options: QueryOptions, now: Date): Promise<Map<number, ListResult>> {
      const def = MODEL[rel.target];
      const out = new Map<number, ListResult>();
      if (parentIds.length === 0) return out;
      const ids = sql.join(parentIds.map((id) => sql`${id}::bigint`));
      let from: R;
      let parent: R;
      if (rel.kind === 'reverse') {
        from = sql`${sql.table(def.table)} as e0`;
        parent = ref('e0', rel.column);
      } else if (rel.kind === 'link') {
        from = sql`${sql.table(rel.table)} as lk join ${sql.table(def.table)} as e0 on e0.id = ${ref('lk', rel.to)}`;
        parent = ref('lk', rel.from);
      } else {
        from = sql`${sql.table(parentDef.table)} as p join ${sql.table(def.table)} as e0 on e0.id = ${ref('p', rel.column)}`;
        parent = ref('p', 'id');
      }
      const ctx: CompileContext = { def, alias: 'e0', now };
      const conds: R[] = [sql`${parent} in (${ids})`];
      if (options.filter) conds.push(compileFilter(options.filter, ctx));
      const order = rel.kind === 'link' && rel.rank && !options.orderby ? [sql`${ref('lk', rel.rank)} asc`] : orderFor(def, options, ctx);
      const limit = rel.many ? options.skip + options.top + 1 : 1;
      const rows = await guard(
        sql<Row & { __parent: number; __rn: number; __cnt: number }>`select * from (
          select ${selectList(def)}, ${parent} as __parent,
            row_number() over (partition by ${parent} order by ${sql.join(order)}) as __rn,
            count(*) over (partition by ${parent}) as __cnt
          from ${from} where ${sql.join(conds, sql` and `)}) x
        where __rn > ${rel.many ? options.skip : 0} and __rn <= ${limit} order by __parent, __rn`.execute(db),
      );
      for (const row of rows.rows) {
        const pid = Number(row.__parent);
        let entry = out.get(pid);
        if (!entry) {
          entry = { rows: [], more: false, count: Number(row.__cnt) };
          out.set(pid, entry);
        }
        if (entry.rows.length < (rel.many ? options.top : 1)) entry.rows.push(row);
        else entry.more = true;
      }
      return out;
    },

    async findOne(db: Db, def: EntityDef, id: number, where: R[] = []): Promise<Row | undefined> {
      const conds = [sql`e0.id = ${id}`, ...where];
      const res = await guard(sql<Row>`select ${selectList(def)} from ${sql.table(def.table)} as e0 where ${sql.join(conds, sql` and `)}`.execute(db));
      return res.rows[0];
    },

    async exists(db: Db, set: SetName, id: number): Promise<boolean> {
      const res = await sql<{ id: number }>`select id from ${sql.table(MODEL[set].table)} where id = ${id}`.execute(db);
      return res.rows.length > 0;
    },

    async insert(db: Db, table: string, values: Record<string, R>): Promise<number> {
      const cols = Object.keys(values);
      const res = await guard(
        sql<{ id: number }>`insert into ${sql.table(table)} (${sql.join(cols.map((c) => sql.ref(c)))}) values (${sql.join(cols.map((c) => values[c]!))}) returning id`.execute(db),
      );
      return res.rows[0]!.id;
    },

    async update(db: Db, table: string, id: number, values: Record<string, R>): Promise<void> {
      const cols = Object.keys(values);
      if (cols.length === 0) return;
      await guard(sql`update ${sql.table(table)} set ${sql.join(cols.map((c) => sql`${sql.ref(c)} = ${values[c]!}`))} where id = ${id}`.execute(db));
    },

    async delete(db: Db, table: string, id: number): Promise<boolean> {
      const res = await sql`delete from ${sql.table(table)} where id = ${id}`.execute(db);
      return Number(res.numAffectedRows ?? 0) > 0;
    },

    async link(db: Db, rel: Extract<RelDef, { kind: 'link' }>, fromId: number, toId: number, rank?: number): Promise<void> {
      if (rel.rank !== undefined) {
        await guard(sql`insert into ${sql.table(rel.table)} (${sql.ref(rel.from)}, ${sql.ref(rel.to)}, ${sql.ref(rel.rank)}) values (${fromId}, ${toId}, ${rank ?? 0})`.execute(db));
        return;
      }
      await guard(
        sql`insert into ${sql.table(rel.table)} (${sql.ref(rel.from)}, ${sql.ref(rel.to)}) values (${fromId}, ${toId}) on conflict do nothing`.execute(db),
      );
    },

    async unlinkAll(db: Db, rel: Extract<RelDef, { kind: 'link' }>, fromId: number): Promise<void> {
      await sql`delete from ${sql.table(rel.table)} where ${sql.ref(rel.from)} = ${fromId}`.execute(db);
    },

    async linkedIds(db: Db, rel: Extract<RelDef, { kind: 'link' }>, fromId: number): Promise<number[]> {
      const res = await sql<{ id: number }>`select ${sql.ref(rel.to)} as id from ${sql.table(rel.table)} where ${sql.ref(rel.from)} = ${fromId} order by 1`.execute(db);
      return res.rows.map((r) => Number(r.id));
    },

    async latestHistoricalTime(db: Db, thingId: number, excludeId: number): Promise<Date | null> {
      const res = await sql<{ t: Date | null }>`select max(time) as t from sensors_historical_locations where thing_id = ${thingId} and id <> ${excludeId}`.execute(db);
      return res.rows[0]?.t ?? null;
    },

    /** The first GeoJSON Location of a Thing, to generate a FeatureOfInterest from. */
    async thingGeoLocation(db: Db, datastreamTable: string, streamId: number) {
      const res = await sql<{ id: number; name: string; description: string; encoding_type: string; location: unknown }>`
        select l.id, l.name, l.description, l.encoding_type, l.location
        from ${sql.table(datastreamTable)} d
        join sensors_thing_locations tl on tl.thing_id = d.thing_id
        join sensors_locations l on l.id = tl.location_id
        where d.id = ${streamId} and l.encoding_type in ('application/geo+json', 'application/vnd.geo+json')
        order by l.id limit 1`.execute(db);
      return res.rows[0];
    },

    async generatedFeature(db: Db, locationId: number): Promise<number | undefined> {
      const res = await sql<{ id: number }>`select id from sensors_features_of_interest where generated_from_location_id = ${locationId} order by id limit 1`.execute(db);
      return res.rows[0]?.id;
    },

    async deleteHistoricalLocationsOfLocation(db: Db, locationId: number): Promise<void> {
      await sql`delete from sensors_historical_locations where id in (select historical_location_id from sensors_location_historical_locations where location_id = ${locationId})`.execute(db);
    },

    async deleteMultiDatastreamsOfObservedProperty(db: Db, opId: number): Promise<void> {
      await sql`delete from sensors_multi_datastreams where id in (select multi_datastream_id from sensors_multi_datastream_observed_properties where observed_property_id = ${opId})`.execute(db);
    },

    /** Multi-row insert of prepared observations; returns ids in input order. */
    /**
     * One INSERT for a whole group-commit batch. The rows travel as eleven array parameters that
     * `unnest` turns back into rows: about twice as fast as a VALUES list with eleven parameters per
     * row, in PostgreSQL and in PGlite (parsing and binding 22,000 parameters dominates otherwise;
     * docs/benchmarks/sensors.md). `unnest` keeps the array order, so the ids come back in input order.
     */
    async insertObservations(db: Db, rows: ObservationRow[]): Promise<number[]> {
      if (rows.length === 0) return [];
      const column = <T>(pick: (r: ObservationRow) => T) => rows.map(pick);
      const res = await guard(
        sql<{ id: number }>`insert into sensors_observations (phenomenon_time_start, phenomenon_time_end, result_time, result, result_quality,
          valid_time_start, valid_time_end, parameters, datastream_id, multi_datastream_id, feature_of_interest_id)
          select * from unnest(${column((r) => r.phenomenonTimeStart)}::timestamptz[], ${column((r) => r.phenomenonTimeEnd)}::timestamptz[],
            ${column((r) => r.resultTime)}::timestamptz[], ${column((r) => json(r.result))}::jsonb[], ${column((r) => json(r.resultQuality))}::jsonb[],
            ${column((r) => r.validTimeStart)}::timestamptz[], ${column((r) => r.validTimeEnd)}::timestamptz[], ${column((r) => json(r.parameters))}::jsonb[],
            ${column((r) => r.datastreamId)}::bigint[], ${column((r) => r.multiDatastreamId)}::bigint[], ${column((r) => r.featureOfInterestId)}::bigint[])
          returning id`.execute(db),
      );
      return res.rows.map((r) => Number(r.id));
    },

    /** Widens each stream's phenomenonTime/resultTime once per batch instead of once per row. */
    async widenStreamTimes(db: Db, table: 'sensors_datastreams' | 'sensors_multi_datastreams', id: number, pStart: string, pEnd: string, rStart: string | null, rEnd: string | null) {
      await sql`update ${sql.table(table)} set
          phenomenon_time_start = least(phenomenon_time_start, ${pStart}::timestamptz),
          phenomenon_time_end = greatest(phenomenon_time_end, ${pEnd}::timestamptz),
          result_time_start = case when ${rStart}::timestamptz is null then result_time_start else least(result_time_start, ${rStart}::timestamptz) end,
          result_time_end = case when ${rEnd}::timestamptz is null then result_time_end else greatest(result_time_end, ${rEnd}::timestamptz) end
        where id = ${id}`.execute(db);
    },

    /** Recomputes a stream's times from its observations (after deletes). */
    async recomputeStreamTimes(db: Db, column: 'datastream_id' | 'multi_datastream_id', table: string, id: number) {
      await sql`update ${sql.table(table)} s set
          phenomenon_time_start = x.ps, phenomenon_time_end = x.pe, result_time_start = x.rs, result_time_end = x.re
        from (select min(phenomenon_time_start) ps, max(coalesce(phenomenon_time_end, phenomenon_time_start)) pe, min(result_time) rs, max(result_time) re
              from sensors_observations where ${sql.ref(column)} = ${id}) x
        where s.id = ${id}`.execute(db);
    },

    async streamInfo(db: Db, set: 'Datastreams' | 'MultiDatastreams', ids: number[]) {
      if (ids.length === 0) return [];
      const table = MODEL[set].table;
      const types = set === 'Datastreams' ? sql`observation_type` : sql`multi_observation_data_types`;
      const res = await sql<{ id: number; thing_id: number; types: unknown }>`select id, thing_id, ${types} as types from ${sql.table(table)} where id in (${sql.join(ids)})`.execute(db);
      return res.rows;
    },

    async latest(db: Db, datastreamId: number, limit: number) {
      return db
        .withTables<SensorsTables>()
        .selectFrom('sensors_observations')
        .select(['id', 'phenomenon_time_start', 'phenomenon_time_end', 'result_time', 'result'])
        .where('datastream_id', '=', datastreamId)
        .orderBy('phenomenon_time_start', 'desc')
        .orderBy('id', 'desc')
        .limit(limit)
        .execute();
    },

    /**
     * Deletes up to `limit` Observations past their Datastream's retention (the caller repeats, so a
     * large backlog never becomes one huge transaction); returns the count and the streams touched.
     */
    async applyRetention(db: Db, now: Date, limit: number): Promise<{ deleted: number; datastreamIds: number[] }> {
      const res = await sql<{ datastream_id: number }>`delete from sensors_observations where id in (
          select o.id from sensors_observations o join sensors_datastreams d on o.datastream_id = d.id
          where d.retention_days is not null
            and o.phenomenon_time_start < ${now.toISOString()}::timestamptz - make_interval(days => d.retention_days)
          limit ${limit})
        returning datastream_id`.execute(db);
      return { deleted: res.rows.length, datastreamIds: [...new Set(res.rows.map((r) => Number(r.datastream_id)))] };
    },

    /** Moved in every write transaction except group commit (see migration 0003). */
    async bumpState(trx: Db): Promise<void> {
      await sql`update sensors_state set version = version + 1 where id = 1`.execute(trx);
    },

    /** Changes with every committed write: the state counter and the newest Observation id. */
    async dataVersion(db: Db): Promise<string> {
      const r = await sql<{ v: number; m: number }>`select (select version from sensors_state where id = 1) as v,
        (select coalesce(max(id), 0) from sensors_observations) as m`.execute(db);
      return `${r.rows[0]!.v}.${r.rows[0]!.m}`;
    },

    async retentionDays(db: Db, datastreamId: number): Promise<number | null | undefined> {
      const res = await sql<{ retention_days: number | null }>`select retention_days from sensors_datastreams where id = ${datastreamId}`.execute(db);
      return res.rows[0] ? res.rows[0].retention_days : undefined;
    },

    async setRetentionDays(db: Db, datastreamId: number, days: number | null): Promise<void> {
      await sql`update sensors_datastreams set retention_days = ${days} where id = ${datastreamId}`.execute(db);
    },
  };
}

export interface ObservationRow {
  phenomenonTimeStart: string;
  phenomenonTimeEnd: string | null;
  resultTime: string | null;
  result: unknown;
  resultQuality: unknown;
  validTimeStart: string | null;
  validTimeEnd: string | null;
  parameters: unknown;
  datastreamId: number | null;
  multiDatastreamId: number | null;
  featureOfInterestId: number;
}

/** JSON for a jsonb parameter; undefined and null both store SQL NULL. */
export function json(v: unknown): string | null {
  return v === undefined || v === null ? null : JSON.stringify(v);
}

export const isAppError = (e: unknown): e is AppError => e instanceof AppError;
export type SensorsRepository = ReturnType<typeof createSensorsRepository>;
