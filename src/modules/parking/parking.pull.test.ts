import assert from 'node:assert/strict';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, test } from 'node:test';
import { createTestApp, type TestApp } from '../../testing/harness.js';
import { createStaff, type StaffSession } from '../../testing/staff.js';
import { nextDelaySeconds, readParkApiDocument } from './parking.pull.js';

type J = Record<string, unknown>;
type Source = { id: number; state: { lastPolledAt: string | null; consecutiveFailures: number; lastError: string | null; failing: boolean; lastAccepted: number | null; lastRejected: number | null; nextPollAt: string } };

/** A ParkAPI v3 server on 127.0.0.1 whose answer each test sets. */
function parkApiServer() {
  let answer: (res: http.ServerResponse) => void = (res) => res.end('{}');
  let requests = 0;
  const server = http.createServer((_req, res) => {
    requests++;
    answer(res);
  });
  return {
    start: () => new Promise<string>((resolve) => server.listen(0, '127.0.0.1', () => resolve(`http://127.0.0.1:${(server.address() as AddressInfo).port}/v3/parking-sites`))),
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
    json(body: unknown, status = 200) {
      answer = (res) => res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
    },
    raw(fn: (res: http.ServerResponse) => void) {
      answer = fn;
    },
    get requests() {
      return requests;
    },
  };
}

const site = (uid: string, free: number | undefined, at: string, extra: J = {}) => ({
  id: 1,
  original_uid: uid,
  name: `Parkhaus ${uid}`,
  type: 'CAR_PARK',
  lat: '50.3560000',
  lon: '7.5940000',
  capacity: 300,
  has_realtime_data: true,
  ...(free === undefined ? {} : { realtime_free_capacity: free }),
  realtime_opening_status: 'OPEN',
  realtime_data_updated_at: at,
  ...extra,
});

