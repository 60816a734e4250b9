/**
 * The web shell in a real browser: a staff user is created, enrols TOTP (codes computed here like an
 * authenticator app), logs out and in again; every page passes axe (no serious or critical
 * violations) in German and English, light and dark, on a phone and a desktop; no request leaves
 * the platform.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { totpAt } from '../src/modules/identity/totp.js';
import { uniqueEmail } from '../src/testing/harness.js';
import {
  E2E_PASSWORD as PASSWORD,
  enrolStaff,
  expectAccessible,
  newContext,
  startE2E,
  watchForeignRequests,
  type E2E,
  widthsFor,
} from './harness.js';

const PUBLIC_PAGES = [
  '/',
  '/impressum',
  '/datenschutz',
  '/barrierefreiheit',
  '/leichte-sprache',
  '/verwaltungsleistungen',
  '/verwaltungsleistungen/kennzahlen',
  '/verwaltungsleistungen/ausschusstabelle',
  '/gibt-es-nicht',
  '/staff/login',
];

describe('web shell in Chromium', () => {
  let e: E2E;
  before(async () => {
    e = await startE2E();
  });
  after(() => e.close());

  test('staff user enrols TOTP, logs out and in again; staff pages are accessible', { timeout: 400_000 }, async () => {
    const { context, page, foreign, email, secret } = await enrolStaff(
      e,
      { role: 'admin', displayName: 'Erika Admin' },
      expectAccessible,
    );
    await expectAccessible(page, 'staff home');

    for (const path of ['/staff/users', '/staff/audit', '/staff/content', '/staff/verwaltungsleistungen']) {
      await page.goto(path);
      await page.getByRole('heading', { level: 1 }).waitFor();
      await expectAccessible(page, path);
    }

    // The admin creates a colleague in the user management and gets a one-time link to hand over.
    await page.goto('/staff/users');
    await page.getByLabel('E-Mail-Adresse').fill(uniqueEmail('kollegin'));
    await page.getByLabel('Name', { exact: true }).fill('Karla Kollegin');
    await page.getByRole('button', { name: 'Konto anlegen' }).click();
    const link = page.getByLabel('Einrichtungslink');
    await link.waitFor();
    assert.match(await link.inputValue(), /\/staff\/enrol\?token=[\w-]{20,}/);

    await page.goto('/staff');
    await page.getByRole('button', { name: 'Abmelden', exact: true }).click();
    await page.getByRole('heading', { name: 'Anmeldung' }).waitFor();

    e.t.clock.advance(30_000); // a new time step: the enrolment code may not be replayed
    await page.getByLabel('E-Mail-Adresse').fill(email);
    await page.getByLabel('Passwort', { exact: true }).fill(PASSWORD);
    await page.getByRole('button', { name: 'Weiter' }).click();
    await page.getByLabel('Sechsstelliger Code').fill(totpAt(secret, e.t.clock.now()));
    await expectAccessible(page, 'login: second factor');
    await page.getByRole('button', { name: 'Anmelden' }).click();
    await page.getByRole('heading', { name: 'Mitarbeiterbereich', level: 1 }).waitFor();

    assert.deepEqual(foreign, [], 'no request to any host but the platform');
    await context.close();
  });

  for (const colorScheme of ['light', 'dark'] as const) {
    for (const lang of ['de', 'en']) {
      test(
        `public pages are accessible (${lang}, ${colorScheme}, ${colorScheme === 'light' ? 'phone' : 'desktop'})`,
        { timeout: 400_000 },
        async () => {
          for (const width of widthsFor(colorScheme)) {
            const context = await newContext(e, { colorScheme, width });
            const page = await context.newPage();
            const foreign = watchForeignRequests(page, e.baseUrl);
            for (const path of PUBLIC_PAGES) {
              await page.goto(`${path}?lang=${lang}`);
              await page.getByRole('heading', { level: 1 }).first().waitFor();
              assert.equal(await page.getAttribute('html', 'lang'), lang);
              await expectAccessible(page, `${path} ${lang} ${colorScheme} ${width}px`);
              const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
              assert.ok(overflow <= 0, `${path} at ${width}px scrolls sideways by ${overflow}px`);
            }
            assert.deepEqual(foreign, []);
            await context.close();
          }
        },
      );
    }
  }

  test('keyboard: the skip link is the first stop and moves focus to the main content', async () => {
    const context = await newContext(e);
    const page = await context.newPage();
    await page.goto('/');
    // Start only once the page has settled, so no re-render takes the focused link away.
    await page.getByRole('heading', { level: 1 }).first().waitFor();
    await page.waitForLoadState('networkidle');
    await page.keyboard.press('Tab');
    const focused = await page.evaluate(() => document.activeElement?.textContent ?? '');
    assert.match(focused, /Zum Inhalt/);
    await page.keyboard.press('Enter');
    // Focus moves after the click handler runs: wait for it instead of reading it at once.
    await page.waitForFunction(() => document.activeElement?.id === 'main', undefined, { timeout: 5000 });
    await context.close();
  });

  test('the accessibility statement takes feedback', async () => {
    const context = await newContext(e);
    const page = await context.newPage();
    await page.goto('/barrierefreiheit');
    await page.getByRole('heading', { level: 1 }).waitFor();
    const message = page
      .getByRole('textbox')
      .filter({ hasNot: page.locator('input') })
      .last();
    await message.fill('Die Schrift im Fußbereich ist mir zu klein.');
    await page.getByRole('button', { name: /senden/i }).click();
    await page.getByRole('status').filter({ hasText: /.+/ }).first().waitFor();
    await context.close();
  });
});
