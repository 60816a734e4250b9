/** audit module: the tamper-evident log of every state change. Public API: recorder, service. */
import { fileURLToPath } from 'node:url';
import type { Clock } from '../../platform/contracts.js';
import type { Db } from '../../platform/db/database.js';
import { createAuditRepository } from './audit.repository.js';
import { auditRoutes } from './audit.routes.js';
import { createAuditService } from './audit.service.js';

export const auditMigrations = { module: 'audit', dir: fileURLToPath(new URL('./migrations', import.meta.url)) };

export function createAuditModule(deps: { db: Db; clock: Clock }) {
  const service = createAuditService({ repo: createAuditRepository(deps.db), clock: deps.clock });
  return { service, recorder: service.recorder, routes: auditRoutes };
}

export type AuditModule = ReturnType<typeof createAuditModule>;
