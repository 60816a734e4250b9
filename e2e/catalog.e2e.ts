/**
 * The catalog back office in a real browser: an editor of module "catalog" enrols, adds a city
 * service (a bad LeiKa key is named beside its input first), sets it online with a bulk status change
 * and sees the new status on the public service page; a CSV with one bad row is rejected with row and
 * column named and changes nothing; a catalogue merge is recorded through its form. Every back-office
 * page passes axe in light and dark, at 390px and 1280px, without sideways scrolling.
 */
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import { enrolStaff, expectAccessible, startE2E, type E2E, widthsFor } from './harness.js';

interface ApiService {
  id: number;
  ref: string;
  name: string;
  status: string | null;
}

async function publicService(e: E2E, id: number): Promise<ApiService> {
  const res = await fetch(`${e.baseUrl}/api/catalog/services/${id}`);
  assert.equal(res.status, 200);
  return (await res.json()) as ApiService;
}

async function findByRef(e: E2E, ref: string): Promise<ApiService[]> {
  const res = await fetch(`${e.baseUrl}/api/catalog/services?q=${encodeURIComponent(ref)}`);
  return ((await res.json()) as { items: ApiService[] }).items.filter((s) => s.ref === ref);
}

/**
 * Creates a local service through the form and returns its id (from the edit page's address). It is
 * in the list since 2 January 2024, so a merge effective today finds it in the list the day before.
 */
async function createLocalService(page: Page, name: string): Promise<number> {
  await page.goto('/staff/verwaltungsleistungen/neu');
  await page.getByLabel('Name', { exact: true }).fill(name);
  await page.getByLabel('Gültig ab', { exact: true }).fill('2024-01-02');
  await page.getByLabel('Örtliche Leistung ohne Eintrag im OZG-Katalog').check();
  await page.getByRole('button', { name: 'Anlegen' }).click();
  await page.waitForURL(/\/staff\/verwaltungsleistungen\/\d+$/);
  await page.getByRole('status').filter({ hasText: 'Gespeichert.' }).waitFor();
  return Number(/(\d+)$/.exec(page.url())![1]);
}

