import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { gunzipSync } from 'node:zlib';
import { createTestApp, type TestApp } from '../../testing/harness.js';
import { createStaff, type StaffSession } from '../../testing/staff.js';
import { createDashboardService } from './dashboard.service.js';
import { monthStart, type Tile } from './dashboard.tiles.js';
import type { DashboardSources } from '../../platform/contracts.js';

const uid = (p: string) => `${p}-${Math.random().toString(36).slice(2, 8)}`;

describe('dashboard', () => {
  let t: TestApp;
  let parkingEditor: StaffSession;
  let site: { id: number; uid: string };

  const tiles = async () => {
    const res = await t.app.inject({ url: '/api/dashboard/tiles' });
    assert.equal(res.statusCode, 200, res.body);
    return new Map(res.json<{ tiles: Tile[] }>().tiles.map((x) => [x.id, x]));
  };
  const json = async <T>(url: string) => (await t.app.inject({ url })).json<T>();

  before(async () => {
    t = await createTestApp({ PARKING_STALE_MINUTES: '15' });
    parkingEditor = await createStaff(t, 'editor', ['parking']);
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/parking/sites',
      headers: parkingEditor.headers,
      payload: { uid: uid('dash'), name: 'Parkhaus Dashboard', type: 'CAR_PARK', lat: 50.36, lon: 7.59, capacity: 200 },
    });
    assert.equal(res.statusCode, 201, res.body);
    site = res.json();
    // A project with progress per district, as the fibre expansion has.
    const projectsEditor = await createStaff(t, 'editor', ['projects']);
    const project = await t.app.inject({
      method: 'POST',
      url: '/api/projects',
      headers: projectsEditor.headers,
      payload: { title: `Glasfaser ${uid('x')}`, status: 'in_development', fields: ['smart-living'] },
    });
    assert.equal(project.statusCode, 201, project.body);
    for (const [district, status] of [
      ['altstadt', 'available'],
      ['lay', 'planned'],
    ]) {
      const put = await t.app.inject({
        method: 'PUT',
        url: `/api/projects/${project.json<{ id: number }>().id}/districts/${district}`,
        headers: projectsEditor.headers,
        payload: { status, householdsPassed: 100 },
      });
      assert.equal(put.statusCode, 200, put.body);
    }
    const push = await t.app.inject({
      method: 'POST',
      url: '/api/parking/push',
      headers: parkingEditor.headers,
      payload: { items: [{ uid: site.uid, free: 77 }] },
    });
    assert.equal(push.statusCode, 200, push.body);
  });
  after(() => t.close());

  test('every tile is present, with the values of the modules’ own APIs, a source dataset and a details page', async () => {
    const all = await tiles();
    assert.deepEqual([...all.keys()].sort(), ['fibre', 'parking', 'projects-by-status', 'reports', 'services-online', 'waste']);
    for (const x of all.values()) {
      assert.ok(x.explanation.de && x.explanation.en, `${x.id}: explanation in both languages`);
      assert.match(x.source, /^[a-z0-9-]+$/);
      assert.match(x.details, /^\//);
      if (x.status !== 'unavailable') assert.ok(x.updatedAt === null || !Number.isNaN(Date.parse(x.updatedAt)), x.id);
    }

    const kpis = await json<{ shareOnline: number; total: number; counts: { online: number } }>('/api/catalog/kpis');
    const services = all.get('services-online')!;
    assert.equal(services.value, Math.round(kpis.shareOnline * 1000) / 10);
    assert.equal(services.values['online'], kpis.counts.online);
    assert.equal(services.values['total'], kpis.total);
    assert.equal(typeof services.values['trend'], 'number');
    assert.ok(services.rows.length >= 2, 'the trend table has a row per quarter');

    const projects = (
      await json<{ items: { status: string; slug: string; districtProgress: { status: string }[] }[] }>('/api/projects')
    ).items;
    const byStatus = all.get('projects-by-status')!;
    assert.equal(byStatus.value, projects.length);
    assert.equal(byStatus.values['live'], projects.filter((p) => p.status === 'live').length);
    assert.equal(
      byStatus.rows.find((r) => r.key === 'planned')!.values['count'],
      projects.filter((p) => p.status === 'planned').length,
    );

    const fibre = all.get('fibre')!;
    const fibreProject = [...projects].sort((a, b) => b.districtProgress.length - a.districtProgress.length)[0]!;
    assert.equal(fibre.details, `/projekte/${fibreProject.slug}`);
    assert.equal(fibre.values['available'], fibreProject.districtProgress.filter((d) => d.status === 'available').length);
    assert.equal(fibre.rows.length, fibreProject.districtProgress.length);

    const parking = await json<{ totalFree: number; sites: { id: number; free: number | null }[] }>('/api/parking/summary');
    const parkingTile = all.get('parking')!;
    assert.equal(parkingTile.value, parking.totalFree);
    assert.equal(parkingTile.rows.find((r) => r.key === String(site.id))!.values['free'], 77);
    assert.equal(parkingTile.rows.length, parking.sites.length);

    const waste = await json<{ containers: number; needingPickup: unknown[] }>('/api/waste/summary');
    const wasteTile = all.get('waste')!;
    if (waste.containers > 0) assert.equal(wasteTile.value, waste.needingPickup.length);
    else assert.equal(wasteTile.status, 'unavailable');

    const now = t.clock.now();
    const stats = await json<{ opened: number; resolved: number; medianHoursToResolution: number | null }>(
      `/api/reports/stats?from=${monthStart(now).toISOString()}&to=${new Date(now.getTime() + 60_000).toISOString()}`,
    );
    const reports = all.get('reports')!;
    assert.equal(reports.values['opened'], stats.opened);
    assert.equal(reports.values['resolved'], stats.resolved);
    assert.equal(reports.values['medianHoursToResolution'], stats.medianHoursToResolution);
  });

  test('ETag: If-None-Match answers 304; gzip for clients that accept it', async () => {
    const first = await t.app.inject({ url: '/api/dashboard/tiles', headers: { 'accept-encoding': 'gzip' } });
    assert.equal(first.statusCode, 200);
    assert.equal(first.headers['content-encoding'], 'gzip');
    assert.ok(Array.isArray((JSON.parse(gunzipSync(first.rawPayload).toString('utf8')) as { tiles: unknown }).tiles));
    const etag = String(first.headers['etag']);
    const again = await t.app.inject({ url: '/api/dashboard/tiles', headers: { 'if-none-match': etag } });
    assert.equal(again.statusCode, 304);
    assert.equal(again.body, '');
  });

  test('a new car park reading shows at once; a car park silent for PARKING_STALE_MINUTES is stale, not its last number', async () => {
    await tiles();
    await t.app.inject({
      method: 'POST',
      url: '/api/parking/push',
      headers: parkingEditor.headers,
      payload: { items: [{ uid: site.uid, free: 91 }] },
    });
    assert.equal(
      (await tiles()).get('parking')!.rows.find((r) => r.key === String(site.id))!.values['free'],
      91,
      'a reading rebuilds the answer',
    );

    t.clock.advance(16 * 60_000);
    const parking = (await tiles()).get('parking')!;
    const row = parking.rows.find((r) => r.key === String(site.id))!;
    assert.equal(row.stale, true);
    assert.equal(row.values['free'], null);
    assert.equal(
      parking.stale,
      parking.rows.every((r) => r.stale),
      'the tile is stale when no car park is fresh',
    );
    if (parking.stale) assert.equal(parking.value, null);
  });

  test('a failing source makes only its own tile unavailable', async () => {
    const sources = {
      catalog: {
        kpis: () => Promise.reject(new Error('down')),
        timeline: () => Promise.reject(new Error('down')),
        version: () => Promise.reject(new Error('down')),
      },
      projects: { list: async () => [] },
      parking: { summary: () => Promise.reject(new Error('down')), onChange: () => () => undefined },
      waste: {
        summary: async () => ({
          containers: 1,
          withSensor: 1,
          aboveThreshold: 1,
          staleSensors: 0,
          simulated: true,
          needingPickup: [{ id: 1, name: 'Glas 1', kind: 'glass', district: 'altstadt', fillPct: 91 }],
        }),
      },
      reports: { stats: async () => ({ opened: 4, resolved: 2, medianHoursToResolution: 30.5 }) },
    } as unknown as DashboardSources;
    const warnings: string[] = [];
    const service = createDashboardService({
      sources,
      clock: t.clock,
      log: { warn: (_o, msg) => warnings.push(msg) },
      settings: { districts: [], maxAgeMs: 1000 },
    });
    const all = new Map((await service.tiles()).map((x) => [x.id, x]));
    assert.equal(all.get('services-online')!.status, 'unavailable');
    assert.equal(all.get('services-online')!.stale, true);
    assert.equal(all.get('parking')!.status, 'unavailable');
    assert.equal(all.get('fibre')!.status, 'unavailable', 'no project with district progress');
    assert.equal(all.get('waste')!.value, 1);
    assert.equal(all.get('waste')!.simulated, true);
    assert.equal(all.get('reports')!.values['medianHoursToResolution'], 30.5);
    assert.equal(warnings.length, 2);
  });

  test('the month starts at midnight in Koblenz', () => {
    assert.equal(monthStart(new Date('2026-11-26T12:00:00Z')).toISOString(), '2026-10-31T23:00:00.000Z');
    assert.equal(monthStart(new Date('2026-07-01T00:30:00+02:00')).toISOString(), '2026-06-30T22:00:00.000Z');
  });
});
