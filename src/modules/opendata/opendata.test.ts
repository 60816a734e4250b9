import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { Parser, Store } from 'n3';
import { systemActor } from '../../platform/auth/actor.js';
import { createTestApp, type TestApp } from '../../testing/harness.js';
import { createStaff, login, type StaffSession } from '../../testing/staff.js';

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
      items: { slug: string; uri: string; distributions: { url: string }[]; governance: Record<string, unknown> }[];
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
    assert.equal((await t.app.inject({ url: '/api/opendata/datasets/baeume-a' })).json<{ downloads: number }>().downloads, 1);
    assert.equal((await t.app.inject({ url: '/api/opendata/distributions/999999999/download' })).statusCode, 404);
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
    const body =
      res.json<
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
