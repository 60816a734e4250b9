/**
 * Schadensmelder in a real browser: a citizen on a phone files a report with the keyboard only
 * (pin dropped on the map with Enter at the cross-hair after panning with the arrow keys, category,
 * description, a JPEG made here), is offered a nearby report of the same category, sees the
 * confirmation, then finds the report in the public table and on its own page. The device location
 * works and its refusal is explained. Every page passes axe in German and English, light and dark,
 * at 390 and 1280 px, without sideways scrolling; no request leaves the platform.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import jpeg from 'jpeg-js';
import type { FileChooser, Locator, Page } from 'playwright-core';
import { axeViolations, newContext, startE2E, watchForeignRequests, type E2E, widthsFor } from './harness.js';

/** A small real JPEG: a 48×32 gradient. */
function smallJpeg(): Buffer {
  const width = 48;
  const height = 32;
  const data = Buffer.alloc(width * height * 4);
  for (let i = 0; i < width * height; i++) data.set([(i % width) * 5, Math.floor(i / width) * 8, 120, 255], i * 4);
  return jpeg.encode({ data, width, height }, 85).data;
}

async function expectAccessible(page: Page, label: string) {
  await page.waitForLoadState('networkidle');
  const violations = await axeViolations(page);
  assert.deepEqual(violations, [], `${label}: ${violations.join('\n')}`);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(overflow <= 0, `${label} scrolls sideways by ${overflow}px`);
}

/** Presses Tab until `target` has focus; remembers every element passed on the way. */
async function tabTo(page: Page, target: Locator, passed: string[], max = 60): Promise<void> {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    passed.push(await page.evaluate(() => `${document.activeElement?.tagName ?? ''}#${document.activeElement?.id ?? ''}`));
    if (await target.evaluate((el) => el === document.activeElement)) return;
  }
  assert.fail(`Tab never reached ${target.toString()}`);
}

/**
 * Opens a file input's chooser with Space, as a keyboard user does. Playwright turns on catching the
 * chooser only once something waits for it, asynchronously; a press that comes first opens a dialog
 * nobody sees. So a press that opened nothing is repeated on the same, still focused input.
 */
async function chooseByKeyboard(page: Page, input: Locator): Promise<FileChooser> {
  for (let attempt = 1; ; attempt++) {
    const chooser = page.waitForEvent('filechooser', { timeout: 5_000 });
    await page.keyboard.press('Space');
    try {
      return await chooser;
    } catch (error) {
      if (attempt === 3) throw error;
      assert.ok(await input.evaluate((el) => el === document.activeElement), 'the file input kept the focus');
    }
  }
}

