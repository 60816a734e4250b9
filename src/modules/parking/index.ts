/**
 * parking module: the city's car parks on top of the sensor platform (each car park is a
 * SensorThings Thing), ParkAPI v3 and GeoJSON out, push in, hour-of-week profile and forecast.
 */
import { fileURLToPath } from 'node:url';
import type { FastifyBaseLogger } from 'fastify';
import type { AuditRecorder, Clock, SensorStore } from '../../platform/contracts.js';
import type { Db } from '../../platform/db/database.js';
import { systemActor } from '../../platform/auth/actor.js';
import { createParkingRepository } from './parking.repository.js';
import { parkingRoutes } from './parking.routes.js';
import { createParkApiPuller } from './parking.pull.js';
import { createParkingService, type ParkingSettings } from './parking.service.js';
import { createSourceService } from './parking.sources.js';
import { characterOf, simulateFree } from './parking.simulator.js';

export const parkingMigrations = { module: 'parking', dir: fileURLToPath(new URL('./migrations', import.meta.url)) };
export { parkingDemoSeed } from './parking.demo.js';
export type { ParkingService } from './parking.service.js';

const PULL_CHECK_SECONDS = 10;

export function createParkingModule(deps: {
  db: Db;
  audit: AuditRecorder;
  clock: Clock;
  sensors: SensorStore;
  log: FastifyBaseLogger;
  settings: ParkingSettings & { /** demo data on: create the demo car parks' Things and feed them simulated readings every 5 minutes */ demo: boolean };
}) {
  const repo = createParkingRepository();
  const service = createParkingService({ ...deps, repo });
  const puller = createParkApiPuller({ ...deps, repo, service });
  const sources = createSourceService({ ...deps, repo, puller });
  let timer: NodeJS.Timeout | undefined;
  let pullTimer: NodeJS.Timeout | undefined;
  let staleTimer: NodeJS.Timeout | undefined;
  let pulling: Promise<void> | undefined;
  let running: Promise<void> = Promise.resolve();

  async function tick() {
    const sites = (await service.list()).filter((s) => s.simulated);
    const now = deps.clock.now();
    const items = sites.map((s) => ({ uid: s.uid, free: simulateFree({ uid: s.uid, capacity: s.capacity, character: characterOf(s.name) }, now) }));
    if (items.length) await service.ingest(systemActor('parking-simulator'), 'simulator', items, { simulated: true });
  }
  const guarded = (fn: () => Promise<void>) => {
    running = running.then(fn).catch((err: unknown) => deps.log.error({ err }, 'parking: background task failed'));
  };

  return {
    service,
    sources,
    routes: parkingRoutes,
    /** With demo data: creates the demo car parks' SensorThings entities and starts the simulated feed. */
    start: async () => {
      // ParkAPI sources: every PULL_CHECK_SECONDS the due ones are polled (each at its own interval).
      // A round still running (slow source) is not overtaken by the next one.
      pullTimer = setInterval(() => {
        pulling ??= puller
          .pollDue()
          .catch((err: unknown) => deps.log.error({ err }, 'parking: ParkAPI polling failed'))
          .finally(() => (pulling = undefined));
      }, PULL_CHECK_SECONDS * 1000);
      pullTimer.unref();
      staleTimer = setInterval(() => guarded(() => service.sweepStale()), deps.settings.staleCheckMs ?? 30_000);
      staleTimer.unref();
      if (deps.settings.demo) {
        guarded(() => service.provisionAll());
        guarded(tick);
        timer = setInterval(() => guarded(tick), 5 * 60_000);
        timer.unref();
      }
    },
    stop: async () => {
      if (timer) clearInterval(timer);
      if (pullTimer) clearInterval(pullTimer);
      if (staleTimer) clearInterval(staleTimer);
      await pulling;
      await running;
    },
  };
}
