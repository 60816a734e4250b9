/** HTTP for identity: /api/auth/* (login flow, cookie session) and /api/identity/* (administration). */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { requireAccount } from '../../platform/auth/actor.js';
import { unauthorized } from '../../platform/http/errors.js';
import { errorResponses, IdParams } from '../../platform/http/schemas.js';
import type { IdentityService, SessionGrant } from './identity.service.js';
import { MAX_PASSWORD_LENGTH } from './password.js';

export const SESSION_COOKIE = 'cf_session';

const RoleSchema = Type.Union([Type.Literal('admin'), Type.Literal('editor'), Type.Literal('viewer')]);
/** Accounts also include representatives of organisations (community module). */
const AccountRoleSchema = Type.Union([Type.Literal('admin'), Type.Literal('editor'), Type.Literal('viewer'), Type.Literal('organisation')]);
const Email = Type.String({ format: 'email', maxLength: 254 });
const PublicUser = Type.Object({
  id: Type.Integer(),
  email: Type.String(),
  displayName: Type.String(),
  role: AccountRoleSchema,
  modules: Type.Array(Type.String()),
  mfaEnrolled: Type.Boolean(),
  locked: Type.Boolean(),
  disabled: Type.Boolean(),
  createdAt: Type.String(),
});
const StageReply = Type.Object({
  stage: Type.Union([Type.Literal('mfa'), Type.Literal('enrol'), Type.Literal('full')]),
  csrfToken: Type.String(),
});
const TokenInfo = Type.Object({
  id: Type.Integer(),
  name: Type.String(),
  prefix: Type.String(),
  scopes: Type.Array(Type.String()),
  createdAt: Type.String(),
  expiresAt: Type.Union([Type.String(), Type.Null()]),
  revokedAt: Type.Union([Type.String(), Type.Null()]),
  lastUsedAt: Type.Union([Type.String(), Type.Null()]),
});

export interface IdentityRouteOptions {
  service: IdentityService;
  cookieSecure: 'auto' | boolean;
  authRateLimitPerMinute: number;
}

