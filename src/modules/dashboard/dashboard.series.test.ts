import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { DashboardSources } from '../../platform/contracts.js';
import { createTestApp, type TestApp } from '../../testing/harness.js';
import { createStaff, type StaffSession } from '../../testing/staff.js';
import { boundaries, comparisonBounds, createSeriesReader, type Series } from './dashboard.series.js';

const uid = (p: string) => `${p}-${Math.random().toString(36).slice(2, 8)}`;
const iso = (d: Date) => d.toISOString();

describe('dashboard series: buckets', () => {
  test('hours: the first bucket starts at from, the last ends at to, full hours between', () => {
    const b = boundaries(new Date('2026-01-10T10:30:00Z'), new Date('2026-01-10T13:15:00Z'), 'hour').map(iso);
    assert.deepEqual(b, ['2026-01-10T10:30:00.000Z', '2026-01-10T11:00:00.000Z', '2026-01-10T12:00:00.000Z', '2026-01-10T13:00:00.000Z', '2026-01-10T13:15:00.000Z']);
  });

  test('days begin at midnight in Koblenz; the day daylight saving starts has 23 hours', () => {
    const b = boundaries(new Date('2026-03-28T00:00:00+01:00'), new Date('2026-03-31T00:00:00+02:00'), 'day').map(iso);
    assert.deepEqual(b, ['2026-03-27T23:00:00.000Z', '2026-03-28T23:00:00.000Z', '2026-03-29T22:00:00.000Z', '2026-03-30T22:00:00.000Z']);
  });

  test('months begin on the first at local midnight; the comparison a year earlier keeps the wall-clock times', () => {
    const b = boundaries(new Date('2025-01-15T12:00:00Z'), new Date('2025-04-10T00:00:00Z'), 'month');
    assert.deepEqual(b.map(iso), ['2025-01-15T12:00:00.000Z', '2025-01-31T23:00:00.000Z', '2025-02-28T23:00:00.000Z', '2025-03-31T22:00:00.000Z', '2025-04-10T00:00:00.000Z']);
    assert.deepEqual(comparisonBounds(b, 'lastYear').map(iso), ['2024-01-15T12:00:00.000Z', '2024-01-31T23:00:00.000Z', '2024-02-29T23:00:00.000Z', '2024-03-31T22:00:00.000Z', '2024-04-10T00:00:00.000Z']);
    const prev = comparisonBounds(b, 'previous');
    assert.equal(iso(prev[prev.length - 1]!), iso(b[0]!), 'the previous period ends where this one starts');
    assert.equal(prev.length, b.length);
  });

  test('waste: mean over the containers per bucket; buckets that have not begun are empty, never zero', async () => {
    const sources = {
      sensors: {
        means: async () => [
          { thingId: 1, bucket: 0, mean: 40, samples: 3 },
          { thingId: 2, bucket: 0, mean: 61, samples: 1 },
        ],
      },
    } as unknown as DashboardSources;
    const reader = createSeriesReader({ sources, districts: [] });
    const s = await reader.series('waste', { from: '2026-05-01T00:00:00Z', to: '2026-05-01T02:00:00Z' }, new Date('2026-05-01T00:30:00Z'));
    assert.equal(s.bucket, 'hour');
    assert.deepEqual(s.points.map((p) => p.values), [{ meanFillPct: 50.5, containers: 2 }, { meanFillPct: null, containers: null }]);
  });
});

