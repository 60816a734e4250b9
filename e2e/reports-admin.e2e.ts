/**
 * Schadensmelder administration in a real browser. An administrator renames a category and the
 * public report form offers the new name (and the English name on the English form); looks at the
 * offices; and blacks out a part of a report photo by typing a rectangle in percent (plus one drawn
 * with the mouse), after which the stored photo is black there. The category and office pages and
 * the black-out editor pass axe in light and dark without sideways scrolling.
 */
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import jpeg from 'jpeg-js';
import { sql } from 'kysely';
import { multipart } from '../src/testing/uploads.js';
import { checkEveryView, enrolStaff, startE2E, type E2E } from './harness.js';

const run = randomBytes(3).toString('hex');
const NEW_NAME = `Stadtmöbel ${run}`;
const W = 400;
const H = 300;

function redJpeg(): Buffer {
  const data = Buffer.alloc(W * H * 4);
  for (let i = 0; i < W * H; i++) data.set([200, 30, 30, 255], i * 4);
  return jpeg.encode({ width: W, height: H, data }, 90).data;
}

describe('Schadensmelder administration in Chromium', () => {
  let e: E2E;
  let id: string;

  before(async () => {
    e = await startE2E();
    const m = multipart(
      { service_code: 'stadtmobiliar', lat: '50.3601', long: '7.594', description: `Bank ${run} mit Kennzeichen dahinter` },
      [{ name: 'media', filename: 'bank.jpg', type: 'image/jpeg', data: redJpeg() }],
    );
    const filed = await e.t.app.inject({ method: 'POST', url: '/api/reports/requests', ...m });
    assert.equal(filed.statusCode, 201, filed.body);
    id = filed.json<{ id: string }>().id;
  });
  after(async () => {
    // Other browser tests share the database and expect the shipped name.
    await sql`update reports_categories set name = 'Stadtmobiliar' where code = 'stadtmobiliar'`.execute(e.t.database.db);
    await e.close();
  });

  test(
    'an admin renames a category, sees it on the report form, and blacks out part of a photo',
    { timeout: 300_000 },
    async () => {
      const { context, page, foreign } = await enrolStaff(e, { role: 'admin', displayName: 'Anna Verwaltung' });

      // Categories: list, edit form, rename.
      await page.goto('/staff/schadensmelder/kategorien');
      await page.getByRole('heading', { name: 'Kategorien', level: 1 }).waitFor();
      await page.getByRole('rowheader', { name: 'Stadtmobiliar' }).waitFor();
      await checkEveryView(page, 'categories');
      await page.getByRole('link', { name: 'Stadtmobiliar', exact: true }).click();
      await page.getByRole('heading', { name: 'Kategorie bearbeiten: Stadtmobiliar', level: 1 }).waitFor();
      assert.equal(await page.getByLabel('Name (englisch)').inputValue(), 'Street furniture');
      await page
        .getByRole('table', { name: 'Abweichende Dienststellen je Stadtteil' })
        .or(page.getByText('Alle Stadtteile gehen an die Dienststelle der Kategorie.'))
        .waitFor();
      await checkEveryView(page, 'category form');
      await page.getByLabel('Name (deutsch)').fill(NEW_NAME);
      await page.getByRole('button', { name: 'Speichern', exact: true }).click();
      await page.getByRole('status').filter({ hasText: 'Gespeichert.' }).waitFor();
      await page.getByRole('heading', { name: `Kategorie bearbeiten: ${NEW_NAME}`, level: 1 }).waitFor();

      // Offices: list and edit form.
      await page
        .getByRole('navigation', { name: 'Schadensmelder bearbeiten' })
        .getByRole('link', { name: 'Dienststellen' })
        .click();
      await page.getByRole('heading', { name: 'Dienststellen', level: 1 }).waitFor();
      await page.getByRole('rowheader', { name: 'Tiefbauamt' }).waitFor();
      await checkEveryView(page, 'offices');
      await page.getByRole('link', { name: 'Tiefbauamt', exact: true }).click();
      await page.getByRole('heading', { name: 'Dienststelle bearbeiten: Tiefbauamt', level: 1 }).waitFor();
      await checkEveryView(page, 'office form');

      // Black-out: one rectangle typed in percent (keyboard), one drawn with the mouse.
      await page.goto(`/staff/schadensmelder/${id}`);
      await page.getByRole('button', { name: 'Teile von Foto 1 schwärzen' }).click();
      const editor = page.getByRole('region', { name: 'Teile von Foto 1 schwärzen' });
      await editor.getByRole('heading', { name: 'Teile von Foto 1 schwärzen' }).waitFor();
      await editor.getByLabel('Abstand von links (%)').fill('50');
      await editor.getByLabel('Abstand von oben (%)').fill('50');
      await editor.getByLabel('Breite (%)').fill('50');
      // Height still empty: refused with a message at the inputs.
      await editor.getByRole('button', { name: 'Rechteck hinzufügen' }).click();
      await editor.getByText(/^Bitte vier Zahlen von 0 bis 100 eingeben/).waitFor();
      await editor.getByLabel('Höhe (%)').fill('50');
      await editor.getByRole('button', { name: 'Rechteck hinzufügen' }).focus();
      await page.keyboard.press('Enter');
      await editor.getByText('Bereich 1: 50 % von links, 50 % von oben, 50 % breit, 50 % hoch').waitFor();
      const photo = editor.getByRole('img');
      await photo.evaluate((img: HTMLImageElement) => img.decode());
      await photo.scrollIntoViewIfNeeded();
      const box = (await photo.boundingBox())!;
      await page.mouse.move(box.x + box.width * 0.1, box.y + box.height * 0.1);
      await page.mouse.down();
      await page.mouse.move(box.x + box.width * 0.2, box.y + box.height * 0.2, { steps: 4 });
      await page.mouse.move(box.x + box.width * 0.3, box.y + box.height * 0.3, { steps: 4 });
      await page.mouse.up();
      await editor.getByText(/^Bereich 2: /).waitFor();
      await checkEveryView(page, 'black-out editor');
      await editor.getByRole('button', { name: 'Schwärzung von Foto 1 speichern' }).click();
      await page.getByRole('status').filter({ hasText: 'Foto 1 geschwärzt gespeichert.' }).waitFor();
      await page.getByText(/^Foto 1: nicht freigegeben, geschwärzt$/).waitFor();

      const detail = (await (await page.request.get(`/api/reports/requests/${id}`)).json()) as { photos: { id: number }[] };
      const stored = jpeg.decode(await (await page.request.get(`/api/reports/photos/${detail.photos[0]!.id}`)).body(), {
        useTArray: true,
      });
      const rgb = (fx: number, fy: number) => [
        ...stored.data.subarray(
          (Math.floor(fy * H) * W + Math.floor(fx * W)) * 4,
          (Math.floor(fy * H) * W + Math.floor(fx * W)) * 4 + 3,
        ),
      ];
      const black = (c: number[]) => c.every((v) => v < 24);
      assert.ok(black(rgb(0.75, 0.75)) && black(rgb(0.55, 0.95)), 'the typed rectangle is black');
      assert.ok(black(rgb(0.2, 0.2)), 'the drawn rectangle is black');
      assert.ok(!black(rgb(0.4, 0.1)) && !black(rgb(0.05, 0.9)), 'the rest is untouched');

      // The public form offers the new name, and the English form the English one.
      await page.goto('/schadensmelder/melden');
      await page.locator('option', { hasText: NEW_NAME }).waitFor({ state: 'attached' });
      await page.goto('/schadensmelder/melden?lang=en');
      await page.locator('option', { hasText: 'Street furniture' }).waitFor({ state: 'attached' });
      assert.equal(await page.locator('option', { hasText: NEW_NAME }).count(), 0, 'English pages show the English name');
      assert.deepEqual(foreign, [], 'no request to any host but the platform');
      await context.close();
    },
  );
});
