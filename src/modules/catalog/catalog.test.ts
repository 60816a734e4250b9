import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { sql } from 'kysely';
import { systemActor } from '../../platform/auth/actor.js';
import { migrate } from '../../platform/db/migrator.js';
import { runSeeds } from '../../platform/db/seeds.js';
import { MIGRATIONS } from '../../app.js';
import { createTestApp, type TestApp } from '../../testing/harness.js';
import { createStaff, type StaffSession } from '../../testing/staff.js';
import { shippedChecksum } from './catalog.reference.js';
import { parseCsv, toCsv, toXlsx } from './catalog.tabular.js';
import { foldText } from './catalog.text.js';
import { catalogDemoSeed, createCatalogModule, DEFAULT_REFERENCE_DIR, DEMO_PREVIOUS_REPORT, DEMO_REPORT } from './index.js';

interface Report {
  rows: { status: string; count: number; compareCount: number | null; change: number | null }[];
  total: number;
  totalChange: number | null;
  byRestructure: Record<string, number> | null;
  byStatusChanges: Record<string, number> | null;
  restructures: { id: number; note: string; effect: Record<string, number> }[];
  explanation: string[];
  demo: boolean;
}
const counts = (r: Report) => Object.fromEntries(r.rows.map((x) => [x.status, x.count]));
const unique = (label: string) => `${label}-${Math.random().toString(36).slice(2, 8)}`;

