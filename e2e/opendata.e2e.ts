/**
 * The open-data portal in a real browser. Public: search and facet filters change the result list
 * and show counts; a dataset page shows the preview table, a counted download link that answers
 * with CSV and the curl example; both pages pass axe in light and dark, German and English, at 390px
 * and 1280px, without sideways scrolling and without a request to another host. Staff: an editor of
 * module "opendata" sees server field errors beside the inputs of the external-dataset form, uploads
 * a small CSV through it and finds the new dataset with its preview in the public catalog; the
 * governance, form, dataset list and dataset edit pages pass axe too. Then the editor finds that
 * dataset in the staff list, changes its title and data steward (the title shows on its public page),
 * and deletes it after the confirmation step (gone from the public catalog).
 */
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import { enrolStaff, expectAccessible, newContext, startE2E, watchForeignRequests, type E2E, widthsFor } from './harness.js';

const DATASETS = '/staff/opendata/datensaetze';

interface ApiDataset {
  slug: string;
  title: { de: string };
  distributions: { key: string; format: string }[];
}

/** The count in the live region ("37 Datensätze") once the list has loaded. */
async function resultCount(page: Page): Promise<number> {
  const status = page.locator('.opendata__count');
  await status.filter({ hasText: /\d/ }).waitFor();
  return Number(/(\d+)/.exec(await status.innerText())![1]);
}

async function noSidewaysScroll(page: Page, label: string): Promise<void> {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(overflow <= 0, `${label} scrolls sideways by ${overflow}px`);
}

