import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createTestApp, type TestApp } from '../../testing/harness.js';
import { createStaff, type StaffSession } from '../../testing/staff.js';

const form = (fields: Record<string, string | string[]>) => {
  const p = new URLSearchParams();
  for (const [k, v] of Object.entries(fields)) for (const x of Array.isArray(v) ? v : [v]) p.append(k, x);
  return p.toString();
};
const FORM = { 'content-type': 'application/x-www-form-urlencoded; charset=utf-8' };
const CENTRE = { lat: '50.3597', long: '7.5958' };

describe('Open311 GeoReport v2', () => {
  let t: TestApp;
  let admin: StaffSession;
  let apiKey: string;
  let ip = 0;
  const post = (fields: Record<string, string | string[]>, format = 'json') =>
    t.app.inject({ method: 'POST', url: `/open311/v2/requests.${format}`, headers: FORM, payload: form(fields), remoteAddress: `10.9.0.${++ip % 250}` });

  before(async () => {
    t = await createTestApp();
    admin = await createStaff(t, 'admin');
    const res = await t.app.inject({ method: 'POST', url: '/api/reports/api-keys', headers: admin.headers, payload: { name: 'Koblenz App (test)', perHour: 1000 } });
    assert.equal(res.statusCode, 200, res.body);
    apiKey = res.json<{ key: string }>().key;
  });
  after(() => t.close());

  test('discovery is offered as XML and JSON with every required field', async () => {
    const xml = await t.app.inject({ url: '/open311/v2/discovery.xml' });
    assert.equal(xml.statusCode, 200);
    assert.match(xml.headers['content-type'] as string, /^text\/xml; charset=utf-8/);
    assert.ok(xml.body.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<discovery><changeset>'));
    assert.match(xml.body, /<formats><format>text\/xml<\/format><format>application\/json<\/format><\/formats>/);
    const json = (await t.app.inject({ url: '/open311/v2/discovery.json' })).json<{ changeset: string; contact: string; key_service: string; endpoints: { url: string; formats: string[]; type: string }[] }>();
    assert.match(json.changeset, /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/);
    assert.ok(json.contact && json.key_service);
    assert.equal(json.endpoints[0]!.type, 'production');
    assert.ok(json.endpoints[0]!.url.endsWith('/open311/v2'));
  });

  test('services list all sixteen categories with the seven fields; definitions carry attributes', async () => {
    const list = (await t.app.inject({ url: '/open311/v2/services.json' })).json<Record<string, unknown>[]>();
    assert.ok(list.length >= 16);
    const road = list.find((s) => s['service_code'] === 'strassenschaeden')!;
    assert.deepEqual(Object.keys(road).sort(), ['description', 'group', 'keywords', 'metadata', 'service_code', 'service_name', 'type']);
    assert.equal(road['service_name'], 'Straßenschäden');
    assert.equal(road['metadata'], true);
    assert.equal(road['type'], 'realtime');
    const xml = await t.app.inject({ url: '/open311/v2/services.xml' });
    assert.match(xml.body, /<services><service><service_code>strassenschaeden<\/service_code><service_name>Straßenschäden<\/service_name>/);

    const def = (await t.app.inject({ url: '/open311/v2/services/ampeln.json' })).json<{ service_code: string; attributes: { code: string; order: number; required: boolean; values?: unknown[] }[] }>();
    assert.equal(def.service_code, 'ampeln');
    assert.deepEqual(def.attributes.map((a) => a.order), [1, 2]);
    assert.ok(def.attributes.find((a) => a.code === 'ampelart')!.required);
    const defXml = await t.app.inject({ url: '/open311/v2/services/ampeln.xml' });
    assert.match(defXml.body, /<service_definition><service_code>ampeln<\/service_code><attributes><attribute><variable>false<\/variable>/);
    assert.match(defXml.body, /<values><value><key>fahrzeug<\/key><name>Fahrzeugampel<\/name><\/value>/);
  });

  test('unknown service code: 404 in the spec error format, XML and JSON', async () => {
    const xml = await t.app.inject({ url: '/open311/v2/services/nope.xml' });
    assert.equal(xml.statusCode, 404);
    assert.match(xml.body, /^<\?xml version="1.0" encoding="UTF-8"\?>\n<errors><error><code>404<\/code><description>There is no category with service_code "nope"\.<\/description><\/error><\/errors>$/);
    const json = await t.app.inject({ url: '/open311/v2/services/nope.json' });
    assert.equal(json.statusCode, 404);
    assert.deepEqual(json.json(), [{ code: 404, description: 'There is no category with service_code "nope".' }]);
    const post404 = await post({ api_key: apiKey, service_code: 'nope', ...CENTRE });
    assert.equal(post404.statusCode, 404);
    const unknownPath = await t.app.inject({ url: '/open311/v2/whatever.json' });
    assert.equal(unknownPath.statusCode, 404);
    assert.equal(unknownPath.json<{ code: number }[]>()[0]!.code, 404);
  });

  test('POST needs a valid api_key (403), a service_code (400) and a location (400)', async () => {
    const noKey = await post({ service_code: 'strassenschaeden', ...CENTRE }, 'xml');
    assert.equal(noKey.statusCode, 403);
    assert.match(noKey.body, /<errors><error><code>403<\/code><description>api_key is required/);
    assert.equal((await post({ api_key: 'wrong', service_code: 'strassenschaeden', ...CENTRE })).statusCode, 403);
    const noCode = await post({ api_key: apiKey, ...CENTRE });
    assert.equal(noCode.statusCode, 400);
    assert.match(noCode.json<{ description: string }[]>()[0]!.description, /service_code is required/);
    const noPlace = await post({ api_key: apiKey, service_code: 'strassenschaeden', description: 'Loch' });
    assert.equal(noPlace.statusCode, 400);
    assert.match(noPlace.json<{ description: string }[]>()[0]!.description, /lat and long, or address_string/);
  });

  test('bad input is a clear 4xx, never a 500', async () => {
    const outside = await post({ api_key: apiKey, service_code: 'strassenschaeden', lat: '52.52', long: '13.40', description: 'Berlin' });
    assert.equal(outside.statusCode, 400);
    assert.match(outside.json<{ description: string }[]>()[0]!.description, /outside Koblenz/);
    const badLat = await post({ api_key: apiKey, service_code: 'strassenschaeden', lat: 'north', long: '7.59' });
    assert.equal(badLat.statusCode, 400);
    assert.match(badLat.body, /lat must be a decimal number/);
    const twoLats = await post({ api_key: apiKey, service_code: 'strassenschaeden', lat: ['50.35', '50.36'], long: '7.59' });
    assert.equal(twoLats.statusCode, 400);
    const missingAttr = await post({ api_key: apiKey, service_code: 'ampeln', ...CENTRE, description: 'Ampel aus' });
    assert.equal(missingAttr.statusCode, 400);
    assert.match(missingAttr.body, /attribute\[ampelart\]\) is required/);
    const badAttr = await post({ api_key: apiKey, service_code: 'ampeln', ...CENTRE, 'attribute[ampelart]': 'ufo' });
    assert.equal(badAttr.statusCode, 400);
    assert.match(badAttr.body, /Allowed: fahrzeug, fussgaenger, rad/);
    const long = await post({ api_key: apiKey, service_code: 'sonstiges', ...CENTRE, description: 'x'.repeat(4001) });
    assert.equal(long.statusCode, 400);
    const huge = await t.app.inject({ method: 'POST', url: '/open311/v2/requests.xml', headers: FORM, payload: form({ description: 'x'.repeat(2_000_000) }) });
    assert.equal(huge.statusCode, 413);
    assert.match(huge.body, /<errors><error><code>413<\/code>/);
    const malformed = await t.app.inject({ method: 'POST', url: '/open311/v2/requests.json', headers: { 'content-type': 'application/json' }, payload: '{"service_code": ' });
    assert.ok(malformed.statusCode >= 400 && malformed.statusCode < 500, malformed.body);
    const badDate = await t.app.inject({ url: '/open311/v2/requests.json?start_date=yesterday' });
    assert.equal(badDate.statusCode, 400);
    assert.match(badDate.json<{ description: string }[]>()[0]!.description, /W3C datetime/);
    const tooWide = await t.app.inject({ url: '/open311/v2/requests.json?start_date=2026-01-01T00:00:00Z&end_date=2026-06-01T00:00:00Z' });
    assert.equal(tooWide.statusCode, 400);
    assert.match(tooWide.body, /90 days/);
    assert.equal((await t.app.inject({ url: '/open311/v2/requests.json?status=pending' })).statusCode, 400);
    assert.equal((await t.app.inject({ url: '/open311/v2/requests.json?bbox=1,2,3' })).statusCode, 400);
    assert.equal((await t.app.inject({ url: '/open311/v2/services.json?jurisdiction_id=bonn.de' })).statusCode, 404);
  });

  test('a client written to the spec: form POST, then XML and JSON reads, multi-value attributes', async () => {
    const created = await post({
      api_key: apiKey,
      jurisdiction_id: 'koblenz.de',
      service_code: 'ampeln',
      lat: '50.3510',
      long: '7.5885',
      address_string: 'Bahnhofplatz, 56068 Koblenz',
      email: 'buerger@example.org',
      first_name: 'Erika',
      phone: '0261 123456',
      description: 'Fußgängerampel bleibt rot <b>immer</b> & ewig',
      'attribute[ampelart]': 'fussgaenger',
    });
    assert.equal(created.statusCode, 200, created.body);
    const [result] = created.json<{ service_request_id: string; service_notice: string; token?: string }[]>();
    assert.match(result!.service_request_id, /^\d+$/);
    assert.equal(result!.token, undefined, 'service_request_id or token, never both');
    const id = result!.service_request_id;

    const json = await t.app.inject({ url: `/open311/v2/requests/${id}.json` });
    assert.equal(json.statusCode, 200);
    const [r] = json.json<Record<string, unknown>[]>();
    assert.equal(r!['service_request_id'], id);
    assert.equal(r!['status'], 'open');
    assert.equal(r!['service_code'], 'ampeln');
    assert.equal(r!['lat'], 50.351);
    assert.equal(r!['address'], 'Bahnhofplatz, 56068 Koblenz');
    assert.equal(r!['agency_responsible'], 'Straßenverkehrsbehörde');
    assert.match(r!['requested_datetime'] as string, /Z$/);
    for (const secret of ['buerger@example.org', 'Erika', '123456', '10.9.0.']) assert.ok(!json.body.includes(secret), `no ${secret} in Open311 output`);

    const xml = await t.app.inject({ url: `/open311/v2/requests/${id}.xml` });
    assert.match(xml.body, new RegExp(`^<\\?xml version="1.0" encoding="UTF-8"\\?>\\n<service_requests><request><service_request_id>${id}</service_request_id><status>open</status>`));
    assert.ok(xml.body.includes('bleibt rot &lt;b&gt;immer&lt;/b&gt; &amp; ewig'), 'text is escaped');
    assert.ok(xml.body.includes('<address_id/>'), 'empty fields are empty elements');
    assert.ok(!xml.body.includes('buerger@example.org'));

    const notThere = await t.app.inject({ url: '/open311/v2/requests/99999999.xml' });
    assert.equal(notThere.statusCode, 404);

    const sign = await post({ api_key: apiKey, service_code: 'strassenschaeden', ...CENTRE, 'attribute[flaeche]': 'gehweg', description: 'Loch im Gehweg' });
    assert.equal(sign.statusCode, 200, sign.body);
  });

  test('GET requests: id list overrides filters; status, service_code, bbox, q, paging, updated_after, extensions', async () => {
    const mk = async (code: string, lat: string, long: string, description: string) => {
      const r = await post({ api_key: apiKey, service_code: code, lat, long, description });
      assert.equal(r.statusCode, 200, r.body);
      return r.json<{ service_request_id: string }[]>()[0]!.service_request_id;
    };
    const a = await mk('hundekot', '50.3480', '7.5490', 'Hundehaufen in Güls Zebrafink');
    const b = await mk('hundekot', '50.3970', '7.5620', 'Hundehaufen in Kesselheim Zebrafink');
    const c = await mk('graffiti', '50.3480', '7.5495', 'Graffiti in Güls Zebrafink');

    const byIds = (await t.app.inject({ url: `/open311/v2/requests.json?service_request_id=${a},${c}&service_code=ampeln` })).json<{ service_request_id: string }[]>();
    assert.deepEqual(byIds.map((r) => r.service_request_id).sort(), [a, c].sort());

    const bbox = (await t.app.inject({ url: '/open311/v2/requests.json?bbox=7.54,50.34,7.56,50.36&q=Zebrafink' })).json<{ service_request_id: string }[]>();
    assert.deepEqual(bbox.map((r) => r.service_request_id).sort(), [a, c].sort());
    const dogs = (await t.app.inject({ url: '/open311/v2/requests.json?q=Zebrafink&service_code=hundekot,graffiti&status=open' })).json<{ service_request_id: string }[]>();
    assert.equal(dogs.length, 3);
    assert.equal((await t.app.inject({ url: '/open311/v2/requests.json?q=Zebrafink&status=closed' })).json<unknown[]>().length, 0);
    const page1 = (await t.app.inject({ url: '/open311/v2/requests.json?q=Zebrafink&page_size=2&page=1' })).json<unknown[]>();
    const page2 = (await t.app.inject({ url: '/open311/v2/requests.json?q=Zebrafink&page_size=2&page=2' })).json<unknown[]>();
    assert.equal(page1.length + page2.length, 3);
    assert.equal((await t.app.inject({ url: `/open311/v2/requests.json?q=Zebrafink&updated_after=${new Date(Date.now() + 60_000).toISOString()}` })).json<unknown[]>().length, 0);

    // Default window: only the last 90 days.
    t.clock.advance(91 * 86_400_000);
    assert.equal((await t.app.inject({ url: '/open311/v2/requests.json?q=Zebrafink' })).json<unknown[]>().length, 0);
    t.clock.advance(-91 * 86_400_000);

    // status_notes history through the extension.
    const res = await t.app.inject({ method: 'POST', url: `/api/reports/requests/${b}/status`, headers: admin.headers, payload: { status: 'resolved', publicNote: 'Gereinigt.', internalNote: 'Kolonne 3' } });
    assert.equal(res.statusCode, 200, res.body);
    const ext = (await t.app.inject({ url: `/open311/v2/requests/${b}.json?extensions=true` })).json<{ status: string; status_notes: string; extended_attributes: { detailed_status: string; notes: { description: string }[] } }[]>()[0]!;
    assert.equal(ext.status, 'closed');
    assert.equal(ext.status_notes, 'Gereinigt.');
    assert.equal(ext.extended_attributes.detailed_status, 'resolved');
    assert.deepEqual(ext.extended_attributes.notes.map((n) => n.description), ['Gereinigt.'], 'internal notes never appear');
    const extXml = await t.app.inject({ url: `/open311/v2/requests/${b}.xml?extensions=true` });
    assert.match(extXml.body, /<extended_attributes><detailed_status>resolved<\/detailed_status>.*<notes><note><datetime>/);
    assert.ok(!extXml.body.includes('Kolonne 3'));
    const plain = (await t.app.inject({ url: `/open311/v2/requests/${b}.json` })).json<Record<string, unknown>[]>()[0]!;
    assert.equal(plain['extended_attributes'], undefined);
  });

  test('GET requests answers carry an ETag (304 on a match) and change as soon as the reports do', async () => {
    const url = '/open311/v2/requests.json?bbox=7.60,50.36,7.61,50.37&q=Kranich';
    const first = await t.app.inject({ url });
    assert.equal(first.statusCode, 200);
    assert.deepEqual(first.json(), []);
    const etag = first.headers.etag as string;
    assert.ok(etag);
    assert.equal((await t.app.inject({ url, headers: { 'if-none-match': etag } })).statusCode, 304);
    const created = await post({ api_key: apiKey, service_code: 'sonstiges', lat: '50.365', long: '7.605', description: 'Kranich-Nest auf der Laterne' });
    const id = created.json<{ service_request_id: string }[]>()[0]!.service_request_id;
    const second = await t.app.inject({ url, headers: { 'if-none-match': etag } });
    assert.equal(second.statusCode, 200, 'a new report is seen at once');
    assert.deepEqual(second.json<{ service_request_id: string }[]>().map((r) => r.service_request_id), [id]);
    assert.notEqual(second.headers.etag, etag);
    // A change made elsewhere (another instance, a script) moves the version too; seen within a second.
    await t.database.db.withTables<{ reports_requests: { id: number; description: string } }>().updateTable('reports_requests').set({ description: 'Kranich-Nest auf dem Mast' }).where('id', '=', Number(id)).execute();
    await new Promise((r) => setTimeout(r, 1100));
    assert.equal((await t.app.inject({ url })).json<{ description: string }[]>()[0]!.description, 'Kranich-Nest auf dem Mast');
  });

  test('tokens resolve to the service_request_id', async () => {
    const web = await t.app.inject({ method: 'POST', url: '/api/reports/requests', remoteAddress: '10.8.0.1', payload: { service_code: 'sonstiges', ...CENTRE, description: 'Token-Test' } });
    assert.equal(web.statusCode, 201, web.body);
    const { id, token } = web.json<{ id: string; token: string }>();
    const xml = await t.app.inject({ url: `/open311/v2/tokens/${token}.xml` });
    assert.equal(xml.statusCode, 200);
    assert.ok(xml.body.includes(`<service_requests><request><service_request_id>${id}</service_request_id><token>${token}</token></request></service_requests>`));
    assert.equal((await t.app.inject({ url: '/open311/v2/tokens/unknown-token.json' })).statusCode, 404);
  });

  test('API keys have their own hourly limit', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/reports/api-keys', headers: admin.headers, payload: { name: 'small client', perHour: 2 } });
    const key = res.json<{ key: string }>().key;
    for (let i = 0; i < 2; i++) assert.equal((await post({ api_key: key, service_code: 'sonstiges', ...CENTRE })).statusCode, 200);
    const third = await post({ api_key: key, service_code: 'sonstiges', ...CENTRE });
    assert.equal(third.statusCode, 429);
    assert.match(third.json<{ description: string }[]>()[0]!.description, /at most 2 per hour/);
  });
});

