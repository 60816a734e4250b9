/** identity module: staff accounts with mandatory TOTP, sessions, roles and API tokens. */
import { fileURLToPath } from 'node:url';
import type { FastifyRequest } from 'fastify';
import type { ResolvedRequest } from '../../platform/auth/hook.js';
import { ANONYMOUS } from '../../platform/auth/actor.js';
import type { AuditRecorder, Clock } from '../../platform/contracts.js';
import type { Db } from '../../platform/db/database.js';
import { createIdentityRepository } from './identity.repository.js';
import { identityRoutes, SESSION_COOKIE } from './identity.routes.js';
import { createIdentityService, type IdentitySettings } from './identity.service.js';

export const identityMigrations = { module: 'identity', dir: fileURLToPath(new URL('./migrations', import.meta.url)) };

export function createIdentityModule(deps: { db: Db; audit: AuditRecorder; clock: Clock; settings: IdentitySettings }) {
  const service = createIdentityService({ ...deps, repo: createIdentityRepository(deps.db) });

  /** Session cookie first, then "Authorization: Bearer cft_…" for devices and integrations. */
  async function resolveRequest(request: FastifyRequest): Promise<ResolvedRequest> {
    const bearer = /^Bearer\s+(\S+)$/i.exec(request.headers.authorization ?? '')?.[1];
    if (bearer) return { actor: (await service.resolveApiToken(bearer)) ?? { kind: 'anonymous', pending: 'invalid-token' } };
    const token = request.cookies[SESSION_COOKIE];
    if (!token) return { actor: ANONYMOUS };
    const session = await service.resolveSession(token);
    if (!session) return { actor: ANONYMOUS };
    if (session.expired) return { actor: { kind: 'anonymous', pending: 'expired' } };
    if (session.stage !== 'full') return { actor: { kind: 'anonymous', pending: session.stage }, csrfToken: session.csrfToken };
    return { actor: session.actor, csrfToken: session.csrfToken };
  }

  return { service, resolveRequest, routes: identityRoutes };
}

export type IdentityModule = ReturnType<typeof createIdentityModule>;
