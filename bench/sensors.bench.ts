/**
 * Issue figures for SensorThings ingestion and reads, on the embedded database and — with
 * BENCH_DATABASE_URL=postgres://… (a server with PostGIS; a scratch database is created and
 * dropped) — on PostgreSQL. Every ingestion figure is a ratio to a raw multi-row INSERT of the same
 * kind of rows into the same database in the same run (the INSERT group commit itself issues).
 *
 * - single-Observation HTTP POSTs at 50 connections (group commit), with RSS sampled throughout
 *   (BENCH_STA_SUSTAIN_SECONDS, default BENCH_SECONDS, for the "memory flat" figure);
 * - MQTT create: BENCH_STA_MQTT messages published to v1.1/Datastreams(id)/Observations, timed until
 *   all are in the database;
 * - dataArray: POST CreateObservations with 10,000 rows per request;
 * - the latest 100 Observations of one Datastream among BENCH_STA_ROWS (default 10 million) stored,
 *   at 50 connections, as a ratio to GET /health of the same server.
 * BENCH_STA_TARGETS=embedded or =postgres runs one database only.
 */
import { sql } from 'kysely';
import mqtt from 'mqtt';
import { MIGRATIONS } from '../src/app.js';
import { systemActor } from '../src/platform/auth/actor.js';
import { systemClock } from '../src/platform/contracts.js';
import { openDatabase, type Database } from '../src/platform/db/database.js';
import { migrate } from '../src/platform/db/migrator.js';
import { createAuditModule } from '../src/modules/audit/index.js';
import { createIdentityModule } from '../src/modules/identity/index.js';
import { createSensorsRepository, json, type ObservationRow } from '../src/modules/sensors/sensors.repository.js';
import { createScratchPostgresDatabase } from '../src/testing/harness.js';
import { fmt, load, row, startInProcess, withMemory } from './lib.js';

const RAW_ROWS = 200_000;
const MQTT_MESSAGES = Number(process.env['BENCH_STA_MQTT'] ?? 100_000);
const STORED_ROWS = Number(process.env['BENCH_STA_ROWS'] ?? 10_000_000);
const ARRAY_ROWS = 10_000;
const ARRAY_REQUESTS = 20;
const MiB = 1024 * 1024;

export async function benchSensors() {
  // BENCH_STA_TARGETS=postgres runs only the server figures (e.g. with 10 million rows, which take
  // minutes to seed into the embedded database).
  const targets = (process.env['BENCH_STA_TARGETS'] ?? 'embedded,postgres').split(',');
  if (targets.includes('embedded')) await run('embedded PGlite', await openDatabase({}), async () => undefined);
  if (!targets.includes('postgres')) return;
  const url = process.env['BENCH_DATABASE_URL'];
  if (url) {
    const scratch = await createScratchPostgresDatabase('cf_bench', url);
    await run('PostgreSQL', await openDatabase({ databaseUrl: scratch.url, poolSize: 10 }), () => scratch.drop());
  } else {
    row('PostgreSQL', 'skipped (set BENCH_DATABASE_URL=postgres://… to run on a server)');
  }
}

