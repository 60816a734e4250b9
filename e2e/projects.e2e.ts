/**
 * The Smart City project pages in a real browser: portfolio, a project page, the timeline, "what
 * changed since", Digitalbeirat and Digitalisierungsbüro pass axe in German and English, light and
 * dark, at 390px and 1280px, without sideways scrolling. An editor of module "projects" creates a
 * project in the back office, changes its status, and the change appears in the public "changed
 * since" view; the committee report is generated and offered for download.
 */
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import { DEMO_SEEDS } from '../src/app.js';
import { runSeeds } from '../src/platform/db/seeds.js';
import { enrolStaff, expectAccessible, newContext, startE2E, watchForeignRequests, type E2E, widthsFor } from './harness.js';

const PUBLIC_PAGES = [
  '/projekte',
  '/projekte/glasfaserausbau-22-stadtteile',
  '/projekte/koblenz-app',
  '/projekte/zeitleiste',
  '/projekte/aenderungen?seit=2020-01-01',
  '/digitalbeirat',
  '/digitalisierungsbuero',
];

async function checkPage(page: Page, label: string) {
  await page.getByRole('heading', { level: 1 }).first().waitFor();
  await expectAccessible(page, label);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(overflow <= 0, `${label} scrolls sideways by ${overflow}px`);
}

/** Today in Koblenz as YYYY-MM-DD, as the "changed since" input expects it. */
const today = () => new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Berlin' }).format(new Date());

describe('project pages in Chromium', () => {
  let e: E2E;
  before(async () => {
    e = await startE2E();
    await runSeeds(
      e.t.database.db,
      DEMO_SEEDS.filter((s) => s.module === 'catalog' || s.module === 'projects'),
    );
  });
  after(() => e.close());

  for (const colorScheme of ['light', 'dark'] as const) {
    for (const lang of ['de', 'en']) {
      test(
        `public project pages are accessible (${lang}, ${colorScheme}, ${colorScheme === 'light' ? 'phone' : 'desktop'})`,
        { timeout: 400_000 },
        async () => {
          for (const width of widthsFor(colorScheme)) {
            const context = await newContext(e, { colorScheme, width });
            const page = await context.newPage();
            const foreign = watchForeignRequests(page, e.baseUrl);
            for (const path of PUBLIC_PAGES) {
              await page.goto(`${path}${path.includes('?') ? '&' : '?'}lang=${lang}`);
              await page.waitForLoadState('networkidle');
              assert.equal(await page.getAttribute('html', 'lang'), lang);
              await checkPage(page, `${path} ${lang} ${colorScheme} ${width}px`);
            }
            assert.deepEqual(foreign, [], 'no request to any host but the platform');
            await context.close();
          }
        },
      );
    }
  }

  test(
    'the portfolio filters by status and text; the project page shows features and district progress',
    { timeout: 120_000 },
    async () => {
      const context = await newContext(e);
      const page = await context.newPage();
      await page.goto('/projekte');
      await page.getByRole('link', { name: 'Glasfaserausbau 22 Stadtteile' }).waitFor();
      // The checkbox reflects the address, which the router updates in a transition: click, then wait for it.
      await page.getByRole('checkbox', { name: 'in Entwicklung' }).click();
      await page.waitForURL(/stand=in_development/);
      await page.getByRole('checkbox', { name: 'in Entwicklung', checked: true }).waitFor();
      await page.getByRole('link', { name: 'Weiterentwicklung Koblenz App' }).waitFor();
      await page.getByLabel('Suche in Titel und Beschreibung').fill('Koblenz App');
      await page.getByRole('button', { name: 'Suchen' }).click();
      await page.getByRole('heading', { name: '1 Projekt', level: 2 }).waitFor();

      await page.goto('/projekte/koblenz-app');
      const features = page
        .getByRole('region', { name: 'Funktionen' })
        .or(page.locator('section', { has: page.getByRole('heading', { name: 'Funktionen' }) }));
      await features.getByText('Kooperation Rhein-Zeitung').waitFor();
      await page.goto('/projekte/glasfaserausbau-22-stadtteile');
      const table = page.getByRole('table').filter({ has: page.getByRole('columnheader', { name: 'Haushalte angeschlossen' }) });
      await table.locator('tbody tr').nth(21).waitFor();
      assert.equal(await table.locator('tbody tr').count(), 22);
      await context.close();
    },
  );

  test('an editor changes a status in the back office and it appears under "what changed"', { timeout: 400_000 }, async () => {
    const { context, page } = await enrolStaff(e, { role: 'editor', displayName: 'Paula Projekte', modules: ['projects'] });

    await page.getByRole('link', { name: 'Smart-City-Projekte' }).last().click();
    await page.getByRole('heading', { name: 'Smart-City-Projekte bearbeiten', level: 1 }).waitFor();
    await expectAccessible(page, 'projects back office');

    const title = `Sensorik Deutsches Eck ${randomBytes(3).toString('hex')}`;
    await page.getByRole('link', { name: 'Neues Projekt' }).click();
    await page.getByLabel('Titel', { exact: true }).fill(title);
    await page.getByRole('button', { name: 'Projekt anlegen' }).click();
    // No field of action chosen: the server's error is shown beside the checkboxes.
    await page
      .getByText(/field of action|Handlungsfeld/i)
      .first()
      .waitFor();
    await page.getByRole('checkbox', { name: 'Smart Living' }).check();
    await page.getByRole('button', { name: 'Zeile hinzufügen: Funktion' }).click();
    await page.getByLabel('Bezeichnung').first().fill('Pegelsensor');
    await page.getByRole('button', { name: 'Projekt anlegen' }).click();
    await page.waitForURL(/\/staff\/projekte\/\d+$/);
    await page.getByRole('status').filter({ hasText: 'Gespeichert.' }).waitFor();
    await expectAccessible(page, 'project edit page');

    await page.getByRole('group', { name: 'Grunddaten' }).getByLabel('Stand', { exact: true }).selectOption('in_development');
    await page.getByRole('button', { name: 'Speichern', exact: true }).click();
    await page.getByRole('status').filter({ hasText: 'Gespeichert.' }).waitFor();

    await page.goto(`/projekte/aenderungen?seit=${today()}`);
    const entry = page.getByRole('listitem').filter({ hasText: title }).filter({ hasText: 'Stand: geplant → in Entwicklung' });
    await entry.waitFor();
    await expectAccessible(page, 'changed since, after the edit');

    for (const colorScheme of ['light', 'dark'] as const) {
      for (const width of widthsFor(colorScheme)) {
        await page.setViewportSize({ width, height: 900 });
        await page.emulateMedia({ colorScheme });
        await page.goto('/staff/projekte');
        await checkPage(page, `back office ${colorScheme} ${width}px`);
      }
    }

    await page.getByLabel('Sitzungsdatum', { exact: true }).fill(today());
    await page.getByRole('button', { name: 'Bericht erzeugen' }).click();
    await page.getByRole('status').filter({ hasText: 'Bericht für den' }).waitFor({ timeout: 120_000 });
    const docx = page.getByRole('link', { name: /^DOCX vom/ }).first();
    await docx.waitFor();
    const res = await fetch(`${e.baseUrl}${await docx.getAttribute('href')}`);
    assert.equal(res.status, 200);
    assert.match(res.headers.get('content-type') ?? '', /wordprocessingml/);
    await context.close();
  });
});
