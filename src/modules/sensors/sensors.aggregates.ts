/**
 * Hourly and daily aggregates of a Datastream as Datastreams of their own (Hamburg's pattern): a
 * dashboard asks `Datastreams(<hourly id>)/Observations` instead of averaging thousands of raw values.
 *
 * Incremental: every group-committed batch folds its numeric results into running count/sum/min/max
 * per bucket (`sensors_aggregate_buckets`) and writes the bucket's mean as an Observation of the
 * aggregate Datastream, in the batch's transaction: three statements per batch, whatever its size.
 * Hours are UTC hours; days are calendar days in Europe/Berlin (23 or 25 hours at DST changes).
 *
 * Retention deletes raw Observations older than a Datastream's `retention_days`; aggregates have
 * their own retention (none by default), so the long-term record survives the raw data.
 */
import { sql, type RawBuilder } from 'kysely';
import type { Db } from '../../platform/db/database.js';

export const PERIODS = {
  PT1H: { de: 'Stundenmittel', en: 'hourly mean' },
  P1D: { de: 'Tagesmittel', en: 'daily mean' },
} as const;
export type Period = keyof typeof PERIODS;

const ZONE = 'Europe/Berlin';
const bucketOf = (time: ReturnType<typeof sql.ref>) =>
  sql`case a.period when 'PT1H' then date_trunc('hour', ${time}) else date_trunc('day', ${time}, ${sql.lit(ZONE)}) end`;
const bucketEnd = sql`case a.period when 'PT1H' then b.bucket_start + interval '1 hour'
  else ((b.bucket_start at time zone ${sql.lit(ZONE)}) + interval '1 day') at time zone ${sql.lit(ZONE)} end`;
const meanResult = sql`to_jsonb(b.total / b.n)`;
const bucketParameters = sql`jsonb_build_object('aggregate', 'mean', 'count', b.n, 'min', b.minimum, 'max', b.maximum)`;

interface Touched {
  datastreamIds: number[];
  starts: string[];
}

export function createAggregator() {
  /** Folds the given raw Observations into their buckets; returns the buckets touched. */
  async function fold(db: Db, where: RawBuilder<unknown>): Promise<Touched> {
    const res = await sql<{ datastream_id: number; bucket_start: Date }>`
      insert into sensors_aggregate_buckets as b (datastream_id, bucket_start, n, total, minimum, maximum)
      select a.datastream_id, ${bucketOf(sql.ref('o.phenomenon_time_start'))}, count(*),
        sum((o.result #>> '{}')::float8), min((o.result #>> '{}')::float8), max((o.result #>> '{}')::float8)
      from sensors_observations o join sensors_aggregates a on a.source_datastream_id = o.datastream_id
      where ${where} and jsonb_typeof(o.result) = 'number'
      group by 1, 2
      order by 1, 2 -- one lock order for batches of several app instances on one database
      on conflict (datastream_id, bucket_start) do update set n = b.n + excluded.n, total = b.total + excluded.total,
        minimum = least(b.minimum, excluded.minimum), maximum = greatest(b.maximum, excluded.maximum)
      returning b.datastream_id, b.bucket_start`.execute(db);
    return {
      datastreamIds: res.rows.map((r) => Number(r.datastream_id)),
      starts: res.rows.map((r) => new Date(r.bucket_start).toISOString()),
    };
  }

  /** Writes the touched buckets' means as Observations of the aggregate Datastreams. */
  async function materialise(db: Db, touched: Touched): Promise<void> {
    if (touched.datastreamIds.length === 0) return;
    const t = sql`unnest(${touched.datastreamIds}::bigint[], ${touched.starts}::timestamptz[]) as t(ds, bs)`;
    await sql`update sensors_observations o set result = ${meanResult}, parameters = ${bucketParameters}
      from ${t} join sensors_aggregate_buckets b on b.datastream_id = t.ds and b.bucket_start = t.bs
      where o.id = b.observation_id`.execute(db);
    // A new bucket gets its Observation, with the FeatureOfInterest of the bucket's first raw value.
    await sql`with ins as (
        insert into sensors_observations (phenomenon_time_start, phenomenon_time_end, result, parameters, datastream_id, feature_of_interest_id)
        select b.bucket_start, ${bucketEnd}, ${meanResult}, ${bucketParameters}, b.datastream_id, f.foi
        from ${t} join sensors_aggregate_buckets b on b.datastream_id = t.ds and b.bucket_start = t.bs
          join sensors_aggregates a on a.datastream_id = b.datastream_id
          cross join lateral (select s.feature_of_interest_id as foi from sensors_observations s
            where s.datastream_id = a.source_datastream_id and s.phenomenon_time_start >= b.bucket_start
            order by s.phenomenon_time_start limit 1) f
        where b.observation_id is null
        returning id, datastream_id, phenomenon_time_start)
      update sensors_aggregate_buckets b set observation_id = ins.id from ins
      where b.datastream_id = ins.datastream_id and b.bucket_start = ins.phenomenon_time_start`.execute(db);
    await sql`update sensors_datastreams d set phenomenon_time_start = least(d.phenomenon_time_start, x.ps),
        phenomenon_time_end = greatest(d.phenomenon_time_end, x.pe)
      from (select o.datastream_id, min(o.phenomenon_time_start) as ps, max(o.phenomenon_time_end) as pe
            from ${t} join sensors_aggregate_buckets b on b.datastream_id = t.ds and b.bucket_start = t.bs
              join sensors_observations o on o.id = b.observation_id
            group by o.datastream_id) x
      where d.id = x.datastream_id`.execute(db);
  }

  return {
    /** After a group-committed batch: in its transaction. */
    async afterInsert(trx: Db, observationIds: number[], datastreamIds: number[]): Promise<void> {
      if (observationIds.length === 0 || datastreamIds.length === 0) return;
      // Most streams have no aggregates: a look-up of a few ids is much cheaper than the fold's
      // probe of every inserted row. Asked in the batch's transaction, so it sees what is committed.
      const sources = await sql`select 1 from sensors_aggregates where source_datastream_id = any(${datastreamIds}::bigint[]) limit 1`.execute(trx);
      if (sources.rows.length === 0) return;
      await materialise(trx, await fold(trx, sql`o.id = any(${observationIds}::bigint[])`));
    },

    /** A newly configured aggregate Datastream learns everything its source already holds. */
    async backfill(trx: Db, aggregateDatastreamId: number): Promise<void> {
      await materialise(trx, await fold(trx, sql`a.datastream_id = ${aggregateDatastreamId}`));
    },

    async list(db: Db, sourceId: number): Promise<{ period: Period; datastreamId: number }[]> {
      const res = await sql<{ period: Period; datastream_id: number }>`
        select period, datastream_id from sensors_aggregates where source_datastream_id = ${sourceId} order by period desc`.execute(db);
      return res.rows.map((r) => ({ period: r.period, datastreamId: Number(r.datastream_id) }));
    },

    async isAggregate(db: Db, datastreamId: number): Promise<boolean> {
      const res = await sql`select 1 from sensors_aggregates where datastream_id = ${datastreamId}`.execute(db);
      return res.rows.length > 0;
    },

    async register(trx: Db, sourceId: number, period: Period, datastreamId: number): Promise<void> {
      await sql`insert into sensors_aggregates (source_datastream_id, period, datastream_id) values (${sourceId}, ${period}, ${datastreamId})`.execute(trx);
    },
  };
}

export type Aggregator = ReturnType<typeof createAggregator>;