describe('catalog back office in Chromium', () => {
  let e: E2E;
  let page: Page;
  let closeContext: () => Promise<void>;
  const tag = randomBytes(3).toString('hex');
  const name = `Sondernutzung Rheinufer ${tag}`;
  let serviceId = 0;
  let serviceRef = '';

  before(async () => {
    e = await startE2E();
    const staff = await enrolStaff(e, { role: 'editor', displayName: 'Elias Editor', modules: ['catalog'] });
    closeContext = () => staff.context.close();
    page = staff.page;
  });
  after(async () => {
    await closeContext();
    await e.close();
  });

  test('a bad LeiKa key is named beside its input; the new service is saved', { timeout: 120_000 }, async () => {
    await page.goto('/staff/verwaltungsleistungen/neu');
    await page.getByLabel('Name', { exact: true }).fill(name);
    const leika = page.getByLabel('LeiKa-Schlüssel (optional)');
    await leika.fill('9908600400100'); // 13 digits
    await page.getByRole('button', { name: 'Anlegen' }).click();
    await page.locator('#svc-leikaKey[aria-invalid="true"]').waitFor();
    const describedBy = (await leika.getAttribute('aria-describedby')) ?? '';
    assert.match(describedBy, /svc-leikaKey-error/);
    assert.match(await page.locator('#svc-leikaKey-error').innerText(), /14|pattern/);
    assert.equal(await findByRef(e, name).then((x) => x.length), 0);

    serviceId = await createLocalService(page, name);
    const saved = await publicService(e, serviceId);
    assert.equal(saved.name, name);
    assert.equal(saved.status, 'geplant');
    serviceRef = saved.ref;
  });

  test('a bulk status change shows on the public service page', { timeout: 120_000 }, async () => {
    assert.ok(serviceId, 'the service of the first test exists');
    await page.goto('/staff/verwaltungsleistungen');
    await page.getByLabel('Suche', { exact: true }).fill(name);
    await page.getByRole('button', { name: 'Suchen' }).click();
    await page.getByRole('checkbox', { name: new RegExp(name) }).check();
    await page.getByLabel('Stand der Umsetzung').selectOption('online');
    await page.getByLabel('Anmerkung zur Änderung (optional)').fill('Online-Antrag freigeschaltet');
    await page.getByRole('button', { name: 'Status für 1 Leistung setzen' }).click();
    await page.getByRole('status').filter({ hasText: 'Gespeichert: 1 geändert' }).waitFor();

    await page.goto(`/verwaltungsleistungen/${serviceId}`);
    await page.getByRole('heading', { level: 1, name }).waitFor();
    await page.locator('.status-badge--online').first().waitFor();
    assert.match(await page.locator('main').innerText(), /bereits online/);
    assert.equal((await publicService(e, serviceId)).status, 'online');
  });

  test('a CSV with one bad row names row and column and changes nothing', { timeout: 120_000 }, async () => {
    assert.ok(serviceRef, 'the service of the first test exists');
    const newRef = `e2e-neu-${tag}`;
    const csv = [
      'ref,name,status,local,leika_key',
      `${serviceRef},${name},in_umsetzung,true,`,
      `${newRef},Neue Leistung ${tag},online,false,9908600400100`,
    ].join('\n');
    await page.goto('/staff/verwaltungsleistungen');
    await page
      .getByLabel('Datei', { exact: true })
      .setInputFiles({ name: 'liste.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
    await page.getByLabel('Nur prüfen (Probelauf)').uncheck();
    await page.getByRole('button', { name: 'Importieren' }).click();
    const table = page.getByRole('table', { name: /Fehler in der Datei/ });
    await table.waitFor();
    const rows = await table.locator('tbody tr').allInnerTexts();
    assert.ok(
      rows.some((r) => /^3\s+leika_key\s+/.test(r)),
      `row 3, column leika_key is reported: ${rows.join(' | ')}`,
    );
    assert.equal((await publicService(e, serviceId)).status, 'online', 'the valid row was not applied');
    assert.deepEqual(await findByRef(e, newRef), [], 'the new row was not created');
    await expectAccessible(page, 'import report');
  });

  test('a catalogue merge is recorded through the form', { timeout: 120_000 }, async () => {
    const a = await createLocalService(page, `Anwohnerparken A ${tag}`);
    const b = await createLocalService(page, `Anwohnerparken B ${tag}`);
    await page.goto('/staff/verwaltungsleistungen/umstrukturierung');
    await page.getByLabel('Suche', { exact: true }).fill(`Anwohnerparken ${tag}`);
    await page.getByRole('button', { name: 'Suchen' }).click();
    await page.getByRole('checkbox', { name: new RegExp(`Anwohnerparken A ${tag}`) }).check();
    await page.getByRole('checkbox', { name: new RegExp(`Anwohnerparken B ${tag}`) }).check();
    await page.getByLabel('Stattdessen eine der bisherigen Leistungen fortführen').selectOption(String(a));
    await page.getByLabel('Erläuterung').fill(`Im OZG-Katalog zusammengefasst (${tag})`);
    await page.getByRole('button', { name: 'Erfassen' }).click();
    await page.getByRole('status').filter({ hasText: 'Erfasst' }).waitFor();
    assert.equal((await publicService(e, a)).status, 'geplant');
    assert.equal((await publicService(e, b)).status, null, 'the merged service left the list');
    await page.getByRole('cell', { name: `Im OZG-Katalog zusammengefasst (${tag})` }).waitFor();
  });

  for (const colorScheme of ['light', 'dark'] as const) {
    test(
      `back-office pages are accessible (${colorScheme}, ${colorScheme === 'light' ? 'phone' : 'desktop'})`,
      { timeout: 300_000 },
      async () => {
        assert.ok(serviceId, 'the service of the first test exists');
        for (const width of widthsFor(colorScheme)) {
          await page.setViewportSize({ width, height: 900 });
          await page.emulateMedia({ colorScheme });
          for (const path of [
            '/staff/verwaltungsleistungen',
            '/staff/verwaltungsleistungen/neu',
            `/staff/verwaltungsleistungen/${serviceId}`,
            '/staff/verwaltungsleistungen/umstrukturierung',
          ]) {
            await page.goto(path);
            await page.getByRole('heading', { level: 1 }).waitFor();
            if (path === '/staff/verwaltungsleistungen') {
              // With search results, the chosen list and the form all on screen.
              await page.getByLabel('Suche', { exact: true }).fill(name);
              await page.getByRole('button', { name: 'Suchen' }).click();
              await page.getByRole('checkbox', { name: new RegExp(name) }).check();
            }
            await expectAccessible(page, `${path} ${colorScheme} ${width}px`);
            const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
            assert.ok(overflow <= 0, `${path} at ${width}px scrolls sideways by ${overflow}px`);
          }
          for (const lang of ['en', 'de']) {
            await page.goto(`/staff/verwaltungsleistungen/neu?lang=${lang}`);
            await page.getByRole('heading', { level: 1 }).waitFor();
            assert.equal(await page.getAttribute('html', 'lang'), lang);
          }
        }
      },
    );
  }
});
