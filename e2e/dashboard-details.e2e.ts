/**
 * Dashboard details, embeds and performance in Chromium: the table beside a chart holds the chart's
 * figures (the series answer the chart is drawn from), the CSV download holds exactly the chosen
 * range, range and comparison survive in the URL, a tile embed renders without login and may be
 * framed by any site (CSP frame-ancestors), a keyboard-only walk shows focus at every stop, reduced motion turns the chart's
 * animation off, the start page's first-view JS stays within 250 KB gzip (map library excluded) and
 * its LCP under 2 s with Chromium's mobile throttling; axe on the new pages in DE and EN.
 */
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { after, before, describe, test } from 'node:test';
import { gzipSync } from 'node:zlib';
import type { Page } from 'playwright-core';
import { createStaff } from '../src/testing/staff.js';
import { checkEveryView, newContext, startE2E, watchForeignRequests, type E2E } from './harness.js';

interface SeriesPoint {
  start: string;
  end: string;
  values: Record<string, number | string | null>;
}
interface Series {
  from: string;
  to: string;
  columns: string[];
  primary: string;
  points: SeriesPoint[];
  comparison: SeriesPoint[] | null;
}

/** First-view budget of the start page (gzip), without the map library, which loads only with a map. */
const FIRST_VIEW_JS_BUDGET = 250 * 1024;
const LCP_BUDGET_MS = 2000;

/** Is the focused element's focus indicator visible (an outline of at least 2 px)? */
const focusVisible = (page: Page) =>
  page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    if (!el || el === document.body) return { ok: false, what: 'nothing focused' };
    const style = getComputedStyle(el);
    const ok = style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2;
    return { ok, what: `${el.tagName.toLowerCase()} "${(el.textContent ?? '').trim().slice(0, 40)}"` };
  });

/** Presses Tab until the focused element matches, checking the focus indicator at every stop. */
async function tabTo(page: Page, matches: (el: { tag: string; text: string }) => boolean, label: string, max = 60) {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    const focus = await focusVisible(page);
    assert.ok(focus.ok, `${label}: focus not visible on ${focus.what}`);
    const el = await page.evaluate(() => ({
      tag: document.activeElement?.tagName.toLowerCase() ?? '',
      text: (document.activeElement?.textContent ?? '').trim(),
    }));
    if (matches(el)) return;
  }
  assert.fail(`${label}: not reached with ${max} presses of Tab`);
}

const formatDe = (page: Page, v: number | string | null) =>
  page.evaluate((x) => (x === null ? '–' : typeof x === 'number' ? new Intl.NumberFormat('de-DE').format(x) : x), v);

