import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import { createTestApp, type TestApp } from '../../testing/harness.js';
import { createStaff } from '../../testing/staff.js';
import { MAX_LIMIT } from './geoportal.service.js';

const tag = randomBytes(3).toString('hex');

interface Link {
  href: string;
  rel: string;
  type?: string;
}
interface Feature {
  type: 'Feature';
  id: string;
  geometry: { type: string; coordinates: unknown } | null;
  properties: Record<string, unknown>;
  links?: Link[];
}
interface Page {
  type: 'FeatureCollection';
  features: Feature[];
  links: Link[];
  numberReturned: number;
  numberMatched?: number;
}
interface Problem {
  status: number;
  code: string;
  errors?: { field: string; message: string }[];
}

describe('geoportal: OGC API – Features', () => {
  let t: TestApp;
  let siteId = '';
  let containerId = '';
  let reportId = '';
  const projectSlug = `ogc-platz-${tag}`;

  /** The path of an absolute link (PUBLIC_URL + path), as a client following it would request. */
  const path = (href: string) => new URL(href).pathname + new URL(href).search;
  const get = (url: string, headers: Record<string, string> = {}) => t.app.inject({ url, headers });
  const json = async <T>(url: string) => {
    const res = await get(url);
    assert.equal(res.statusCode, 200, `${url}: ${res.body}`);
    return res.json<T>();
  };
  const link = (links: Link[], rel: string, type?: string) => {
    const found = links.find((l) => l.rel === rel && (!type || l.type === type));
    assert.ok(found, `link rel=${rel}${type ? ` type=${type}` : ''} in ${JSON.stringify(links)}`);
    return found;
  };
  const problem = async (url: string, status: number) => {
    const res = await get(url);
    assert.equal(res.statusCode, status, `${url}: ${res.body}`);
    assert.match(String(res.headers['content-type']), /problem\+json/);
    return res.json<Problem>();
  };

  before(async () => {
    t = await createTestApp();
    const parking = await createStaff(t, 'editor', ['parking']);
    const site = await t.app.inject({
      method: 'POST',
      url: '/api/parking/sites',
      headers: parking.headers,
      payload: { uid: `ogc-${tag}`, name: `Parkhaus OGC ${tag}`, type: 'CAR_PARK', lat: 50.3571, lon: 7.5937, capacity: 200 },
    });
    assert.equal(site.statusCode, 201, site.body);
    siteId = String(site.json<{ id: number }>().id);
    const push = await t.app.inject({
      method: 'POST',
      url: '/api/parking/push',
      headers: parking.headers,
      payload: { items: [{ uid: `ogc-${tag}`, free: 50 }] },
    });
    assert.equal(push.statusCode, 200, push.body);

    const waste = await createStaff(t, 'editor', ['waste']);
    const admin = await createStaff(t, 'admin');
    const eui = randomBytes(8).toString('hex').toUpperCase();
    const container = await t.app.inject({
      method: 'POST',
      url: '/api/waste/containers',
      headers: waste.headers,
      payload: {
        name: `Altglas OGC ${tag}`,
        kind: 'glass',
        category: 'fixed',
        volumeL: 3000,
        lat: 50.3512,
        lon: 7.5801,
        devEui: eui,
        decoder: 'confluentes-fill-v1',
      },
    });
    assert.equal(container.statusCode, 201, container.body);
    containerId = String(container.json<{ id: number }>().id);
    const token = await t.app.inject({
      method: 'POST',
      url: '/api/identity/tokens',
      headers: admin.headers,
      payload: { name: 'LoRaWAN', scopes: ['waste:write'], expiresInDays: 1 },
    });
    const at = t.clock.now().toISOString();
    const uplink = await t.app.inject({
      method: 'POST',
      url: '/api/waste/lorawan/tts',
      headers: { authorization: `Bearer ${token.json<{ token: string }>().token}` },
      // confluentes-fill-v1: fill 85 %, battery 90 %, 8.5 °C
      payload: {
        end_device_ids: { device_id: `ogc-${tag}`, dev_eui: eui },
        received_at: at,
        uplink_message: { frm_payload: Buffer.from([85, 90, 0, 85]).toString('base64'), received_at: at },
      },
    });
    assert.equal(uplink.statusCode, 200, uplink.body);

    const report = await t.app.inject({
      method: 'POST',
      url: '/api/reports/requests',
      payload: {
        service_code: 'strassenbeleuchtung',
        lat: 50.3601,
        long: 7.594,
        description: `Laterne ${tag} ist dunkel.`,
        email: `melder-${tag}@test.koblenz.invalid`,
      },
    });
    assert.equal(report.statusCode, 201, report.body);
    reportId = report.json<{ id: string }>().id;

    const projects = await createStaff(t, 'editor', ['projects']);
    const placed = await t.app.inject({
      method: 'POST',
      url: '/api/projects',
      headers: projects.headers,
      payload: {
        title: `Sensorplatz ${tag}`,
        slug: projectSlug,
        status: 'live',
        fields: ['smart-living'],
        location: { lat: 50.3595, lon: 7.6005 },
      },
    });
    assert.equal(placed.statusCode, 201, placed.body);
    const fibre = await t.app.inject({
      method: 'POST',
      url: '/api/projects',
      headers: projects.headers,
      payload: { title: `Glasfaser ${tag}`, status: 'in_development', fields: ['smart-economy'], districts: ['altstadt', 'lay'] },
    });
    assert.equal(fibre.statusCode, 201, fibre.body);
    // Progress in every district, more than any other project: this one is the fibre expansion.
    const { districts } = await json<{ districts: { id: string }[] }>('/api/city');
    for (const { id: district } of districts) {
      const put = await t.app.inject({
        method: 'PUT',
        url: `/api/projects/${fibre.json<{ id: number }>().id}/districts/${district}`,
        headers: projects.headers,
        payload: {
          status: district === 'altstadt' ? 'available' : 'planned',
          householdsPassed: district === 'altstadt' ? 420 : 0,
        },
      });
      assert.equal(put.statusCode, 200, put.body);
    }
  });
  after(() => t.close());

  test('landing page → conformance and collections, as QGIS and Masterportal walk them', async () => {
    const landing = await json<{ title: string; links: Link[] }>('/ogc');
    assert.match(landing.title, /OGC API/);
    assert.equal(path(link(landing.links, 'self').href), '/ogc');
    assert.equal(path(link(landing.links, 'service-desc').href), '/api/openapi.json');
    const conformance = await json<{ conformsTo: string[] }>(path(link(landing.links, 'conformance').href));
    assert.ok(conformance.conformsTo.includes('http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/core'));
    assert.ok(conformance.conformsTo.includes('http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/geojson'));

    const res = await get(path(link(landing.links, 'data').href));
    assert.equal(res.statusCode, 200);
    assert.match(String(res.headers['content-type']), /^application\/json/);
    assert.equal(res.headers['access-control-allow-origin'], '*', 'readable by web clients on other hosts');
    const { collections } = res.json<{
      collections: { id: string; title: string; extent: { spatial: { bbox: number[][] } }; links: Link[] }[];
    }>();
    assert.deepEqual(
      collections.map((c) => c.id),
      ['stadtteile', 'parkhaeuser', 'abfallbehaelter', 'schadensmeldungen', 'projekte', 'glasfaser'],
    );
    for (const c of collections) {
      assert.equal(c.extent.spatial.bbox[0]!.length, 4, c.id);
      const one = await json<{ id: string; links: Link[] }>(path(link(c.links, 'self').href));
      assert.equal(one.id, c.id);
      const items = await get(path(link(one.links, 'items', 'application/geo+json').href));
      assert.equal(items.statusCode, 200, `${c.id}: ${items.body}`);
      assert.match(String(items.headers['content-type']), /^application\/geo\+json/, c.id);
      assert.equal(items.json<Page>().type, 'FeatureCollection');
    }
    const english = await get('/ogc/collections/parkhaeuser', { 'accept-language': 'en-GB,en;q=0.9' });
    assert.equal(english.json<{ title: string }>().title, 'Car parks');
  });

  test('items: bbox filters, limit/offset pages with next and prev links that carry the filters', async () => {
    const all = await json<Page>('/ogc/collections/stadtteile/items?limit=1000');
    assert.ok(all.features.length >= 20, 'the city profile’s districts');
    assert.equal(all.numberMatched, all.features.length);
    assert.equal(
      all.links.find((l) => l.rel === 'next'),
      undefined,
      'one page holds them all',
    );

    // Follow `next` from the first page of 7 to the end, as a client would.
    const seen: string[] = [];
    let url: string | undefined = '/ogc/collections/stadtteile/items?limit=7';
    let pages = 0;
    while (url) {
      const page: Page = await json<Page>(url);
      assert.ok(page.numberReturned <= 7 && page.numberReturned === page.features.length);
      if (pages > 0)
        assert.ok(
          page.links.some((l) => l.rel === 'prev'),
          'prev from the second page on',
        );
      seen.push(...page.features.map((f) => f.id));
      const next = page.links.find((l) => l.rel === 'next');
      url = next ? path(next.href) : undefined;
      pages++;
    }
    assert.equal(pages, Math.ceil(all.features.length / 7));
    assert.deepEqual(
      seen,
      all.features.map((f) => f.id),
      'every district once, in a stable order',
    );

    // A box around the Altstadt only: paging links keep the box.
    const box = '7.58,50.35,7.61,50.37';
    const boxed = await json<Page>(`/ogc/collections/stadtteile/items?bbox=${box}&limit=1`);
    assert.ok(boxed.numberMatched! >= 1 && boxed.numberMatched! < all.features.length);
    for (const f of boxed.features) {
      const [x, y] = f.geometry!.coordinates as number[];
      assert.ok(x! >= 7.58 && x! <= 7.61 && y! >= 50.35 && y! <= 50.37, `${f.id} lies in the box`);
    }
    const next = boxed.links.find((l) => l.rel === 'next');
    if (boxed.numberMatched! > 1) assert.equal(new URL(next!.href).searchParams.get('bbox'), box);
    const self = link(boxed.links, 'self', 'application/geo+json');
    assert.equal(new URL(self.href).searchParams.get('bbox'), box);
    const alternate = link(boxed.links, 'alternate', 'application/json');
    const asJson = await get(path(alternate.href));
    assert.match(String(asJson.headers['content-type']), /^application\/json/);
    assert.deepEqual(asJson.json<Page>().features, boxed.features);

    // Far away from Koblenz: nothing.
    const empty = await json<Page>('/ogc/collections/stadtteile/items?bbox=13.3,52.4,13.5,52.6');
    assert.equal(empty.numberReturned, 0);

    // Above the maximum: lowered to it, not an error.
    const big = await json<Page>(`/ogc/collections/stadtteile/items?limit=${MAX_LIMIT * 10}`);
    assert.equal(new URL(link(big.links, 'self').href).searchParams.get('limit'), String(MAX_LIMIT));
  });

  test('bad bbox, limit, offset, datetime or crs: 400 naming the parameter; unknown collection or feature: 404', async () => {
    const cases: [string, string][] = [
      ['bbox=1,2,3', 'query.bbox'],
      ['bbox=a,b,c,d', 'query.bbox'],
      ['bbox=7.6,50.4,7.5,50.3', 'query.bbox'],
      ['bbox=7.5,91,7.6,92', 'query.bbox'],
      ['limit=0', 'query.limit'],
      ['limit=zehn', 'query.limit'],
      ['offset=-1', 'query.offset'],
      ['datetime=gestern', 'query.datetime'],
      ['datetime=2026-11-02/2026-11-01', 'query.datetime'],
      ['datetime=../..', 'query.datetime'],
      ['bbox-crs=http://www.opengis.net/def/crs/EPSG/0/25832', 'query.bbox-crs'],
      ['crs=EPSG:4326', 'query.crs'],
      ['f=html', 'query.f'],
    ];
    for (const [query, field] of cases) {
      const p = await problem(`/ogc/collections/parkhaeuser/items?${query}`, 400);
      assert.ok(
        p.errors?.some((e) => e.field === field),
        `${query} names ${field}: ${JSON.stringify(p.errors)}`,
      );
    }
    assert.equal((await problem('/ogc/collections/flughaefen', 404)).code, 'GEOPORTAL_COLLECTION_UNKNOWN');
    assert.equal((await problem('/ogc/collections/flughaefen/items', 404)).code, 'GEOPORTAL_COLLECTION_UNKNOWN');
    assert.equal((await problem('/ogc/collections/parkhaeuser/items/999999999', 404)).code, 'GEOPORTAL_FEATURE_UNKNOWN');
    assert.equal((await problem('/ogc/collections/schadensmeldungen/items/999999999', 404)).code, 'GEOPORTAL_FEATURE_UNKNOWN');
  });

  test('car parks with live occupancy and the simulated label; containers with fill level', async () => {
    const page = await json<Page>('/ogc/collections/parkhaeuser/items?bbox=7.59,50.35,7.60,50.36');
    const site = page.features.find((f) => f.id === siteId);
    assert.ok(site, 'the car park is in its box');
    assert.deepEqual(site.geometry, { type: 'Point', coordinates: [7.5937, 50.3571] });
    assert.equal(site.properties['free'], 50);
    assert.equal(site.properties['capacity'], 200);
    assert.equal(site.properties['occupancyPct'], 75);
    assert.equal(site.properties['status'], 'open');
    assert.equal(site.properties['fresh'], true);
    assert.equal(site.properties['simulated'], false);

    const one = await get(`/ogc/collections/parkhaeuser/items/${siteId}`);
    assert.equal(one.statusCode, 200, one.body);
    assert.match(String(one.headers['content-type']), /^application\/geo\+json/);
    const feature = one.json<Feature>();
    assert.equal(feature.properties['free'], 50);
    assert.equal(path(link(feature.links!, 'collection').href), '/ogc/collections/parkhaeuser');
    assert.match(
      String((await get(`/ogc/collections/parkhaeuser/items/${siteId}?f=json`)).headers['content-type']),
      /^application\/json/,
    );

    const bin = await json<Feature>(`/ogc/collections/abfallbehaelter/items/${containerId}`);
    assert.equal(bin.properties['fillPct'], 85);
    assert.equal(bin.properties['stale'], false);
    assert.equal(typeof bin.properties['thresholdPct'], 'number');
  });

  test('damage reports: published ones with status, no text and no personal data; time filter', async () => {
    const page = await json<Page>(`/ogc/collections/schadensmeldungen/items?bbox=7.59,50.35,7.60,50.37&limit=${MAX_LIMIT}`);
    const report = page.features.find((f) => f.id === reportId);
    assert.ok(report, 'the new report is in the layer');
    assert.equal(report.properties['status'], 'open');
    assert.equal(report.properties['detailedStatus'], 'new');
    assert.equal(report.properties['page'], `/schadensmelder/${reportId}`);
    const body = JSON.stringify(report);
    assert.ok(!body.includes(tag), 'neither description nor e-mail address');
    assert.ok(
      !/mail|description|address|ip/i.test(Object.keys(report.properties).join(' ')),
      Object.keys(report.properties).join(),
    );

    const single = await json<Feature>(`/ogc/collections/schadensmeldungen/items/${reportId}`);
    assert.deepEqual(single.geometry, report.geometry);
    const past = await json<Page>('/ogc/collections/schadensmeldungen/items?datetime=2000-01-01/2000-12-31');
    assert.equal(past.numberReturned, 0);
    const today = t.clock.now().toISOString().slice(0, 10);
    const now = await json<Page>(`/ogc/collections/schadensmeldungen/items?datetime=${today}&limit=${MAX_LIMIT}`);
    assert.ok(
      now.features.some((f) => f.id === reportId),
      'a bare date is the whole day',
    );
  });

  test('the embeddable map may be framed by any site, the GeoPortal page and the API only by this one', async () => {
    const frameAncestors = async (url: string) =>
      /frame-ancestors ([^;]+)/.exec(String((await get(url)).headers['content-security-policy']))?.[1];
    assert.equal(await frameAncestors('/einbetten/karte?ebenen=parkhaeuser&lat=50.35&lon=7.59&zoom=14'), '*');
    assert.equal(await frameAncestors('/geoportal'), "'self'");
    assert.equal(await frameAncestors('/ogc/collections'), "'self'");
  });

  test('projects with a location (points, or district centres) and the fibre expansion per district', async () => {
    const placed = await json<Feature>(`/ogc/collections/projekte/items/${projectSlug}`);
    assert.deepEqual(placed.geometry, { type: 'Point', coordinates: [7.6005, 50.3595] });
    assert.equal(placed.properties['placedBy'], 'location');
    assert.equal(placed.properties['page'], `/projekte/${projectSlug}`);
    const projects = await json<Page>(`/ogc/collections/projekte/items?limit=${MAX_LIMIT}`);
    const byDistricts = projects.features.find((f) => f.properties['title'] === `Glasfaser ${tag}`);
    assert.equal(byDistricts?.geometry?.type, 'MultiPoint');
    assert.equal(byDistricts.properties['placedBy'], 'districts');

    const fibre = await json<Page>(`/ogc/collections/glasfaser/items?limit=${MAX_LIMIT}`);
    const altstadt = fibre.features.find((f) => f.id === 'altstadt');
    assert.equal(altstadt?.properties['status'], 'available');
    assert.equal(altstadt.properties['householdsPassed'], 420);
    assert.equal(altstadt.properties['project'], `Glasfaser ${tag}`);
    const stadtteil = await json<Feature>('/ogc/collections/stadtteile/items/altstadt');
    assert.deepEqual(altstadt.geometry, stadtteil.geometry, 'at the district’s point');
    assert.equal(typeof stadtteil.properties['name'], 'string');
  });
});