export const identityRoutes: FastifyPluginAsyncTypebox<IdentityRouteOptions> = async (app, opts) => {
  const { service } = opts;
  // Login steps are rate-limited per client address on top of the per-account lockout.
  const limited = { rateLimit: { max: opts.authRateLimitPerMinute, timeWindow: '1 minute' } };
  const stepConfig = { ...limited, skipCsrf: true };

  const sessionToken = (req: FastifyRequest) => req.cookies[SESSION_COOKIE];
  function setSession(req: FastifyRequest, reply: FastifyReply, grant: SessionGrant) {
    reply.setCookie(SESSION_COOKIE, grant.sessionToken, {
      path: '/',
      httpOnly: true,
      sameSite: 'strict',
      secure: opts.cookieSecure === 'auto' ? req.protocol === 'https' : opts.cookieSecure,
      expires: grant.expiresAt,
    });
    return { stage: grant.stage, csrfToken: grant.csrfToken };
  }
  const clearSession = (reply: FastifyReply) => reply.clearCookie(SESSION_COOKIE, { path: '/' });

  app.post(
    '/api/auth/login',
    {
      config: { ...limited, skipCsrf: true },
      schema: {
        tags: ['auth'],
        summary: 'Step 1: e-mail and password. Answers which second step follows.',
        body: Type.Object({ email: Email, password: Type.String({ minLength: 1, maxLength: MAX_PASSWORD_LENGTH }) }, { additionalProperties: false }),
        response: { 200: StageReply, ...errorResponses(400, 401, 423, 429) },
      },
    },
    async (req, reply) => setSession(req, reply, await service.login(req.body)),
  );

  app.post(
    '/api/auth/mfa',
    {
      config: limited,
      schema: {
        tags: ['auth'],
        summary: 'Step 2: the authenticator code (or a one-time recovery code).',
        body: Type.Object(
          {
            code: Type.Optional(Type.String({ pattern: '^\\s*\\d{6}\\s*$', description: '6-digit TOTP code' })),
            recoveryCode: Type.Optional(Type.String({ minLength: 8, maxLength: 40 })),
          },
          { additionalProperties: false },
        ),
        response: { 200: StageReply, ...errorResponses(400, 401, 403, 409, 423, 429) },
      },
    },
    async (req, reply) => setSession(req, reply, await service.verifyMfa(sessionToken(req), req.body)),
  );

  app.post(
    '/api/auth/enrolment',
    {
      config: stepConfig,
      schema: {
        tags: ['auth'],
        summary: 'Redeem a one-time enrolment link: set the password, then set up the authenticator.',
        body: Type.Object(
          { token: Type.String({ minLength: 20, maxLength: 100 }), password: Type.String({ maxLength: MAX_PASSWORD_LENGTH }) },
          { additionalProperties: false },
        ),
        response: { 200: StageReply, ...errorResponses(400, 401, 410, 429) },
      },
    },
    async (req, reply) => setSession(req, reply, await service.startEnrolment(req.body)),
  );

  app.post(
    '/api/auth/totp/setup',
    {
      config: limited,
      schema: {
        tags: ['auth'],
        summary: 'Creates a new authenticator secret (QR code as SVG, and the secret for manual entry).',
        response: {
          200: Type.Object({ secret: Type.String(), otpauthUrl: Type.String(), qrSvg: Type.String() }),
          ...errorResponses(401, 403, 409),
        },
      },
    },
    async (req) => service.totpSetup(sessionToken(req)),
  );

  app.post(
    '/api/auth/totp/confirm',
    {
      config: limited,
      schema: {
        tags: ['auth'],
        summary: 'Confirms the authenticator with a current code; answers the recovery codes once.',
        body: Type.Object({ code: Type.String({ pattern: '^\\s*\\d{6}\\s*$' }) }, { additionalProperties: false }),
        response: {
          200: Type.Object({ stage: Type.Literal('full'), csrfToken: Type.String(), recoveryCodes: Type.Array(Type.String()) }),
          ...errorResponses(400, 401, 403, 409),
        },
      },
    },
    async (req, reply) => {
      const result = await service.totpConfirm(sessionToken(req), req.body.code);
      return { ...setSession(req, reply, result), stage: 'full' as const, recoveryCodes: result.recoveryCodes };
    },
  );

  app.get(
    '/api/auth/session',
    {
      schema: {
        tags: ['auth'],
        summary: 'The current session: its stage, CSRF token and user.',
        response: { 200: Type.Object({ ...StageReply.properties, user: PublicUser }), ...errorResponses(401) },
      },
    },
    async (req) => {
      const token = sessionToken(req);
      const resolved = token ? await service.resolveSession(token) : undefined;
      if (!resolved || resolved.expired) throw unauthorized('AUTH_REQUIRED', 'You are not logged in.');
      const user = await service.currentUser(resolved.actor.id);
      if (!user) throw unauthorized('AUTH_REQUIRED', 'You are not logged in.');
      return { stage: resolved.stage, csrfToken: resolved.csrfToken, user };
    },
  );

  app.post(
    '/api/auth/logout',
    { schema: { tags: ['auth'], summary: 'Ends this session.', response: { 204: Type.Null() } } },
    async (req, reply) => {
      await service.logout(sessionToken(req));
      clearSession(reply);
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/api/auth/logout-all',
    { schema: { tags: ['auth'], summary: 'Ends every session of the current user.', response: { 204: Type.Null(), ...errorResponses(401, 403) } } },
    async (req, reply) => {
      await service.logoutEverywhere(req.actor);
      clearSession(reply);
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/api/identity/users',
    { schema: { tags: ['identity'], summary: 'Staff users (admins).', response: { 200: Type.Object({ items: Type.Array(PublicUser) }), ...errorResponses(401, 403) } } },
    async (req) => ({ items: await service.listUsers(req.actor) }),
  );

  app.post(
    '/api/identity/users',
    {
      schema: {
        tags: ['identity'],
        summary: 'Creates a staff user and answers a one-time enrolment link to hand over (admins).',
        body: Type.Object(
          {
            email: Email,
            displayName: Type.Optional(Type.String({ maxLength: 200 })),
            role: RoleSchema,
            modules: Type.Optional(Type.Array(Type.String({ maxLength: 40 }), { maxItems: 20 })),
          },
          { additionalProperties: false },
        ),
        response: { 201: Type.Object({ user: PublicUser, enrolmentUrl: Type.String() }), ...errorResponses(400, 401, 403, 409) },
      },
    },
    async (req, reply) => reply.status(201).send(await service.createUser(req.actor, req.body)),
  );

  app.patch(
    '/api/identity/users/:id',
    {
      schema: {
        tags: ['identity'],
        summary: 'Changes role, module scope, name or the disabled flag (admins).',
        params: IdParams,
        body: Type.Object(
          {
            role: Type.Optional(RoleSchema),
            modules: Type.Optional(Type.Array(Type.String({ maxLength: 40 }), { maxItems: 20 })),
            disabled: Type.Optional(Type.Boolean()),
            displayName: Type.Optional(Type.String({ maxLength: 200 })),
          },
          { additionalProperties: false },
        ),
        response: { 200: Type.Object({ user: PublicUser }), ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (req) => ({ user: await service.updateUser(req.actor, req.params.id, req.body) }),
  );

  app.post(
    '/api/identity/users/:id/reset-mfa',
    {
      schema: {
        tags: ['identity'],
        summary: 'Resets password and authenticator; answers a new enrolment link (admins).',
        params: IdParams,
        response: { 200: Type.Object({ enrolmentUrl: Type.String() }), ...errorResponses(401, 403, 404) },
      },
    },
    async (req) => service.resetMfa(req.actor, req.params.id),
  );

  app.get(
    '/api/identity/tokens',
    { schema: { tags: ['identity'], summary: 'API tokens for devices and integrations (admins).', response: { 200: Type.Object({ items: Type.Array(TokenInfo) }), ...errorResponses(401, 403) } } },
    async (req) => ({ items: await service.listApiTokens(req.actor) }),
  );

  app.post(
    '/api/identity/tokens',
    {
      schema: {
        tags: ['identity'],
        summary: 'Creates an API token; the token itself is shown only in this answer (admins).',
        body: Type.Object(
          {
            name: Type.String({ minLength: 1, maxLength: 200 }),
            scopes: Type.Array(Type.String({ maxLength: 80 }), { minItems: 1, maxItems: 50 }),
            expiresInDays: Type.Optional(Type.Integer({ minimum: 1, maximum: 3650 })),
          },
          { additionalProperties: false },
        ),
        response: { 201: Type.Object({ token: Type.String(), info: TokenInfo }), ...errorResponses(400, 401, 403) },
      },
    },
    async (req, reply) => reply.status(201).send(await service.createApiToken(req.actor, req.body)),
  );

  app.delete(
    '/api/identity/tokens/:id',
    { schema: { tags: ['identity'], summary: 'Revokes an API token (admins).', params: IdParams, response: { 204: Type.Null(), ...errorResponses(401, 403, 404) } } },
    async (req, reply) => {
      await service.revokeApiToken(req.actor, req.params.id);
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/api/auth/me',
    { schema: { tags: ['auth'], summary: 'The current user, staff or representative of an organisation (full session only).', response: { 200: PublicUser, ...errorResponses(401, 403) } } },
    async (req) => {
      requireAccount(req.actor);
      const user = await service.currentUser(req.actor.id);
      if (!user) throw unauthorized('AUTH_REQUIRED', 'You are not logged in.');
      return user;
    },
  );
};
