/**
 * The dashboard tiles on the public start page in a real browser: every tile shows the figure of
 * GET /api/dashboard/tiles with its freshness, explanation and links, and a new car park reading
 * arrives without a reload (event stream); a car park that has gone silent
 * is labelled stale in words; the start page passes axe in German and English, light and dark, on a
 * phone and a desktop, without sideways scrolling and without any request to another host.
 */
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import { createStaff } from '../src/testing/staff.js';
import { expectAccessible, newContext, startE2E, watchForeignRequests, type E2E, widthsFor } from './harness.js';

interface ApiTile {
  id: string;
  status: string;
  stale: boolean;
  value: number | null;
  unit: string;
  rows: { key: string; stale: boolean }[];
  source: string;
  details: string;
}

const TITLES_DE: Record<string, string> = {
  'services-online': 'Verwaltungsleistungen online',
  'projects-by-status': 'Smart-City-Projekte',
  parking: 'Freie Parkplätze',
  waste: 'Abfallbehälter zur Leerung',
  reports: 'Schadensmeldungen diesen Monat',
  fibre: 'Glasfaserausbau',
};

describe('dashboard tiles on the start page in Chromium', () => {
  let e: E2E;
  let siteId = 0;
  const tag = randomBytes(3).toString('hex');

  const apiTiles = async () => ((await (await fetch(`${e.baseUrl}/api/dashboard/tiles`)).json()) as { tiles: ApiTile[] }).tiles;
  const tileOf = (page: Page, id: string) =>
    page.getByRole('listitem').filter({ has: page.getByRole('heading', { level: 3, name: TITLES_DE[id], exact: true }) });

  before(async () => {
    e = await startE2E({ PARKING_STALE_MINUTES: '15' });
    const parking = await createStaff(e.t, 'editor', ['parking']);
    const site = await e.t.app.inject({
      method: 'POST',
      url: '/api/parking/sites',
      headers: parking.headers,
      payload: {
        uid: `e2e-dash-${tag}`,
        name: `Parkhaus Dashboard ${tag}`,
        type: 'CAR_PARK',
        lat: 50.36,
        lon: 7.59,
        capacity: 300,
      },
    });
    assert.equal(site.statusCode, 201, site.body);
    siteId = site.json<{ id: number }>().id;
    const push = await e.t.app.inject({
      method: 'POST',
      url: '/api/parking/push',
      headers: parking.headers,
      payload: { items: [{ uid: `e2e-dash-${tag}`, free: 123 }] },
    });
    assert.equal(push.statusCode, 200, push.body);
    const projects = await createStaff(e.t, 'editor', ['projects']);
    const project = await e.t.app.inject({
      method: 'POST',
      url: '/api/projects',
      headers: projects.headers,
      payload: { title: `Glasfaser ${tag}`, status: 'in_development', fields: ['smart-living'] },
    });
    assert.equal(project.statusCode, 201, project.body);
    const put = await e.t.app.inject({
      method: 'PUT',
      url: `/api/projects/${project.json<{ id: number }>().id}/districts/altstadt`,
      headers: projects.headers,
      payload: { status: 'available', householdsPassed: 250 },
    });
    assert.equal(put.statusCode, 200, put.body);
  });
  after(() => e.close());

  test('each tile shows the figure of the API with freshness, explanation and links', { timeout: 120_000 }, async () => {
    const context = await newContext(e);
    const page = await context.newPage();
    const foreign = watchForeignRequests(page, e.baseUrl);
    await page.goto('/');
    await page.getByRole('heading', { level: 2, name: 'Smart City Dashboard' }).waitFor();
    await tileOf(page, 'parking').waitFor();
    const tiles = await apiTiles();
    assert.equal(tiles.length, 6);
    for (const tile of tiles) {
      const card = tileOf(page, tile.id);
      assert.equal(await card.count(), 1, `${tile.id} is shown`);
      if (tile.status === 'unavailable') {
        await card.getByText('Nicht verfügbar', { exact: false }).waitFor();
        continue;
      }
      const expected = await page.evaluate(
        ({ value, unit }) =>
          value === null
            ? '–'
            : unit === 'percent'
              ? new Intl.NumberFormat('de-DE', { style: 'percent', maximumFractionDigits: 1 }).format(value / 100)
              : new Intl.NumberFormat('de-DE').format(value),
        { value: tile.value, unit: tile.unit },
      );
      assert.equal(await card.locator('.dash-tile__value').innerText(), expected, `${tile.id}: figure from the API`);
      assert.match(await card.locator('.dash-tile__fresh').innerText(), /aktualisiert|ohne Zeitangabe/);
      assert.equal(
        await card.getByRole('link', { name: `Offene Daten: ${TITLES_DE[tile.id]}` }).getAttribute('href'),
        `/opendata/${tile.source}`,
      );
      assert.equal(await card.getByRole('link', { name: `Details: ${TITLES_DE[tile.id]}` }).getAttribute('href'), `/dashboard/${tile.id}`);
      if (tile.rows.length > 0) await card.getByRole('table').waitFor();
    }
    const parking = tileOf(page, 'parking');
    await parking
      .getByRole('row', { name: new RegExp(`Parkhaus Dashboard ${tag}`) })
      .getByRole('cell', { name: '123' })
      .first()
      .waitFor();
    assert.match(
      await tileOf(page, 'parking').locator('.dash-tile__fresh').innerText(),
      /aktualisiert (gerade eben|vor \d+ Min\.)/,
    );
    await expectAccessible(page, 'start page with fresh tiles');
    // Live: a new reading reaches the open page through the car parks' event stream, without a reload.
    const parkingEditor = await createStaff(e.t, 'editor', ['parking']);
    await e.t.app.inject({
      method: 'POST',
      url: '/api/parking/push',
      headers: parkingEditor.headers,
      payload: { items: [{ uid: `e2e-dash-${tag}`, free: 150 }] },
    });
    await parking
      .getByRole('row', { name: new RegExp(`Parkhaus Dashboard ${tag}`) })
      .getByRole('cell', { name: '150' })
      .first()
      .waitFor({ timeout: 15_000 });
    assert.deepEqual(foreign, []);
    await context.close();
  });

  test(
    'a car park silent longer than PARKING_STALE_MINUTES is labelled stale; a stale tile is greyed with a label',
    { timeout: 120_000 },
    async () => {
      e.t.clock.advance(16 * 60_000);
      const tiles = await apiTiles();
      const parkingTile = tiles.find((x) => x.id === 'parking')!;
      assert.equal(parkingTile.rows.find((r) => r.key === String(siteId))!.stale, true);
      const context = await newContext(e);
      const page = await context.newPage();
      await page.goto('/');
      const card = tileOf(page, 'parking');
      await card.getByRole('row', { name: new RegExp(`Parkhaus Dashboard ${tag} \\(veraltet\\)`) }).waitFor();
      for (const tile of tiles.filter((x) => x.stale)) {
        const c = tileOf(page, tile.id);
        assert.match((await c.getAttribute('class')) ?? '', /dash-tile--stale/);
        await c
          .getByText(tile.status === 'stale' ? 'Veraltet' : 'Nicht verfügbar', { exact: false })
          .first()
          .waitFor();
      }
      await context.close();
    },
  );

  for (const colorScheme of ['light', 'dark'] as const) {
    test(
      `the start page with the tiles is accessible (${colorScheme}, de and en, ${colorScheme === 'light' ? 'phone' : 'desktop'})`,
      { timeout: 300_000 },
      async () => {
        for (const width of widthsFor(colorScheme)) {
          const context = await newContext(e, { colorScheme, width });
          const page = await context.newPage();
          const foreign = watchForeignRequests(page, e.baseUrl);
          for (const lang of ['de', 'en']) {
            await page.goto(`/?lang=${lang}`);
            await page.locator('.dash-tile').first().waitFor();
            await expectAccessible(page, `start page ${lang} ${colorScheme} ${width}px`);
            const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
            assert.ok(overflow <= 0, `start page at ${width}px scrolls sideways by ${overflow}px`);
          }
          if (width === 1280) await page.getByRole('heading', { level: 3, name: 'Free parking spaces' }).waitFor();
          assert.deepEqual(foreign, []);
          await context.close();
        }
      },
    );
  }
});
