import assert from 'node:assert/strict';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { gunzipSync } from 'node:zlib';
import { after, before, describe, test } from 'node:test';
import { createTestApp, type TestApp } from '../../testing/harness.js';
import { createStaff, type StaffSession } from '../../testing/staff.js';
import { evaluateForecast } from './parking.forecast.js';
import { KOBLENZ_CAR_PARKS } from './parking.demo.js';
import { baseRate, characterOf, dayKind } from './parking.simulator.js';

type J = Record<string, unknown>;
const uid = (p: string) => `${p}-${Math.random().toString(36).slice(2, 8)}`;

describe('parking', () => {
  let t: TestApp;
  let editor: StaffSession;
  let other: StaffSession;
  let bearer: Record<string, string>;
  let site: { id: number; uid: string; thingId: number };

  const push = (items: J[], headers = bearer) => t.app.inject({ method: 'POST', url: '/api/parking/push', headers, payload: { items } });
  const getSite = async (id: number) => (await t.app.inject({ url: `/api/parking/sites/${id}` })).json<{ realtime: { free: number | null; status: string; fresh: boolean } }>();

  before(async () => {
    t = await createTestApp({ PARKING_STALE_MINUTES: '15' });
    editor = await createStaff(t, 'editor', ['parking']);
    other = await createStaff(t, 'editor', ['reports']);
    const admin = await createStaff(t, 'admin');
    const tok = await t.app.inject({ method: 'POST', url: '/api/identity/tokens', headers: admin.headers, payload: { name: 'PLS', scopes: ['parking:write'], expiresInDays: 30 } });
    bearer = { authorization: `Bearer ${tok.json<{ token: string }>().token}` };
  });
  after(() => t.close());

  test('car parks: anonymous 401, other editor 403, invalid 400, editor of parking 201 with a SensorThings Thing', async () => {
    const body = { uid: uid('lohr'), name: 'Parkhaus Test', type: 'CAR_PARK', lat: 50.3586, lon: 7.5908, capacity: 100, capacityEstimated: true, maxHeightCm: 200, accessibleSpaces: 4, evChargers: 2, openingHours: '24/7', entrances: [{ name: 'Einfahrt Nord', lat: 50.359, lon: 7.59 }] };
    assert.equal((await t.app.inject({ method: 'POST', url: '/api/parking/sites', payload: body })).statusCode, 401);
    assert.equal((await t.app.inject({ method: 'POST', url: '/api/parking/sites', headers: other.headers, payload: body })).statusCode, 403);
    const bad = await t.app.inject({ method: 'POST', url: '/api/parking/sites', headers: editor.headers, payload: { ...body, capacity: -1 } });
    assert.equal(bad.statusCode, 400);
    assert.equal(bad.json<{ errors: { field: string }[] }>().errors[0]!.field, 'body.capacity');
    const res = await t.app.inject({ method: 'POST', url: '/api/parking/sites', headers: editor.headers, payload: body });
    assert.equal(res.statusCode, 201, res.body);
    site = res.json();
    assert.ok(site.thingId);
    const streams = await t.app.inject({ url: `/sta/v1.1/Things(${site.thingId})/Datastreams` });
    assert.equal(streams.json<{ value: unknown[] }>().value.length, 3);
    const locations = await t.app.inject({ url: `/sta/v1.1/Things(${site.thingId})/Locations` });
    assert.equal(locations.json<{ value: unknown[] }>().value.length, 2, 'the car park and its entrance');
    const dup = await t.app.inject({ method: 'POST', url: '/api/parking/sites', headers: editor.headers, payload: body });
    assert.equal(dup.statusCode, 409);
    const patched = await t.app.inject({ method: 'PATCH', url: `/api/parking/sites/${site.id}`, headers: editor.headers, payload: { capacity: 120 } });
    assert.equal(patched.json<{ capacity: number; maxHeightCm: number }>().capacity, 120);
    assert.equal(patched.json<{ maxHeightCm: number }>().maxHeightCm, 200);
  });

  test('push: bad readings are 4xx, logged and not stored; good ones are stored as Observations', async () => {
    assert.equal((await push([{ uid: site.uid, free: 5 }], {})).statusCode, 401);
    assert.equal((await push([{ uid: site.uid, free: 5 }], other.headers)).statusCode, 403);
    const negative = await push([{ uid: site.uid, free: 10 }, { uid: site.uid, free: -3 }]);
    assert.equal(negative.statusCode, 422);
    assert.equal(negative.json<{ errors: { field: string }[] }>().errors[0]!.field, 'body.items[1].free');
    const above = await push([{ uid: site.uid, free: 121 }]);
    assert.equal(above.statusCode, 422);
    assert.equal(above.json<{ code: string }>().code, 'PARKING_FREE_ABOVE_CAPACITY');
    assert.equal((await push([{ uid: 'gibt-es-nicht', free: 1 }])).statusCode, 404);
    assert.equal((await getSite(site.id)).realtime.free, null, 'nothing stored, not even the valid first item');
    const rejections = await t.app.inject({ url: '/api/parking/rejections', headers: editor.headers });
    assert.ok(rejections.json<{ items: { field: string }[] }>().items.some((r) => r.field === 'body.items[1].free'));
    assert.equal((await t.app.inject({ url: '/api/parking/rejections' })).statusCode, 401);

    const ok = await push([{ uid: site.uid, occupied: 90 }]);
    assert.equal(ok.statusCode, 200, ok.body);
    const now = await getSite(site.id);
    assert.equal(now.realtime.free, 30);
    assert.equal(now.realtime.status, 'open');
    const obs = await t.app.inject({ url: `/sta/v1.1/Things(${site.thingId})/Datastreams?$expand=Observations` });
    const results = obs.json<{ value: { Observations: { result: unknown }[] }[] }>().value.flatMap((d) => d.Observations.map((o) => o.result));
    assert.deepEqual(results.map(String).sort(), ['30', '75', 'open'], 'free, occupancy rate (90 of 120), status');
  });

  test('push as CSV lines; malformed CSV is 400 naming the line', async () => {
    const csv = (body: string, headers = bearer) => t.app.inject({ method: 'POST', url: '/api/parking/push/csv', headers: { ...headers, 'content-type': 'text/csv' }, payload: body });
    const ok = await csv(`# uid,free\n${site.uid};0\n`);
    assert.equal(ok.statusCode, 200, ok.body);
    assert.equal((await getSite(site.id)).realtime.status, 'full');
    const bad = await csv(`${site.uid},viele`);
    assert.equal(bad.statusCode, 400);
    assert.equal(bad.json<{ errors: { field: string }[] }>().errors[0]!.field, 'body.line[1]');
    assert.equal((await csv(`${site.uid},5`, {})).statusCode, 401);
    assert.equal((await csv(`${site.uid},500`)).statusCode, 422);
  });

  test('ParkAPI v3, GeoJSON and summary; a car park silent longer than PARKING_STALE_MINUTES is unknown', async () => {
    await push([{ uid: site.uid, free: 42 }]);
    const v3 = await t.app.inject({ url: '/api/parking/v3/parking-sites' });
    const item = v3.json<{ items: J[]; total_count: number }>().items.find((i) => i['original_uid'] === site.uid)!;
    assert.equal(item['realtime_free_capacity'], 42);
    assert.equal(item['realtime_opening_status'], 'OPEN');
    assert.equal(typeof item['realtime_data_updated_at'], 'string');
    assert.equal(item['max_height'], 200);
    assert.deepEqual(item['restrictions'], [{ type: 'DISABLED', capacity: 4 }, { type: 'CHARGING', capacity: 2 }]);
    assert.ok((item['tags'] as string[]).includes('CAPACITY_ESTIMATED'));
    const geo = await t.app.inject({ url: '/api/parking/geojson' });
    assert.match(String(geo.headers['content-type']), /geo\+json/);
    const summary = await t.app.inject({ url: '/api/parking/summary' });
    assert.ok(summary.json<{ totalFree: number }>().totalFree >= 42);

    t.clock.advance(16 * 60_000);
    const stale = await getSite(site.id);
    assert.equal(stale.realtime.status, 'unknown');
    assert.equal(stale.realtime.free, null, 'not the last number');
    assert.equal(stale.realtime.fresh, false);
    const v3stale = (await t.app.inject({ url: `/api/parking/v3/parking-sites/${site.id}` })).json<J>();
    assert.equal(v3stale['realtime_opening_status'], 'UNKNOWN');
    assert.equal(v3stale['realtime_free_capacity'], undefined);
    assert.equal((await t.app.inject({ url: '/api/parking/v3/parking-sites/999999' })).statusCode, 404);
    assert.equal((await t.app.inject({ url: '/api/parking/sites/abc' })).statusCode, 400);
  });

  test('the ParkAPI list answers If-None-Match with 304, sends gzip when accepted and a new ETag after a reading', async () => {
    const first = await t.app.inject({ url: '/api/parking/v3/parking-sites', headers: { 'accept-encoding': 'gzip, deflate' } });
    assert.equal(first.statusCode, 200);
    assert.equal(first.headers['content-encoding'], 'gzip');
    assert.equal(first.headers['vary'], 'Accept-Encoding');
    const etag = String(first.headers['etag']);
    const plain = await t.app.inject({ url: '/api/parking/v3/parking-sites' });
    assert.equal(plain.headers['content-encoding'], undefined);
    assert.deepEqual(JSON.parse(gunzipSync(first.rawPayload).toString('utf8')), plain.json());
    assert.equal(plain.headers['etag'], etag, 'one ETag for both encodings of the same data');
    const notGzip = await t.app.inject({ url: '/api/parking/v3/parking-sites', headers: { 'accept-encoding': 'gzip;q=0, identity' } });
    assert.equal(notGzip.headers['content-encoding'], undefined);

    const again = await t.app.inject({ url: '/api/parking/v3/parking-sites', headers: { 'if-none-match': `"other", ${etag}` } });
    assert.equal(again.statusCode, 304);
    assert.equal(again.body, '');
    await push([{ uid: site.uid, free: 7 }]);
    const changed = await t.app.inject({ url: '/api/parking/v3/parking-sites', headers: { 'if-none-match': etag } });
    assert.equal(changed.statusCode, 200, 'a new reading is visible at once, not after the cache second');
    assert.notEqual(changed.headers['etag'], etag);
  });

  test('profile by hour of week and a 60-minute forecast', async () => {
    await push([{ uid: site.uid, free: 60 }]);
    const profile = (await t.app.inject({ url: `/api/parking/sites/${site.id}/profile` })).json<{ hours: { samples: number }[] }>();
    assert.equal(profile.hours.length, 168);
    assert.ok(profile.hours.some((h) => h.samples > 0));
    const fc = (await t.app.inject({ url: `/api/parking/sites/${site.id}/forecast` })).json<{ points: { minutes: number; free: number }[] }>();
    assert.deepEqual(fc.points.map((p) => p.minutes), [15, 30, 45, 60]);
    assert.ok(fc.points.every((p) => p.free >= 0 && p.free <= 120));
  });

  test('server-sent events announce each stored reading and the moment a car park goes stale', async () => {
    await t.app.listen({ port: 0, host: '127.0.0.1' });
    const { port } = t.app.server.address() as AddressInfo;
    const events: J[] = [];
    const done = new Promise<void>((resolve, reject) => {
      const req = http.get({ host: '127.0.0.1', port, path: '/api/parking/events' }, (res) => {
        assert.match(String(res.headers['content-type']), /text\/event-stream/);
        let buf = '';
        res.on('data', (chunk: Buffer) => {
          buf += chunk.toString();
          const blocks = buf.split('\n\n');
          buf = blocks.pop()!;
          for (const block of blocks) {
            if (block.startsWith('retry:')) void push([{ uid: site.uid, free: 7 }]);
            const data = /^event: change\ndata: (.*)$/m.exec(block)?.[1];
            if (!data) continue;
            const e = JSON.parse(data) as J;
            if (e['uid'] !== site.uid) continue;
            events.push(e);
            if (e['free'] === 7) t.clock.advance(16 * 60_000);
            if (e['stale']) {
              req.destroy();
              resolve();
            }
          }
        });
      });
      req.on('error', reject);
    });
    await done;
    assert.deepEqual(
      events.map((e) => [e['free'], e['status'], e['stale'] ?? false]),
      [
        [7, 'open', false],
        [null, 'unknown', true],
      ],
    );
  });
});

