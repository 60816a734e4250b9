/**
 * Vereine & Kultur in a real browser: a search narrowed by category finds a club's event and leaves
 * out another category; a cancelled event says "Abgesagt" in words; the club's page lists its
 * events; the organisations view shows map and table in English; an invalid invitation link is
 * refused with a clear message. Search, event and organisation pages pass axe in light at 390 px
 * and dark at 1280 px (checkEveryView); the JSON-LD data blocks cause no CSP error; no request
 * leaves the platform. The served HTML of event and organisation pages carries their title and
 * JSON-LD before any script runs. The data is created through the API (demo data is off in tests).
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { randomBytes } from 'node:crypto';
import { PNG } from 'pngjs';
import { berlinLocal } from '../src/testing/community.js';
import { createStaff } from '../src/testing/staff.js';
import { multipart } from '../src/testing/uploads.js';
import { checkEveryView, expectAccessible, newContext, startE2E, watchForeignRequests, type E2E } from './harness.js';

describe('Vereine & Kultur in Chromium', () => {
  let e: E2E;
  const tag = randomBytes(3).toString('hex');
  const club = { name: `Chor am Deutschen Eck ${tag}`, slug: '', id: 0 };
  const concert = { title: `Sommerkonzert ${tag}`, id: 0 };
  const cancelled = { title: `Probe im Freien ${tag}`, id: 0 };
  const football = `Fußballtraining ${tag}`;

  before(async () => {
    e = await startE2E();
    const { t } = e;
    const city = await createStaff(t, 'editor', ['community']);
    const post = async <T>(url: string, payload: unknown, status = 201) => {
      const res = await t.app.inject({ method: 'POST', url, headers: city.headers, payload: payload as Record<string, unknown> });
      assert.equal(res.statusCode, status, res.body);
      return res.json<T>();
    };
    const org = await post<{ id: number; slug: string }>('/api/community/organisations', {
      name: club.name,
      category: 'music',
      description: 'Gemischter Chor, Proben jeden Dienstag.',
      address: 'Konrad-Adenauer-Ufer 1, 56068 Koblenz',
      location: { lat: 50.3644, lon: 7.6058 },
      publicContact: { email: 'chor@example.org', website: 'https://example.org/chor' },
      openingTimes: 'Proben dienstags 19:00–21:00',
      accessibility: 'Stufenloser Zugang, barrierefreies WC',
      membershipFees: '5 € im Monat',
      languages: ['Deutsch', 'Englisch'],
    });
    Object.assign(club, { id: org.id, slug: org.slug });
    await post(`/api/community/organisations/${org.id}/verify`, { verified: true }, 200);
    const now = t.clock.now();
    const event = (title: string, days: number, extra: Record<string, unknown>) =>
      post<{ id: number }>('/api/community/events', {
        organisationId: org.id,
        title,
        startsAt: berlinLocal(now, days, 18),
        endsAt: berlinLocal(now, days, 20),
        venue: { organisationId: org.id },
        categories: ['music'],
        ...extra,
      });
    concert.id = (await event(concert.title, 3, { free: true, accessibleVenue: true, price: 'Spenden erbeten' })).id;
    // Two images: the main one on the page, the other in the gallery below the description.
    for (const [alt, shade] of [
      ['Chor auf der Bühne', 90],
      ['Publikum im Saal', 180],
    ] as const) {
      const png = new PNG({ width: 12, height: 8 });
      png.data.fill(shade);
      const body = multipart({ alt }, [{ name: 'file', filename: 'bild.png', type: 'image/png', data: PNG.sync.write(png) }]);
      const res = await t.app.inject({
        method: 'POST',
        url: `/api/community/events/${concert.id}/images`,
        headers: { ...city.headers, ...body.headers },
        payload: body.payload,
      });
      assert.equal(res.statusCode, 201, res.body);
    }
    cancelled.id = (await event(cancelled.title, 5, { status: 'cancelled' })).id;
    await event(football, 4, { categories: ['sport'] });
  });
  after(() => e.close());

  test('search by category, a cancelled event, the club page, the map view and an invitation', { timeout: 300_000 }, async () => {
    const context = await newContext(e, { width: 390 });
    const page = await context.newPage();
    const foreign = watchForeignRequests(page, e.baseUrl);
    const cspErrors: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error' && /Content.Security.Policy/i.test(message.text())) cspErrors.push(message.text());
    });

    // Search: the category filter goes into the URL and narrows the list.
    await page.goto('/vereine');
    await page.getByRole('heading', { name: 'Vereine & Kultur', level: 1 }).waitFor();
    await page.getByRole('link', { name: football }).waitFor();
    await page.getByLabel('Kategorie').selectOption('music');
    await page.waitForURL(/kategorie=music/);
    await page.getByRole('link', { name: concert.title }).waitFor();
    await page.getByRole('link', { name: football }).waitFor({ state: 'detached' });
    const cancelledRow = page.locator('li.community-event', { has: page.getByRole('link', { name: cancelled.title }) });
    assert.match(await cancelledRow.innerText(), /Abgesagt/);
    await checkEveryView(page, 'search');

    // The cancelled event says so in words, in the heading and at its date; its JSON-LD is embedded.
    await page.getByRole('link', { name: cancelled.title }).click();
    await page.getByRole('heading', { level: 1, name: `Abgesagt ${cancelled.title}` }).waitFor();
    await page.getByText('Abgesagt: Diese Veranstaltung findet nicht statt.').waitFor();
    const eventLd = JSON.parse((await page.locator('script[type="application/ld+json"]').textContent()) ?? '{}') as {
      eventStatus?: string;
    };
    assert.match(eventLd.eventStatus ?? '', /EventCancelled/);
    await checkEveryView(page, 'event (cancelled)');

    // The club's page: its details, both events and its calendar feed.
    await page.getByRole('link', { name: club.name }).click();
    await page.getByRole('heading', { level: 1, name: club.name }).waitFor();
    await page.getByText('Von der Stadt geprüft').waitFor();
    await page.getByRole('link', { name: concert.title }).waitFor();
    await page.getByRole('link', { name: cancelled.title }).waitFor();
    assert.equal(
      await page.getByRole('link', { name: 'Veranstaltungen dieses Vereins abonnieren (iCalendar)' }).getAttribute('href'),
      `/api/community/organisations/${club.slug}/events.ics`,
    );
    await page.locator('script[type="application/ld+json"]').waitFor({ state: 'attached' });
    await checkEveryView(page, 'organisation');

    // Organisations in English: the table beside the map names the club.
    await page.goto('/vereine?ansicht=vereine&lang=en');
    await page.getByRole('region', { name: 'Map of clubs and institutions' }).waitFor();
    await page.getByRole('table').getByRole('link', { name: club.name }).waitFor();
    await expectAccessible(page, 'organisations (en)');

    // An invitation link that is not (or no longer) valid is refused in words.
    await page.goto('/vereine/einladung?token=aaaaaaaaaaaaaaaaaaaaaaaaaaaaaa&lang=de');
    await page.getByRole('button', { name: 'Einladung annehmen' }).click();
    await page.getByText('Diese Einladung ist ungültig, schon benutzt oder abgelaufen.').waitFor();

    assert.deepEqual(cspErrors, [], 'JSON-LD must not trip the CSP');
    assert.deepEqual(foreign, []);
    await context.close();
  });

  test('the served HTML of event and organisation pages carries title, description and JSON-LD; a page that is not public answers 404', async () => {
    const html = async (path: string, status = 200) => {
      const res = await fetch(`${e.baseUrl}${path}`);
      assert.equal(res.status, status, path);
      return res.text();
    };
    const dataBlock = (page: string) => {
      const m = /<script type="application\/ld\+json" id="page-jsonld">([^<]*)<\/script>/.exec(page);
      assert.ok(m, 'the JSON-LD data block is in the head');
      return JSON.parse(m[1]!) as { '@type': string; name: string; eventStatus?: string };
    };
    const eventPage = await html(`/vereine/veranstaltungen/${concert.id}`);
    assert.match(eventPage, new RegExp(`<title>${concert.title} – Confluentes</title>`));
    assert.deepEqual([dataBlock(eventPage)['@type'], dataBlock(eventPage).name], ['Event', concert.title]);
    assert.equal((dataBlock(eventPage) as { image?: string[] }).image?.length, 2);
    assert.match(dataBlock(await html(`/vereine/veranstaltungen/${cancelled.id}`)).eventStatus ?? '', /EventCancelled/);
    const clubPage = await html(`/vereine/${club.slug}`);
    assert.match(clubPage, /<meta name="description" content="[^"]+" \/>/);
    assert.deepEqual([dataBlock(clubPage)['@type'], dataBlock(clubPage).name], ['Organization', club.name]);
    // Unknown records: 404 with the shell (the web app says "not found"); the app's own pages stay plain.
    assert.ok(!(await html('/vereine/veranstaltungen/999999999', 404)).includes('page-jsonld'));
    assert.ok(!(await html('/vereine/gibt-es-nicht', 404)).includes('page-jsonld'));
    assert.ok(!(await html('/vereine/registrieren')).includes('page-jsonld'));

    // In the browser the page's own JSON-LD takes the server's place: one data block, not two.
    const context = await newContext(e, { width: 1280 });
    const page = await context.newPage();
    await page.goto(`/vereine/veranstaltungen/${concert.id}`);
    await page.getByRole('heading', { level: 1, name: concert.title }).waitFor();
    await page.locator('#page-jsonld').waitFor({ state: 'detached' });
    assert.equal(await page.locator('script[type="application/ld+json"]').count(), 1);
    // The main image and the gallery, each image named by its alternative text.
    await page.getByRole('img', { name: 'Chor auf der Bühne' }).waitFor();
    await page.getByRole('list', { name: 'Weitere Bilder' }).getByRole('img', { name: 'Publikum im Saal' }).waitFor();
    await checkEveryView(page, 'event with images');
    await context.close();
  });
});
