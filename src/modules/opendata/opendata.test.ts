import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { Parser, Store } from 'n3';
import { systemActor } from '../../platform/auth/actor.js';
import { createTestApp, type TestApp } from '../../testing/harness.js';
import { createStaff, login, type StaffSession } from '../../testing/staff.js';
import { multipart } from '../../testing/uploads.js';

const HYDRA_NEXT = 'http://www.w3.org/ns/hydra/core#next';
const DATASET = 'http://www.w3.org/ns/dcat#Dataset';
const RDF_TYPE = 'http://www.w3.org/1999/02/22-rdf-syntax-ns#type';

const external = (name: string, themes = ['ENVI'], keywords = ['Bäume']) => ({
  name,
  title: { de: `Baumkataster ${name}`, en: `Tree register ${name}` },
  description: { de: 'Alle Stadtbäume mit Art und Standort.', en: 'All city trees with species and location.' },
  keywords,
  themes,
  accrualPeriodicity: 'ANNUAL',
  distributions: [
    { title: { de: 'CSV', en: 'CSV' }, url: `https://example.koblenz.invalid/${name}.csv`, format: 'CSV', mediaType: 'text/csv' },
  ],
});

interface Ckan<T = unknown> {
  help: string;
  success: boolean;
  result: T;
  error?: { __type: string; message?: string };
}

