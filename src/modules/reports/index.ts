/**
 * reports module: the Schadensmelder. Citizens report damage (web form or Open311 GeoReport v2 at
 * /open311/v2/), staff triage and resolve it under /api/reports. Public API for other modules: `stats`.
 */
import { fileURLToPath } from 'node:url';
import fastifyMultipart from '@fastify/multipart';
import type { FastifyPluginAsync } from 'fastify';
import type { AuditRecorder, Clock, Mailer } from '../../platform/contracts.js';
import type { Db } from '../../platform/db/database.js';
import { sendProblem } from '../../platform/http/errors.js';
import { createVersionedCache } from '../../platform/http/versioned-cache.js';
import { asClientError } from './reports.input.js';
import type { DemoSeed } from '../../platform/db/seeds.js';
import { open311Routes } from './open311.routes.js';
import { createReportsAdminService } from './reports.admin.js';
import { createReportsRepository } from './reports.repository.js';
import { reportsPublicRoutes } from './reports.routes.js';
import { seedDemoReports } from './reports.seed.js';
import { createReportsService } from './reports.service.js';
import type { ReportsSettings } from './reports.shared.js';
import { reportsStaffRoutes } from './reports.staff.routes.js';
import { createReportsStaffService } from './reports.staff.js';

export const reportsMigrations = { module: 'reports', dir: fileURLToPath(new URL('./migrations', import.meta.url)) };
export type { ReportsSettings } from './reports.shared.js';
export { DEFAULT_PHOTO_LIMITS } from './reports.photos.js';

/** Demo reports at real Koblenz places, labelled as demo; loaded once when DEMO_DATA is on. */
export const reportsDemoSeed: DemoSeed = { module: 'reports', run: (trx) => seedDemoReports(trx, new Date()) };

export function createReportsModule(deps: { db: Db; audit: AuditRecorder; clock: Clock; mailer: Mailer; settings: ReportsSettings }) {
  const full = { ...deps, repo: createReportsRepository(deps.db) };
  const service = createReportsService(full);
  const staff = createReportsStaffService(full);
  const admin = createReportsAdminService(full);
  const publicCache = createVersionedCache(() => full.repo.publicVersion());

  const routes: FastifyPluginAsync<{ openRateLimitPerMinute: number; retentionIntervalMs: number }> = async (app, opts) => {
    // Multipart only in this scope: photo uploads for the web form and Open311 (v2.1 draft "media").
    await app.register(fastifyMultipart, {
      attachFieldsToBody: 'keyValues',
      limits: { fileSize: deps.settings.photoLimits.maxBytes, files: deps.settings.maxPhotos, fields: 100, fieldSize: 65_536, parts: 120 },
    });
    app.setErrorHandler((error, request, reply) => sendProblem(request, reply, asClientError(error)));
    // Every write goes through a non-GET route of this scope: afterwards this instance's cached
    // public answers are checked against the version at once (other instances within a second).
    app.addHook('onSend', async (req) => {
      if (req.method !== 'GET' && req.method !== 'HEAD') publicCache.invalidate();
    });
    await app.register(reportsPublicRoutes, { service });
    await app.register(reportsStaffRoutes, { staff, admin });
    await app.register(open311Routes, { prefix: '/open311/v2', service, cache: publicCache, rateLimitPerMinute: opts.openRateLimitPerMinute });

    if (opts.retentionIntervalMs > 0) {
      let timer: NodeJS.Timeout | undefined;
      app.addHook('onReady', async () => {
        timer = setInterval(() => {
          admin.runRetention().catch((err: unknown) => app.log.error({ err }, 'reports retention job failed'));
        }, opts.retentionIntervalMs);
        timer.unref();
      });
      app.addHook('onClose', async () => clearInterval(timer));
    }
  };

  return { service, staff, admin, routes, stats: service.stats.bind(service) };
}

export type ReportsModule = ReturnType<typeof createReportsModule>;
