/**
 * Issue figure for open data: the CSV export of 1 million observations (car park occupancy history,
 * `parkhaus-belegung`) streamed through GET /api/opendata/datasets/<slug>/data.csv, in rows/s and
 * with peak RSS and heap growth sampled while it streams (flat memory: the export holds one batch of
 * 10,000 rows). Baseline in the same run: the same rows read by a raw keyset-batched SELECT, without
 * HTTP or CSV. The rows are seeded with one generate_series insert into the sensors module's tables.
 */
import { sql } from 'kysely';
import { MIGRATIONS } from '../src/app.js';
import { openDatabase } from '../src/platform/db/database.js';
import { migrate } from '../src/platform/db/migrator.js';
import { KOBLENZ_CAR_PARKS } from '../src/modules/parking/parking.demo.js';
import { createParkingRepository } from '../src/modules/parking/parking.repository.js';
import { fmt, gc, row, startInProcess, withMemory } from './lib.js';

const ROWS = Number(process.env['BENCH_OD_ROWS'] ?? 1_000_000);
const BATCH = 10_000;
const MiB = 1024 * 1024;

export async function benchOpendataExport() {
  const database = await openDatabase({});
  await migrate(database, MIGRATIONS);
  const db = database.db;

  // One car park whose thing has one "freeSpaces" datastream, as the parking module provisions it.
  const one = async <T>(q: ReturnType<typeof sql<T>>) => (await q.execute(db)).rows[0]!;
  const thing = await one(
    sql<{ id: number }>`insert into sensors_things (name, description) values ('Parkhaus Bench', 'bench') returning id`,
  );
  const sensor = await one(
    sql<{
      id: number;
    }>`insert into sensors_sensors (name, description, encoding_type, metadata) values ('Zähler', 'bench', 'text/plain', '"bench"') returning id`,
  );
  const property = await one(
    sql<{
      id: number;
    }>`insert into sensors_observed_properties (name, definition, description) values ('freeSpaces', 'https://example.invalid/free', 'free spaces') returning id`,
  );
  const stream = await one(sql<{ id: number }>`
    insert into sensors_datastreams (name, description, unit_of_measurement, observation_type, thing_id, sensor_id, observed_property_id)
    values ('Freie Stellplätze', 'bench', '{"name":"count","symbol":"","definition":""}',
      'http://www.opengis.net/def/observationType/OGC-OM/2.0/OM_CountObservation', ${thing.id}, ${sensor.id}, ${property.id})
    returning id`);
  const foi = await one(
    sql<{
      id: number;
    }>`insert into sensors_features_of_interest (name, description, encoding_type, feature) values ('Parkhaus', 'bench', 'application/geo+json', '{"type":"Point","coordinates":[7.59,50.35]}') returning id`,
  );
  const site = await createParkingRepository().insert(db, KOBLENZ_CAR_PARKS[0]!);
  await sql`update parking_sites set thing_id = ${thing.id}, ds_free = ${stream.id} where id = ${site}`.execute(db);

  const t0 = performance.now();
  await sql`
    insert into sensors_observations (phenomenon_time_start, result_time, result, datastream_id, feature_of_interest_id)
    select t, t, to_jsonb((g * 7) % 501), ${stream.id}, ${foi.id}
    from generate_series(1, ${ROWS}) g, lateral (select timestamptz '2025-01-01' + g * interval '30 seconds' as t) x`.execute(db);
  // What autovacuum does on PostgreSQL after a bulk load. Without statistics the planner reads every
  // batch through the (datastream, time) index and sorts all rows, which makes keyset paging quadratic.
  await sql`analyze sensors_observations`.execute(db);
  row(`seed: ${fmt(ROWS)} observations (generate_series + analyze)`, `${fmt((performance.now() - t0) / 1000, 1)} s`);

  const server = await startInProcess(database);
  try {
    // Baseline: the same rows by the same keyset-paged SELECT the export uses, no HTTP, no CSV.
    const raw = await withMemory(async () => {
      let n = 0;
      for (let after = 0; ;) {
        const page = await sql<{ id: number; datastream_id: number; phenomenon_time_start: Date; result: unknown }>`
          select id, datastream_id, phenomenon_time_start, result from sensors_observations
          where datastream_id in (${stream.id}) and id > ${after} order by id limit ${BATCH}`.execute(db);
        n += page.rows.length;
        if (page.rows.length < BATCH) return n;
        after = Number(page.rows[page.rows.length - 1]!.id);
      }
    });
    if (raw.result !== ROWS) throw new Error(`baseline read ${raw.result} rows`);

    const url = `http://127.0.0.1:${server.port}/api/opendata/datasets/parkhaus-belegung/data.csv`;
    const exported = await withMemory(async () => {
      const res = await fetch(url);
      if (!res.ok || !res.body) throw new Error(`${url}: ${res.status}`);
      let lines = 0;
      let bytes = 0;
      // Live heap after a full GC at every 10 % of the rows: flat memory means it does not grow with them.
      const live: number[] = [];
      for await (const chunk of res.body as AsyncIterable<Uint8Array>) {
        bytes += chunk.length;
        for (let i = chunk.indexOf(10); i !== -1; i = chunk.indexOf(10, i + 1)) {
          if (++lines % (ROWS / 10) === 0) {
            gc();
            live.push(process.memoryUsage().heapUsed);
          }
        }
      }
      return { rows: lines - 1, bytes, live };
    });
    if (exported.result.rows !== ROWS) throw new Error(`export had ${exported.result.rows} rows`);

    const rawRate = ROWS / raw.seconds;
    const csvRate = ROWS / exported.seconds;
    row(
      `baseline: raw batched SELECT of ${fmt(ROWS)} rows (${fmt(BATCH)}/batch)`,
      `${fmt(rawRate)} rows/s (${fmt(raw.seconds, 1)} s), heap +${fmt(raw.heapGrowth / MiB, 1)} MiB`,
    );
    row(
      `GET …/parkhaus-belegung/data.csv, ${fmt(ROWS)} rows`,
      `${fmt(csvRate)} rows/s (${fmt(exported.seconds, 1)} s, ${fmt(exported.result.bytes / MiB, 1)} MiB)`,
      csvRate / rawRate,
    );
    row(
      '  memory while streaming (RSS before → peak, heap growth)',
      `${fmt(exported.rssBefore / MiB)} → ${fmt(exported.peakRss / MiB)} MiB, heap +${fmt(exported.heapGrowth / MiB, 1)} MiB`,
    );
    const live = exported.result.live;
    row(
      '  live heap after GC at 10 % … 100 % of the rows',
      `${fmt(live[0]! / MiB, 1)} … ${fmt(live[live.length - 1]! / MiB, 1)} MiB (max ${fmt(Math.max(...live) / MiB, 1)})`,
    );
    row('  target ≥ 100,000 rows/s', csvRate >= 100_000 ? 'met' : 'NOT met');
  } finally {
    await server.close();
  }
}