describe('ParkAPI v3 pull adapter', () => {
  let t: TestApp;
  let editor: StaffSession;
  let url: string;
  const remote = parkApiServer();
  const prefix = `nb${Math.random().toString(36).slice(2, 6)}-`;

  const poll = async (id: number) => (await t.app.inject({ method: 'POST', url: `/api/parking/sources/${id}/poll`, headers: editor.headers })).json<Source>();
  const siteByUid = async (uid: string) => (await t.app.inject({ url: '/api/parking/sites' })).json<{ items: { uid: string; realtime: { free: number | null } }[] }>().items.find((s) => s.uid === uid);

  before(async () => {
    url = await remote.start();
    t = await createTestApp();
    editor = await createStaff(t, 'editor', ['parking']);
  });
  after(async () => {
    await t.close();
    await remote.stop();
  });

  test('reading a ParkAPI document: uids get the prefix, lat/lon strings become numbers, static-only sites carry no reading', () => {
    const doc = readParkApiDocument({ items: [site('a 1', 12, '2026-11-26T10:00:00Z'), site('b', undefined, '2026-11-26T10:00:00Z'), { nonsense: true }] }, 'x-');
    assert.deepEqual(doc.readings, [{ uid: 'x-a-1', free: 12, status: 'open', at: '2026-11-26T10:00:00Z' }]);
    assert.equal(doc.sites.get('x-b')?.lat, 50.356);
    assert.throws(() => readParkApiDocument({ data: [] }, ''), /no "items" list/);
    assert.equal(nextDelaySeconds(60, 0), 60);
    assert.equal(nextDelaySeconds(60, 1), 120);
    assert.equal(nextDelaySeconds(60, 3), 480);
    assert.equal(nextDelaySeconds(60, 20), 3600, 'backoff stops at one hour');
  });

  test('sources: anonymous 401, bad URL 400 naming the field, credentials in the URL refused', async () => {
    assert.equal((await t.app.inject({ url: '/api/parking/sources' })).statusCode, 401);
    const bad = await t.app.inject({ method: 'POST', url: '/api/parking/sources', headers: editor.headers, payload: { name: 'X', url: 'ftp://example.org/x', intervalSeconds: 60 } });
    assert.equal(bad.statusCode, 400);
    const field = (r: { json: <T>() => T }) => r.json<{ errors: { field: string }[] }>().errors.map((e) => e.field).join(' ');
    assert.equal(field(bad), 'body.url');
    const cred = await t.app.inject({ method: 'POST', url: '/api/parking/sources', headers: editor.headers, payload: { name: 'X', url: 'https://user:secret@example.org/x', intervalSeconds: 60 } });
    assert.equal(cred.statusCode, 400);
    assert.doesNotMatch(cred.body, /secret/);
    const short = await t.app.inject({ method: 'POST', url: '/api/parking/sources', headers: editor.headers, payload: { name: 'X', url: 'https://example.org/x', intervalSeconds: 5 } });
    assert.equal(short.statusCode, 400);
    assert.match(field(short), /intervalSeconds/);
  });

  test('a poll imports unknown car parks, stores new values only, rejects bad ones singly and backs off on errors', async () => {
    const created = await t.app.inject({ method: 'POST', url: '/api/parking/sources', headers: editor.headers, payload: { name: 'Nachbarstadt', url, intervalSeconds: 60, uidPrefix: prefix, importSites: true } });
    assert.equal(created.statusCode, 201, created.body);
    const id = created.json<Source>().id;
    const at = new Date(t.clock.now().getTime() - 60_000).toISOString();

    remote.json({ items: [site('p1', 120, at), site('p2', 999, at), site('p3', undefined, at)], total_count: 3 });
    let s = await poll(id);
    assert.equal(s.state.lastAccepted, 1);
    assert.equal(s.state.lastRejected, 1, 'free above capacity is rejected, not stored');
    assert.equal(s.state.failing, false);
    assert.equal((await siteByUid(`${prefix}p1`))?.realtime.free, 120);
    assert.ok(await siteByUid(`${prefix}p3`), 'a static-only site is imported too');
    const rejections = (await t.app.inject({ url: '/api/parking/rejections', headers: editor.headers })).json<{ items: { source: string; siteUid: string }[] }>();
    assert.ok(rejections.items.some((r) => r.source === `parkapi:${id}` && r.siteUid === `${prefix}p2`));

    s = await poll(id);
    assert.equal(s.state.lastAccepted, 0, 'the same values again are not stored twice');

    remote.json({ error: 'down' }, 503);
    s = await poll(id);
    assert.equal(s.state.failing, true);
    assert.equal(s.state.consecutiveFailures, 1);
    assert.match(s.state.lastError!, /HTTP 503/);
    const wait = (x: Source) => Date.parse(x.state.nextPollAt) - Date.parse(x.state.lastPolledAt!);
    assert.equal(wait(s), 120_000, 'first retry after twice the interval');
    remote.raw((res) => res.writeHead(200, { 'content-type': 'application/json' }).end('<html>'));
    s = await poll(id);
    assert.equal(s.state.consecutiveFailures, 2);
    assert.match(s.state.lastError!, /not JSON/);
    assert.equal(wait(s), 240_000);

    const later = new Date(t.clock.now().getTime()).toISOString();
    remote.json({ items: [site('p1', 80, later)] });
    s = await poll(id);
    assert.equal(s.state.failing, false);
    assert.equal(s.state.consecutiveFailures, 0, 'success resets the backoff');
    assert.equal((await siteByUid(`${prefix}p1`))?.realtime.free, 80);
    const list = (await t.app.inject({ url: '/api/parking/sources', headers: editor.headers })).json<{ items: Source[] }>();
    assert.ok(list.items.some((x) => x.id === id));
    assert.equal((await t.app.inject({ method: 'DELETE', url: `/api/parking/sources/${id}`, headers: editor.headers })).statusCode, 204);
    assert.equal((await t.app.inject({ method: 'POST', url: `/api/parking/sources/${id}/poll`, headers: editor.headers })).statusCode, 404);
  });

  test('without "import sites" unknown car parks are rejected and nothing is created', async () => {
    const created = await t.app.inject({ method: 'POST', url: '/api/parking/sources', headers: editor.headers, payload: { name: 'Ohne Import', url, intervalSeconds: 300, uidPrefix: `${prefix}n-` } });
    const id = created.json<Source>().id;
    remote.json({ items: [site('q1', 5, new Date(t.clock.now().getTime() - 1000).toISOString())] });
    const s = await poll(id);
    assert.equal(s.state.lastAccepted, 0);
    assert.equal(s.state.lastRejected, 1);
    assert.equal(await siteByUid(`${prefix}n-q1`), undefined);
  });
});
