/**
 * Browser-test harness: the real app (built web app included) listening on 127.0.0.1, and Debian's
 * Chromium driven by playwright-core — no browser is downloaded. axe-core checks each page.
 */
import { AxeBuilder } from '@axe-core/playwright';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { createTestApp, type TestApp } from '../src/testing/harness.js';

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
    .map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')}`);
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