describe('dashboard details, embeds and performance in Chromium', () => {
  let e: E2E;
  const tag = randomBytes(3).toString('hex');

  before(async () => {
    e = await startE2E();
    const parking = await createStaff(e.t, 'editor', ['parking']);
    const site = await e.t.app.inject({
      method: 'POST',
      url: '/api/parking/sites',
      headers: parking.headers,
      payload: { uid: `e2e-series-${tag}`, name: `Parkhaus Verlauf ${tag}`, type: 'CAR_PARK', lat: 50.36, lon: 7.59, capacity: 300 },
    });
    assert.equal(site.statusCode, 201, site.body);
    const now = e.t.clock.now().getTime();
    const push = await e.t.app.inject({
      method: 'POST',
      url: '/api/parking/push',
      headers: parking.headers,
      payload: {
        items: [5, 4, 3, 2, 1].map((h) => ({ uid: `e2e-series-${tag}`, free: 100 + h * 10, at: new Date(now - h * 3_600_000).toISOString() })),
      },
    });
    assert.equal(push.statusCode, 200, push.body);
  });
  after(() => e.close());

  test('details: the table holds the chart’s figures, the CSV exactly the range; range and comparison in the URL', { timeout: 180_000 }, async () => {
    const context = await newContext(e);
    const page = await context.newPage();
    const foreign = watchForeignRequests(page, e.baseUrl);
    const answer = page.waitForResponse((r) => r.url().includes('/api/dashboard/series/parking?'));
    await page.goto('/dashboard/parking?zeitraum=24h&vergleich=previous');
    const series = (await (await answer).json()) as Series;
    assert.equal(series.points.length >= 24, true, 'hourly buckets over 24 hours');
    await page.locator('.dash-chart svg').waitFor();
    assert.equal(await page.locator('.dash-chart').getAttribute('data-animated'), 'false', 'prefers-reduced-motion: no animation');

    // The table: one row per point of the series the chart draws, its figures in the chart's columns.
    const table = page.getByRole('table', { name: 'Freie Parkplätze: Tabelle' });
    const rows = table.locator('tbody tr');
    assert.equal(await rows.count(), series.points.length);
    const headers = await table.locator('thead th').allInnerTexts();
    const primaryAt = 1; // the chart's column comes first after the period
    assert.equal(headers.length, 1 + series.columns.length + 2, 'period, figures, comparison period and comparison figure');
    for (const i of [0, series.points.length - 2, series.points.length - 1]) {
      const cells = await rows.nth(i).locator('td').allInnerTexts();
      assert.equal(cells[primaryAt - 1], await formatDe(page, series.points[i]!.values[series.primary] ?? null), `row ${i}`);
      assert.equal(cells[cells.length - 1], await formatDe(page, series.comparison![i]!.values[series.primary] ?? null), `row ${i} comparison`);
    }
    assert.ok(series.points.some((p) => typeof p.values['free'] === 'number'), 'the readings of the last hours are in the series');

    // The CSV: exactly the range of the view, the same figures.
    const download = page.waitForEvent('download');
    await page.getByRole('link', { name: 'CSV-Datei mit genau diesem Zeitraum herunterladen' }).click();
    const csv = (await readFile(await (await download).path(), 'utf8')).replace(/^\uFEFF/, '').trim().split('\r\n');
    const header = csv[0]!.split(',');
    assert.deepEqual(header.slice(0, 2 + series.columns.length), ['start', 'end', ...series.columns]);
    assert.equal(csv.length - 1, series.points.length);
    assert.equal(csv[1]!.split(',')[0], series.from);
    assert.equal(csv[csv.length - 1]!.split(',')[1], series.to);
    const freeAt = header.indexOf('free');
    series.points.forEach((p, i) => assert.equal(csv[i + 1]!.split(',')[freeAt], p.values['free'] === null ? '' : String(p.values['free'])));

    // A custom range with date and time goes into the URL and the request.
    await page.getByLabel('Von', { exact: true }).fill('2026-01-05T08:00');
    await page.getByLabel('Bis', { exact: true }).fill('2026-01-05T20:30');
    const custom = page.waitForResponse((r) => r.url().includes('/api/dashboard/series/parking?'));
    await page.getByRole('button', { name: 'Zeitraum anzeigen' }).click();
    const url = new URL((await custom).url());
    assert.equal(url.searchParams.get('from'), await page.evaluate(() => new Date('2026-01-05T08:00').toISOString()));
    assert.equal(url.searchParams.get('compare'), 'previous');
    assert.match(page.url(), /zeitraum=custom&von=2026-01-05T08%3A00&bis=2026-01-05T20%3A30&vergleich=previous/);
    await page.getByRole('heading', { level: 2, name: /^Von .* bis / }).waitFor();

    // Without reduced motion the chart animates.
    await page.emulateMedia({ reducedMotion: 'no-preference' });
    await page.reload();
    await page.locator('.dash-chart[data-animated="true"] svg').waitFor();
    await page.emulateMedia({ reducedMotion: 'reduce' });

    await page.goto('/dashboard/reports?zeitraum=30d');
    await page.locator('.dash-chart svg').waitFor();
    await checkEveryView(page, 'details reports de');
    await page.goto('/dashboard/fibre?lang=en');
    await page.getByRole('heading', { level: 1, name: 'Fibre expansion' }).waitFor();
    await page.locator('.dash-chart svg').waitFor();
    await checkEveryView(page, 'details fibre en');
    assert.deepEqual(foreign, []);
    await context.close();
  });

  test('a tile embed renders without login and may be framed by any site; the easy-read page', { timeout: 120_000 }, async () => {
    const context = await newContext(e);
    const page = await context.newPage();
    const res = await page.goto('/einbetten/kachel/parking');
    assert.match(String(res!.headers()['content-security-policy']), /frame-ancestors \*/);
    await page.getByRole('heading', { level: 3, name: 'Freie Parkplätze' }).waitFor();
    assert.equal(await page.locator('header, footer').count(), 0, 'no site header or footer');
    assert.equal(await page.getByRole('button', { name: /Einbettungscode kopieren/ }).count(), 0);
    await checkEveryView(page, 'tile embed de');

    for (const lang of ['de', 'en']) {
      await page.goto(`/dashboard/leichte-sprache?lang=${lang}`);
      await page.getByRole('heading', { level: 1, name: lang === 'de' ? 'Das Dashboard in Leichter Sprache' : 'The dashboard in plain language' }).waitFor();
      await checkEveryView(page, `easy read ${lang}`);
    }
    await context.close();
  });

  test('keyboard only: skip link, navigation, a tile’s details, the range, the CSV — focus always visible', { timeout: 120_000 }, async () => {
    const context = await newContext(e);
    const page = await context.newPage();
    await page.goto('/');
    await page.locator('.dash-tile').first().waitFor();
    await tabTo(page, (el) => el.text === 'Zum Inhalt springen', 'skip link', 1);
    await page.keyboard.press('Enter');
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'main');
    await tabTo(page, (el) => el.text === 'Details: Freie Parkplätze', 'details link of the parking tile');
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: 'Freie Parkplätze' }).waitFor();
    await page.locator('.dash-chart svg').waitFor();
    await tabTo(page, (el) => el.text === '24 Stunden', 'range preset');
    await page.keyboard.press('Enter');
    await page.waitForURL(/zeitraum=24h/);
    await page.locator('.dash-series-table').waitFor();
    await tabTo(page, (el) => el.text.startsWith('CSV-Datei'), 'CSV link');
    const download = page.waitForEvent('download');
    await page.keyboard.press('Enter');
    assert.match((await download).suggestedFilename(), /^dashboard-parking-.*\.csv$/);
    // Back to the site navigation: from the top of the page, the header links take focus visibly.
    await page.goto('/dashboard/parking');
    await page.locator('.dash-chart svg').waitFor();
    await tabTo(page, (el) => el.text === 'Zum Inhalt springen', 'skip link on the details', 1);
    await tabTo(page, (el) => el.tag === 'a' && el.text === 'Verwaltungsleistungen', 'navigation', 15);
    await context.close();
  });

  test('start page: first-view JS ≤ 250 KB gzip without the map library; LCP < 2 s with mobile throttling', { timeout: 120_000 }, async () => {
    const context = await newContext(e, { width: 390 });
    const page = await context.newPage();
    const scripts: Promise<{ url: string; gzip: number }>[] = [];
    page.on('response', (r) => {
      if (r.request().resourceType() === 'script') scripts.push(r.body().then((b) => ({ url: r.url(), gzip: gzipSync(b).length })));
    });
    // LCP is a noisy measure (one slow frame on a shared machine moves it): the median of three
    // loads counts, each on a fresh page with Lighthouse's mobile profile ("slow 4G", CPU four
    // times slower).
    const measure = async (p: typeof page) => {
      const cdp = await context.newCDPSession(p);
      await cdp.send('Network.enable');
      await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 150, downloadThroughput: (1.6 * 1024 * 1024) / 8, uploadThroughput: (750 * 1024) / 8 });
      await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
      await p.goto('/');
      await p.locator('.dash-tile').first().waitFor();
      await p.waitForLoadState('networkidle');
      return p.evaluate(
        () =>
          new Promise<number>((resolve) => {
            new PerformanceObserver((list) => {
              const entries = list.getEntries();
              resolve(entries[entries.length - 1]!.startTime);
            }).observe({ type: 'largest-contentful-paint', buffered: true });
          }),
      );
    };
    const runs = [await measure(page)];
    for (let i = 0; i < 2; i++) {
      const again = await context.newPage();
      runs.push(await measure(again));
      await again.close();
    }
    const lcp = [...runs].sort((a, b) => a - b)[1]!;
    const loaded = await Promise.all(scripts);
    const firstView = loaded.filter((s) => !/maplibre/i.test(s.url));
    const total = firstView.reduce((a, s) => a + s.gzip, 0);
    assert.ok(!loaded.some((s) => /SeriesChart|echarts/i.test(s.url)), 'the chart library is not part of the first view');
    console.log(`start page: first-view JS ${(total / 1024).toFixed(1)} KB gzip in ${firstView.length} files; LCP median ${Math.round(lcp)} ms of ${runs.map(Math.round).join(', ')} (slow 4G, CPU ×4)`);
    assert.ok(total <= FIRST_VIEW_JS_BUDGET, `first-view JS is ${(total / 1024).toFixed(1)} KB gzip`);
    assert.ok(lcp < LCP_BUDGET_MS, `LCP median ${Math.round(lcp)} ms (${runs.map(Math.round).join(', ')})`);
    await context.close();
  });
});