describe('parking simulator and forecast', () => {
  test('curves: weekday and Saturday busier than Sunday, Christmas-market evenings busier than ordinary ones', () => {
    assert.equal(dayKind({ year: 2026, month: 12, day: 5, weekday: 5 }), 'christmas-market');
    assert.equal(dayKind({ year: 2026, month: 8, day: 8, weekday: 5 }), 'event', 'Rhein in Flammen');
    assert.equal(dayKind({ year: 2026, month: 10, day: 3, weekday: 5 }), 'sunday', 'holiday');
    assert.ok(baseRate('shopping', 'saturday', 13) > baseRate('shopping', 'sunday', 13));
    assert.ok(baseRate('shopping', 'christmas-market', 19) > baseRate('shopping', 'weekday', 19) + 0.2);
    assert.equal(characterOf('P1 Bahnhof Koblenz-Ehrenbreitstein'), 'station');
  });

  test('forecast beats persistence on held-out simulated days', () => {
    const sites = KOBLENZ_CAR_PARKS.map((s) => ({ uid: s.uid, capacity: s.capacity, character: characterOf(s.name) }));
    const r = evaluateForecast({ sites, start: new Date('2026-09-28T00:00:00Z'), trainDays: 42, testDays: 14 });
    assert.ok(r.mae < r.persistenceMae, `forecast MAE ${r.mae} vs persistence ${r.persistenceMae}`);
  });
});