describe('opendata', () => {
  let t: TestApp;
  let editor: StaffSession;
  let viewer: StaffSession;
  let outsider: StaffSession;
  before(async () => {
    t = await createTestApp();
    editor = await createStaff(t, 'editor', ['opendata']);
    viewer = await createStaff(t, 'viewer');
    outsider = await createStaff(t, 'editor', ['reports']);
  });
  after(() => t.close());

  test('the platform modules are datasets automatically, each with its own URI', async () => {
    const res = await t.app.inject({ url: '/api/opendata/datasets' });
    assert.equal(res.statusCode, 200);
    const items = res.json<{
      items: {
        slug: string;
        uri: string;
        title: { de: string };
        distributions: { url: string }[];
        governance: Record<string, unknown>;
      }[];
    }>().items;
    for (const slug of ['verwaltungsleistungen', 'sensordaten', 'schadensmeldungen', 'stadtteile'])
      assert.ok(
        items.some((i) => i.slug === slug),
        slug,
      );
    const one = items.find((i) => i.slug === 'sensordaten')!;
    assert.ok(one.distributions.some((d) => d.url.endsWith('/sta/v1.1')));
    assert.deepEqual(Object.keys(one.governance), ['overdue'], 'no governance internals in public answers');
    const ttl = await t.app.inject({ url: '/api/opendata/datasets/sensordaten', headers: { accept: 'text/turtle' } });
    assert.equal(ttl.statusCode, 200);
    assert.match(ttl.headers['content-type'] as string, /text\/turtle/);
    assert.match(ttl.body, /dcat:DataService/);
    // The web pages ask for application/json: they get the dataset's own JSON, not JSON-LD.
    const json = await t.app.inject({ url: '/api/opendata/datasets/sensordaten', headers: { accept: 'application/json' } });
    assert.equal(json.json<{ title: { de: string } }>().title.de, one.title.de);
    const ld = await t.app.inject({ url: '/api/opendata/datasets/sensordaten', headers: { accept: 'application/ld+json' } });
    assert.match(ld.headers['content-type'] as string, /application\/ld\+json/);
  });

  test('car parks, their occupancy history, projects, waste containers and the OZG/LeiKa catalogue are datasets with streamed exports', async () => {
    const parkingEditor = await createStaff(t, 'editor', ['parking']);
    const admin = await createStaff(t, 'admin');
    const site = await t.app.inject({
      method: 'POST',
      url: '/api/parking/sites',
      headers: parkingEditor.headers,
      payload: {
        uid: 'od-test-parkhaus',
        name: 'Parkhaus "Export", Test',
        type: 'CAR_PARK',
        lat: 50.3586,
        lon: 7.5908,
        capacity: 100,
      },
    });
    assert.equal(site.statusCode, 201, site.body);
    const tok = await t.app.inject({
      method: 'POST',
      url: '/api/identity/tokens',
      headers: admin.headers,
      payload: { name: 'od', scopes: ['parking:write'], expiresInDays: 1 },
    });
    const bearer = { authorization: `Bearer ${tok.json<{ token: string }>().token}` };
    for (const free of [40, 35, 30])
      assert.equal(
        (
          await t.app.inject({
            method: 'POST',
            url: '/api/parking/push',
            headers: bearer,
            payload: { items: [{ uid: 'od-test-parkhaus', free }] },
          })
        ).statusCode,
        200,
      );

    const items = (await t.app.inject({ url: '/api/opendata/datasets' })).json<{
      items: {
        slug: string;
        licence: string;
        attributionText: string;
        distributions: { key: string; url: string; format: string }[];
      }[];
    }>().items;
    for (const slug of ['smart-city-projekte', 'parkhaeuser', 'parkhaus-belegung', 'abfallbehaelter', 'ozg-leika-katalog'])
      assert.ok(
        items.some((i) => i.slug === slug),
        slug,
      );
    const ref = items.find((i) => i.slug === 'ozg-leika-katalog')!;
    assert.equal(ref.licence, 'other-opensource', 'MIT: the licence of its source (data/ozg/SOURCE.txt)');
    assert.match(ref.attributionText, /MIT/);
    const parks = items.find((i) => i.slug === 'parkhaeuser')!;
    assert.deepEqual(
      parks.distributions.filter((d) => d.key.startsWith('data-')).map((d) => d.format),
      ['CSV', 'JSON', 'GEOJSON'],
    );
    assert.ok(
      parks.distributions.some((d) => d.url.endsWith('/api/parking/v3/parking-sites')),
      'the live API as DataService',
    );
    assert.ok(
      !items.find((i) => i.slug === 'parkhaus-belegung')!.distributions.some((d) => d.format === 'GEOJSON'),
      'no points, no GeoJSON',
    );

    const csv = await t.app.inject({ url: '/api/opendata/datasets/parkhaeuser/data.csv' });
    assert.equal(csv.statusCode, 200);
    assert.match(csv.headers['content-type'] as string, /^text\/csv/);
    const lines = csv.body.trimEnd().split('\r\n');
    assert.match(lines[0]!, /^\uFEFFuid,name,type,/);
    assert.ok(
      lines.some((l) => l.startsWith('od-test-parkhaus,"Parkhaus ""Export"", Test",CAR_PARK,')),
      'RFC 4180 quoting',
    );
    const etag = csv.headers['etag'] as string;
    assert.ok(etag);
    assert.equal(
      (await t.app.inject({ url: '/api/opendata/datasets/parkhaeuser/data.csv', headers: { 'if-none-match': etag } })).statusCode,
      304,
    );

    const geo = (await t.app.inject({ url: '/api/opendata/datasets/parkhaeuser/data.geojson' })).json<{
      type: string;
      features: { geometry: { coordinates: number[] }; properties: Record<string, unknown> }[];
    }>();
    assert.equal(geo.type, 'FeatureCollection');
    const f = geo.features.find((x) => x.properties['uid'] === 'od-test-parkhaus')!;
    assert.deepEqual(f.geometry.coordinates, [7.5908, 50.3586]);
    assert.equal(f.properties['lat'], undefined, 'coordinates only in the geometry');

    const history = await t.app.inject({ url: '/api/opendata/datasets/parkhaus-belegung/data.csv' });
    const rows = history.body.trimEnd().split('\r\n');
    assert.equal(rows[0], '\uFEFFcar_park_uid,car_park,time,free_spaces');
    assert.deepEqual(
      rows.filter((r) => r.startsWith('od-test-parkhaus,')).map((r) => r.split(',').at(-1)),
      ['40', '35', '30'],
    );
    const json = (await t.app.inject({ url: '/api/opendata/datasets/parkhaus-belegung/data.json' })).json<
      Record<string, unknown>[]
    >();
    assert.equal(json.filter((r) => r['car_park_uid'] === 'od-test-parkhaus').length, 3);
    assert.equal((await t.app.inject({ url: '/api/opendata/datasets/parkhaus-belegung/data.geojson' })).statusCode, 404);
    assert.equal((await t.app.inject({ url: '/api/opendata/datasets/parkhaus-belegung/data.xlsx' })).statusCode, 400);
    assert.equal((await t.app.inject({ url: '/api/opendata/datasets/gibt-es-nicht/data.csv' })).statusCode, 404);

    const reference = await t.app.inject({ url: '/api/opendata/datasets/ozg-leika-katalog/data.csv' });
    assert.ok(reference.body.split('\r\n').length > 5000, 'the whole reference catalogue');
    const districts = (await t.app.inject({ url: '/api/opendata/datasets/stadtteile/data.json' })).json<{ id: string }[]>();
    assert.ok(districts.some((d) => d.id === 'altstadt'));
    for (const slug of ['smart-city-projekte', 'abfallbehaelter'])
      assert.equal((await t.app.inject({ url: `/api/opendata/datasets/${slug}/data.geojson` })).statusCode, 200, slug);
  });

  test('staff add external datasets: unauthenticated 401, forbidden 403, invalid 400 naming the field, success 201', async () => {
    const body = { dataset: external('baeume-a'), governance: { owningOffice: 'Grünflächenamt', promisedFrequency: 'ANNUAL' } };
    assert.equal((await t.app.inject({ method: 'POST', url: '/api/opendata/datasets', payload: body })).statusCode, 401);
    assert.equal(
      (await t.app.inject({ method: 'POST', url: '/api/opendata/datasets', headers: viewer.headers, payload: body })).statusCode,
      403,
    );
    assert.equal(
      (await t.app.inject({ method: 'POST', url: '/api/opendata/datasets', headers: outsider.headers, payload: body }))
        .statusCode,
      403,
    );
    const bad = await t.app.inject({
      method: 'POST',
      url: '/api/opendata/datasets',
      headers: editor.headers,
      payload: { dataset: external('baeume-x', ['TREES']) },
    });
    assert.equal(bad.statusCode, 400);
    assert.equal(bad.json<{ errors: { field: string }[] }>().errors[0]!.field, 'body.themes');
    const ok = await t.app.inject({ method: 'POST', url: '/api/opendata/datasets', headers: editor.headers, payload: body });
    assert.equal(ok.statusCode, 201, ok.body);
    assert.equal(ok.json<{ governance: { owningOffice: string } }>().governance.owningOffice, 'Grünflächenamt');
    const dup = await t.app.inject({ method: 'POST', url: '/api/opendata/datasets', headers: editor.headers, payload: body });
    assert.equal(dup.statusCode, 409);
  });

  test('staff add an external dataset with an uploaded file: checked by content, bad files 400 naming body.file and nothing stored', async () => {
    const upload = (name: string, data: Buffer, filename = 'daten.csv', headers = editor.headers, type = 'text/csv') => {
      const { payload, headers: h } = multipart(
        {
          dataset: JSON.stringify({ ...external(name), distributions: [] }),
          governance: JSON.stringify({ owningOffice: 'Amt 62' }),
        },
        [{ name: 'file', filename, type, data }],
      );
      return t.app.inject({ method: 'POST', url: '/api/opendata/datasets/from-file', headers: { ...headers, ...h }, payload });
    };
    const csv = Buffer.from('art;standort;hoehe_m\r\nLinde;"Schloss; Park";12\r\nEiche;Deutsches Eck;20\r\n');
    assert.equal((await upload('upload-a', csv, 'a.csv', {})).statusCode, 401);
    assert.equal((await upload('upload-a', csv, 'a.csv', outsider.headers)).statusCode, 403);
    const count = async () =>
      (await t.app.inject({ url: '/api/opendata/staff/datasets', headers: viewer.headers })).json<{ items: unknown[] }>().items
        .length;
    const before = await count();
    const bad: [string, Buffer, string][] = [
      ['a PNG named .csv', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]), 'bild.csv'],
      ['ragged CSV', Buffer.from('a,b,c\n1,2\n'), 'x.csv'],
      ['broken JSON', Buffer.from('{"type": "FeatureCollection", '), 'x.json'],
      [
        'GeoJSON without geometry',
        Buffer.from('{"type":"FeatureCollection","features":[{"type":"Feature","properties":{}}]}'),
        'x.geojson',
      ],
      ['Latin-1 text', Buffer.from([0x61, 0x3b, 0x62, 0x0a, 0xe4, 0x3b, 0x31, 0x0a]), 'x.csv'],
    ];
    for (const [what, data, filename] of bad) {
      const res = await upload('upload-bad', data, filename);
      assert.equal(res.statusCode, 400, what);
      assert.equal(res.json<{ errors: { field: string }[] }>().errors[0]!.field, 'body.file', what);
    }
    const withoutFile = multipart({ dataset: JSON.stringify({ ...external('upload-c'), distributions: [] }) }, []);
    const noFile = await t.app.inject({
      method: 'POST',
      url: '/api/opendata/datasets/from-file',
      headers: { ...editor.headers, ...withoutFile.headers },
      payload: withoutFile.payload,
    });
    assert.equal(noFile.statusCode, 400);
    assert.equal(noFile.json<{ errors: { field: string }[] }>().errors[0]!.field, 'body.file');
    const badMeta = multipart({ dataset: JSON.stringify({ ...external('upload-d'), title: { de: '', en: 'x' } }) }, [
      { name: 'file', filename: 'a.csv', type: 'text/csv', data: csv },
    ]);
    const meta = await t.app.inject({
      method: 'POST',
      url: '/api/opendata/datasets/from-file',
      headers: { ...editor.headers, ...badMeta.headers },
      payload: badMeta.payload,
    });
    assert.equal(meta.statusCode, 400);
    assert.equal(meta.json<{ errors: { field: string }[] }>().errors[0]!.field, 'body.dataset.title.de');
    assert.equal(await count(), before, 'nothing stored');

    const ok = await upload('upload-a', csv, 'egal.txt', editor.headers, 'application/octet-stream');
    assert.equal(ok.statusCode, 201, ok.body);
    const file = ok.json<{ distributions: { key: string; url: string; format: string; mediaType: string }[] }>()
      .distributions[0]!;
    assert.equal(file.format, 'CSV', 'judged by content, not by name or declared type');
    const path = new URL(file.url).pathname;
    const got = await t.app.inject({ url: path });
    assert.equal(got.statusCode, 200);
    assert.match(got.headers['content-type'] as string, /^text\/csv/);
    assert.equal(got.body, csv.toString());
    assert.equal(
      (await t.app.inject({ url: path, headers: { 'if-none-match': got.headers['etag'] as string } })).statusCode,
      304,
    );

    const geo = Buffer.from(
      JSON.stringify({
        type: 'FeatureCollection',
        features: [{ type: 'Feature', geometry: { type: 'Point', coordinates: [7.6, 50.36] }, properties: { n: 1 } }],
      }),
    );
    const g = (await upload('upload-geo', geo, 'punkte.json')).json<{ distributions: { format: string }[] }>();
    assert.equal(g.distributions[0]!.format, 'GEOJSON');

    // Editing the URL distributions keeps the uploaded file.
    const patched = await t.app.inject({
      method: 'PATCH',
      url: '/api/opendata/datasets/upload-a',
      headers: editor.headers,
      payload: { dataset: { ...external('upload-a'), distributions: [] } },
    });
    assert.equal(patched.statusCode, 200, patched.body);
    assert.deepEqual(
      patched.json<{ distributions: { key: string }[] }>().distributions.map((d) => d.key),
      ['file-1'],
    );
    const empty = await t.app.inject({
      method: 'POST',
      url: '/api/opendata/datasets',
      headers: editor.headers,
      payload: { dataset: { ...external('upload-e'), distributions: [] } },
    });
    assert.equal(empty.statusCode, 400);
    assert.equal(empty.json<{ errors: { field: string }[] }>().errors[0]!.field, 'body.distributions');
  });

  test('governance: overdue flag follows the promised frequency; internal datasets stay out of the catalog', async () => {
    await t.app.inject({
      method: 'POST',
      url: '/api/opendata/datasets',
      headers: editor.headers,
      payload: {
        dataset: external('intern-b'),
        governance: { promisedFrequency: 'DAILY', visibility: 'internal', dataSteward: 'Team Geodaten' },
      },
    });
    assert.equal((await t.app.inject({ url: '/api/opendata/datasets/intern-b' })).statusCode, 404);
    assert.equal((await t.app.inject({ url: '/api/opendata/governance' })).statusCode, 401);
    t.clock.advance(2 * 86_400_000);
    // Sessions expire over two days: log in again.
    viewer = { ...viewer, ...(await login(t, viewer)) };
    editor = { ...editor, ...(await login(t, editor)) };
    const gov = await t.app.inject({ url: '/api/opendata/governance', headers: viewer.headers });
    assert.equal(gov.statusCode, 200);
    const report = gov.json<{ overdue: { slug: string }[]; missing: { slug: string; missing: string[] }[] }>();
    assert.ok(report.overdue.some((o) => o.slug === 'intern-b'));
    assert.ok(!report.overdue.some((o) => o.slug === 'baeume-a'), 'annual promise not yet missed');
    assert.ok(report.missing.find((m) => m.slug === 'baeume-a')!.missing.includes('dataSteward'));
    const ckan = await t.app.inject({ url: '/api/3/action/package_show?id=intern-b' });
    assert.equal(ckan.statusCode, 404);
  });

  test('downloads are counted per day without personal data and redirect to the file', async () => {
    const ds = (await t.app.inject({ url: '/api/opendata/datasets/baeume-a' })).json<{
      distributions: { id: number; downloadUrl: string }[];
    }>();
    const res = await t.app.inject({ url: `/api/opendata/distributions/${ds.distributions[0]!.id}/download` });
    assert.equal(res.statusCode, 302);
    assert.equal(res.headers.location, 'https://example.koblenz.invalid/baeume-a.csv');
    const after = (await t.app.inject({ url: '/api/opendata/datasets/baeume-a' })).json<{
      downloads: number;
      distributions: { id: number; downloads: number }[];
    }>();
    assert.equal(after.downloads, 1);
    assert.deepEqual(
      after.distributions.map((d) => d.downloads),
      ds.distributions.map((_, i) => (i === 0 ? 1 : 0)),
      'counted for the downloaded file only',
    );
    assert.equal((await t.app.inject({ url: '/api/opendata/distributions/999999999/download' })).statusCode, 404);
    // The staff list carries each dataset's total too (one grouped query for all of them).
    const list = (await t.app.inject({ url: '/api/opendata/staff/datasets', headers: viewer.headers })).json<{
      items: { slug: string; downloads: number }[];
    }>().items;
    assert.equal(list.find((d) => d.slug === 'baeume-a')?.downloads, 1);
    assert.equal(list.find((d) => d.slug === 'intern-b')?.downloads, 0);
  });

  test('staff edit governance of any dataset and metadata of external ones; only external ones are deleted', async () => {
    const patch = (slug: string, payload: object, headers = editor.headers) =>
      t.app.inject({ method: 'PATCH', url: `/api/opendata/datasets/${slug}`, headers, payload });
    assert.equal((await patch('stadtteile', { governance: { dataSteward: 'Team Geodaten' } }, viewer.headers)).statusCode, 403);
    const managed = await patch('stadtteile', { governance: { dataSteward: 'Team Geodaten', promisedFrequency: 'ANNUAL' } });
    assert.equal(managed.statusCode, 200, managed.body);
    assert.equal(managed.json<{ governance: { dataSteward: string } }>().governance.dataSteward, 'Team Geodaten');
    const metadata = await patch('stadtteile', { dataset: external('stadtteile') });
    assert.equal(metadata.statusCode, 400);
    assert.equal(metadata.json<{ errors: { field: string }[] }>().errors[0]!.field, 'body.dataset');

    const created = await t.app.inject({
      method: 'POST',
      url: '/api/opendata/datasets',
      headers: editor.headers,
      payload: { dataset: external('wege-e') },
    });
    assert.equal(created.statusCode, 201, created.body);
    // The edit page sends the whole form: metadata, every URL distribution and the governance fields.
    const edited = await patch('wege-e', {
      dataset: { ...external('wege-e'), title: { de: 'Wege neu', en: 'Paths new' } },
      governance: { dataSteward: 'Erika Rad', visibility: 'public' },
    });
    assert.equal(edited.statusCode, 200, edited.body);
    assert.equal(
      (await t.app.inject({ url: '/api/opendata/datasets/wege-e' })).json<{ title: { de: string } }>().title.de,
      'Wege neu',
    );

    const remove = (slug: string, headers = editor.headers) =>
      t.app.inject({ method: 'DELETE', url: `/api/opendata/datasets/${slug}`, headers });
    assert.equal((await remove('wege-e', viewer.headers)).statusCode, 403);
    assert.equal((await remove('stadtteile')).statusCode, 400);
    assert.equal((await remove('wege-e')).statusCode, 200);
    assert.equal((await t.app.inject({ url: '/api/opendata/datasets/wege-e' })).statusCode, 404);
    assert.equal((await remove('wege-e')).statusCode, 404);
  });

  test('CKAN: package_search with fq and facets is CKAN-shaped; unknown ids are 404 in CKAN envelope', async () => {
    await t.app.inject({
      method: 'POST',
      url: '/api/opendata/datasets',
      headers: editor.headers,
      payload: { dataset: external('radwege-c', ['TRAN'], ['Radverkehr']) },
    });
    const res = await t.app.inject({
      url: '/api/3/action/package_search?fq=groups:tran&facet.field=["groups","res_format"]&rows=50',
    });
    assert.equal(res.statusCode, 200);
    const body = res.json<
      Ckan<{
        count: number;
        results: { name: string; groups: { name: string }[] }[];
        search_facets: Record<string, { items: { name: string; count: number }[] }>;
        facets: Record<string, Record<string, number>>;
      }>
    >();
    assert.equal(body.success, true);
    assert.match(body.help, /help_show\?name=package_search$/);
    assert.ok(body.result.count >= 2);
    assert.ok(body.result.results.every((r) => r.groups.some((g) => g.name === 'tran')));
    assert.ok(body.result.results.some((r) => r.name === 'radwege-c'));
    assert.equal(body.result.search_facets['groups']!.items.find((i) => i.name === 'tran')!.count, body.result.count);
    assert.equal(body.result.facets['res_format']!['CSV']! >= 1, true);
    const neg = await t.app.inject({ url: '/api/3/action/package_search?fq=-groups:tran tags:Radverkehr' });
    assert.equal(neg.json<Ckan<{ count: number }>>().result.count, 0);
    const since = await t.app.inject({
      url: '/api/3/action/package_search?fq=metadata_modified:[2000-01-01T00:00:00Z TO *]&rows=0',
    });
    assert.ok(since.json<Ckan<{ count: number }>>().result.count >= 5);

    const missing = await t.app.inject({ url: '/api/3/action/package_show?id=does-not-exist' });
    assert.equal(missing.statusCode, 404);
    const err = missing.json<Ckan>();
    assert.equal(err.success, false);
    assert.deepEqual(err.error, { __type: 'Not Found Error', message: 'Not found' });
    const noId = await t.app.inject({ url: '/api/3/action/package_show' });
    assert.equal(noId.statusCode, 409);
    assert.deepEqual(noId.json<Ckan>().error, { __type: 'Validation Error', id: ['Missing value'] });
    const nul = await t.app.inject({ url: '/api/3/action/package_show?id=a%00b' });
    assert.equal(nul.statusCode, 409);
    assert.deepEqual(Object.keys(nul.json<Ckan>().error!), ['__type', 'id']);
    const unknown = await t.app.inject({ url: '/api/3/action/package_delete' });
    assert.equal(unknown.statusCode, 400);
    const badSort = await t.app.inject({ url: '/api/3/action/package_search?sort=colour asc' });
    assert.equal(badSort.statusCode, 409);
    assert.equal(badSort.json<Ckan>().error!.__type, 'Search Error');
  });

  test('CKAN: show, lists, groups, organization, tags, resources, status', async () => {
    const show = (await t.app.inject({ url: '/api/3/action/package_show?id=radwege-c' })).json<
      Ckan<{ id: string; resources: { id: string }[]; license_id: string; extras: { key: string }[] }>
    >();
    assert.equal(show.result.license_id, 'dl-by-de/2.0');
    assert.ok(show.result.extras.some((e) => e.key === 'politicalGeocodingURI'));
    const byId = await t.app.inject({ url: `/api/3/action/package_show?id=${show.result.id}` });
    assert.equal(byId.statusCode, 200);
    const resource = await t.app.inject({
      method: 'POST',
      url: '/api/3/action/resource_show',
      payload: { id: show.result.resources[0]!.id },
    });
    assert.equal(resource.statusCode, 200);
    assert.equal(
      (await t.app.inject({ url: '/api/3/action/resource_show?id=nope' })).json<Ckan>().error!.message,
      'Not found: Resource was not found.',
    );
    const groups = (await t.app.inject({ url: '/api/3/action/group_list' })).json<Ckan<string[]>>().result;
    assert.equal(groups.length, 13);
    assert.ok(groups.includes('tran'));
    const group = (await t.app.inject({ url: '/api/3/action/group_show?id=tran&include_datasets=true' })).json<
      Ckan<{ package_count: number; packages: unknown[] }>
    >();
    assert.ok(group.result.package_count >= 1);
    assert.equal((await t.app.inject({ url: '/api/3/action/group_show?id=xyz' })).statusCode, 404);
    const orgs = (await t.app.inject({ url: '/api/3/action/organization_list' })).json<Ckan<string[]>>().result;
    assert.equal((await t.app.inject({ url: `/api/3/action/organization_show?id=${orgs[0]}` })).statusCode, 200);
    assert.ok((await t.app.inject({ url: '/api/3/action/tag_list' })).json<Ckan<string[]>>().result.includes('Radverkehr'));
    assert.ok((await t.app.inject({ url: '/api/3/action/package_list' })).json<Ckan<string[]>>().result.includes('radwege-c'));
    const current = (await t.app.inject({ url: '/api/3/action/current_package_list_with_resources?limit=2' })).json<
      Ckan<{ resources: unknown[] }[]>
    >();
    assert.equal(current.result.length, 2);
    assert.equal((await t.app.inject({ url: '/api/action/status_show' })).json<Ckan<{ ckan_version: string }>>().success, true);
  });

  test('RDF: suffixes and content negotiation give Turtle, RDF/XML, JSON-LD; ETag answers 304', async () => {
    const ttl = await t.app.inject({ url: '/api/opendata/catalog', headers: { accept: 'text/turtle' } });
    assert.match(ttl.headers['content-type'] as string, /text\/turtle/);
    const rdf = await t.app.inject({ url: '/api/opendata/catalog.rdf' });
    assert.match(rdf.headers['content-type'] as string, /application\/rdf\+xml/);
    assert.match(rdf.body, /<rdf:RDF/);
    assert.match(
      rdf.body,
      /dcatde:politicalGeocodingURI rdf:resource="http:\/\/dcat-ap.de\/def\/politicalGeocoding\/regionalKey\/071110000000"/,
    );
    const jsonld = await t.app.inject({ url: '/api/opendata/catalog', headers: { accept: 'application/ld+json' } });
    const graph = jsonld.json<{ '@graph': { '@type'?: string[] }[] }>()['@graph'];
    const ttlDatasets = new Store(new Parser().parse(ttl.body)).getQuads(null, RDF_TYPE, DATASET, null).length;
    assert.equal(graph.filter((n) => n['@type']?.includes('http://www.w3.org/ns/dcat#Dataset')).length, ttlDatasets);
    const again = await t.app.inject({
      url: '/api/opendata/catalog.ttl',
      headers: { 'if-none-match': ttl.headers.etag as string },
    });
    assert.equal(again.statusCode, 304);
    assert.equal((await t.app.inject({ url: '/api/opendata/catalog.ttl?page=0' })).statusCode, 400);
    assert.equal((await t.app.inject({ url: '/api/opendata/catalog.ttl?page=9999' })).statusCode, 404);
  });

  test('a catalog of 1,000 datasets is harvested completely by following hydra:next', async () => {
    const { createOpendataModule } = await import('./index.js');
    const mod = createOpendataModule({
      db: t.database.db,
      audit: { record: async () => undefined },
      clock: t.clock,
      providers: [],
      version: 'test',
      settings: {
        publicUrl: t.config.publicUrl,
        publisher: { name: 'Stadt Koblenz', email: null, website: null, phone: null },
        ars: '071110000000',
        contributorIds: [],
        attribution: 'Stadt Koblenz',
        bbox: [7.5, 50.28, 7.7, 50.42],
        catalogTitle: { de: 'x', en: 'x' },
        catalogDescription: { de: 'x', en: 'x' },
        syncIntervalMs: 60_000,
      },
    });
    const batch = Array.from({ length: 1000 }, (_, i) => ({
      ...external(`harvest-${i}-${process.pid}`),
      name: `harvest-${i}-${process.pid}`,
    }));
    await mod.service.importExternal(systemActor('test'), batch);
    const expected = (await t.app.inject({ url: '/api/3/action/package_list' })).json<Ckan<string[]>>().result.length;
    assert.ok(expected >= 1000);
    const seen = new Set<string>();
    let url: string | undefined = '/api/opendata/catalog.ttl';
    let pages = 0;
    while (url) {
      const res: { statusCode: number; body: string } = await t.app.inject({ url });
      assert.equal(res.statusCode, 200);
      const store = new Store(new Parser().parse(res.body));
      for (const q of store.getQuads(null, RDF_TYPE, DATASET, null)) {
        assert.ok(!seen.has(q.subject.value), `dataset twice: ${q.subject.value}`);
        seen.add(q.subject.value);
      }
      const next = store.getQuads(null, HYDRA_NEXT, null, null)[0];
      assert.ok(!next || next.object.value.startsWith(t.config.publicUrl), 'absolute next links');
      url = next?.object.value.slice(t.config.publicUrl.length);
      pages++;
      assert.ok(pages < 100, 'paging terminates');
    }
    assert.equal(seen.size, expected);
    assert.ok(pages >= 10);
  });
});
