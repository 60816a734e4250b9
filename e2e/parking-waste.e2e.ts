/**
 * The parking and waste back office in a real browser. An editor of module "parking" adds a ParkAPI
 * v3 source that points to a small HTTP server of this test, polls it and finds the imported car
 * park with its free spaces in the car park table; when the server answers 503, the next poll shows
 * the error. Every back-office page of both modules passes axe in light and dark, at 390px and
 * 1280px, without sideways scrolling.
 */
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import { DEMO_SEEDS } from '../src/app.js';
import { runSeeds } from '../src/platform/db/seeds.js';
import { enrolStaff, expectAccessible, startE2E, type E2E, widthsFor } from './harness.js';

const run = randomBytes(3).toString('hex');
const SITE = `Parkhaus Teststraße ${run}`;
const SOURCE = `Testquelle ${run}`;

/** A ParkAPI v3 server: one car park with 123 free of 200, one whose count exceeds its capacity; or 503. */
function startParkApi(e: E2E, state: { down: boolean }): Promise<{ server: http.Server; url: string }> {
  const server = http.createServer((_req, res) => {
    if (state.down) {
      res.writeHead(503, { 'content-type': 'text/plain' }).end('maintenance');
      return;
    }
    const at = new Date(e.t.clock.now().getTime() - 60_000).toISOString();
    const site = {
      type: 'CAR_PARK',
      purpose: 'CAR',
      has_realtime_data: true,
      realtime_opening_status: 'OPEN',
      realtime_data_updated_at: at,
    };
    const items = [
      {
        ...site,
        id: 1,
        original_uid: 'teststrasse',
        name: SITE,
        lat: '50.3601',
        lon: '7.5940',
        capacity: 200,
        realtime_free_capacity: 123,
      },
      {
        ...site,
        id: 2,
        original_uid: 'zu-voll',
        name: `Zu voll ${run}`,
        lat: '50.3610',
        lon: '7.5950',
        capacity: 100,
        realtime_free_capacity: 500,
      },
    ];
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ items, total_count: items.length }));
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () =>
      resolve({ server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/parkapi/v3/parking-sites` }),
    ),
  );
}

async function noSidewaysScroll(page: Page, label: string) {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(overflow <= 0, `${label} scrolls sideways by ${overflow}px`);
}

describe('parking and waste back office in Chromium', () => {
  let e: E2E;
  let parkApi: { server: http.Server; url: string };
  const upstream = { down: false };

  before(async () => {
    e = await startE2E();
    await runSeeds(
      e.t.database.db,
      DEMO_SEEDS.filter((s) => s.module === 'parking' || s.module === 'waste'),
    );
    parkApi = await startParkApi(e, upstream);
  });
  after(async () => {
    parkApi.server.close();
    await e.close();
  });

  test(
    'an editor of parking adds a ParkAPI source, polls it, sees the car park, then the error of a failing poll',
    { timeout: 180_000 },
    async () => {
      const { context, page } = await enrolStaff(e, { role: 'editor', displayName: 'Paula Parken', modules: ['parking'] });

      await page.getByRole('link', { name: 'Parken', exact: true }).click();
      await page.getByRole('heading', { name: 'Parkhäuser und Parkplätze', level: 1 }).waitFor();
      await page.getByRole('link', { name: 'ParkAPI-Quellen' }).click();
      await page.getByLabel('Name', { exact: true }).fill(SOURCE);
      await page.getByLabel('Adresse (URL) der parking-sites-Liste').fill(parkApi.url);
      await page.getByLabel('Präfix für Kennungen (optional)').fill(`e2e-${run}-`);
      // Polled by hand only, so no timer poll runs at the same moment as "poll now".
      await page.getByLabel('Quelle regelmäßig abrufen').uncheck();
      await page.getByRole('button', { name: 'Quelle hinzufügen' }).click();
      await page
        .getByRole('status')
        .filter({ hasText: `Quelle „${SOURCE}“ hinzugefügt.` })
        .waitFor();

      await page.getByRole('button', { name: `Jetzt abrufen: ${SOURCE}` }).click();
      await page
        .getByRole('status')
        .filter({ hasText: `„${SOURCE}“ abgerufen: 1 angenommen, 1 abgelehnt.` })
        .waitFor();
      const row = page.getByRole('row').filter({ hasText: SOURCE });
      await row.getByRole('cell', { name: '1 angenommen, 1 abgelehnt' }).waitFor();
      await row.getByRole('cell', { name: 'in Ordnung' }).waitFor();

      await page.getByRole('link', { name: 'Parkhäuser und Parkplätze' }).click();
      const siteRow = page.getByRole('row').filter({ has: page.getByRole('rowheader', { name: SITE }) });
      await siteRow.waitFor();
      assert.deepEqual(
        await siteRow
          .getByRole('cell')
          .allInnerTexts()
          .then((cells) => cells.slice(0, 4)),
        ['Parkhaus', '200', '123', 'geöffnet'],
      );

      await page.getByRole('link', { name: 'Abgelehnte Meldungen' }).click();
      await page
        .getByRole('row')
        .filter({ hasText: `e2e-${run}-zu-voll` })
        .waitFor();

      upstream.down = true;
      await page.getByRole('link', { name: 'ParkAPI-Quellen' }).click();
      await page.getByRole('button', { name: `Jetzt abrufen: ${SOURCE}` }).click();
      await page
        .getByRole('alert')
        .filter({ hasText: `Abruf von „${SOURCE}“ fehlgeschlagen: HTTP 503` })
        .waitFor();
      await row.getByRole('cell', { name: 'Fehler' }).waitFor();
      await row.getByRole('cell', { name: /HTTP 503 Service Unavailable/ }).waitFor();
      await context.close();
    },
  );

  test('an editor without the module sees parking read-only and cannot change a source', { timeout: 120_000 }, async () => {
    const { context, page } = await enrolStaff(e, { role: 'editor', displayName: 'Wim Abfall', modules: ['waste'] });
    await page.goto('/staff/parken/quellen');
    await page.getByText('Sie können diese Daten ansehen.').waitFor();
    await page.getByRole('row').filter({ hasText: SOURCE }).waitFor();
    assert.equal(await page.getByRole('button', { name: `Jetzt abrufen: ${SOURCE}` }).count(), 0);
    assert.equal(await page.getByRole('button', { name: 'Quelle hinzufügen' }).count(), 0);
    await page.goto('/staff/abfall/regeln');
    await page.getByRole('button', { name: 'Speichern' }).waitFor();
    await context.close();
  });

  test('every parking and waste back-office page passes axe (light at 390px, dark at 1280px)', { timeout: 600_000 }, async () => {
    const { context, page, foreign } = await enrolStaff(e);
    const sites = (await (await page.request.get('/api/parking/sites')).json()) as { items: { id: number }[] };
    const containers = (await (await page.request.get('/api/waste/containers')).json()) as { items: { id: number }[] };
    const pages = [
      '/staff/parken',
      '/staff/parken/neu',
      `/staff/parken/${sites.items[0]!.id}`,
      '/staff/parken/quellen',
      '/staff/parken/abgelehnt',
      '/staff/abfall?kind=glass',
      '/staff/abfall/neu',
      `/staff/abfall/${containers.items[0]!.id}`,
      '/staff/abfall/regeln',
      '/staff/abfall/leerung',
      '/staff/abfall/abgelehnt',
    ];
    for (const colorScheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme });
      for (const width of widthsFor(colorScheme)) {
        await page.setViewportSize({ width, height: 900 });
        for (const path of pages) {
          const label = `${path} ${colorScheme} ${width}px`;
          await page.goto(path);
          await page.getByRole('heading', { level: 1 }).first().waitFor();
          // Every page ends in a table, a form or the sentence that says the list is empty.
          await page.locator('main table, main form, main p').first().waitFor();
          await expectAccessible(page, label);
          await noSidewaysScroll(page, label);
        }
      }
    }
    assert.deepEqual(foreign, [], 'no request to any host but the platform');
    await context.close();
  });
});
