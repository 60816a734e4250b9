import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { DEMO_SEEDS } from '../../app.js';
import { runSeeds } from '../../platform/db/seeds.js';
import { parseSince } from './projects.service.js';
import { createTestApp, type TestApp } from '../../testing/harness.js';
import { createStaff, type StaffSession } from '../../testing/staff.js';

interface Project {
  id: number;
  slug: string;
  title: string;
  status: string;
  descriptionHtml: string;
  fields: { slug: string }[];
  features: { title: string; status: string }[];
  demo: boolean;
}
type Problem = { code: string; errors?: { field: string }[] };

describe('projects portfolio', () => {
  let t: TestApp;
  let editor: StaffSession;
  let viewer: StaffSession;
  let otherEditor: StaffSession;
  const unique = `${process.pid}-${Date.now().toString(36)}`;

  before(async () => {
    t = await createTestApp();
    await runSeeds(
      t.database.db,
      DEMO_SEEDS.filter((s) => s.module === 'catalog' || s.module === 'projects'),
    );
    [editor, viewer, otherEditor] = await Promise.all([
      createStaff(t, 'editor', ['projects']),
      createStaff(t, 'viewer'),
      createStaff(t, 'editor', ['content']),
    ]);
  });
  after(() => t.close());

  const list = async (query = '') => {
    const res = await t.app.inject({ url: `/api/projects${query}` });
    assert.equal(res.statusCode, 200, res.body);
    return res.json<{ items: Project[] }>().items;
  };
  // headers null: no session at all
  const create = (body: Record<string, unknown>, headers: Record<string, string> | null = editor.headers) =>
    t.app.inject({
      method: 'POST',
      url: '/api/projects',
      ...(headers ? { headers } : {}),
      payload: { status: 'idea', fields: ['smart-living'], ...body },
    });

  test('the four fields of action carry the goals of the seed and are editable by project editors only', async () => {
    const res = await t.app.inject({ url: '/api/projects/fields' });
    const fields = res.json<{ items: { id: number; name: string; goal: string }[] }>().items;
    assert.deepEqual(
      fields.map((f) => f.name),
      ['Smart Governance', 'Smart Economy', 'Smart People', 'Smart Living'],
    );
    assert.match(fields[3]!.goal, /energieeffizienten, sicheren, komfortablen und kostengünstigen Mobilität/);
    const id = fields[2]!.id;
    const url = `/api/projects/fields/${id}`;
    assert.equal((await t.app.inject({ method: 'PATCH', url, payload: { subtitle: 'x' } })).statusCode, 401);
    assert.equal(
      (await t.app.inject({ method: 'PATCH', url, headers: viewer.headers, payload: { subtitle: 'x' } })).statusCode,
      403,
    );
    assert.equal(
      (await t.app.inject({ method: 'PATCH', url, headers: otherEditor.headers, payload: { subtitle: 'x' } })).statusCode,
      403,
    );
    const bad = await t.app.inject({ method: 'PATCH', url, headers: editor.headers, payload: { goal: '' } });
    assert.equal(bad.statusCode, 400);
    assert.equal(bad.json<Problem>().errors![0]!.field, 'body.goal');
    const ok = await t.app.inject({
      method: 'PATCH',
      url,
      headers: editor.headers,
      payload: { subtitle: 'Bildung, Vernetzung, Vereinsleben' },
    });
    assert.equal(ok.statusCode, 200, ok.body);
  });

  test('demo data holds every project of the seed with its status, the Koblenz App features and 22 fibre districts', async () => {
    const all = await list();
    const bySlug = new Map(all.map((p) => [p.slug, p]));
    for (const title of [
      'Digitale Verwaltung / OZG-Umsetzung',
      'Weiterentwicklung Koblenz App',
      'Glasfaserausbau 22 Stadtteile',
      'Keep on Dancing',
      'E-Bibliothek Koblenz',
      'GeoPortal Koblenz',
      'Smart Parking',
      'Smart Waste',
      'KI-Erprobung',
      'Multifaktor-Authentifizierung',
      'Digitalbeirat',
      'Transparenzplattform / Smart-City-Dashboard',
      'Netzwerk-Plattform für Vereine',
    ]) {
      assert.ok(
        all.some((p) => p.title === title),
        title,
      );
    }
    assert.equal(bySlug.get('kulturhaus-koblenz')!.status, 'live', 'marked ✓ in the seed');
    assert.equal(bySlug.get('netzwerk-plattform-fuer-vereine')!.status, 'in_development');
    const app = bySlug.get('koblenz-app')!;
    assert.deepEqual(
      app.features.map((f) => `${f.title}:${f.status}`),
      [
        'Kooperation Rhein-Zeitung:done',
        'Integration Echtzeitdaten Parkleitsystem:done',
        'Augmented Reality MRM:done',
        'Mehrsprachigkeit:done',
        'Schadensmelder:in_development',
      ],
    );
    const fibre = bySlug.get('glasfaserausbau-22-stadtteile')!;
    assert.equal(fibre.demo, true);
    const map = await t.app.inject({ url: `/api/projects/${fibre.id}/districts` });
    const geo = map.json<{ features: { properties: { demo: boolean; name: string } }[] }>();
    assert.equal(geo.features.length, 22);
    assert.ok(geo.features.every((f) => f.properties.demo));
    assert.ok(geo.features.some((f) => f.properties.name === 'Güls'));
  });

  test('filters by field of action and status', async () => {
    const economy = await list('?field=smart-economy');
    assert.ok(economy.length >= 2 && economy.every((p) => p.fields.some((f) => f.slug === 'smart-economy')));
    const live = await list('?status=live&status=paused');
    assert.ok(live.length > 0 && live.every((p) => p.status === 'live' || p.status === 'paused'));
    const bad = await t.app.inject({ url: '/api/projects?status=finished' });
    assert.equal(bad.statusCode, 400);
    assert.match(bad.json<Problem>().errors![0]!.field, /^query\.status/);
  });

  test('creating a project: unauthenticated, forbidden, invalid and success', async () => {
    assert.equal((await create({ title: `X ${unique}` }, null)).statusCode, 401);
    assert.equal((await create({ title: `X ${unique}` }, viewer.headers)).statusCode, 403);
    assert.equal((await create({ title: `X ${unique}` }, otherEditor.headers)).statusCode, 403);
    const noTitle = await create({ title: '' });
    assert.equal(noTitle.statusCode, 400);
    assert.equal(noTitle.json<Problem>().errors![0]!.field, 'body.title');
    const field = await create({ title: `Y ${unique}`, fields: ['smart-nothing'] });
    assert.equal(field.statusCode, 400);
    assert.equal(field.json<Problem>().code, 'PROJECTS_FIELD_UNKNOWN');
    const dates = await create({ title: `Z ${unique}`, startDate: '2025-05-01', endDate: '2025-01-01' });
    assert.equal(dates.json<Problem>().errors![0]!.field, 'body.endDate');
    // "" is not null: a nullable object or date must not read it as "no location" / "no date".
    for (const [name, value] of [
      ['location', ''],
      ['startDate', ''],
    ] as const) {
      const res = await create({ title: `Z ${unique}`, [name]: value });
      assert.equal(res.statusCode, 400, res.body);
      assert.ok(
        res.json<Problem>().errors!.some((e) => e.field === `body.${name}`),
        res.body,
      );
    }
    const district = await create({ title: `Z ${unique}`, districts: ['atlantis'] });
    assert.equal(district.json<Problem>().code, 'PROJECTS_DISTRICT_UNKNOWN');
    const ok = await create({
      title: `Sensorik am Deutschen Eck ${unique}`,
      location: { lat: 50.3644, lon: 7.6058 },
      budgetEur: 25000,
      milestones: [{ title: 'Ausschreibung', dueDate: '2025-03-01' }],
    });
    assert.equal(ok.statusCode, 201, ok.body);
    const again = await create({ title: `Sensorik am Deutschen Eck ${unique}` });
    assert.equal(again.statusCode, 409);
    assert.equal(again.json<Problem>().errors![0]!.field, 'body.slug');
  });

  test('Markdown in descriptions cannot inject script or styles', async () => {
    const res = await create({
      title: `Markdown ${unique}`,
      description:
        '# Ziel\n\n<script>alert(1)</script> <style>body{display:none}</style> <img src=x onerror=alert(1)>\n\n[klick](javascript:alert(1)) [ok](https://www.koblenz.de)',
    });
    assert.equal(res.statusCode, 201, res.body);
    const html = res.json<Project>().descriptionHtml;
    assert.ok(!/<(script|style|img)/i.test(html), html);
    assert.ok(!/href="javascript:/i.test(html), html);
    assert.ok(!/ on\w+="/i.test(html), html);
    assert.match(html, /<a href="https:\/\/www.koblenz.de"/);
  });

  test('a status change appears in the history, in "changed since" and in the Atom feed', async () => {
    const created = (await create({ title: `Smart Lighting ${unique} <&>`, status: 'planned' })).json<Project>();
    t.clock.advance(60_000);
    const since = t.clock.now().toISOString();
    t.clock.advance(1_000);
    const url = `/api/projects/${created.id}`;
    assert.equal((await t.app.inject({ method: 'PATCH', url, payload: { status: 'paused' } })).statusCode, 401);
    assert.equal(
      (await t.app.inject({ method: 'PATCH', url, headers: viewer.headers, payload: { status: 'paused' } })).statusCode,
      403,
    );
    const bad = await t.app.inject({ method: 'PATCH', url, headers: editor.headers, payload: { status: 'done' } });
    assert.equal(bad.statusCode, 400);
    assert.equal(bad.json<Problem>().errors![0]!.field, 'body.status');
    const ok = await t.app.inject({ method: 'PATCH', url, headers: editor.headers, payload: { status: 'discontinued' } });
    assert.equal(ok.statusCode, 200, ok.body);

    const history = (await t.app.inject({ url: `${url}/history` })).json<{
      items: { change: string; before: unknown; after: unknown }[];
    }>().items;
    assert.deepEqual(
      history.map((h) => h.change),
      ['status', 'create'],
    );
    assert.deepEqual([history[0]!.before, history[0]!.after], ['planned', 'discontinued']);

    const changes = await t.app.inject({ url: `/api/projects/changes?since=${encodeURIComponent(since)}` });
    const items = changes.json<{ items: { projectId: number; change: string; after: unknown }[] }>().items;
    assert.ok(items.some((c) => c.projectId === created.id && c.change === 'status' && c.after === 'discontinued'));
    assert.ok(!items.some((c) => c.projectId === created.id && c.change === 'create'), 'the creation was before the date');
    const changed = await list(`?changedSince=${encodeURIComponent(since)}`);
    assert.ok(changed.some((p) => p.id === created.id));
    assert.equal((await t.app.inject({ url: '/api/projects/changes?since=gestern' })).statusCode, 400);

    const feed = await t.app.inject({ url: '/api/projects/feed.atom' });
    assert.equal(feed.statusCode, 200);
    assert.match(String(feed.headers['content-type']), /application\/atom\+xml/);
    assert.match(feed.body, /^<\?xml version="1.0" encoding="utf-8"\?>\n<feed xmlns="http:\/\/www.w3.org\/2005\/Atom">/);
    assert.ok(feed.body.includes(`Smart Lighting ${unique} &lt;&amp;&gt;`), 'titles are escaped');
    assert.ok(!feed.body.includes(`${unique} <&>`));
  });

  test('district progress: unauthenticated, forbidden, invalid and success', async () => {
    const fibre = (await list()).find((p) => p.slug === 'glasfaserausbau-22-stadtteile')!;
    const url = `/api/projects/${fibre.id}/districts/lay`;
    const body = { status: 'available', householdsPassed: 812 };
    assert.equal((await t.app.inject({ method: 'PUT', url, payload: body })).statusCode, 401);
    assert.equal((await t.app.inject({ method: 'PUT', url, headers: viewer.headers, payload: body })).statusCode, 403);
    const unknown = await t.app.inject({
      method: 'PUT',
      url: `/api/projects/${fibre.id}/districts/atlantis`,
      headers: editor.headers,
      payload: body,
    });
    assert.equal(unknown.json<Problem>().errors![0]!.field, 'params.districtId');
    const neg = await t.app.inject({ method: 'PUT', url, headers: editor.headers, payload: { ...body, householdsPassed: -1 } });
    assert.equal(neg.statusCode, 400);
    const ok = await t.app.inject({ method: 'PUT', url, headers: editor.headers, payload: body });
    assert.equal(ok.statusCode, 200, ok.body);
    const lay = ok
      .json<{ features: { properties: { districtId: string; householdsPassed: number; demo: boolean } }[] }>()
      .features.find((f) => f.properties.districtId === 'lay')!;
    assert.deepEqual([lay.properties.householdsPassed, lay.properties.demo], [812, false]);
  });

  test('Digitalbeirat and Digitalisierungsbüro pages exist in German and English', async () => {
    for (const slug of ['digitalbeirat', 'digitalisierungsbuero']) {
      for (const lang of ['de', 'en']) {
        const res = await t.app.inject({ url: `/api/projects/pages/${slug}?lang=${lang}` });
        assert.equal(res.statusCode, 200, `${slug}/${lang}`);
      }
    }
    assert.match(
      (await t.app.inject({ url: '/api/projects/pages/digitalbeirat' })).json<{ html: string }>().html,
      /Maria Wimmer/,
    );
    assert.equal((await t.app.inject({ url: '/api/projects/pages/impressum' })).statusCode, 400);
    const put = (headers?: Record<string, string>) =>
      t.app.inject({
        method: 'PUT',
        url: '/api/projects/pages/digitalbeirat',
        ...(headers ? { headers } : {}),
        payload: { lang: 'en', title: 'Digital Advisory Board', markdown: 'Members <script>x</script>' },
      });
    assert.equal((await put()).statusCode, 401);
    assert.equal((await put(viewer.headers)).statusCode, 403);
    const ok = await put(editor.headers);
    assert.equal(ok.statusCode, 200);
    assert.ok(!ok.json<{ html: string }>().html.includes('<script'));
  });

  test('the timeline lists starts and milestones by date', async () => {
    const res = await t.app.inject({ url: '/api/projects/timeline' });
    const items = res.json<{ items: { date: string; kind: string; title: string }[] }>().items;
    assert.ok(items.some((i) => i.kind === 'milestone' && i.title === 'Ausschreibung' && i.date === '2025-03-01'));
    const dates = items.map((i) => i.date);
    assert.deepEqual(dates, [...dates].sort());
  });
});

test('"changed since" a date starts at midnight in Koblenz, in winter and in summer', () => {
  assert.equal(parseSince('2026-11-27', 'query.since').toISOString(), '2026-11-26T23:00:00.000Z');
  assert.equal(parseSince('2026-07-01', 'query.since').toISOString(), '2026-06-30T22:00:00.000Z');
  assert.equal(parseSince('2026-11-26T23:05:00Z', 'query.since').toISOString(), '2026-11-26T23:05:00.000Z');
  assert.throws(() => parseSince('2026-13-45x', 'query.since'), /query.since/);
  assert.throws(() => parseSince('2026-02-30', 'query.since'), /query.since/, 'no real day');
  // JavaScript reads six-digit and negative years; the database cannot store them.
  assert.throws(() => parseSince('+275760-01-01T00:00:00Z', 'query.since'), /query.since/);
  assert.throws(() => parseSince('-001000-01-01T00:00:00Z', 'query.since'), /query.since/);
});