describe('Schadensmelder in Chromium', () => {
  let e: E2E;
  let reportId = '';
  before(async () => {
    e = await startE2E();
  });
  after(() => e.close());

  test(
    'a citizen reports by keyboard on a phone and finds the report in the list and on its page',
    { timeout: 300_000 },
    async () => {
      const context = await newContext(e, { width: 390 });
      const page = await context.newPage();
      const foreign = watchForeignRequests(page, e.baseUrl);
      const passed: string[] = [];

      await page.goto('/schadensmelder/melden');
      await page.getByRole('heading', { name: 'Schaden melden', level: 1 }).waitFor();
      const map = page.getByRole('region', { name: 'Karte: Ort des Schadens wählen' });
      await map.waitFor();
      await expectAccessible(page, 'form (empty)');

      // Map by keyboard: Enter drops the pin at the cross-hair; the arrow keys move the map.
      const lat = page.getByLabel('Breitengrad (optional)');
      await tabTo(page, map, passed);
      await page.keyboard.press('Enter');
      await page.waitForFunction(() => (document.getElementById('report-lat') as HTMLInputElement | null)?.value !== '');
      const firstLat = Number(await lat.inputValue());
      await page.keyboard.press('ArrowUp');
      await page.keyboard.press('ArrowUp');
      await page.waitForTimeout(800); // the pan eases for 300 ms per key
      await page.keyboard.press('Enter');
      await page.waitForFunction(
        (before) => Number((document.getElementById('report-lat') as HTMLInputElement).value) > before,
        firstLat,
      );
      await page.keyboard.press('ArrowDown');
      await page.keyboard.press('ArrowDown');
      await page.waitForTimeout(800);
      await page.keyboard.press('Enter');
      await page.waitForFunction(
        (before) => Math.abs(Number((document.getElementById('report-lat') as HTMLInputElement).value) - before) < 0.0005,
        firstLat,
      );
      const pin = {
        lat: Number(await lat.inputValue()),
        long: Number(await page.getByLabel('Längengrad (optional)').inputValue()),
      };
      assert.ok(
        pin.lat > 50.28 && pin.lat < 50.42 && pin.long > 7.5 && pin.long < 7.7,
        `pin ${JSON.stringify(pin)} lies in Koblenz`,
      );

      // Someone reported the same kind of problem right there already.
      const existing = await e.t.app.inject({
        method: 'POST',
        url: '/api/reports/requests',
        payload: {
          service_code: 'strassenbeleuchtung',
          lat: pin.lat + 0.0003,
          long: pin.long,
          description: 'Laterne flackert seit Tagen.',
        },
      });
      assert.equal(existing.statusCode, 201, existing.body);
      const existingId = existing.json<{ id: string }>().id;

      const description = page.getByLabel('Beschreibung', { exact: true });
      await tabTo(page, description, passed);
      await page.keyboard.type('Die Straßenlaterne vor dem Haus ist seit gestern Abend dunkel.');
      const category = page.getByLabel('Kategorie', { exact: true });
      await tabTo(page, category, passed);
      // A closed select changes its value with the arrow keys, as on every desktop browser.
      for (let i = 0; i < 20 && (await category.inputValue()) !== 'strassenbeleuchtung'; i++)
        await page.keyboard.press('ArrowDown');
      assert.equal(await category.inputValue(), 'strassenbeleuchtung');

      // Before sending, the nearby open report of this category is offered for support.
      await page.getByRole('button', { name: `Meldung ${existingId} unterstützen statt neu melden` }).waitFor();

      const photos = page.getByLabel('Fotos (optional, bis zu drei)');
      await tabTo(page, photos, passed);
      await (await chooseByKeyboard(page, photos)).setFiles({ name: 'laterne.jpg', mimeType: 'image/jpeg', buffer: smallJpeg() });
      await page.getByRole('img', { name: 'Vorschau: laterne.jpg' }).waitFor();
      await expectAccessible(page, 'form (filled)');

      const send = page.getByRole('button', { name: 'Meldung absenden' });
      await tabTo(page, send, passed);
      assert.ok(!passed.includes('INPUT#report-website'), 'the honeypot is never reached with Tab');
      await page.keyboard.press('Enter');

      const done = page.getByRole('heading', { name: 'Danke! Ihre Meldung ist eingegangen.' });
      await done.waitFor();
      assert.ok(await done.evaluate((el) => el === document.activeElement), 'the confirmation takes the focus');
      reportId = /Nummer (\d+)/.exec(await page.getByText(/Ihre Meldung hat die Nummer/).innerText())?.[1] ?? '';
      assert.match(reportId, /^\d+$/);
      await expectAccessible(page, 'confirmation');

      // The public table lists it; its link leads to its own page.
      await page.goto('/schadensmelder?kategorie=strassenbeleuchtung');
      const row = page.getByRole('link', { name: reportId, exact: true });
      await row.waitFor();
      await row.focus();
      await page.keyboard.press('Enter');
      await page.getByRole('heading', { name: `Meldung ${reportId}: Straßenbeleuchtung`, level: 1 }).waitFor();
      await page.getByText('Die Straßenlaterne vor dem Haus ist seit gestern Abend dunkel.').waitFor();
      // Photos are public only after staff released them.
      await page.getByText(/Keine veröffentlichten Fotos/).waitFor();
      await page.getByRole('region', { name: `Ort der Meldung ${reportId}` }).waitFor();

      assert.deepEqual(foreign, [], 'no request to any host but the platform');
      await context.close();
    },
  );

  test('the device location fills in the place; a refusal is explained', { timeout: 120_000 }, async () => {
    const context = await newContext(e, { width: 390 });
    await context.grantPermissions(['geolocation'], { origin: e.baseUrl });
    await context.setGeolocation({ latitude: 50.36, longitude: 7.6, accuracy: 12 });
    const page = await context.newPage();
    await page.goto('/schadensmelder/melden?lang=en');
    await page.getByRole('button', { name: 'Use my location' }).click();
    await page.getByText('Your location has been taken (accurate to about 12 m).').waitFor();
    assert.equal(await page.getByLabel('Latitude (optional)').inputValue(), '50.36');
    assert.equal(await page.getByLabel('Longitude (optional)').inputValue(), '7.6');
    await context.clearPermissions();
    await page.getByRole('button', { name: 'Use my location' }).click();
    await page.getByText(/You did not allow access to your location/).waitFor();

    // Sending without a place names the missing field.
    await page.getByRole('button', { name: 'Remove the marker' }).click();
    await page.getByRole('button', { name: 'Send report' }).click();
    await page.getByText('Please set a point on the map, use your location or enter an address.').waitFor();
    assert.equal(await page.getByLabel('Latitude (optional)').getAttribute('aria-invalid'), 'true');
    await context.close();
  });

  for (const colorScheme of ['light', 'dark'] as const) {
    for (const lang of ['de', 'en']) {
      test(
        `Schadensmelder pages are accessible (${lang}, ${colorScheme}, ${widthsFor(colorScheme).join(' and ')} px)`,
        { timeout: 300_000 },
        async () => {
          assert.ok(reportId, 'the first test filed a report');
          for (const width of widthsFor(colorScheme)) {
            const context = await newContext(e, { colorScheme, width });
            const page = await context.newPage();
            const foreign = watchForeignRequests(page, e.baseUrl);
            for (const path of ['/schadensmelder', '/schadensmelder/melden', `/schadensmelder/${reportId}`]) {
              await page.goto(`${path}?lang=${lang}`);
              await page.getByRole('heading', { level: 1 }).first().waitFor();
              await page.locator('.maplibregl-canvas').first().waitFor();
              assert.equal(await page.getAttribute('html', 'lang'), lang);
              await expectAccessible(page, `${path} ${lang} ${colorScheme} ${width}px`);
            }
            assert.deepEqual(foreign, []);
            await context.close();
          }
        },
      );
    }
  }
});
