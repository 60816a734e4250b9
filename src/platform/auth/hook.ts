/**
 * Resolves every request's Actor once (session cookie or bearer token) and enforces CSRF for
 * cookie-authenticated writes. The identity module provides the resolver; this file knows no tables.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { ANONYMOUS, type Actor } from './actor.js';
import { AppError } from '../http/errors.js';

export interface ResolvedRequest {
  actor: Actor;
  /** Set when the actor came from a session cookie; writes must echo it in X-CSRF-Token. */
  csrfToken?: string;
}

export type RequestResolver = (request: FastifyRequest) => Promise<ResolvedRequest>;

declare module 'fastify' {
  interface FastifyRequest {
    actor: Actor;
  }
  interface FastifyContextConfig {
    /** Routes that create a session (login) cannot carry a CSRF token yet. */
    skipCsrf?: boolean;
  }
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

async function authPlugin(app: FastifyInstance, opts: { resolve: RequestResolver }) {
  // Fastify 5 forbids shared object defaults on requests; every request gets its own value below.
  app.decorateRequest<Actor | null>('actor', null);
  app.addHook('onRequest', async (request) => {
    request.actor = ANONYMOUS;
  });
  app.addHook('preHandler', async (request) => {
    const resolved = await opts.resolve(request);
    request.actor = resolved.actor;
    if (resolved.csrfToken && !SAFE_METHODS.has(request.method) && !request.routeOptions.config?.skipCsrf) {
      const sent = request.headers['x-csrf-token'];
      if (sent !== resolved.csrfToken) {
        throw new AppError('AUTH_CSRF_TOKEN_INVALID', 'The X-CSRF-Token header is missing or does not match your session.', {
          status: 403,
          field: 'header.x-csrf-token',
        });
      }
    }
  });
}

export const authentication = fp(authPlugin, { name: 'confluentes-authentication' });
