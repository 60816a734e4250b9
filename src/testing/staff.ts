/**
 * Drives the real staff flow over HTTP for tests: create a user, redeem the enrolment link, set up
 * TOTP (computing codes like an authenticator app) and end with a full session.
 */
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { systemActor, type Role } from '../platform/auth/actor.js';
import { totpAt } from '../modules/identity/totp.js';
import type { TestApp } from './harness.js';
import { uniqueEmail } from './harness.js';

export const STRONG_PASSWORD = 'Rhein-Mosel-Eck 2026!';

export interface StaffSession {
  id: number;
  email: string;
  password: string;
  secret: string;
  cookie: string;
  csrf: string;
  recoveryCodes: string[];
  /** Request headers of this session for a write (cookie + CSRF). */
  headers: Record<string, string>;
}

export function sessionCookie(res: LightMyRequestResponse): string {
  const c = res.cookies.find((x) => x.name === 'cf_session');
  if (!c) throw new Error(`no session cookie in response ${res.statusCode}: ${res.body}`);
  return `cf_session=${c.value}`;
}

/** Creates a user directly through the identity service (as the CLI does) and enrols it over HTTP. */
export async function createStaff(t: TestApp, role: Role, modules: string[] = []): Promise<StaffSession> {
  const { createUser } = await identityService(t);
  const email = uniqueEmail(role);
  const { user, enrolmentUrl } = await createUser(systemActor('test'), { email, role, modules });
  const token = new URL(enrolmentUrl).searchParams.get('token')!;
  return enrol(t, user.id, email, token);
}

export async function enrol(t: TestApp, id: number, email: string, token: string): Promise<StaffSession> {
  const { app, clock } = t;
  const res1 = await app.inject({ method: 'POST', url: '/api/auth/enrolment', payload: { token, password: STRONG_PASSWORD } });
  if (res1.statusCode !== 200) throw new Error(`enrolment failed: ${res1.body}`);
  let cookie = sessionCookie(res1);
  const csrf1 = res1.json<{ csrfToken: string }>().csrfToken;
  const setup = await app.inject({ method: 'POST', url: '/api/auth/totp/setup', headers: { cookie, 'x-csrf-token': csrf1 } });
  const { secret } = setup.json<{ secret: string }>();
  const confirm = await app.inject({
    method: 'POST',
    url: '/api/auth/totp/confirm',
    headers: { cookie, 'x-csrf-token': csrf1 },
    payload: { code: totpAt(secret, clock.now()) },
  });
  if (confirm.statusCode !== 200) throw new Error(`TOTP confirm failed: ${confirm.body}`);
  cookie = sessionCookie(confirm);
  const body = confirm.json<{ csrfToken: string; recoveryCodes: string[] }>();
  return {
    id,
    email,
    password: STRONG_PASSWORD,
    secret,
    cookie,
    csrf: body.csrfToken,
    recoveryCodes: body.recoveryCodes,
    headers: { cookie, 'x-csrf-token': body.csrfToken },
  };
}

/** Password + TOTP login; advances the clock one step first so the code is never a replay. */
export async function login(t: TestApp, staff: Pick<StaffSession, 'email' | 'password' | 'secret'>) {
  t.clock.advance(30_000);
  const r1 = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email: staff.email, password: staff.password } });
  if (r1.statusCode !== 200) throw new Error(`login failed: ${r1.body}`);
  const cookie1 = sessionCookie(r1);
  const r2 = await t.app.inject({
    method: 'POST',
    url: '/api/auth/mfa',
    headers: { cookie: cookie1, 'x-csrf-token': r1.json<{ csrfToken: string }>().csrfToken },
    payload: { code: totpAt(staff.secret, t.clock.now()) },
  });
  if (r2.statusCode !== 200) throw new Error(`mfa failed: ${r2.body}`);
  const cookie = sessionCookie(r2);
  const csrf = r2.json<{ csrfToken: string }>().csrfToken;
  return { cookie, csrf, headers: { cookie, 'x-csrf-token': csrf } };
}

async function identityService(t: TestApp) {
  const { createIdentityModule } = await import('../modules/identity/index.js');
  const { createAuditModule } = await import('../modules/audit/index.js');
  const db = t.database.db;
  const m = createIdentityModule({
    db,
    audit: createAuditModule({ db, clock: t.clock }).recorder,
    clock: t.clock,
    settings: {
      publicUrl: t.config.publicUrl,
      cityName: 'Koblenz',
      sessionIdleMinutes: t.config.sessionIdleMinutes,
      sessionAbsoluteHours: t.config.sessionAbsoluteHours,
      loginMaxFailures: t.config.loginMaxFailures,
      modules: ['catalog', 'projects', 'sensors', 'parking', 'waste', 'reports', 'opendata', 'dashboard', 'content', 'community'],
    },
  });
  return { createUser: m.service.createUser.bind(m.service) };
}

export type { FastifyInstance };
