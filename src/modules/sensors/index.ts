/**
 * sensors module: OGC SensorThings API 1.1 (Sensing, MultiDatastream, dataArray, MQTT) at /sta/v1.1.
 * Other modules (parking, waste, dashboard) use the service below, never the tables.
 */
import { fileURLToPath } from 'node:url';
import type { FastifyBaseLogger } from 'fastify';
import { systemActor, type Actor } from '../../platform/auth/actor.js';
import type { AuditRecorder, Clock } from '../../platform/contracts.js';
import type { Db } from '../../platform/db/database.js';
import type { MqttHandle } from '../../platform/mqtt/broker.js';
import { createSensorsAccess } from './sensors.access.js';
import { createVersionedCache } from '../../platform/http/versioned-cache.js';
import { createAggregator } from './sensors.aggregates.js';
import { createIngestor } from './sensors.ingest.js';
import { MODEL } from './sensors.model.js';
import { createMqttBridge, type MqttBridge } from './sensors.mqtt.js';
import { presentEntity } from './sensors.presenter.js';
import type { QuerySettings } from './sensors.query.js';
import { createReader } from './sensors.reader.js';
import { createSensorsRepository } from './sensors.repository.js';
import { sensorsRoutes } from './sensors.routes.js';
import { sensorsStorageRoutes } from './sensors.storage.routes.js';
import { createSensorsService, type Notifier } from './sensors.service.js';
import { createWriter } from './sensors.writer.js';

export const sensorsMigrations = { module: 'sensors', dir: fileURLToPath(new URL('./migrations', import.meta.url)) };
export { sensorsDemoSeed } from './sensors.seed.js';
export { createObservationSeries } from './sensors.series.js';
export type { SensorsService } from './sensors.service.js';
export type { SetName } from './sensors.model.js';

export interface SensorsSettings {
  publicUrl: string;
  trustProxy: boolean;
  /** How often raw Observations past their retention are deleted; 0 turns the job off (tests). */
  retentionIntervalMs: number;
  query?: Partial<QuerySettings>;
}

export function createSensorsModule(deps: { db: Db; audit: AuditRecorder; clock: Clock; mqtt: MqttHandle; log: FastifyBaseLogger; settings: SensorsSettings }) {
  const { db, clock, mqtt, settings } = deps;
  const base = `${settings.publicUrl}/sta/v1.1`;
  const repo = createSensorsRepository();
  const reader = createReader({ db, repo, clock });
  const writer = createWriter({ repo, audit: deps.audit });
  const aggregator = createAggregator();
  // Reads answered from memory while nothing changed: "latest 100 Observations" is the hot read.
  const readCache = createVersionedCache(async () => ({ version: await repo.dataVersion(db), updatedAt: clock.now() }));
  // The bridge needs the service and the service the notifier: a holder breaks the cycle.
  const holder: { bridge?: MqttBridge } = {};
  const notifier: Notifier = { changes: (c) => holder.bridge?.changes(c) };
  const ingestor = createIngestor({
    db,
    repo,
    writer,
    aggregator,
    now: () => clock.now(),
    committed: (rows, changes) => {
      readCache.invalidate();
      holder.bridge?.observations(rows);
      notifier.changes(changes);
    },
  });
  const service = createSensorsService({
    db,
    repo,
    reader,
    writer,
    ingestor,
    clock,
    notifier,
    access: createSensorsAccess({ db, repo }),
    aggregator,
    afterCommit: () => readCache.invalidate(),
    query: { defaultTop: settings.query?.defaultTop ?? 100, maxTop: settings.query?.maxTop ?? 10_000 },
  });
  const mqttBridge = createMqttBridge({
    mqtt,
    base,
    log: deps.log,
    // The broker decided who may publish (embedded: service.mqttMayPublish; external: its ACLs).
    actor: systemActor('mqtt'),
    entity: async (set, id) => {
      const row = await repo.findOne(db, MODEL[set], id);
      return row ? { json: presentEntity(MODEL[set], row, base, undefined, {}), row } : undefined;
    },
    create: (actor, parent, body) => service.createFromMqtt(actor, parent, body),
  });
  holder.bridge = mqttBridge;
  let retention: NodeJS.Timeout | undefined;
  return {
    service,
    routes: sensorsRoutes,
    routeOptions: { service, readCache, publicUrl: settings.publicUrl, trustProxy: settings.trustProxy, mqttEndpoints: [mqtt.url] },
    storageRoutes: sensorsStorageRoutes,
    /** The embedded broker's rules for SensorThings topics (see platform/mqtt/access.ts). */
    mqttPolicy: {
      mayPublish: service.mqttMayPublish,
      received: async (actor: Actor | null, topic: string, payload: Buffer) => {
        if (actor) await mqttBridge.receive(actor, topic, payload);
      },
    },
    /** Subscribes to the MQTT create topics and starts the retention job (once the app is ready); both stop on close. */
    start: async () => {
      await mqttBridge.start();
      if (settings.retentionIntervalMs > 0 && !retention) {
        retention = setInterval(() => {
          service.applyRetention().catch((err: unknown) => deps.log.warn({ err: (err as Error).message }, 'sensor retention failed'));
        }, settings.retentionIntervalMs);
        retention.unref();
      }
    },
    stop: async () => {
      if (retention) clearInterval(retention);
      retention = undefined;
      await mqttBridge.stop();
      await ingestor.flushed();
    },
  };
}
