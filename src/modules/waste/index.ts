/**
 * waste module: smart waste containers on top of the sensor platform (each container is a
 * SensorThings Thing), LoRaWAN webhooks, alerts, pickup planning and an NGSI-v2 export.
 */
import { fileURLToPath } from 'node:url';
import type { FastifyBaseLogger } from 'fastify';
import { systemActor } from '../../platform/auth/actor.js';
import type { AuditRecorder, Clock, Mailer, SensorStore } from '../../platform/contracts.js';
import type { Db } from '../../platform/db/database.js';
import { createWasteRepository } from './waste.repository.js';
import { wasteRoutes } from './waste.routes.js';
import { createWasteService, type WasteSettings } from './waste.service.js';

export const wasteMigrations = { module: 'waste', dir: fileURLToPath(new URL('./migrations', import.meta.url)) };
export { wasteDemoSeed } from './waste.demo.js';
export type { WasteService } from './waste.service.js';

const HOUR = 3_600_000;

export function createWasteModule(deps: {
  db: Db;
  audit: AuditRecorder;
  clock: Clock;
  mailer: Mailer;
  sensors: SensorStore;
  log: FastifyBaseLogger;
  settings: WasteSettings & { /** demo data on: create the demo containers' Things and let their fill levels grow */ demo: boolean; /** check stale sensors periodically */ background: boolean };
}) {
  const service = createWasteService({ ...deps, repo: createWasteRepository() });
  const timers: NodeJS.Timeout[] = [];
  let running: Promise<unknown> = Promise.resolve();
  const guarded = (fn: () => Promise<unknown>) => {
    running = running.then(fn).catch((err: unknown) => deps.log.error({ err }, 'waste: background task failed'));
  };

  /** Simulated filling: each demo container grows by its rate; a nearly full one is "emptied". */
  async function simulateTick() {
    const now = deps.clock.now();
    for (const c of (await service.list()).filter((x) => x.simulated && x.fillPct !== null && x.fillAt !== null)) {
      const days = (now.getTime() - new Date(c.fillAt!).getTime()) / (24 * HOUR);
      const next = c.fillPct! >= 97 ? 2 : Math.min(100, c.fillPct! + (c.fillRatePerDay ?? 5) * days);
      await service.simulatedReading(c.id, Math.round(next * 10) / 10, now);
    }
  }

  return {
    service,
    routes: wasteRoutes,
    start: async () => {
      if (deps.settings.demo) guarded(() => service.provisionAll());
      if (deps.settings.background) {
        const t = setInterval(() => guarded(() => service.checkStale(systemActor('waste'))), 15 * 60_000);
        t.unref();
        timers.push(t);
      }
      if (deps.settings.demo) {
        const t = setInterval(() => guarded(simulateTick), HOUR);
        t.unref();
        timers.push(t);
      }
    },
    stop: async () => {
      for (const t of timers) clearInterval(t);
      await running;
    },
  };
}