describe('catalog', () => {
  let t: TestApp;
  let editor: StaffSession;
  let viewer: StaffSession;
  let otherEditor: StaffSession;
  before(async () => {
    t = await createTestApp();
    await runSeeds(t.database.db, [catalogDemoSeed(t.clock)]);
    [editor, viewer, otherEditor] = await Promise.all([
      createStaff(t, 'editor', ['catalog']),
      createStaff(t, 'viewer'),
      createStaff(t, 'editor', ['content']),
    ]);
  });
  after(() => t.close());

  const report = async (query: string) => {
    const res = await t.app.inject({ url: `/api/catalog/report?${query}` });
    assert.equal(res.statusCode, 200, res.body);
    return res.json<Report>();
  };
  const create = async (body: Record<string, unknown>, headers = editor.headers) =>
    t.app.inject({ method: 'POST', url: '/api/catalog/services', headers, payload: { ozgId: '10169', ...body } });

  test('the shipped catalogue loads with the migrations, once per version of its files', async () => {
    const ozgRows = await sql<{ n: number }>`select count(*)::int as n from catalog_ozg_services`.execute(t.database.db);
    assert.ok(ozgRows.rows[0]!.n >= 557, 'the reference catalogue is in place before any app is built');
    const recorded = await sql<{
      checksum: string;
    }>`select checksum from schema_migrations where id = 'catalog/data/ozg'`.execute(t.database.db);
    assert.equal(recorded.rows[0]?.checksum, shippedChecksum(DEFAULT_REFERENCE_DIR));
    // A further start finds the recorded checksum and does not touch the catalogue.
    const again = await migrate(t.database, MIGRATIONS);
    assert.ok(!again.applied.includes('catalog/data/ozg'), again.applied.join(', '));
    // Files that changed (a new release) run the load again; it keeps the catalogue in place.
    await sql`update schema_migrations set checksum = 'old' where id = 'catalog/data/ozg'`.execute(t.database.db);
    const before = await t.app.inject({ url: '/api/catalog/reference/ozg?limit=1' });
    const rerun = await migrate(t.database, MIGRATIONS);
    assert.ok(rerun.applied.includes('catalog/data/ozg'));
    const after = await t.app.inject({ url: '/api/catalog/reference/ozg?limit=1' });
    assert.equal(after.json<{ total: number }>().total, before.json<{ total: number }>().total);
  });

  test('umlaut folding makes Führerschein, fuhrerschein and Fuehrerschein one key', () => {
    assert.equal(foldText('Führerschein'), foldText('fuhrerschein'));
    assert.equal(foldText('Fuehrerschein'), foldText('FÜHRERSCHEIN'));
    assert.equal(foldText('Straße'), foldText('strasse'));
  });

  test('the table for 29.07.2024 is 124/79/155/72 = 430, computed from history rows', async () => {
    const r = await report(`date=${DEMO_REPORT}`);
    assert.deepEqual(counts(r), { online: 124, in_umsetzung: 79, geplant: 155, nicht_online: 72 });
    assert.equal(r.total, 430);
    assert.equal(r.demo, true, 'demo data is labelled as demo');
    // Not the current state: today the same services have other statuses (the EfA services went online later).
    const now = await sql<{
      n: number;
    }>`select count(*)::int as n from catalog_services where status = 'online' and demo`.execute(t.database.db);
    assert.notEqual(now.rows[0]!.n, 124);
    const previous = await report(`date=${DEMO_PREVIOUS_REPORT}`);
    assert.deepEqual(counts(previous), { online: 126, in_umsetzung: 78, geplant: 159, nicht_online: 72 });
  });

  test('the demo report explains that online fell only through catalogue merges', async () => {
    const de = await report(`date=${DEMO_REPORT}&compare=${DEMO_PREVIOUS_REPORT}`);
    assert.equal(de.rows.find((x) => x.status === 'online')!.change, -2);
    assert.equal(de.byRestructure!['online'], -4);
    assert.equal(de.byStatusChanges!['online'], 2);
    assert.equal(de.restructures.length, 4);
    assert.ok(
      de.explanation.some((e) => e.includes('nicht durch weniger Online-Leistungen')),
      de.explanation.join('\n'),
    );
    const en = await report(`date=${DEMO_REPORT}&compare=${DEMO_PREVIOUS_REPORT}&lang=en`);
    assert.ok(
      en.explanation.some((e) => e.includes('−4 by catalog merges/splits, not by fewer online services')),
      en.explanation.join('\n'),
    );
  });

  test('the seven EfA rollout services carry their OZG-IDs and LeiKa keys', async () => {
    const res = await t.app.inject({ url: '/api/catalog/services?efa=true&limit=50' });
    const items = res.json<{ items: { name: string; ozg: { id: string }; leika: { key: string } }[] }>().items;
    const byName = new Map(items.map((i) => [i.name, i]));
    for (const [name, ozg, leika] of [
      ['Digitaler Führerscheinantrag', '10169', '99023002000000'],
      ['Personenbeförderungsgenehmigung', '10447', '99084012001000'],
      ['Jagdscheinantrag', '10149', '99067004001000'],
      ['Einbürgerung', '10257', '99099002006000'],
      ['Aufenthaltskarten/-titel', '10596', '99010009012000'],
      ['Verpflichtungserklärungen', '10273', '99010005261000'],
      ['Eheschließung', '10026', '99059001104000'],
    ]) {
      assert.equal(byName.get(name!)?.ozg.id, ozg, name);
      assert.equal(byName.get(name!)?.leika.key, leika, name);
    }
  });

  test('"Führerschein", "fuhrerschein" and "Fuehrerschein" find the same Führerschein services', async () => {
    const find = async (q: string) => {
      const res = await t.app.inject({ url: `/api/catalog/services?q=${encodeURIComponent(q)}&limit=100` });
      assert.equal(res.statusCode, 200);
      return res.json<{ items: { id: number; name: string }[] }>().items;
    };
    const [a, b, c] = await Promise.all([find('Führerschein'), find('fuhrerschein'), find('Fuehrerschein')]);
    assert.ok(a.some((s) => s.name === 'Digitaler Führerscheinantrag'));
    assert.ok(a.length >= 1);
    assert.deepEqual(
      b.map((s) => s.id),
      a.map((s) => s.id),
    );
    assert.deepEqual(
      c.map((s) => s.id),
      a.map((s) => s.id),
    );
    assert.equal((await find('Fuehrerschein zzzz')).length, 0);
  });

  test('filters: online now, Themenfeld and status', async () => {
    const online = (await t.app.inject({ url: '/api/catalog/services?online=true&limit=500' })).json<{
      items: { status: string }[];
      total: number;
    }>();
    assert.ok(online.total > 100 && online.items.every((i) => i.status === 'online'));
    const facets = (await t.app.inject({ url: '/api/catalog/facets' })).json<{
      themenfelder: { id: number; name: string; serviceCount: number }[];
    }>();
    const mobil = facets.themenfelder.find((x) => x.name === 'Mobilität & Reisen')!;
    const inField = (
      await t.app.inject({ url: `/api/catalog/services?themenfeld=${mobil.id}&status=geplant&status=online&limit=500` })
    ).json<{
      items: { themenfeld: { id: number }; status: string }[];
    }>();
    assert.ok(
      inField.items.length > 0 &&
        inField.items.every((i) => i.themenfeld.id === mobil.id && ['geplant', 'online'].includes(i.status)),
    );
  });

  test('a status change is stored with effective date and author; the table for any date follows history', async () => {
    const created = await create({ name: unique('Testleistung'), status: 'geplant', effectiveDate: '2025-03-01' });
    assert.equal(created.statusCode, 201, created.body);
    const id = created.json<{ id: number }>().id;
    const before = counts(await report('date=2025-04-01'));
    const changed = await t.app.inject({
      method: 'POST',
      url: `/api/catalog/services/${id}/status`,
      headers: editor.headers,
      payload: { status: 'online', effectiveDate: '2025-03-20', note: 'freigeschaltet' },
    });
    assert.equal(changed.statusCode, 200, changed.body);
    const afterChange = counts(await report('date=2025-04-01'));
    assert.equal(afterChange['online'], before['online']! + 1);
    assert.equal(afterChange['geplant'], before['geplant']! - 1);
    const history = (
      await t.app.inject({ url: `/api/catalog/services/${id}/history`, headers: { cookie: editor.cookie } })
    ).json<{
      items: { effectiveDate: string; status: string; author: string | null }[];
    }>().items;
    assert.deepEqual(
      history.map((h) => [h.effectiveDate, h.status]),
      [
        ['2025-03-01', 'geplant'],
        ['2025-03-20', 'online'],
      ],
    );
    assert.match(history[1]!.author!, new RegExp(editor.email));
    const anonymous = (await t.app.inject({ url: `/api/catalog/services/${id}/history` })).json<{
      items: { author: string | null }[];
    }>().items;
    assert.ok(
      anonymous.every((h) => h.author === null),
      'the public does not see staff names',
    );
  });

  test('merging two online services into one lowers "online" by one and the report explains it', async () => {
    const ids: number[] = [];
    for (const name of [unique('Zusammenlegung A'), unique('Zusammenlegung B')]) {
      const res = await create({ name, status: 'online', effectiveDate: '2025-08-01', onlineUrl: 'https://example.org/a' });
      assert.equal(res.statusCode, 201, res.body);
      ids.push(res.json<{ id: number }>().id);
    }
    const query = 'date=2025-08-20&compare=2025-08-10&lang=en';
    const before = await report(query);
    const merged = await t.app.inject({
      method: 'POST',
      url: '/api/catalog/restructures',
      headers: editor.headers,
      payload: {
        kind: 'merge',
        effectiveDate: '2025-08-15',
        note: 'OZG catalogue merged A and B',
        sourceIds: ids,
        targets: [{ id: ids[0], name: unique('A und B') }],
      },
    });
    assert.equal(merged.statusCode, 201, merged.body);
    assert.equal(merged.json<{ effect: { online: number } }>().effect.online, -1);
    const afterMerge = await report(query);
    const online = (r: Report) => r.rows.find((x) => x.status === 'online')!;
    assert.equal(online(afterMerge).count, online(before).count - 1);
    assert.equal(afterMerge.byRestructure!['online'], before.byRestructure!['online']! - 1);
    assert.equal(afterMerge.byStatusChanges!['online'], before.byStatusChanges!['online']);
    assert.ok(afterMerge.restructures.some((r) => r.note === 'OZG catalogue merged A and B'));
    assert.ok(
      afterMerge.explanation.some((e) => /by catalog merges\/splits, not by fewer online services/.test(e)),
      afterMerge.explanation.join('\n'),
    );
    const gone = (await t.app.inject({ url: `/api/catalog/services/${ids[1]}` })).json<{
      listed: boolean;
      status: string | null;
    }>();
    assert.deepEqual([gone.listed, gone.status], [false, null]);
    const again = await t.app.inject({
      method: 'PATCH',
      url: `/api/catalog/services/${ids[1]}`,
      headers: editor.headers,
      payload: { status: 'geplant' },
    });
    assert.equal(again.statusCode, 409);
  });

  test('bad input is a 4xx naming the field', async () => {
    const status = await create({ name: 'x', status: 'bogus' });
    assert.equal(status.statusCode, 400);
    assert.ok(
      status.json<{ errors: { field: string }[] }>().errors.some((e) => e.field === 'body.status'),
      status.body,
    );
    const date = await t.app.inject({ url: '/api/catalog/report?date=29.07.2024' });
    assert.equal(date.statusCode, 400);
    assert.ok(
      date.json<{ errors: { field: string }[] }>().errors.some((e) => e.field === 'query.date'),
      date.body,
    );
    const leika = await create({ name: 'x', status: 'geplant', leikaKey: '9902300200000' });
    assert.equal(leika.statusCode, 400);
    assert.ok(
      leika.json<{ errors: { field: string }[] }>().errors.some((e) => e.field === 'body.leikaKey'),
      leika.body,
    );
    const future = await create({ name: 'x', status: 'geplant', effectiveDate: '2999-01-01' });
    assert.equal(future.statusCode, 400);
    assert.equal(future.json<{ errors: { field: string }[] }>().errors[0]!.field, 'body.effectiveDate');
    const reason = await create({ name: 'x', status: 'nicht_online' });
    assert.equal(reason.json<{ errors: { field: string }[] }>().errors[0]!.field, 'body.reasonNotOnline');
    const unknownOzg = await create({ name: 'x', status: 'geplant', ozgId: '99999' });
    assert.equal(unknownOzg.json<{ errors: { field: string }[] }>().errors[0]!.field, 'body.ozgId');
    assert.equal((await t.app.inject({ url: '/api/catalog/services?status=bogus' })).statusCode, 400);
    assert.equal((await t.app.inject({ url: '/api/catalog/services/999999999' })).statusCode, 404);
  });

  test('a nullable field takes a valid value or null, and a bad value is a 400 naming it, not a cleared field', async () => {
    const facets = (await t.app.inject({ url: '/api/catalog/facets' })).json<{ themenfelder: { id: number }[] }>();
    const themenfeldId = facets.themenfelder[0]!.id;
    const created = await create({
      name: unique('Nullable'),
      status: 'geplant',
      ozgId: null,
      local: true,
      themenfeldId,
      plannedGoLive: '2026-01-01',
    });
    assert.equal(created.statusCode, 201, created.body);
    const id = created.json<{ id: number }>().id;
    const patch = (payload: Record<string, unknown>) =>
      t.app.inject({ method: 'PATCH', url: `/api/catalog/services/${id}`, headers: editor.headers, payload });
    for (const [field, value] of [
      ['themenfeldId', 0],
      ['plannedGoLive', ''],
      ['ozgId', ''],
      ['ozgId', 0],
    ] as const) {
      const res = await patch({ [field]: value });
      assert.equal(res.statusCode, 400, `${field}: ${JSON.stringify(value)} → ${res.body}`);
      assert.ok(
        res.json<{ errors: { field: string }[] }>().errors.some((e) => e.field === `body.${field}`),
        res.body,
      );
    }
    const unchanged = (await t.app.inject({ url: `/api/catalog/services/${id}` })).json<{
      themenfeld: { id: number } | null;
      plannedGoLive: string | null;
    }>();
    assert.deepEqual([unchanged.themenfeld?.id, unchanged.plannedGoLive], [themenfeldId, '2026-01-01']);

    const valid = await patch({ plannedGoLive: '2026-06-30', maturityLevel: 0 });
    assert.equal(valid.statusCode, 200, valid.body);
    assert.deepEqual(
      [valid.json<{ plannedGoLive: string }>().plannedGoLive, valid.json<{ maturityLevel: number }>().maturityLevel],
      ['2026-06-30', 0],
    );
    const cleared = await patch({ themenfeldId: null, plannedGoLive: null, maturityLevel: null });
    assert.equal(cleared.statusCode, 200, cleared.body);
    const after = cleared.json<{ themenfeld: unknown; plannedGoLive: unknown; maturityLevel: unknown }>();
    assert.deepEqual([after.themenfeld, after.plannedGoLive, after.maturityLevel], [null, null, null]);
  });

  test('writes need a catalog editor: 401 without login, 403 for viewers and other editors', async () => {
    assert.equal((await create({ name: 'x', status: 'geplant' }, {})).statusCode, 401);
    assert.equal((await create({ name: 'x', status: 'geplant' }, viewer.headers)).statusCode, 403);
    assert.equal((await create({ name: 'x', status: 'geplant' }, otherEditor.headers)).statusCode, 403);
    const bulk = await t.app.inject({
      method: 'POST',
      url: '/api/catalog/services/bulk-status',
      headers: viewer.headers,
      payload: { ids: [1], status: 'online', effectiveDate: '2025-01-01' },
    });
    assert.equal(bulk.statusCode, 403);
  });

  test('bulk status change is all or nothing', async () => {
    const ids: number[] = [];
    for (let i = 0; i < 3; i += 1)
      ids.push(
        (await create({ name: unique('Bulk'), status: 'geplant', effectiveDate: '2025-09-01' })).json<{ id: number }>().id,
      );
    const bad = await t.app.inject({
      method: 'POST',
      url: '/api/catalog/services/bulk-status',
      headers: editor.headers,
      payload: { ids: [...ids, 999999999], status: 'in_umsetzung', effectiveDate: '2025-09-10' },
    });
    assert.equal(bad.statusCode, 400);
    assert.equal(bad.json<{ errors: { field: string }[] }>().errors[0]!.field, 'body.ids.3');
    const unchanged = (await t.app.inject({ url: `/api/catalog/services/${ids[0]}` })).json<{ status: string }>();
    assert.equal(unchanged.status, 'geplant');
    const ok = await t.app.inject({
      method: 'POST',
      url: '/api/catalog/services/bulk-status',
      headers: editor.headers,
      payload: { ids, status: 'in_umsetzung', effectiveDate: '2025-09-10', note: 'Rollout' },
    });
    assert.deepEqual(ok.json(), { changed: 3, unchanged: 0 });
  });

  describe('import of the city list', () => {
    const header = ['ref', 'name', 'status', 'ozg_id', 'leika_key', 'reason_not_online', 'payment_methods', 'epaybl'];
    const refs = [unique('IMP'), unique('IMP'), unique('IMP')];
    const rows = [
      [refs[0], 'Import Hundesteuer', 'online', '10160', '', '', 'paypal|giropay', 'ja'],
      [refs[1], 'Import Jagdschein', 'in_umsetzung', '', '99067004001000', '', '', 'nein'],
      [refs[2], 'Import Sperrmüll', 'nicht_online', '10110', '', 'Vor Ort', '', ''],
    ];
    const post = (body: string | Buffer, type: string, query = '') =>
      t.app.inject({
        method: 'POST',
        url: `/api/catalog/import?filename=liste${query}`,
        headers: { ...editor.headers, 'content-type': type },
        payload: body,
      });

    test('one bad row rejects the whole file, naming row and column', async () => {
      const broken = rows.map((r) => [...r]);
      broken[1]![4] = '9906700400100'; // 13 digits
      const res = await post(toCsv(header, broken), 'text/csv');
      assert.equal(res.statusCode, 422, res.body);
      const errors = res.json<{ errors: { field: string; message: string }[] }>().errors;
      assert.deepEqual(
        errors.map((e) => e.field),
        ['row 3, column leika_key'],
      );
      assert.match(errors[0]!.message, /14 digits/);
      const found = await sql<{
        n: number;
      }>`select count(*)::int as n from catalog_services where ref = any(${refs}::text[])`.execute(t.database.db);
      assert.equal(found.rows[0]!.n, 0, 'nothing was imported');
    });

    test('a valid file imports; importing it again changes nothing', async () => {
      const csv = toCsv(header, rows);
      const first = await post(csv, 'text/csv');
      assert.equal(first.statusCode, 200, first.body);
      assert.equal(first.json<{ created: number }>().created, 3);
      const etag = (await t.app.inject({ url: '/api/catalog/services' })).headers.etag;
      const second = await post(csv, 'text/csv');
      assert.deepEqual(second.json<{ created: number; updated: number; unchanged: number }>(), {
        ...second.json(),
        created: 0,
        updated: 0,
        unchanged: 3,
      });
      assert.equal((await t.app.inject({ url: '/api/catalog/services' })).headers.etag, etag, 'the data version did not move');
      const xlsx = await post(await toXlsx(header, rows), 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
      assert.equal(xlsx.json<{ unchanged: number }>().unchanged, 3, xlsx.body);
      const imported = (await t.app.inject({ url: `/api/catalog/services?q=${refs[0]}` })).json<{
        items: { paymentMethods: string[]; epaybl: boolean }[];
      }>().items[0]!;
      assert.deepEqual([imported.paymentMethods, imported.epaybl], [['paypal', 'giropay'], true]);
    });

    test('the export is the import format: exporting and re-importing changes nothing', async () => {
      const res = await t.app.inject({ url: '/api/catalog/services/export?format=csv&q=Import' });
      assert.equal(res.statusCode, 200);
      assert.match(res.headers['content-type'] as string, /text\/csv/);
      const back = await post(res.body, 'text/csv');
      assert.equal(back.statusCode, 200, back.body);
      assert.equal(back.json<{ created: number; updated: number }>().updated, 0);
      const table = parseCsv(res.body);
      assert.equal(table[0]![0], 'ref');
    });

    test('imports need a catalog editor', async () => {
      const res = await t.app.inject({
        method: 'POST',
        url: '/api/catalog/import',
        headers: { ...viewer.headers, 'content-type': 'text/csv' },
        payload: toCsv(header, rows),
      });
      assert.equal(res.statusCode, 403);
    });
  });

  test('public reads carry ETag and Last-Modified and answer 304', async () => {
    const first = await t.app.inject({ url: '/api/catalog/services?limit=5' });
    assert.ok(first.headers.etag && first.headers['last-modified']);
    const again = await t.app.inject({ url: '/api/catalog/services?limit=5', headers: { 'if-none-match': first.headers.etag } });
    assert.equal(again.statusCode, 304);
    assert.equal(again.body, '');
    await create({ name: unique('Neu'), status: 'geplant', effectiveDate: '2025-10-01' });
    const changed = await t.app.inject({
      url: '/api/catalog/services?limit=5',
      headers: { 'if-none-match': first.headers.etag },
    });
    assert.equal(changed.statusCode, 200);
    assert.notEqual(changed.headers.etag, first.headers.etag);
  });

  test('the committee table downloads as CSV, Markdown and DOCX', async () => {
    const csv = await t.app.inject({ url: `/api/catalog/report?date=${DEMO_REPORT}&format=csv` });
    assert.match(csv.headers['content-type'] as string, /text\/csv/);
    assert.match(csv.body, /Summe,430/);
    const md = await t.app.inject({ url: `/api/catalog/report?date=${DEMO_REPORT}&compare=${DEMO_PREVIOUS_REPORT}&format=md` });
    assert.match(md.body, /\| \*\*Summe\*\* \| \*\*430\*\* \| \*\*435\*\* \| \*\*−5\*\* \|/);
    assert.match(md.body, /Demodaten/);
    const docx = await t.app.inject({ url: `/api/catalog/report?date=${DEMO_REPORT}&format=docx` });
    assert.equal(docx.statusCode, 200);
    assert.equal(docx.rawPayload.subarray(0, 2).toString(), 'PK', 'a DOCX is a zip file');
    assert.match(docx.headers['content-disposition'] as string, /ozg-stand-2024-07-29\.docx/);
  });

  test('KPIs and timeline come from history; the module API gives counts and share online', async () => {
    const module = createCatalogModule({ db: t.database.db, audit: { record: async () => undefined }, clock: t.clock });
    const k = await module.api.kpis(DEMO_REPORT);
    assert.equal(k.total, 430);
    assert.equal(k.shareOnline, Math.round((124 / 430) * 1000) / 1000);
    assert.equal(
      k.byThemenfeld.reduce((n, x) => n + x.total, 0),
      430,
    );
    const res = await t.app.inject({ url: `/api/catalog/kpis/timeline?from=2024-01-01&to=${DEMO_REPORT}` });
    const points = res.json<{ points: { date: string; total: number }[] }>().points;
    assert.equal(points.at(-1)!.date, DEMO_REPORT);
    assert.equal(points.at(-1)!.total, 430);
    assert.equal(points.find((p) => p.date === '2024-01-31')!.total, 435);
  });

  test('a newer catalogue export updates the reference and reports new, removed, renamed and merged services', async () => {
    const module = createCatalogModule({ db: t.database.db, audit: { record: async () => undefined }, clock: t.clock });
    const actor = systemActor('test');
    const original = await module.service.referenceExport();
    const countsBefore = await module.service.countsAt(module.service.today());
    const col = (name: string) => (original.header as string[]).indexOf(name);
    const rows = original.rows.map((r) => [...r]);
    for (const r of rows) {
      if (r[col('ozg_id')] === '10125') {
        // 10125 is merged into 10124 Wohnsitzmeldungen: its LeiKa rows move there.
        r[col('ozg_id')] = '10124';
        r[col('ozg_name')] = 'Wohnsitzmeldungen';
      }
      if (r[col('ozg_id')] === '10126') r[col('ozg_name')] = 'Zweitwohnungsteuer (neu)';
    }
    const kept = rows.filter((r) => r[col('ozg_id')] !== '10122');
    kept.push(['Querschnitt', 'Querschnitt Bürger', '10999', 'Neue Testleistung', true, '', '', '', '', '']);
    const file = Buffer.from(toCsv(original.header, kept));
    const bad = Buffer.from(
      toCsv(original.header, [...kept, ['Querschnitt', 'Querschnitt Bürger', '10998', 'Kaputt', true, '123', 'x', '', '', '']]),
    );
    await assert.rejects(
      module.service.importReference(actor, { data: bad, name: 'bad.csv', format: 'csv' }),
      (e: { status: number; errors: { field: string }[] }) => {
        assert.equal(e.status, 422);
        assert.match(e.errors[0]!.field, /row \d+, column leika_key/);
        return true;
      },
    );
    try {
      const r = await module.service.importReference(actor, { data: file, name: 'ozg-neu.csv', format: 'csv' });
      assert.deepEqual(
        r.ozg.merged.map((m) => [m.into, m.from.map((f) => f.ozgId)]),
        [['10124', ['10125']]],
      );
      assert.deepEqual(
        r.ozg.added.map((a) => a.ozgId),
        ['10999'],
      );
      assert.deepEqual(
        r.ozg.removed.map((a) => a.ozgId),
        ['10122'],
      );
      assert.deepEqual(
        r.ozg.renamed.map((a) => a.ozgId),
        ['10126'],
      );
      assert.ok(
        r.cityServices.some((s) => s.ozgId === '10125' && s.successorOzgId === '10124'),
        'the city service on the merged ID is named',
      );
      assert.deepEqual(await module.service.countsAt(module.service.today()), countsBefore, 'no city status was lost');
      // Read through the instance that wrote: the app's own instance learns of writes by another
      // instance only within the cache's ttl (platform/http/versioned-cache.ts).
      const detail = await module.service.referenceOzgDetail('10125');
      assert.deepEqual([detail.active, detail.successorOzgId], [false, '10124']);
      const again = await module.service.importReference(actor, { data: file, name: 'ozg-neu.csv', format: 'csv' });
      assert.equal(again.ozg.added.length + again.ozg.removed.length + again.ozg.renamed.length + again.ozg.merged.length, 0);
    } finally {
      await module.service.importReference(actor, {
        data: Buffer.from(toCsv(original.header, original.rows)),
        name: 'restore.csv',
        format: 'csv',
      });
    }
    const restored = await module.service.referenceOzgDetail('10125');
    assert.equal(restored.active, true);
  });
});