describe('open-data portal in Chromium', () => {
  let e: E2E;
  let spatial: ApiDataset;
  const tag = randomBytes(3).toString('hex');
  const slug = `e2e-baumkataster-${tag}`;
  const title = `Baumkataster Ehrenbreitstein ${tag}`;

  before(async () => {
    e = await startE2E();
    const items = ((await (await fetch(`${e.baseUrl}/api/opendata/datasets`)).json()) as { items: ApiDataset[] }).items;
    // A platform dataset with rows in its own CSV and GeoJSON exports (in this fresh app: the
    // districts): preview table, map and the table beside it.
    const candidates = items.filter(
      (d) => d.distributions.some((x) => x.key === 'data-csv') && d.distributions.some((x) => x.key === 'data-geojson'),
    );
    let found: ApiDataset | undefined;
    for (const d of candidates) {
      const csv = await (await fetch(`${e.baseUrl}/api/opendata/datasets/${d.slug}/data.csv`)).text();
      if (csv.trim().split('\n').length > 2) {
        found = d;
        break;
      }
    }
    assert.ok(found, 'a platform dataset with rows in CSV and GeoJSON exists');
    spatial = found;
  });
  after(() => e.close());

  test('search and facets change the results and show counts', { timeout: 180_000 }, async () => {
    const context = await newContext(e);
    const page = await context.newPage();
    const foreign = watchForeignRequests(page, e.baseUrl);
    await page.goto('/opendata?lang=de');
    await page.getByRole('heading', { level: 1, name: 'Offene Daten' }).waitFor();
    const all = await resultCount(page);
    assert.ok(all >= 5, `the platform publishes its products (${all})`);

    // Facet options carry their counts; choosing one narrows the list to exactly that count.
    const format = page.getByLabel('Format', { exact: true });
    const option = format.locator('option', { hasText: /^GEOJSON \(\d+\)$/ });
    const expected = Number(/\((\d+)\)/.exec(await option.innerText())![1]);
    assert.ok(expected > 0 && expected < all, `GeoJSON is a subset (${expected} of ${all})`);
    await format.selectOption('GEOJSON');
    await page.waitForURL(/res_format=GEOJSON/);
    await page.locator('.opendata__count', { hasText: new RegExp(`^${expected} `) }).waitFor();
    assert.equal(await page.locator('.opendata__list > li').count(), expected);

    // Free text on top of the facet: only the dataset searched for.
    await page.getByLabel('Suche', { exact: true }).fill(spatial.title.de);
    await page.getByRole('button', { name: 'Suchen', exact: true }).click();
    await page.waitForURL(/q=/);
    await page.getByRole('link', { name: spatial.title.de, exact: true }).waitFor();
    const narrowed = await resultCount(page);
    assert.ok(narrowed >= 1 && narrowed <= expected, `search narrows the list (${narrowed})`);

    await page.getByRole('button', { name: 'Filter zurücksetzen' }).click();
    await page.locator('.opendata__count', { hasText: new RegExp(`^${all} `) }).waitFor();
    assert.deepEqual(foreign, [], 'no request to any host but the platform');
    await context.close();
  });

  test('a dataset page shows the preview, a CSV download and the curl example', { timeout: 180_000 }, async () => {
    const context = await newContext(e);
    const page = await context.newPage();
    const foreign = watchForeignRequests(page, e.baseUrl);
    await page.goto(`/opendata/${spatial.slug}?lang=de`);
    await page.getByRole('heading', { level: 1, name: spatial.title.de }).waitFor();
    const preview = page.getByRole('table', { name: /Die ersten \d+ Zeilen/ });
    await preview.waitFor();
    assert.ok((await preview.locator('tbody tr').count()) >= 1, 'the preview has rows');
    assert.ok((await preview.locator('thead th').count()) >= 2, 'the preview has columns');

    const link = page.getByRole('link', { name: 'CSV herunterladen' });
    const href = await link.getAttribute('href');
    assert.ok(href, 'the download link has an address');
    assert.match(href, /^\/api\/opendata\/distributions\/\d+\/download$/);
    // The counting route redirects to the export; the app's public URL is not this test server's, so
    // the export is fetched by its path here.
    const counted = await fetch(new URL(href, e.baseUrl), { redirect: 'manual' });
    assert.equal(counted.status, 302);
    const target = new URL(counted.headers.get('location') ?? '');
    assert.equal(target.pathname, `/api/opendata/datasets/${spatial.slug}/data.csv`);
    const res = await fetch(new URL(target.pathname, e.baseUrl));
    assert.equal(res.status, 200);
    assert.match(res.headers.get('content-type') ?? '', /^text\/csv/);
    assert.ok((await res.text()).split('\n').length >= 2, 'header and rows');
    // The download was counted for that file (nothing about the visitor is stored).
    await page.reload();
    await page
      .locator('.opendata__downloads li', { hasText: 'CSV herunterladen' })
      .filter({ hasText: /1 Abruf\b/ })
      .waitFor();
    assert.match(await page.locator('main').innerText(), /Abrufe insgesamt: 1\./);

    const curl = await page.locator('.opendata__code code').innerText();
    assert.match(curl, new RegExp(`^curl -L "https?://[^"]+/api/opendata/datasets/${spatial.slug}/data\\.csv"$`));
    await page.getByRole('button', { name: 'Befehl kopieren' }).waitFor();
    assert.deepEqual(foreign, [], 'no request to any host but the platform');
    await context.close();
  });

  for (const colorScheme of ['light', 'dark'] as const) {
    for (const lang of ['de', 'en']) {
      test(
        `catalog and dataset pages are accessible (${lang}, ${colorScheme}, ${colorScheme === 'light' ? 'phone' : 'desktop'})`,
        { timeout: 400_000 },
        async () => {
          for (const width of widthsFor(colorScheme)) {
            const context = await newContext(e, { colorScheme, width });
            const page = await context.newPage();
            const foreign = watchForeignRequests(page, e.baseUrl);
            for (const path of ['/opendata', `/opendata/${spatial.slug}`]) {
              await page.goto(`${path}?lang=${lang}`);
              await page.getByRole('heading', { level: 1 }).first().waitFor();
              if (path === '/opendata') await resultCount(page);
              else await page.locator('.opendata table').first().waitFor();
              assert.equal(await page.getAttribute('html', 'lang'), lang);
              await expectAccessible(page, `${path} ${lang} ${colorScheme} ${width}px`);
              await noSidewaysScroll(page, `${path} ${lang} ${colorScheme} ${width}px`);
            }
            assert.deepEqual(foreign, []);
            await context.close();
          }
        },
      );
    }
  }

  describe('back office', () => {
    let page: Page;
    let closeContext: () => Promise<void>;
    before(async () => {
      const staff = await enrolStaff(e, { role: 'editor', displayName: 'Olga Opendata', modules: ['opendata'] });
      closeContext = () => staff.context.close();
      page = staff.page;
    });
    after(() => closeContext());

    test(
      'server field errors sit beside their inputs; an uploaded CSV becomes a dataset with preview',
      { timeout: 240_000 },
      async () => {
        await page.goto('/staff');
        await page.getByRole('main').getByRole('link', { name: 'Offene Daten' }).click();
        await page.getByRole('heading', { level: 1, name: 'Datengovernance' }).waitFor();
        await page.getByRole('link', { name: 'Externen Datensatz anlegen' }).click();
        await page.getByRole('heading', { level: 1, name: 'Externen Datensatz anlegen' }).waitFor();

        // Nothing filled in: the server names the German title, shown at its input.
        await page.getByRole('button', { name: 'Datensatz anlegen' }).click();
        await page.locator('#odf-titleDe[aria-invalid="true"]').waitFor();
        assert.match(
          (await page.getByLabel('Titel (deutsch)', { exact: true }).getAttribute('aria-describedby')) ?? '',
          /odf-titleDe-error/,
        );

        await page.getByLabel('Titel (deutsch)', { exact: true }).fill(title);
        await page.getByLabel('Titel (englisch)', { exact: true }).fill(`Tree register Ehrenbreitstein ${tag}`);
        await page.getByLabel('Beschreibung (deutsch)').fill('Straßenbäume im Stadtteil Ehrenbreitstein mit Art und Pflanzjahr.');
        await page.getByLabel('Beschreibung (englisch)').fill('Street trees in Ehrenbreitstein with species and planting year.');
        await page.getByLabel('Kurzname in der Adresse (optional)').fill(slug);
        await page.getByLabel('Lizenz', { exact: true }).selectOption('dl-zero-de/2.0');
        await page.getByLabel('Aktualisierung', { exact: true }).selectOption('ANNUAL');
        await page.getByLabel('Umwelt', { exact: true }).check();
        await page.getByLabel('Schlagwörter (optional)').fill('Bäume, Stadtgrün');
        await page.getByLabel('Zuständiges Amt (optional)').fill('Grünflächenamt');
        await page.getByLabel('Data Steward (optional)').fill('Erika Grün');
        await page.getByLabel('Versprochene Aktualisierung (optional)').selectOption('ANNUAL');

        // A ragged CSV is refused by content and named at the file input; nothing is stored.
        const file = page.getByLabel('Datei (optional)', { exact: true });
        await file.setInputFiles({ name: 'baeume.csv', mimeType: 'text/csv', buffer: Buffer.from('art;jahr\nLinde;1998;x\n') });
        await page.getByRole('button', { name: 'Datensatz anlegen' }).click();
        await page.locator('#odf-file[aria-invalid="true"]').waitFor();
        assert.equal((await fetch(`${e.baseUrl}/api/opendata/datasets/${slug}`)).status, 404);

        const csv = 'art;pflanzjahr;strasse\nWinterlinde;1998;Hofstraße\nSpitzahorn;2011;Kapuzinerplatz\n';
        await file.setInputFiles({ name: 'baeume.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
        await page.getByRole('button', { name: 'Datensatz anlegen' }).click();
        await page
          .getByRole('status')
          .filter({ hasText: `Angelegt: ${title}.` })
          .waitFor();

        await page.goto('/opendata?lang=de');
        await page.getByLabel('Suche', { exact: true }).fill(tag);
        await page.getByRole('button', { name: 'Suchen', exact: true }).click();
        await page.getByRole('link', { name: title }).click();
        await page.getByRole('heading', { level: 1, name: title }).waitFor();
        const preview = page.getByRole('table', { name: /Die ersten 2 Zeilen/ });
        await preview.waitFor();
        assert.deepEqual(await preview.locator('thead th').allInnerTexts(), ['art', 'pflanzjahr', 'strasse']);
        assert.match(await preview.locator('tbody').innerText(), /Spitzahorn\s+2011\s+Kapuzinerplatz/);
        assert.match(await page.locator('main').innerText(), /Datenlizenz Deutschland Zero 2\.0/);
      },
    );

    test("the governance page lists the new dataset's missing metadata", { timeout: 120_000 }, async () => {
      await page.goto('/staff/opendata?lang=de');
      const missing = page.getByRole('table', { name: 'Fehlende Angaben' });
      await missing.waitFor();
      const row = missing.locator('tbody tr', { hasText: title });
      // Source system and period were left empty in the form.
      assert.match(await row.innerText(), /Quellsystem.*Zeitraum/);
    });

    for (const colorScheme of ['light', 'dark'] as const) {
      test(
        `back-office pages are accessible (${colorScheme}, de and en, ${colorScheme === 'light' ? 'phone' : 'desktop'})`,
        { timeout: 400_000 },
        async () => {
          const foreign = watchForeignRequests(page, e.baseUrl);
          await page.emulateMedia({ colorScheme });
          for (const width of widthsFor(colorScheme)) {
            await page.setViewportSize({ width, height: 900 });
            for (const lang of ['de', 'en']) {
              const staffPaths = ['/staff/opendata', '/staff/opendata/neu', DATASETS, `${DATASETS}/${slug}`];
              for (const path of staffPaths) {
                await page.goto(`${path}?lang=${lang}`);
                await page.getByRole('heading', { level: 1 }).waitFor();
                if (path === '/staff/opendata' || path === DATASETS) await page.locator('table').first().waitFor();
                else await page.locator(`#odf-licence option[value="cc-by/4.0"]`).waitFor({ state: 'attached' });
                assert.equal(await page.getAttribute('html', 'lang'), lang);
                await expectAccessible(page, `${path} ${lang} ${colorScheme} ${width}px`);
                await noSidewaysScroll(page, `${path} ${lang} ${colorScheme} ${width}px`);
              }
            }
          }
          await page.goto('/staff/opendata?lang=de');
          assert.deepEqual(foreign, []);
        },
      );
    }

    test(
      'the dataset list leads to the edit page: title and steward change, then the dataset is deleted',
      { timeout: 180_000 },
      async () => {
        const focused = () => page.evaluate(() => document.activeElement?.textContent ?? '');
        await page.goto(`${DATASETS}?lang=de`);
        await page.getByLabel('Suche', { exact: true }).fill(tag);
        const list = page.getByRole('table', { name: 'Datensätze' });
        await list.getByRole('link', { name: title }).click();
        await page.getByRole('heading', { level: 1, name: `Datensatz: ${title}` }).waitFor();
        const steward = page.getByLabel('Data Steward (optional)');
        assert.equal(await steward.inputValue(), 'Erika Grün', 'the form is filled from the dataset');

        const renamed = `Baumkataster Pfaffendorf ${tag}`;
        await page.getByLabel('Titel (deutsch)', { exact: true }).fill(renamed);
        await steward.fill('Jonas Ahorn');
        await page.getByRole('button', { name: 'Speichern' }).click();
        await page.getByRole('status').filter({ hasText: 'Gespeichert.' }).waitFor();
        await page.getByRole('heading', { level: 1, name: `Datensatz: ${renamed}` }).waitFor();
        const saved = (await (await fetch(`${e.baseUrl}/api/opendata/datasets/${slug}`)).json()) as ApiDataset;
        assert.deepEqual(
          saved.distributions.map((d) => d.key),
          ['file-1'],
          'the uploaded file is kept',
        );

        await page.getByRole('link', { name: 'Öffentliche Seite des Datensatzes' }).click();
        await page.getByRole('heading', { level: 1, name: renamed }).waitFor();
        await page.goBack();
        await page
          .getByRole('navigation', { name: 'Offene Daten verwalten' })
          .getByRole('link', { name: 'Alle Datensätze' })
          .click();
        await page.getByLabel('Suche', { exact: true }).fill(tag);
        const row = list.locator('tbody tr', { hasText: renamed });
        assert.match(await row.innerText(), /Jonas Ahorn/);

        // Two steps, focus following each: the confirm button, then (cancelled) the first button again.
        await row.getByRole('link', { name: renamed }).click();
        await page.getByRole('button', { name: 'Datensatz löschen' }).click();
        await page.getByRole('button', { name: 'Ja, endgültig löschen' }).waitFor();
        assert.equal(await focused(), 'Ja, endgültig löschen');
        await page.getByRole('button', { name: 'Abbrechen' }).click();
        await page.getByRole('button', { name: 'Datensatz löschen' }).waitFor();
        assert.equal(await focused(), 'Datensatz löschen');
        await page.getByRole('button', { name: 'Datensatz löschen' }).click();
        await page.getByRole('button', { name: 'Ja, endgültig löschen' }).click();
        await page
          .getByRole('status')
          .filter({ hasText: `Gelöscht: ${renamed}.` })
          .waitFor();
        await page.getByRole('heading', { level: 1, name: 'Alle Datensätze' }).waitFor();

        await page.goto(`/opendata?lang=de&q=${tag}`);
        assert.equal(await resultCount(page), 0, 'gone from the public catalog');
        assert.equal((await fetch(`${e.baseUrl}/api/opendata/datasets/${slug}`)).status, 404);
      },
    );
  });
});
