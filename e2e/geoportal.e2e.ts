/**
 * The GeoPortal in a real browser: the layer checkboxes switch the map's layers (the page exposes
 * them as `data-active-layers` and the list beside the map holds exactly the features of the layers
 * switched on), the list is keyboard-navigable and selects features, the place search finds a car
 * park, a permalink restores layers, view and selection, and the embeddable map renders without
 * header, footer or login. axe on the page (DE light/dark, EN) and on the embed.
 */
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import { createStaff } from '../src/testing/staff.js';
import { expectAccessible, newContext, startE2E, watchForeignRequests, type E2E, widthsFor } from './harness.js';

const tag = randomBytes(3).toString('hex');
const CAR_PARK = `Parkhaus Geo ${tag}`;
const PROJECT = `Sensorplatz Geo ${tag}`;

describe('GeoPortal in Chromium', () => {
  let e: E2E;
  let siteId = 0;

  const activeLayers = async (page: Page) =>
    (await page.locator('.geoportal').getAttribute('data-active-layers'))?.split(',').filter(Boolean);
  const rowsOf = (page: Page, layer: string) => page.locator(`.geoportal__table tbody tr[data-layer="${layer}"]`);

  before(async () => {
    e = await startE2E();
    const parking = await createStaff(e.t, 'editor', ['parking']);
    const site = await e.t.app.inject({
      method: 'POST',
      url: '/api/parking/sites',
      headers: parking.headers,
      payload: { uid: `geo-${tag}`, name: CAR_PARK, type: 'CAR_PARK', lat: 50.3585, lon: 7.5925, capacity: 200 },
    });
    assert.equal(site.statusCode, 201, site.body);
    siteId = site.json<{ id: number }>().id;
    const push = await e.t.app.inject({
      method: 'POST',
      url: '/api/parking/push',
      headers: parking.headers,
      payload: { items: [{ uid: `geo-${tag}`, free: 10 }] },
    });
    assert.equal(push.statusCode, 200, push.body);
    const projects = await createStaff(e.t, 'editor', ['projects']);
    const project = await e.t.app.inject({
      method: 'POST',
      url: '/api/projects',
      headers: projects.headers,
      payload: { title: PROJECT, status: 'live', fields: ['smart-living'], location: { lat: 50.3615, lon: 7.5985 } },
    });
    assert.equal(project.statusCode, 201, project.body);
  });
  after(() => e.close());

  test('layer switcher, legend, list with keyboard, search and permalink', { timeout: 240_000 }, async () => {
    const context = await newContext(e);
    const page = await context.newPage();
    const foreign = watchForeignRequests(page, e.baseUrl);
    await page.goto('/');
    await page.getByRole('navigation', { name: 'Hauptnavigation' }).getByRole('link', { name: 'GeoPortal' }).click();
    await page.getByRole('heading', { level: 1, name: 'GeoPortal' }).waitFor();
    await page.locator('.maplibregl-canvas').first().waitFor();

    // Default layers: districts and car parks; the car park at 95 % is "nearly full" in words.
    assert.deepEqual(await activeLayers(page), ['stadtteile', 'parkhaeuser']);
    const carPark = page.getByRole('row').filter({ has: page.getByRole('button', { name: CAR_PARK }) });
    await carPark.getByText('fast oder ganz voll (ab 90 %)').waitFor();
    await carPark.getByText('10 von 200 Plätzen frei (95 % belegt)', { exact: false }).waitFor();
    const legend = page.getByRole('list', { name: 'Parkhäuser (Belegung)' });
    assert.equal(await legend.getByRole('listitem').count(), 4, 'four occupancy classes with words');
    for (const colorScheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme });
      for (const width of widthsFor(colorScheme)) {
        await page.setViewportSize({ width, height: 900 });
        await expectAccessible(page, `geoportal ${colorScheme} ${width}px`);
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
        assert.ok(overflow <= 0, `geoportal ${colorScheme} ${width}px scrolls sideways by ${overflow}px`);
      }
    }
    await page.emulateMedia({ colorScheme: 'light' });

    // Switching layers changes what the map and its list show.
    await page.getByRole('checkbox', { name: 'Parkhäuser (Belegung)' }).uncheck();
    await page.waitForFunction(() => document.querySelector('.geoportal')?.getAttribute('data-active-layers') === 'stadtteile');
    assert.equal(await rowsOf(page, 'parkhaeuser').count(), 0, 'no car park in the list');
    assert.ok((await rowsOf(page, 'stadtteile').count()) > 0);
    await page.getByRole('checkbox', { name: 'Smart-City-Projekte' }).check();
    await page.getByRole('button', { name: PROJECT }).waitFor();
    assert.deepEqual(await activeLayers(page), ['stadtteile', 'projekte']);
    await page.getByRole('checkbox', { name: 'Stadtteile' }).uncheck();
    await page.waitForFunction(() => document.querySelector('.geoportal')?.getAttribute('data-active-layers') === 'projekte');
    assert.equal(await rowsOf(page, 'stadtteile').count(), 0);

    // Keyboard: arrows move between rows, Enter selects; the selection and its popup follow.
    const first = page.locator('.geoportal__table tbody button[data-row]').first();
    await first.focus();
    await page.keyboard.press('End');
    const last = page.locator('.geoportal__table tbody button[data-row]').last();
    assert.equal(await last.evaluate((b) => b === document.activeElement), true, 'End goes to the last row');
    await page.keyboard.press('Home');
    assert.equal(await first.evaluate((b) => b === document.activeElement), true, 'Home goes to the first row');
    await page.getByRole('button', { name: PROJECT }).focus();
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: `Ausgewählt: ${PROJECT}` }).waitFor();
    await page.locator('.map-view__popup').getByText(PROJECT).waitFor();

    // Place search in our own data switches the car parks back on and selects the car park.
    await page.getByLabel('Ort suchen').fill(`parkhaus geo ${tag}`);
    await page.getByRole('search').getByRole('button', { name: 'Suchen' }).click();
    await page.getByRole('search').getByRole('button', { name: CAR_PARK }).click();
    await page.getByRole('heading', { name: `Ausgewählt: ${CAR_PARK}` }).waitFor();
    assert.deepEqual(await activeLayers(page), ['parkhaeuser', 'projekte']);
    assert.equal(new URL(page.url()).searchParams.get('auswahl'), `parkhaeuser:${siteId}`);

    // The permalink (and the embed code) carry the state; a new visit restores it.
    await page.waitForFunction(() => new URL(location.href).searchParams.has('zoom'));
    const permalink = await page.getByLabel('Link zu dieser Ansicht').inputValue();
    assert.equal(new URL(permalink).pathname, '/geoportal');
    assert.equal(new URL(permalink).searchParams.get('ebenen'), 'parkhaeuser,projekte');
    assert.equal(new URL(permalink).searchParams.get('auswahl'), `parkhaeuser:${siteId}`);
    const embedCode = await page.getByLabel('Einbettungscode (iframe)').inputValue();
    assert.match(embedCode, /^<iframe src="http:\/\/127\.0\.0\.1:\d+\/einbetten\/karte\?[^"]*auswahl=parkhaeuser%3A\d+/);
    const saved = new URL(permalink).searchParams;
    const again = await context.newPage();
    await again.goto(permalink);
    await again.getByRole('heading', { name: `Ausgewählt: ${CAR_PARK}` }).waitFor();
    assert.deepEqual(await activeLayers(again), ['parkhaeuser', 'projekte']);
    assert.equal(await again.getByRole('checkbox', { name: 'Stadtteile' }).isChecked(), false);
    assert.equal(await again.getByRole('checkbox', { name: 'Smart-City-Projekte' }).isChecked(), true);
    await again.locator('.maplibregl-canvas').first().waitFor();
    await again.waitForFunction(() => new URL(location.href).searchParams.has('zoom'));
    const restored = new URL(again.url()).searchParams;
    for (const key of ['lat', 'lon', 'zoom']) {
      assert.ok(
        Math.abs(Number(restored.get(key)) - Number(saved.get(key))) < 0.01,
        `${key}: ${restored.get(key)} ≈ ${saved.get(key)}`,
      );
    }

    // English.
    await again.goto(`${permalink}&lang=en`);
    await again.getByRole('heading', { name: `Selected: ${CAR_PARK}` }).waitFor();
    await expectAccessible(again, 'geoportal en');
    assert.deepEqual(foreign, []);
    await context.close();
  });

  test('the embed URL renders the map without header, footer or login, and may be framed', { timeout: 120_000 }, async () => {
    const context = await newContext(e, { width: 390 });
    const page = await context.newPage();
    const response = await page.goto(`/einbetten/karte?ebenen=parkhaeuser&auswahl=parkhaeuser:${siteId}`);
    assert.match(response?.headers()['content-security-policy'] ?? '', /frame-ancestors \*/);
    await page.getByRole('heading', { level: 1, name: 'Karte Koblenz' }).waitFor();
    await page.getByRole('heading', { name: `Ausgewählt: ${CAR_PARK}` }).waitFor();
    await page.getByText('Liste der Objekte im Kartenausschnitt', { exact: false }).click();
    await page.getByRole('button', { name: CAR_PARK }).waitFor();
    assert.equal(await page.getByRole('banner').count(), 0, 'no site header');
    assert.equal(await page.getByRole('contentinfo').count(), 0, 'no site footer');
    const full = await page.getByRole('link', { name: 'Im GeoPortal öffnen (neues Fenster)' }).getAttribute('href');
    assert.match(full ?? '', /^\/geoportal\?ebenen=parkhaeuser&/);
    await expectAccessible(page, 'embedded map 390px');
    await context.close();
  });
});
