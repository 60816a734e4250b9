/**
 * Means of numeric Observations per Thing and time bucket, for charts over long ranges (dashboard
 * details): one grouped query instead of paging through thousands of Observations with $top/$skip.
 * The caller chooses the buckets (their boundaries), so calendar days and months in the city's time
 * zone come out exactly as it labels them.
 */
import { sql } from 'kysely';
import type { Db } from '../../platform/db/database.js';

export function createObservationSeries(db: Db) {
  return {
    /**
     * For every Thing with a Datastream observing `observedProperty` (its definition URI): the mean
     * numeric result and the number of Observations in each bucket [bounds[i], bounds[i + 1]).
     * Buckets without Observations are left out. Means are taken per Thing, so a further Datastream
     * of the same Thing and property (e.g. an hourly mean) does not count the Thing twice.
     */
    async means(observedProperty: string, bounds: Date[]): Promise<{ thingId: number; bucket: number; mean: number; samples: number }[]> {
      if (bounds.length < 2) return [];
      const res = await sql<{ thing_id: number; bucket: number; mean: number; samples: number }>`
        select d.thing_id, width_bucket(o.phenomenon_time_start, ${bounds}::timestamptz[]) - 1 as bucket,
               avg((o.result #>> '{}')::float8) as mean, count(*)::int as samples
          from sensors_observations o
          join sensors_datastreams d on d.id = o.datastream_id
          join sensors_observed_properties p on p.id = d.observed_property_id
         where p.definition = ${observedProperty}
           and o.phenomenon_time_start >= ${bounds[0]!} and o.phenomenon_time_start < ${bounds[bounds.length - 1]!}
           and jsonb_typeof(o.result) = 'number'
         group by 1, 2
         order by 2, 1`.execute(db);
      return res.rows.map((r) => ({ thingId: Number(r.thing_id), bucket: Number(r.bucket), mean: Number(r.mean), samples: Number(r.samples) }));
    },
  };
}

export type ObservationSeries = ReturnType<typeof createObservationSeries>;
