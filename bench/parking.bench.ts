/**
 * Issue figures for parking and waste:
 * - GET /api/parking/v3/parking-sites with 100 car parks (each with a live reading and a full
 *   hour-of-week profile, i.e. what a year of history leaves behind for this endpoint) at 50
 *   connections, as a ratio to GET /health of the same server in the same run.
 * - Pickup planning (selection + nearest neighbour + 2-opt) for 5,000 containers that all need
 *   emptying, as a ratio to reading the same 5,000 containers from the database.
 */
import pino from 'pino';
import { buildApp, MIGRATIONS } from '../src/app.js';
import { testConfig } from '../src/platform/config.js';
import { systemActor } from '../src/platform/auth/actor.js';
import { openDatabase } from '../src/platform/db/database.js';
import { migrate } from '../src/platform/db/migrator.js';
import { startMqtt } from '../src/platform/mqtt/broker.js';
import { createParkingRepository } from '../src/modules/parking/parking.repository.js';
import { createWasteModule } from '../src/modules/waste/index.js';
import { createWasteRepository } from '../src/modules/waste/waste.repository.js';
import { fmt, load, row } from './lib.js';

export async function benchParking() {
  const database = await openDatabase({});
  await migrate(database, MIGRATIONS);
  const db = database.db;
  const parking = createParkingRepository();
  const now = new Date();
  for (let i = 0; i < 100; i++) {
    const id = await parking.insert(db, {
      uid: `bench-${i}`,
      name: `Parkhaus ${i}`,
      type: 'CAR_PARK',
      operator_name: 'Bench',
      address: `Straße ${i}, 56068 Koblenz`,
      description: null,
      lat: 50.35 + i / 10_000,
      lon: 7.59 + i / 10_000,
      capacity: 500,
      capacity_estimated: false,
      opening_hours: '24/7',
      has_fee: true,
      fee_description: '2 € pro Stunde',
      max_height_cm: 200,
      accessible_spaces: 10,
      ev_chargers: 4,
      entrances: [],
      public_url: null,
      simulated: true,
    });
    await parking.replaceHourly(db, id, Array.from({ length: 168 }, (_, how) => ({ how, samples: 52 * 4, sumFree: 52 * 4 * 250, sumRate: 52 * 4 * 50 })));
    await parking.setRealtime(db, id, { free: 100 + i, status: 'open', at: now, simulated: true });
  }

  const config = testConfig({ LOG_LEVEL: 'silent' });
  const mqtt = await startMqtt({ port: 0, host: '127.0.0.1', log: pino({ level: 'silent' }) });
  const app = await buildApp({ config, database, mqtt });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const port = (app.server.address() as { port: number }).port;
  try {
    const first = await app.inject({ url: '/api/parking/v3/parking-sites' });
    if (first.json<{ total_count: number }>().total_count !== 100) throw new Error('expected 100 car parks');
    const health = await load(`http://127.0.0.1:${port}/health`);
    const url = `http://127.0.0.1:${port}/api/parking/v3/parking-sites`;
    // Browsers and app HTTP clients send Accept-Encoding: gzip; the plain figure is the worst case.
    const parkApiGzip = await load(url, { headers: { 'accept-encoding': 'gzip, deflate, br' } });
    const parkApiPlain = await load(url);
    row('baseline: GET /health, 50 connections', `${fmt(health.requestsPerSecond)} req/s, p99 ${health.p99} ms`);
    for (const [label, r] of [['gzip', parkApiGzip], ['uncompressed', parkApiPlain]] as const) {
      row(
        `GET /api/parking/v3/parking-sites (100 car parks, ${label}), 50 conn.`,
        `${fmt(r.requestsPerSecond)} req/s, p99 ${r.p99} ms, errors ${r.errors + r.non2xx}`,
        r.requestsPerSecond / health.requestsPerSecond,
      );
    }

    const waste = createWasteRepository();
    for (let i = 0; i < 5000; i++) {
      const id = await waste.insert(db, {
        uid: `bench-${i}`,
        name: `Behälter ${i}`,
        kind: 'glass',
        category: 'fixed',
        volume_l: 3000,
        district: 'Bench',
        address: null,
        lat: 50.3 + ((i * 7919) % 1000) / 8000,
        lon: 7.5 + ((i * 104729) % 1000) / 5000,
        threshold_pct: null,
        pickup_interval_days: 14,
        date_last_emptying: null,
        dev_eui: null,
        decoder: null,
        sensor_depth_mm: null,
        simulated: true,
      });
      await waste.setSimulatedFill(db, id, 90, now, 5, new Date(now.getTime() - 86_400_000));
    }
    const module = createWasteModule({
      db,
      audit: { record: async () => undefined },
      clock: { now: () => new Date() },
      mailer: { send: async () => undefined },
      sensors: { createEntity: async () => 0, addObservations: async () => [] },
      log: app.log,
      settings: { staleHours: 24, alertEmail: undefined, publicUrl: 'http://localhost', depot: { lat: 50.36, lon: 7.6 }, demo: false, background: false },
    });
    const date = now.toISOString().slice(0, 10);
    const t0 = performance.now();
    await waste.list(db, { district: 'Bench' });
    const readMs = performance.now() - t0;
    const t1 = performance.now();
    const plan = await module.service.plan(systemActor('bench'), { date, district: 'Bench' });
    const planMs = performance.now() - t1;
    row('baseline: read 5,000 containers', `${fmt(readMs)} ms`);
    row(`pickup plan, 5,000 containers (${plan.stops.length} stops, ${fmt(plan.distanceKm)} km)`, `${fmt(planMs)} ms`, planMs / readMs);
  } finally {
    await app.close();
    await mqtt.close();
    await database.close();
  }
}