describe('dashboard series: GET /api/dashboard/series/:tile', () => {
  let t: TestApp;
  let parkingEditor: StaffSession;
  const get = async (url: string) => t.app.inject({ url });
  const series = async (url: string) => {
    const res = await get(url);
    assert.equal(res.statusCode, 200, res.body);
    return res.json<Series>();
  };

  before(async () => {
    t = await createTestApp();
    parkingEditor = await createStaff(t, 'editor', ['parking']);
    const sites: string[] = [];
    for (const name of ['Parkhaus Reihe A', 'Parkhaus Reihe B']) {
      const res = await t.app.inject({
        method: 'POST',
        url: '/api/parking/sites',
        headers: parkingEditor.headers,
        payload: { uid: uid('series'), name, type: 'CAR_PARK', lat: 50.36, lon: 7.59, capacity: 200 },
      });
      assert.equal(res.statusCode, 201, res.body);
      sites.push(res.json<{ uid: string }>().uid);
    }
    // Readings in a past hour no other test writes to: 10:00–12:00 local time on 4 March 2024.
    const push = await t.app.inject({
      method: 'POST',
      url: '/api/parking/push',
      headers: parkingEditor.headers,
      payload: {
        items: [
          { uid: sites[0], free: 100, at: '2024-03-04T10:05:00+01:00' },
          { uid: sites[0], free: 120, at: '2024-03-04T10:35:00+01:00' },
          { uid: sites[1], free: 50, at: '2024-03-04T10:10:00+01:00' },
          { uid: sites[0], free: 60, at: '2024-03-04T11:15:00+01:00' },
        ],
      },
    });
    assert.equal(push.statusCode, 200, push.body);
  });
  after(() => t.close());

  const range = 'from=2024-03-04T10:00:00%2B01:00&to=2024-03-04T12:00:00%2B01:00';

  test('parking: free spaces per hour are the sum of each car park’s mean (SensorThings Observations)', async () => {
    const s = await series(`/api/dashboard/series/parking?${range}`);
    assert.equal(s.bucket, 'hour');
    assert.deepEqual(s.points.map((p) => [p.start, p.end, p.values['free'], p.values['sites']]), [
      ['2024-03-04T09:00:00.000Z', '2024-03-04T10:00:00.000Z', 160, 2],
      ['2024-03-04T10:00:00.000Z', '2024-03-04T11:00:00.000Z', 60, 1],
    ]);
    assert.equal(s.comparison, null);
  });

  test('a range starting mid-hour counts only its own readings', async () => {
    const s = await series('/api/dashboard/series/parking?from=2024-03-04T10:30:00%2B01:00&to=2024-03-04T11:00:00%2B01:00');
    assert.deepEqual(s.points.map((p) => p.values['free']), [120]);
  });

  test('compare=previous: the period before, bucket for bucket', async () => {
    const s = await series('/api/dashboard/series/parking?from=2024-03-04T11:00:00%2B01:00&to=2024-03-04T12:00:00%2B01:00&compare=previous');
    assert.equal(s.compare, 'previous');
    assert.equal(s.compareFrom, '2024-03-04T09:00:00.000Z');
    assert.equal(s.compareTo, '2024-03-04T10:00:00.000Z');
    assert.deepEqual(s.points.map((p) => p.values['free']), [60]);
    assert.deepEqual(s.comparison!.map((p) => p.values['free']), [160]);
  });

  test('compare=lastYear: the same buckets a year earlier (no readings then)', async () => {
    const s = await series(`/api/dashboard/series/parking?${range}&compare=lastYear`);
    assert.equal(s.compareFrom, '2023-03-04T09:00:00.000Z');
    assert.deepEqual(s.comparison!.map((p) => p.values['free']), [null, null]);
  });

  test('CSV: exactly the selected range, the same figures as the JSON, with the comparison beside them', async () => {
    const res = await get(`/api/dashboard/series/parking?${range}&compare=previous&format=csv`);
    assert.equal(res.statusCode, 200);
    assert.match(String(res.headers['content-type']), /^text\/csv/);
    assert.match(String(res.headers['content-disposition']), /attachment; filename="dashboard-parking-2024-03-04-2024-03-04\.csv"/);
    const lines = res.body.replace(/^\uFEFF/, '').trim().split('\r\n');
    assert.deepEqual(lines, [
      'start,end,free,sites,compare_start,compare_end,compare_free,compare_sites',
      '2024-03-04T09:00:00.000Z,2024-03-04T10:00:00.000Z,160,2,2024-03-04T07:00:00.000Z,2024-03-04T08:00:00.000Z,,0',
      '2024-03-04T10:00:00.000Z,2024-03-04T11:00:00.000Z,60,1,2024-03-04T08:00:00.000Z,2024-03-04T09:00:00.000Z,,0',
    ]);
  });

  test('reports: each bucket holds the reports module’s own figures for it', async () => {
    const now = t.clock.now();
    const from = new Date(now.getTime() - 3 * 86_400_000);
    const s = await series(`/api/dashboard/series/reports?from=${encodeURIComponent(from.toISOString())}&to=${encodeURIComponent(now.toISOString())}`);
    assert.equal(s.bucket, 'day');
    assert.equal(s.points[0]!.start, from.toISOString());
    assert.equal(s.points[s.points.length - 1]!.end, now.toISOString());
    for (const p of [s.points[0]!, s.points[s.points.length - 1]!]) {
      const stats = (await get(`/api/reports/stats?from=${encodeURIComponent(p.start)}&to=${encodeURIComponent(p.end)}`)).json<{ opened: number; resolved: number }>();
      assert.equal(p.values['opened'], stats.opened);
      assert.equal(p.values['resolved'], stats.resolved);
    }
  });

  test('services online: the last point is today’s share of the catalog', async () => {
    const s = await series('/api/dashboard/series/services-online');
    assert.equal(s.bucket, 'day', 'default: the last seven days');
    assert.equal(s.points.length, 8, 'seven days that start mid-day span eight local days');
    const kpis = (await get('/api/catalog/kpis')).json<{ shareOnline: number; total: number }>();
    assert.equal(s.points[s.points.length - 1]!.values['shareOnline'], Math.round(kpis.shareOnline * 1000) / 10);
    assert.equal(s.points[s.points.length - 1]!.values['total'], kpis.total);
  });

  test('projects by status: history undoes later status changes and creations for each bucket', async () => {
    const editor = await createStaff(t, 'editor', ['projects']);
    const created = t.clock.now();
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/projects',
      headers: editor.headers,
      payload: { title: `Verlauf ${uid('p')}`, status: 'planned', fields: ['smart-living'] },
    });
    assert.equal(res.statusCode, 201, res.body);
    t.clock.advance(2 * 3_600_000);
    const later = await createStaff(t, 'editor', ['projects']); // the first session has expired meanwhile
    const changed = t.clock.now();
    const patch = await t.app.inject({
      method: 'PATCH',
      url: `/api/projects/${res.json<{ id: number }>().id}`,
      headers: later.headers,
      payload: { status: 'live' },
    });
    assert.equal(patch.statusCode, 200, patch.body);
    t.clock.advance(60_000);
    const from = new Date(created.getTime() - 3_600_000);
    const s = await series(`/api/dashboard/series/projects-by-status?from=${encodeURIComponent(from.toISOString())}&to=${encodeURIComponent(t.clock.now().toISOString())}`);
    const before = s.points.find((p) => Date.parse(p.end) <= created.getTime())!;
    const between = s.points.find((p) => Date.parse(p.end) > created.getTime() && Date.parse(p.end) <= changed.getTime())!;
    const last = s.points[s.points.length - 1]!;
    assert.equal(between.values['planned'], Number(before.values['planned']) + 1);
    assert.equal(between.values['live'], before.values['live']);
    assert.equal(last.values['planned'], before.values['planned']);
    assert.equal(last.values['live'], Number(before.values['live']) + 1);
  });

  test('fibre: one row per district, not a time series; it has nothing to compare', async () => {
    const s = await series('/api/dashboard/series/fibre');
    assert.equal(s.bucket, null);
    for (const p of s.points) assert.ok(p.label && typeof p.values['householdsPassed'] === 'number');
    const res = await get('/api/dashboard/series/fibre?compare=previous');
    assert.equal(res.statusCode, 400);
    assert.equal(res.json<{ errors: { field: string }[] }>().errors[0]!.field, 'query.compare');
  });

  test('400s name the field: bad dates, to before from, a range above the limit, unknown tiles and compare values', async () => {
    const field = async (url: string) => {
      const res = await get(url);
      assert.equal(res.statusCode, 400, `${url}: ${res.body}`);
      return res.json<{ errors: { field: string }[] }>().errors[0]!.field;
    };
    assert.equal(await field('/api/dashboard/series/parking?from=gestern'), 'query.from');
    assert.equal(await field('/api/dashboard/series/parking?to=2024-13-45'), 'query.to');
    assert.equal(await field('/api/dashboard/series/parking?from=2024-03-05&to=2024-03-04'), 'query.to');
    assert.equal(await field('/api/dashboard/series/parking?from=2024-03-04&to=2024-03-04'), 'query.to');
    assert.equal(await field('/api/dashboard/series/parking?from=2023-01-01&to=2024-03-04'), 'query.from');
    assert.equal(await field('/api/dashboard/series/parking?compare=lastWeek'), 'query.compare');
    assert.equal(await field('/api/dashboard/series/weather'), 'params.tile');
    // A full leap year (12 months preset) is allowed.
    assert.equal((await get('/api/dashboard/series/reports?from=2024-01-01&to=2025-01-01')).statusCode, 200);
  });
});
