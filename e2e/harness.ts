/**
 * Browser-test harness: the real app (built web app included) listening on 127.0.0.1, and Debian's
 * Chromium driven by playwright-core — no browser is downloaded. axe-core checks each page.
 */
import { AxeBuilder } from '@axe-core/playwright';
import assert from 'node:assert/strict';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { systemActor } from '../src/platform/auth/actor.js';
import { totpAt } from '../src/modules/identity/totp.js';
import { createTestApp, uniqueEmail, type TestApp } from '../src/testing/harness.js';

export interface E2E {
  t: TestApp;
  baseUrl: string;
  browser: Browser;
  close(): Promise<void>;
}

export async function startE2E(env: Record<string, string> = {}): Promise<E2E> {
  const t = await createTestApp({ AUTH_RATE_LIMIT_PER_MINUTE: '10000', ...env });
  await t.app.listen({ port: 0, host: '127.0.0.1' });
  const port = (t.app.server.address() as { port: number }).port;
  const browser = await chromium.launch({
    executablePath: process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium',
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  return {
    t,
    baseUrl: `http://127.0.0.1:${port}`,
    browser,
    async close() {
      await browser.close();
      await t.close();
    },
  };
}

export interface ContextOptions {
  width?: number;
  colorScheme?: 'light' | 'dark';
  locale?: string;
}

export async function newContext(e: E2E, options: ContextOptions = {}): Promise<BrowserContext> {
  const context = await e.browser.newContext({
    baseURL: e.baseUrl,
    viewport: { width: options.width ?? 1280, height: 900 },
    colorScheme: options.colorScheme ?? 'light',
    locale: options.locale ?? 'de-DE',
    reducedMotion: 'reduce',
  });
  // The platform must never reach another host: fail any request that leaves it.
  await context.route(/^(?!http:\/\/127\.0\.0\.1:)/, (route) => route.abort('blockedbyclient'));
  return context;
}

/** Serious and critical axe violations of the current page (WCAG 2.1 A/AA rules). */
export async function axeViolations(page: Page): Promise<string[]> {
  const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map(
      (v) =>
        `${v.id} (${v.impact}): ${v.help} — ${v.nodes
          .map((n) => n.target.join(' '))
          .slice(0, 3)
          .join(', ')}`,
    );
}

/** Records requests to hosts other than the platform (should stay empty). */
export function watchForeignRequests(page: Page, baseUrl: string): string[] {
  const foreign: string[] = [];
  page.on('request', (req) => {
    const url = req.url();
    if (!url.startsWith(baseUrl) && !url.startsWith('data:') && !url.startsWith('blob:')) foreign.push(url);
  });
  return foreign;
}

/** The password e2e staff users set at enrolment. */
export const E2E_PASSWORD = 'Deutsches Eck am Rhein 2026';

export interface StaffUser {
  role: 'admin' | 'editor';
  displayName: string;
  modules?: string[];
}

/** Creates a staff user and returns the path of its one-time enrolment link. */
export async function createStaffLink(
  e: E2E,
  user: StaffUser = { role: 'admin', displayName: 'Erika Admin' },
): Promise<{ email: string; url: string }> {
  const { createIdentityModule } = await import('../src/modules/identity/index.js');
  const { createAuditModule } = await import('../src/modules/audit/index.js');
  const { EDITABLE_MODULES } = await import('../src/app.js');
  const db = e.t.database.db;
  const identity = createIdentityModule({
    db,
    audit: createAuditModule({ db, clock: e.t.clock }).recorder,
    clock: e.t.clock,
    settings: {
      publicUrl: e.baseUrl,
      cityName: 'Koblenz',
      sessionIdleMinutes: 30,
      sessionAbsoluteHours: 12,
      loginMaxFailures: 5,
      modules: EDITABLE_MODULES,
    },
  });
  const email = uniqueEmail(`e2e-${user.role}`);
  const { enrolmentUrl } = await identity.service.createUser(systemActor('e2e'), { email, ...user });
  return { email, url: enrolmentUrl.replace(/^https?:\/\/[^/]+/, '') };
}

/** Waits until the page settles, then fails on any serious or critical axe violation. */
export async function expectAccessible(page: Page, label: string): Promise<void> {
  await page.waitForLoadState('networkidle');
  const violations = await axeViolations(page);
  assert.deepEqual(violations, [], `${label}: ${violations.join('\n')}`);
}

/**
 * Walks an enrolment link in the browser like a person with an authenticator app (password, TOTP
 * computed here, recovery codes) and ends on the staff home page; returns the TOTP secret.
 */
export async function enrolInBrowser(e: E2E, page: Page, url: string, check?: (label: string) => Promise<void>): Promise<string> {
  await page.goto(url);
  await check?.('enrolment: password');
  await page.getByLabel('Neues Passwort').fill(E2E_PASSWORD);
  await page.getByLabel('Passwort wiederholen').fill(E2E_PASSWORD);
  await page.getByRole('button', { name: 'Passwort festlegen' }).click();
  const secretCode = page.locator('.secret code');
  await secretCode.waitFor();
  await check?.('enrolment: authenticator');
  const secret = (await secretCode.innerText()).replace(/\s+/g, '');
  await page.getByLabel('Sechsstelliger Code').fill(totpAt(secret, e.t.clock.now()));
  await page.getByRole('button', { name: 'Code bestätigen' }).click();
  await page.getByRole('button', { name: 'Ich habe die Codes gespeichert' }).waitFor();
  await check?.('enrolment: recovery codes');
  await page.getByRole('button', { name: 'Ich habe die Codes gespeichert' }).click();
  await page.getByRole('heading', { name: 'Mitarbeiterbereich', level: 1 }).waitFor();
  return secret;
}

/**
 * Creates a staff user and enrols it in a new browser context (see newContext), its page ending on
 * the staff home page. `foreign` records requests that leave the platform from the enrolment on;
 * `check` runs at each step of the enrolment (e.g. expectAccessible).
 */
export async function enrolStaff(
  e: E2E,
  user?: StaffUser,
  check?: (page: Page, label: string) => Promise<void>,
): Promise<{ context: BrowserContext; page: Page; foreign: string[]; email: string; secret: string }> {
  const { email, url } = await createStaffLink(e, user);
  const context = await newContext(e);
  const page = await context.newPage();
  const foreign = watchForeignRequests(page, e.baseUrl);
  const secret = await enrolInBrowser(e, page, url, check && ((label) => check(page, label)));
  return { context, page, foreign, email, secret };
}

/**
 * The viewport widths a colour scheme is checked at: light on a phone (390 px), dark on a desktop
 * (1280 px). Every page is still checked in both languages, both schemes and both widths, but not
 * in all eight combinations: layout does not depend on the colour scheme and contrast does not
 * depend on the width, and the full product would take CI past its time limit.
 */
export function widthsFor(colorScheme: 'light' | 'dark'): number[] {
  return colorScheme === 'light' ? [390] : [1280];
}

/**
 * axe and no sideways scrolling in light at 390 px and dark at 1280 px (see widthsFor); ends light
 * at 1280 px.
 */
export async function checkEveryView(page: Page, name: string): Promise<void> {
  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme });
    for (const width of widthsFor(colorScheme)) {
      await page.setViewportSize({ width, height: 900 });
      const label = `${name} ${colorScheme} ${width}px`;
      await expectAccessible(page, label);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      assert.ok(overflow <= 0, `${label} scrolls sideways by ${overflow}px`);
    }
  }
  await page.emulateMedia({ colorScheme: 'light' });
}
