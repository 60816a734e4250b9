import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { sql } from 'kysely';
import { systemActor } from '../../platform/auth/actor.js';
import { createTestApp, type TestApp } from '../../testing/harness.js';
import { createStaff, type StaffSession } from '../../testing/staff.js';
import { createAuditModule } from './index.js';
import { redactSecrets } from './audit.chain.js';

describe('audit log', () => {
  let t: TestApp;
  let admin: StaffSession;
  before(async () => {
    t = await createTestApp();
    admin = await createStaff(t, 'admin');
  });
  after(() => t.close());

  test('records changes with actor, module, before and after, without secrets', async () => {
    const res = await t.app.inject({ method: 'PUT', url: '/api/content/impressum', headers: admin.headers, payload: { lang: 'en', title: 'Imprint', markdown: 'Audit me' } });
    assert.equal(res.statusCode, 200);
    const list = await t.app.inject({ url: '/api/audit?module=content&entity=page', headers: admin.headers });
    const items = list.json<{ items: { actor: string; action: string; after: { markdown: string } }[] }>().items;
    assert.ok(items.some((i) => i.actor.includes(admin.email) && i.after.markdown === 'Audit me'));
    const enrol = await t.app.inject({ url: '/api/audit?module=identity', headers: admin.headers });
    assert.ok(!enrol.body.includes(admin.secret));
  });

  test('redacts secret-looking keys at any depth', () => {
    assert.deepEqual(redactSecrets({ a: 1, password: 'x', nested: { apiKey: 'k', list: [{ token: 't' }] } }), {
      a: 1,
      password: '[redacted]',
      nested: { apiKey: '[redacted]', list: [{ token: '[redacted]' }] },
    });
  });

  test('exports CSV for admins only', async () => {
    const csv = await t.app.inject({ url: '/api/audit/export.csv?module=identity', headers: admin.headers });
    assert.equal(csv.statusCode, 200);
    assert.match(csv.headers['content-type'] as string, /text\/csv/);
    assert.match(csv.body, /^\uFEFFid,at,actor,module,entity,entity_id,action,before,after\r\n/);
    const anon = await t.app.inject({ url: '/api/audit/export.csv' });
    assert.equal(anon.statusCode, 401);
  });

  test('rejects a malformed filter naming the field', async () => {
    const res = await t.app.inject({ url: '/api/audit?from=yesterday', headers: admin.headers });
    assert.equal(res.statusCode, 400);
    assert.equal(res.json<{ errors: { field: string }[] }>().errors[0]!.field, 'query.from');
  });

  test('verify finds a tampered row', async () => {
    const ok = await t.app.inject({ method: 'POST', url: '/api/audit/verify', headers: admin.headers });
    assert.equal(ok.json<{ ok: boolean }>().ok, true);
    const db = t.database.db;
    const row = (await sql<{ id: number; action: string }>`select id, action from audit_log order by id desc limit 1`.execute(db)).rows[0]!;
    await sql`update audit_log set action = 'innocent' where id = ${row.id}`.execute(db);
    try {
      const service = createAuditModule({ db, clock: t.clock }).service;
      const result = await service.verify(systemActor('test'));
      assert.equal(result.ok, false);
      assert.equal(result.firstBrokenId, row.id);
    } finally {
      await sql`update audit_log set action = ${row.action} where id = ${row.id}`.execute(db);
    }
    const restored = await t.app.inject({ method: 'POST', url: '/api/audit/verify', headers: admin.headers });
    assert.equal(restored.json<{ ok: boolean }>().ok, true);
  });
});
