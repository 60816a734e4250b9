/**
 * Issue figure for the dashboard: GET /api/dashboard/tiles (every tile in one answer) over the demo
 * data of every module at 100 connections, as a ratio to GET /health of the same server in the same
 * run. Target: p99 < 25 ms.
 */
import pino from 'pino';
import { buildApp, DEMO_SEEDS, MIGRATIONS } from '../src/app.js';
import { testConfig } from '../src/platform/config.js';
import { openDatabase } from '../src/platform/db/database.js';
import { migrate } from '../src/platform/db/migrator.js';
import { runSeeds } from '../src/platform/db/seeds.js';
import { startMqtt } from '../src/platform/mqtt/broker.js';
import { fmt, load, row } from './lib.js';

export async function benchDashboard() {
  const database = await openDatabase({});
  await migrate(database, MIGRATIONS);
  await runSeeds(database.db, DEMO_SEEDS);
  const config = testConfig({ LOG_LEVEL: 'silent' });
  const mqtt = await startMqtt({ port: 0, host: '127.0.0.1', log: pino({ level: 'silent' }) });
  const app = await buildApp({ config, database, mqtt });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const port = (app.server.address() as { port: number }).port;
  try {
    const t0 = performance.now();
    const first = await app.inject({ url: '/api/dashboard/tiles' });
    const buildMs = performance.now() - t0;
    const tiles = first.json<{ tiles: { id: string; status: string }[] }>().tiles;
    row(
      'one build of all tiles (cold)',
      `${fmt(buildMs)} ms, ${first.rawPayload.length} bytes, ${tiles.map((x) => `${x.id}:${x.status}`).join(' ')}`,
    );
    const health = await load(`http://127.0.0.1:${port}/health`, { connections: 100 });
    const url = `http://127.0.0.1:${port}/api/dashboard/tiles`;
    const gzip = await load(url, { connections: 100, headers: { 'accept-encoding': 'gzip, deflate, br' } });
    const plain = await load(url, { connections: 100 });
    row('baseline: GET /health, 100 connections', `${fmt(health.requestsPerSecond)} req/s, p99 ${health.p99} ms`);
    for (const [label, r] of [
      ['gzip', gzip],
      ['uncompressed', plain],
    ] as const) {
      row(
        `GET /api/dashboard/tiles (${label}), 100 conn.`,
        `${fmt(r.requestsPerSecond)} req/s, p99 ${r.p99} ms, errors ${r.errors + r.non2xx}`,
        r.requestsPerSecond / health.requestsPerSecond,
      );
    }
  } finally {
    await app.close();
    await mqtt.close();
    await database.close();
  }
}