async function run(label: string, database: Database, cleanUp: () => Promise<void>) {
  process.stdout.write(`\n### ${label}\n`);
  await migrate(database, MIGRATIONS);
  const db = database.db;
  const server = await startInProcess(database);
  const base = `http://127.0.0.1:${server.port}`;
  try {
    const audit = createAuditModule({ db, clock: systemClock });
    const identity = createIdentityModule({
      db,
      audit: audit.recorder,
      clock: systemClock,
      settings: { publicUrl: base, cityName: 'Koblenz', sessionIdleMinutes: 30, sessionAbsoluteHours: 12, loginMaxFailures: 5, modules: ['sensors'] },
    });
    const { token } = await identity.service.createApiToken(systemActor('bench'), { name: 'bench', scopes: ['sensors:write'] });
    const auth = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
    const count = async (ds: number) =>
      Number((await sql<{ n: number }>`select count(*)::int as n from sensors_observations where datastream_id = ${ds}`.execute(db)).rows[0]!.n);
    const stream = async (name: string) => {
      const res = await server.app.inject({ method: 'POST', url: '/sta/v1.1/Things', headers: auth, payload: thing(name) });
      if (res.statusCode !== 201) throw new Error(`creating the bench Thing failed: ${res.body}`);
      const thingId = /\((\d+)\)/.exec(res.headers['location'] as string)![1];
      const list = await server.app.inject({ url: `/sta/v1.1/Things(${thingId})/Datastreams` });
      return list.json<{ value: { '@iot.id': number }[] }>().value[0]!['@iot.id'];
    };

    // Baseline: the multi-row INSERT group commit issues, 2,000 rows per statement, no HTTP, no queue.
    const rawDs = await stream('Roh');
    // The first Observation makes the FeatureOfInterest (from the Thing's Location) the raw rows use.
    await server.app.inject({ method: 'POST', url: `/sta/v1.1/Datastreams(${rawDs})/Observations`, headers: auth, payload: { result: 0 } });
    const foi = Number((await sql<{ id: number }>`select id from sensors_features_of_interest order by id desc limit 1`.execute(db)).rows[0]!.id);
    const repo = createSensorsRepository();
    const start = Date.now();
    const rows = (n: number, offset: number): ObservationRow[] =>
      Array.from({ length: n }, (_, i) => ({
        phenomenonTimeStart: new Date(start + (offset + i) * 1000).toISOString(),
        phenomenonTimeEnd: null,
        resultTime: null,
        result: i % 500,
        resultQuality: null,
        validTimeStart: null,
        validTimeEnd: null,
        parameters: null,
        datastreamId: rawDs,
        multiDatastreamId: null,
        featureOfInterestId: foi,
      }));
    let t0 = performance.now();
    for (let done = 0; done < RAW_ROWS; done += 2000) await valuesInsert(db, rows(2000, done));
    const rawRate = RAW_ROWS / ((performance.now() - t0) / 1000);
    row('baseline: raw multi-row INSERT … VALUES (2,000 rows/statement)', `${fmt(rawRate)} rows/s (${fmt(RAW_ROWS)} rows)`);
    // For comparison, the statement group commit issues (the rows as arrays, unnest): what storage
    // alone allows, without HTTP, validation or transactions.
    t0 = performance.now();
    for (let done = 0; done < RAW_ROWS; done += 2000) await repo.insertObservations(db, rows(2000, RAW_ROWS + done));
    const unnestRate = RAW_ROWS / ((performance.now() - t0) / 1000);
    row('  for comparison: the platform’s INSERT … SELECT unnest (2,000 rows/statement)', `${fmt(unnestRate)} rows/s`, unnestRate / rawRate);

    // Single-Observation POSTs at 50 connections, RSS sampled throughout.
    const postDs = await stream('HTTP');
    const seconds = Number(process.env['BENCH_STA_SUSTAIN_SECONDS'] ?? process.env['BENCH_SECONDS'] ?? 10);
    const rssAt: number[] = [];
    const sampler = setInterval(() => rssAt.push(process.memoryUsage().rss), (seconds * 1000) / 10);
    const posted = await withMemory(() =>
      load(`${base}/sta/v1.1/Observations`, {
        method: 'POST',
        headers: auth,
        body: JSON.stringify({ result: 21.5, Datastream: { '@iot.id': postDs } }),
        durationSeconds: seconds,
      }),
    );
    clearInterval(sampler);
    const stored = await count(postDs);
    row(
      'single-Observation POST, 50 connections',
      `${fmt(stored / posted.seconds)} obs/s stored, p99 ${posted.result.p99} ms, errors ${posted.result.errors + posted.result.non2xx}`,
      stored / posted.seconds / rawRate,
    );
    row(
      `  RSS over ${seconds} s of sustained ingestion`,
      `${fmt(posted.rssBefore / MiB)} → peak ${fmt(posted.peakRss / MiB)} MiB; every 10 %: ${rssAt.map((r) => fmt(r / MiB)).join(', ')}`,
    );

    // MQTT create: publish as fast as the socket drains, time until every message is stored.
    const mqttDs = await stream('MQTT');
    const client = await mqtt.connectAsync(server.mqttUrl, { username: 'bench', password: token });
    t0 = performance.now();
    const payload = JSON.stringify({ result: 7 });
    for (let i = 0; i < MQTT_MESSAGES; i++) {
      if (!client.publish(`v1.1/Datastreams(${mqttDs})/Observations`, payload, { qos: 0 })) await new Promise((r) => setImmediate(r));
      if (i % 1000 === 999) await new Promise((r) => setImmediate(r));
    }
    let persisted = 0;
    const deadline = Date.now() + 600_000;
    while ((persisted = await count(mqttDs)) < MQTT_MESSAGES && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
    const mqttRate = persisted / ((performance.now() - t0) / 1000);
    await client.endAsync();
    row(`MQTT create, ${fmt(MQTT_MESSAGES)} messages (QoS 0)`, `${fmt(mqttRate)} obs/s persisted (${fmt(persisted)} stored)`, mqttRate / rawRate);

    // dataArray: CreateObservations, 10,000 rows per request, one request after the other.
    const arrayDs = await stream('dataArray');
    const dataArray = Array.from({ length: ARRAY_ROWS }, (_, i) => [new Date(start + i * 1000).toISOString(), i % 500]);
    const body = JSON.stringify([{ Datastream: { '@iot.id': arrayDs }, components: ['phenomenonTime', 'result'], dataArray }]);
    t0 = performance.now();
    for (let i = 0; i < ARRAY_REQUESTS; i++) {
      const res = await fetch(`${base}/sta/v1.1/CreateObservations`, { method: 'POST', headers: auth, body });
      if (res.status !== 201) throw new Error(`CreateObservations: ${res.status} ${await res.text()}`);
      await res.arrayBuffer();
    }
    const arrayRate = (ARRAY_ROWS * ARRAY_REQUESTS) / ((performance.now() - t0) / 1000);
    row('dataArray (CreateObservations, 10,000 rows/request)', `${fmt(arrayRate)} obs/s`, arrayRate / rawRate);
    row('  dataArray against the platform’s unnest INSERT', '', arrayRate / unnestRate);

    // Latest 100 of one Datastream among STORED_ROWS, seeded in one statement.
    const bigDs = await stream('Zeitreihe');
    t0 = performance.now();
    for (let done = 0; done < STORED_ROWS; done += 1_000_000) {
      const n = Math.min(1_000_000, STORED_ROWS - done);
      await sql`insert into sensors_observations (phenomenon_time_start, result, datastream_id, feature_of_interest_id)
        select timestamptz '2020-01-01' + (g * interval '10 seconds'), to_jsonb(g % 500), ${bigDs}, ${foi}
        from generate_series(${done + 1}::int, ${done + n}::int) g`.execute(db);
    }
    await sql`analyze sensors_observations`.execute(db);
    row(`seed: ${fmt(STORED_ROWS)} observations in one Datastream`, `${fmt((performance.now() - t0) / 1000, 1)} s`);
    const health = await load(`${base}/health`);
    row('baseline: GET /health, 50 connections', `${fmt(health.requestsPerSecond)} req/s, p99 ${health.p99} ms`);
    const latest = await load(`${base}/sta/v1.1/Datastreams(${bigDs})/Observations?$orderby=phenomenonTime%20desc&$top=100`);
    row(
      `latest 100 of ${fmt(STORED_ROWS)}, 50 connections`,
      `${fmt(latest.requestsPerSecond)} req/s, p99 ${latest.p99} ms, errors ${latest.errors + latest.non2xx}`,
      latest.requestsPerSecond / health.requestsPerSecond,
    );
  } finally {
    await server.close();
    await cleanUp();
  }
}

function thing(name: string) {
  return {
    name: `Bench ${name}`,
    description: 'Benchmark',
    Locations: [{ name: 'Ort', description: 'Ort', encodingType: 'application/geo+json', location: { type: 'Point', coordinates: [7.59, 50.36] } }],
    Datastreams: [
      {
        name: `Bench ${name}`,
        description: 'Benchmark',
        observationType: 'http://www.opengis.net/def/observationType/OGC-OM/2.0/OM_Measurement',
        unitOfMeasurement: { name: 'Grad Celsius', symbol: '°C', definition: 'http://unitsofmeasure.org/ucum.html#Cel' },
        Sensor: { name: 'Sensor', description: 'Benchmark', encodingType: 'text/html', metadata: 'https://example.invalid' },
        ObservedProperty: { name: 'Temperatur', definition: 'http://example.invalid/temp', description: 'Temperatur' },
      },
    ],
  };
}

/** The baseline the issue names: a plain multi-row INSERT with a VALUES list, eleven parameters per row. */
async function valuesInsert(db: Database['db'], rows: ObservationRow[]) {
  const values = rows.map(
    (r) => sql`(${r.phenomenonTimeStart}::timestamptz, ${r.phenomenonTimeEnd}::timestamptz, ${r.resultTime}::timestamptz, ${json(r.result)}::jsonb,
      ${json(r.resultQuality)}::jsonb, ${r.validTimeStart}::timestamptz, ${r.validTimeEnd}::timestamptz, ${json(r.parameters)}::jsonb,
      ${r.datastreamId}::bigint, ${r.multiDatastreamId}::bigint, ${r.featureOfInterestId}::bigint)`,
  );
  await sql`insert into sensors_observations (phenomenon_time_start, phenomenon_time_end, result_time, result, result_quality,
      valid_time_start, valid_time_end, parameters, datastream_id, multi_datastream_id, feature_of_interest_id)
    values ${sql.join(values)} returning id`.execute(db);
}