describe('Open311 rate limits', () => {
  let t: TestApp;
  let admin: StaffSession;
  const get = (ip: string) => t.app.inject({ url: '/open311/v2/services.json', remoteAddress: ip });
  const post = (fields: Record<string, string>, ip: string, format = 'json') =>
    t.app.inject({ method: 'POST', url: `/open311/v2/requests.${format}`, headers: FORM, payload: form(fields), remoteAddress: ip });

  before(async () => {
    t = await createTestApp({ REPORTS_OPEN311_PER_MINUTE: '3', REPORTS_API_KEY_PER_HOUR: '50' });
    admin = await createStaff(t, 'admin');
  });
  after(() => t.close());

  test('beyond the per-address limit: 429 with Retry-After and a clear message in the Open311 format', async () => {
    for (let i = 0; i < 3; i++) assert.equal((await get('10.30.0.1')).statusCode, 200);
    const json = await get('10.30.0.1');
    assert.equal(json.statusCode, 429);
    const retry = Number(json.headers['retry-after']);
    assert.ok(retry >= 1 && retry <= 60, `Retry-After ${json.headers['retry-after']}`);
    assert.deepEqual(json.json(), [{ code: 429, description: 'Too many requests: at most 3 per 1 minute. Please wait and try again.' }]);
    const xml = await t.app.inject({ url: '/open311/v2/discovery.xml', remoteAddress: '10.30.0.1' });
    assert.equal(xml.statusCode, 429);
    assert.match(xml.body, /<errors><error><code>429<\/code><description>Too many requests: at most 3 per 1 minute/);
    assert.equal((await get('10.30.0.2')).statusCode, 200, 'other addresses are not affected');
    // POSTs without a valid key count against the address too.
    const statuses = [];
    for (let i = 0; i < 4; i++) statuses.push((await post({ api_key: 'guessed', service_code: 'sonstiges', ...CENTRE }, '10.30.0.3')).statusCode);
    assert.deepEqual(statuses, [403, 403, 403, 429]);
  });

  test('a key with a higher limit is not throttled at the per-address limit, and is held to its own', async () => {
    const created = await t.app.inject({ method: 'POST', url: '/api/reports/api-keys', headers: admin.headers, payload: { name: 'Koblenz App backend' } });
    assert.equal(created.statusCode, 200, created.body);
    const { id, key, perHour } = created.json<{ id: number; key: string; perHour: number }>();
    assert.equal(perHour, 50, 'REPORTS_API_KEY_PER_HOUR is the default');
    const editor = await createStaff(t, 'editor', ['reports']);
    assert.equal((await t.app.inject({ method: 'PATCH', url: `/api/reports/api-keys/${id}`, headers: editor.headers, payload: { perHour: 7 } })).statusCode, 403);
    assert.equal((await t.app.inject({ method: 'PATCH', url: `/api/reports/api-keys/${id}`, headers: admin.headers, payload: { perHour: 0 } })).statusCode, 400);
    assert.equal((await t.app.inject({ method: 'PATCH', url: '/api/reports/api-keys/99999999', headers: admin.headers, payload: { perHour: 7 } })).statusCode, 404);
    const patched = await t.app.inject({ method: 'PATCH', url: `/api/reports/api-keys/${id}`, headers: admin.headers, payload: { perHour: 7 } });
    assert.equal(patched.statusCode, 200, patched.body);
    assert.equal(patched.json<{ perHour: number }>().perHour, 7);

    // Seven submissions for seven citizens from one backend address, more than the 3 per minute an address may make.
    for (let i = 0; i < 7; i++) {
      const res = await post({ api_key: key, service_code: 'sonstiges', ...CENTRE, description: `Meldung ${i} aus der App` }, '10.30.1.1');
      assert.equal(res.statusCode, 200, res.body);
    }
    const reads = [];
    for (let i = 0; i < 5; i++) reads.push((await t.app.inject({ url: `/open311/v2/services.json?api_key=${key}`, remoteAddress: '10.30.1.1' })).statusCode);
    assert.deepEqual(reads, [200, 200, 200, 200, 200], 'reads with the key are not throttled at the address limit either');
    const eighth = await post({ api_key: key, service_code: 'sonstiges', ...CENTRE }, '10.30.1.1', 'xml');
    assert.equal(eighth.statusCode, 429);
    const retry = Number(eighth.headers['retry-after']);
    assert.ok(retry > 3000 && retry <= 3600, `Retry-After ${eighth.headers['retry-after']}: when the oldest counted submission leaves the hour`);
    assert.match(eighth.body, /<errors><error><code>429<\/code><description>Too many reports for this API key: at most 7 per hour\. Please try again in 60 minutes\.<\/description>/);
  });
});
