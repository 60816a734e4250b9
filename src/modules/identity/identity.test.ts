import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createTestApp, uniqueEmail, type TestApp } from '../../testing/harness.js';
import { createStaff, login, sessionCookie, STRONG_PASSWORD, type StaffSession } from '../../testing/staff.js';
import { base32Decode, base32Encode, hotp, totpAt } from './totp.js';

describe('TOTP (RFC 6238)', () => {
  test('matches the RFC 6238 SHA-1 test vectors', () => {
    const secret = base32Encode(Buffer.from('12345678901234567890'));
    // RFC 6238 Appendix B gives 8 digits; the last 6 of each are the 6-digit codes.
    const vectors: [number, string][] = [
      [59, '287082'],
      [1111111109, '081804'],
      [1111111111, '050471'],
      [1234567890, '005924'],
      [2000000000, '279037'],
    ];
    for (const [time, code] of vectors) assert.equal(totpAt(secret, new Date(time * 1000)), code);
    assert.equal(hotp(base32Decode(secret), 0), '755224'); // RFC 4226 Appendix D
  });
});

describe('staff login with mandatory MFA', () => {
  let t: TestApp;
  let admin: StaffSession;
  before(async () => {
    t = await createTestApp({ LOGIN_MAX_FAILURES: '3' });
    admin = await createStaff(t, 'admin');
  });
  after(() => t.close());

  test('the enrolled admin reaches an admin endpoint', async () => {
    const res = await t.app.inject({ url: '/api/identity/users', headers: { cookie: admin.cookie } });
    assert.equal(res.statusCode, 200);
    assert.ok(res.json<{ items: { email: string }[] }>().items.some((u) => u.email === admin.email));
    assert.ok(!res.body.includes('password_hash') && !res.body.includes(admin.secret), 'no secrets leave the server');
  });

  test('password alone gives no access: the second factor is demanded by name', async () => {
    t.clock.advance(30_000);
    const r1 = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email: admin.email, password: admin.password } });
    assert.equal(r1.statusCode, 200);
    assert.equal(r1.json<{ stage: string }>().stage, 'mfa');
    const res = await t.app.inject({ url: '/api/identity/users', headers: { cookie: sessionCookie(r1) } });
    assert.equal(res.statusCode, 401);
    assert.equal(res.json<{ code: string }>().code, 'AUTH_MFA_REQUIRED');
    assert.match(res.headers['content-type'] as string, /application\/problem\+json/);
  });

  test('a wrong code and a replayed code are rejected', async () => {
    t.clock.advance(30_000);
    const r1 = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email: admin.email, password: admin.password } });
    const headers = { cookie: sessionCookie(r1), 'x-csrf-token': r1.json<{ csrfToken: string }>().csrfToken };
    const code = totpAt(admin.secret, t.clock.now());
    const wrong = String((Number(code) + 1) % 1_000_000).padStart(6, '0');
    const bad = await t.app.inject({ method: 'POST', url: '/api/auth/mfa', headers, payload: { code: wrong } });
    assert.equal(bad.statusCode, 401);
    assert.equal(bad.json<{ code: string }>().code, 'IDENTITY_CODE_INVALID');
    const ok = await t.app.inject({ method: 'POST', url: '/api/auth/mfa', headers, payload: { code } });
    assert.equal(ok.statusCode, 200);

    const r2 = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email: admin.email, password: admin.password } });
    const headers2 = { cookie: sessionCookie(r2), 'x-csrf-token': r2.json<{ csrfToken: string }>().csrfToken };
    const replay = await t.app.inject({ method: 'POST', url: '/api/auth/mfa', headers: headers2, payload: { code } });
    assert.equal(replay.statusCode, 401, 'the same code cannot be used twice');
    assert.match(replay.json<{ detail: string }>().detail, /already used/);
  });

  test('a recovery code works once', async () => {
    t.clock.advance(30_000);
    const use = async () => {
      const r1 = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email: admin.email, password: admin.password } });
      const headers = { cookie: sessionCookie(r1), 'x-csrf-token': r1.json<{ csrfToken: string }>().csrfToken };
      return t.app.inject({ method: 'POST', url: '/api/auth/mfa', headers, payload: { recoveryCode: admin.recoveryCodes[0]!.toUpperCase() } });
    };
    assert.equal((await use()).statusCode, 200);
    assert.equal((await use()).statusCode, 401);
  });

  test('repeated failures lock the account with a clear message', async () => {
    const victim = await createStaff(t, 'viewer');
    for (let i = 0; i < 3; i++) {
      const r = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email: victim.email, password: 'wrong password 123' } });
      assert.equal(r.statusCode, 401);
    }
    const locked = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email: victim.email, password: victim.password } });
    assert.equal(locked.statusCode, 423);
    assert.equal(locked.json<{ code: string }>().code, 'IDENTITY_ACCOUNT_LOCKED');
    assert.match(locked.json<{ detail: string }>().detail, /locked/);
    t.clock.advance(16 * 60_000);
    await login(t, victim); // unlocked after the lock period
  });

  test('an expired session is rejected and says so', async () => {
    const user = await createStaff(t, 'viewer');
    t.clock.advance((t.config.sessionIdleMinutes + 1) * 60_000);
    const res = await t.app.inject({ url: '/api/auth/me', headers: { cookie: user.cookie } });
    assert.equal(res.statusCode, 401);
    assert.equal(res.json<{ code: string }>().code, 'AUTH_SESSION_EXPIRED');
  });

  test('a write without the CSRF token is rejected', async () => {
    const s = await login(t, admin);
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/identity/users',
      headers: { cookie: s.cookie },
      payload: { email: uniqueEmail(), role: 'viewer' },
    });
    assert.equal(res.statusCode, 403);
    assert.equal(res.json<{ code: string; errors: { field: string }[] }>().errors[0]!.field, 'header.x-csrf-token');
  });

  test('log out everywhere ends every session of the user', async () => {
    const user = await createStaff(t, 'viewer');
    const second = await login(t, user);
    const res = await t.app.inject({ method: 'POST', url: '/api/auth/logout-all', headers: second.headers });
    assert.equal(res.statusCode, 204);
    for (const cookie of [user.cookie, second.cookie]) {
      assert.equal((await t.app.inject({ url: '/api/auth/me', headers: { cookie } })).statusCode, 401);
    }
  });

  test('a weak password is refused at enrolment, naming the field', async () => {
    const created = await t.app.inject({ method: 'POST', url: '/api/identity/users', headers: (await login(t, admin)).headers, payload: { email: uniqueEmail(), role: 'viewer' } });
    assert.equal(created.statusCode, 201);
    const token = new URL(created.json<{ enrolmentUrl: string }>().enrolmentUrl).searchParams.get('token')!;
    for (const password of ['short', 'passwort1234', 'koblenz2026']) {
      const res = await t.app.inject({ method: 'POST', url: '/api/auth/enrolment', payload: { token, password } });
      assert.equal(res.statusCode, 400, password);
      assert.equal(res.json<{ errors: { field: string }[] }>().errors[0]!.field, 'body.password');
    }
    const ok = await t.app.inject({ method: 'POST', url: '/api/auth/enrolment', payload: { token, password: STRONG_PASSWORD } });
    assert.equal(ok.statusCode, 200);
    const again = await t.app.inject({ method: 'POST', url: '/api/auth/enrolment', payload: { token, password: STRONG_PASSWORD } });
    assert.equal(again.statusCode, 410, 'an enrolment link works once');
  });

  test('an enrolling user can do nothing but finish MFA setup', async () => {
    const created = await t.app.inject({ method: 'POST', url: '/api/identity/users', headers: (await login(t, admin)).headers, payload: { email: uniqueEmail(), role: 'admin' } });
    const token = new URL(created.json<{ enrolmentUrl: string }>().enrolmentUrl).searchParams.get('token')!;
    const r = await t.app.inject({ method: 'POST', url: '/api/auth/enrolment', payload: { token, password: STRONG_PASSWORD } });
    const res = await t.app.inject({ url: '/api/identity/users', headers: { cookie: sessionCookie(r) } });
    assert.equal(res.statusCode, 403);
    assert.equal(res.json<{ code: string }>().code, 'AUTH_MFA_ENROLMENT_REQUIRED');
  });
});

