import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createTestApp, type TestApp } from '../../testing/harness.js';
import { toProblem } from './errors.js';

describe('HTTP platform', () => {
  let t: TestApp;
  before(async () => {
    t = await createTestApp({ BODY_LIMIT_BYTES: '2048' });
  });
  after(() => t.close());

  test('/health and /ready', async () => {
    assert.equal((await t.app.inject({ url: '/health' })).json<{ status: string }>().status, 'ok');
    const ready = await t.app.inject({ url: '/ready' });
    assert.equal(ready.statusCode, 200);
    assert.deepEqual(ready.json(), { status: 'ready', database: 'ok', mqtt: 'ok' });
  });

  test('/api/platform reports the broker and database', async () => {
    const body = (await t.app.inject({ url: '/api/platform' })).json<{ mqtt: { url: string }; database: string; map: { styleUrl: string | null } }>();
    assert.match(body.mqtt.url, /^mqtt:\/\//);
    assert.ok(['pglite', 'postgres'].includes(body.database));
    assert.deepEqual(body.map, { styleUrl: null }, 'without MAP_STYLE_URL the web app builds its own map style');
  });

  test('OpenAPI 3.1 document and local docs page', async () => {
    const doc = (await t.app.inject({ url: '/api/openapi.json' })).json<{ openapi: string; paths: Record<string, unknown> }>();
    assert.equal(doc.openapi, '3.1.0');
    assert.ok(doc.paths['/api/auth/login']);
    // Nullable: a type list for primitives, anyOf with null for objects — both read as "or null".
    type Schema = { type?: unknown; minimum?: number; enum?: unknown[]; anyOf?: Schema[] };
    type Operation = { requestBody: { content: Record<string, { schema: { properties: Record<string, Schema> } }> } };
    const bodyField = (path: string, method: string, field: string) =>
      (doc.paths[path] as Record<string, Operation>)[method]!.requestBody.content['application/json']!.schema.properties[field]!;
    const retention = bodyField('/api/sensors/datastreams/{id}/storage', 'put', 'retentionDays');
    assert.deepEqual([retention.type, retention.minimum], [['integer', 'null'], 1]);
    const location = bodyField('/api/projects/{id}', 'patch', 'location');
    assert.deepEqual(
      location.anyOf?.map((s) => s.type ?? s.enum),
      [[null], 'object'],
    );
    const page = await t.app.inject({ url: '/api/docs/' });
    assert.equal(page.statusCode, 200);
    assert.ok(!/https?:\/\/(?!localhost)[a-z]/i.test(page.body.replace(/https?:\/\/(www\.)?(w3\.org|swagger\.io)[^"' ]*/g, '')), 'no external assets');
  });

  test('security headers with a strict CSP', async () => {
    const res = await t.app.inject({ url: '/health' });
    const csp = res.headers['content-security-policy'] as string;
    assert.match(csp, /default-src 'self'/);
    assert.match(csp, /script-src 'self'(;|$)/);
    assert.equal(res.headers['x-content-type-options'], 'nosniff');
    const staff = await t.app.inject({ url: '/api/auth/session' });
    assert.equal(staff.headers['x-frame-options'], 'DENY');
  });

  test('unknown API routes answer problem+json 404', async () => {
    const res = await t.app.inject({ url: '/api/nothing-here' });
    assert.equal(res.statusCode, 404);
    assert.match(res.headers['content-type'] as string, /application\/problem\+json/);
    assert.equal(res.json<{ code: string }>().code, 'ROUTE_NOT_FOUND');
  });

  test('bodies over the limit get 413, malformed JSON 400, both as problem+json', async () => {
    const big = await t.app.inject({ method: 'POST', url: '/api/content/feedback', payload: { message: 'x'.repeat(5000) } });
    assert.equal(big.statusCode, 413);
    assert.match(big.headers['content-type'] as string, /problem\+json/);
    const bad = await t.app.inject({ method: 'POST', url: '/api/auth/login', headers: { 'content-type': 'application/json' }, payload: '{"email":' });
    assert.equal(bad.statusCode, 400);
    assert.match(bad.headers['content-type'] as string, /problem\+json/);
  });

  test('ids beyond what JavaScript holds exactly are a 400 naming the field; a database range error is a 400 too', async () => {
    for (const url of ['/api/community/events/99999999999999999999', '/api/parking/v3/parking-sites/9007199254740992', '/api/catalog/services/99999999999999999999']) {
      const res = await t.app.inject({ url });
      assert.equal(res.statusCode, 400, url);
      assert.equal(res.json<{ errors: { field: string }[] }>().errors[0]!.field, 'params.id', url);
    }
    assert.equal((await t.app.inject({ url: '/api/catalog/services?offset=99999999999999999999' })).statusCode, 400);
    // The net under the schemas: what only input out of a column's range causes.
    const overflow = toProblem(Object.assign(new Error('bigint out of range'), { code: '22003' }));
    assert.deepEqual([overflow.status, overflow.code], [400, 'INPUT_OUT_OF_RANGE']);
    assert.equal(toProblem(Object.assign(new Error('relation does not exist'), { code: '42P01' })).status, 500);
  });

  test('a value outside a fixed choice is one problem that lists the choices', async () => {
    const res = await t.app.inject({ url: '/api/community/events?category=xyz' });
    assert.equal(res.statusCode, 400);
    const p = res.json<{ detail: string; errors: { field: string; message: string }[] }>();
    assert.equal(p.errors.length, 1);
    assert.equal(p.errors[0]!.field, 'query.category');
    assert.match(p.errors[0]!.message, /^must be one of: (\w+, )+\w+$/);
    assert.match(p.errors[0]!.message, /\bsport\b.*\bmusic\b/);
  });

  test('a NUL character anywhere in the input is a 400 naming the field, never a database error', async () => {
    type Problem = { code: string; errors: { field: string }[] };
    const refused = async (res: { statusCode: number; json: <T>() => T }, field: string) => {
      assert.equal(res.statusCode, 400);
      const p = res.json<Problem>();
      assert.deepEqual([p.code, p.errors[0]!.field], ['INPUT_NUL_CHARACTER', field]);
    };
    await refused(await t.app.inject({ url: '/api/projects?field=%00' }), 'query.field');
    await refused(await t.app.inject({ url: '/api/community/events?q=a%00b' }), 'query.q');
    await refused(await t.app.inject({ url: '/api/catalog/services/%00' }), 'params.id');
    await refused(
      await t.app.inject({ method: 'POST', url: '/api/content/feedback', payload: { message: 'ok', page: { path: 'a\u0000' } } }),
      'body.page.path',
    );
    await refused(await t.app.inject({ method: 'POST', url: '/api/content/feedback', payload: [{ 'k\u0000': 1 }] }), 'body.0.k\u0000');
    // Text around it is untouched: an ordinary search still answers.
    assert.equal((await t.app.inject({ url: '/api/community/events?q=Chor' })).statusCode, 200);
  });

  test('the city profile is Koblenz with its keys and 30 Stadtteile', async () => {
    const city = (await t.app.inject({ url: '/api/city' })).json<{ gemeindeschluessel: string; ars: string; districts: unknown[] }>();
    assert.equal(city.gemeindeschluessel, '07111000');
    assert.equal(city.ars, '071110000000');
    assert.equal(city.districts.length, 30);
  });
});

describe('authentication rate limit', () => {
  let t: TestApp;
  before(async () => {
    t = await createTestApp({ AUTH_RATE_LIMIT_PER_MINUTE: '3' });
  });
  after(() => t.close());

  test('login attempts beyond the limit get 429 with Retry-After', async () => {
    const attempt = () => t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email: 'nobody@test.invalid', password: 'whatever-password' } });
    for (let i = 0; i < 3; i++) assert.equal((await attempt()).statusCode, 401);
    const limited = await attempt();
    assert.equal(limited.statusCode, 429);
    assert.ok(limited.headers['retry-after']);
    assert.match(limited.headers['content-type'] as string, /problem\+json/);
  });
});
