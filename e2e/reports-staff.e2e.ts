/**
 * The Schadensmelder back office in a real browser. A citizen's report arrives through the public
 * API; an editor of module "reports" finds it in the inbox, opens it, sets it to "in progress" with
 * a public note, and the public report page shows the new status and the note. The inbox and the
 * report page pass axe in light and dark, at 390px and 1280px, without sideways scrolling, and no
 * request leaves the platform.
 */
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import { checkEveryView, enrolStaff, startE2E, type E2E } from './harness.js';

const run = randomBytes(3).toString('hex');
const DESCRIPTION = `Laterne ${run} an der Haltestelle ist dunkel.`;
const NOTE = `Der Bautrupp ${run} ist beauftragt.`;

describe('Schadensmelder back office in Chromium', () => {
  let e: E2E;
  let id: string;

  before(async () => {
    e = await startE2E();
    const filed = await e.t.app.inject({
      method: 'POST',
      url: '/api/reports/requests',
      payload: { service_code: 'strassenbeleuchtung', lat: 50.3601, long: 7.594, description: DESCRIPTION },
    });
    assert.equal(filed.statusCode, 201, filed.body);
    id = filed.json<{ id: string }>().id;
  });
  after(async () => {
    await e.close();
  });

  test(
    'an editor of reports sets a report to "in progress" with a public note; the public page shows both',
    { timeout: 300_000 },
    async () => {
      const { context, page, foreign } = await enrolStaff(e, {
        role: 'editor',
        displayName: 'Rita Meldung',
        modules: ['reports'],
      });

      await page.getByRole('main').getByRole('link', { name: 'Schadensmelder', exact: true }).click();
      await page.getByRole('heading', { name: 'Schadensmelder bearbeiten', level: 1 }).waitFor();
      await page.getByLabel('Suchtext (optional)').fill(run);
      const row = page.getByRole('row').filter({ has: page.getByRole('rowheader', { name: id }) });
      await row.getByText('neu').waitFor();
      await checkEveryView(page, 'inbox');

      await row.getByRole('link', { name: `Meldung ${id} öffnen` }).click();
      await page.getByRole('heading', { name: new RegExp(`^Meldung ${id}: `), level: 1 }).waitFor();
      await page.getByText(DESCRIPTION).waitFor();
      await page.getByLabel('Neuer Status').selectOption('in_progress');
      await page.getByLabel('Öffentliche Notiz (optional)').fill(NOTE);
      await page.getByLabel('Interne Notiz (optional)').fill('Nur für uns.');
      await page.getByRole('button', { name: 'Status speichern' }).click();
      await page.getByRole('status').filter({ hasText: 'Status gespeichert.' }).waitFor();
      const history = page.getByRole('region', { name: 'Verlauf' });
      await history.getByText(NOTE).waitFor();
      await history.getByText('Nur für uns.').waitFor();

      await checkEveryView(page, 'report');

      await page.getByRole('link', { name: 'Öffentliche Seite der Meldung' }).click();
      // The staff page has the same heading and note: first wait until the public page is open.
      await page.waitForURL((url) => url.pathname === `/schadensmelder/${id}`);
      await page.getByRole('heading', { name: new RegExp(`Meldung ${id}`), level: 1 }).waitFor();
      await page.getByText(NOTE).waitFor();
      await page.waitForFunction(
        () => document.querySelector('main')?.textContent?.includes('in Bearbeitung') ?? false,
        undefined,
        { timeout: 15_000 },
      );
      assert.equal(await page.getByText('Nur für uns.').count(), 0, 'the internal note stays internal');
      assert.deepEqual(foreign, [], 'no request to any host but the platform');
      await context.close();
    },
  );
});