describe('roles', () => {
  let t: TestApp;
  let editor: StaffSession;
  let viewer: StaffSession;
  before(async () => {
    t = await createTestApp();
    editor = await createStaff(t, 'editor', ['content']);
    viewer = await createStaff(t, 'viewer');
  });
  after(() => t.close());

  test('an editor cannot perform admin actions', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/identity/users', headers: editor.headers, payload: { email: uniqueEmail(), role: 'admin' } });
    assert.equal(res.statusCode, 403);
    assert.equal(res.json<{ code: string }>().code, 'AUTH_ADMIN_REQUIRED');
    assert.equal((await t.app.inject({ url: '/api/audit', headers: editor.headers })).statusCode, 403);
  });

  test('a viewer cannot write', async () => {
    const res = await t.app.inject({ method: 'PUT', url: '/api/content/impressum', headers: viewer.headers, payload: { lang: 'de', title: 'x', markdown: 'y' } });
    assert.equal(res.statusCode, 403);
  });

  test('anonymous requests to staff endpoints get 401', async () => {
    const res = await t.app.inject({ url: '/api/identity/users' });
    assert.equal(res.statusCode, 401);
    assert.equal(res.json<{ code: string }>().code, 'AUTH_REQUIRED');
  });

  test('invalid input to user creation names the field', async () => {
    const admin = await createStaff(t, 'admin');
    const res = await t.app.inject({ method: 'POST', url: '/api/identity/users', headers: admin.headers, payload: { email: 'not-an-email', role: 'boss' } });
    assert.equal(res.statusCode, 400);
    assert.match(res.json<{ errors: { field: string }[] }>().errors[0]!.field, /^body\.(email|role)$/);
  });
});

describe('API tokens', () => {
  let t: TestApp;
  let admin: StaffSession;
  before(async () => {
    t = await createTestApp();
    admin = await createStaff(t, 'admin');
  });
  after(() => t.close());

  test('are shown once, hashed, scoped, and revocable', async () => {
    const created = await t.app.inject({ method: 'POST', url: '/api/identity/tokens', headers: admin.headers, payload: { name: 'Parkleitsystem', scopes: ['content:write'], expiresInDays: 30 } });
    assert.equal(created.statusCode, 201);
    const { token, info } = created.json<{ token: string; info: { id: number } }>();
    const list = await t.app.inject({ url: '/api/identity/tokens', headers: admin.headers });
    assert.ok(!list.body.includes(token), 'the token is never listed again');
    const auth = { authorization: `Bearer ${token}` };
    const write = await t.app.inject({ method: 'PUT', url: '/api/content/impressum', headers: auth, payload: { lang: 'de', title: 'x', markdown: 'y' } });
    assert.equal(write.statusCode, 403, 'content pages need an admin, not a token');
    await t.app.inject({ method: 'DELETE', url: `/api/identity/tokens/${info.id}`, headers: admin.headers });
    const after = await t.app.inject({ url: '/api/auth/me', headers: auth });
    assert.equal(after.statusCode, 401);
    assert.equal(after.json<{ code: string }>().code, 'AUTH_TOKEN_INVALID');
  });
});
