/**
 * Managing a club's events and the city's review in a real browser, with the city's approval of
 * events switched on (COMMUNITY_MODERATION=events). A representative registers and enrols, then in
 * the event editor gets an exploding rule (FREQ=SECONDLY) refused at the rule's field, creates a
 * weekly event of six dates with an image, and sees it waiting for approval. A city editor, coming
 * from the staff home page, verifies the club and approves the event on /staff/vereine/pruefen; a
 * visitor then finds the event with its six dates. The representative cancels it: it needs no new
 * approval and the public page says "Abgesagt". Event list, editor and review page pass axe in light
 * at 390 px and dark at 1280 px; no request leaves the platform.
 */
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import { PNG } from 'pngjs';
import { totpAt } from '../src/modules/identity/totp.js';
import { berlinLocal, linkIn } from '../src/testing/community.js';
import {
  checkEveryView,
  createStaffLink,
  E2E_PASSWORD,
  enrolInBrowser,
  expectAccessible,
  newContext,
  startE2E,
  watchForeignRequests,
  type E2E,
} from './harness.js';

describe('Vereine: the event editor and the city review in Chromium', () => {
  let e: E2E;
  const tag = randomBytes(3).toString('hex');
  const club = `Schachclub Ehrenbreitstein ${tag}`;
  const email = `schach-${tag}@example.org`;
  const title = `Offener Schachabend ${tag}`;

  before(async () => {
    e = await startE2E({ COMMUNITY_MODERATION: 'events' });
  });
  after(() => e.close());

  test('create a weekly event, review it as the city, cancel it', { timeout: 300_000 }, async () => {
    const registered = await e.t.app.inject({
      method: 'POST',
      url: '/api/community/register',
      payload: { email, displayName: 'Vorsitz Schachclub', organisation: { name: club, category: 'culture' } },
    });
    assert.equal(registered.statusCode, 202, registered.body);

    const context = await newContext(e, { width: 390 });
    const page = await context.newPage();
    const foreign = watchForeignRequests(page, e.baseUrl);
    page.on('dialog', (dialog) => void dialog.accept());

    // The representative enrols and opens the events of the club.
    const secret = await enrolInBrowser(
      e,
      page,
      linkIn(e.t, email, /https?:\/\/\S+\/staff\/enrol\?token=\S+/).replace(/^https?:\/\/[^/]+/, ''),
    );
    const id = Number(
      /\/staff\/vereine\/(\d+)$/.exec((await page.getByRole('link', { name: club }).getAttribute('href')) ?? '')?.[1],
    );
    assert.ok(id > 0);
    await page.goto(`/staff/vereine/${id}/termine`);
    await page.getByRole('heading', { level: 1, name: `Veranstaltungen: ${club}` }).waitFor();
    assert.equal(await page.getByRole('link', { name: 'Zurück zum Eintrag' }).getAttribute('href'), `/staff/vereine/${id}`);
    await page.getByText('Noch keine Veranstaltungen.').waitFor();
    await page.getByRole('link', { name: 'Neue Veranstaltung' }).click();
    await page.getByRole('heading', { level: 1, name: 'Neue Veranstaltung' }).waitFor();

    // An exploding rule in the advanced field: the server's refusal sits at that field.
    const now = e.t.clock.now();
    await page.getByLabel('Titel', { exact: true }).fill(title);
    await page.getByLabel('Beginn', { exact: true }).fill(berlinLocal(now, 7, 19));
    await page.getByLabel('Ende', { exact: true }).fill(berlinLocal(now, 7, 22));
    await page.getByRole('checkbox', { name: 'Kultur' }).check();
    await page.getByLabel('Wiederholt sich').selectOption('custom');
    await page.getByLabel('Regel (RRULE)').fill('FREQ=SECONDLY;COUNT=5');
    await page.getByRole('button', { name: 'Veranstaltung anlegen' }).click();
    await page.locator('#event-rrule[aria-invalid="true"]').waitFor();
    assert.match((await page.getByLabel('Regel (RRULE)').getAttribute('aria-describedby')) ?? '', /event-rrule-error/);
    assert.match(await page.locator('#event-rrule-error').innerText(), /Diese Wiederholung ist nicht möglich.*FREQ/s);
    await checkEveryView(page, 'event editor with a refused rule');

    // Weekly on the start's weekday (chosen for it), six dates.
    await page.getByLabel('Wiederholt sich').selectOption('weekly');
    assert.equal(await page.getByRole('checkbox', { checked: true }).count(), 2, 'the category and the start’s weekday');
    // The start is the first date of a series: its weekday cannot be left out.
    const startDay = new Intl.DateTimeFormat('de-DE', { weekday: 'long', timeZone: 'Europe/Berlin' }).format(
      new Date(now.getTime() + 7 * 86_400_000),
    );
    const otherDay = startDay === 'Montag' ? 'Dienstag' : 'Montag';
    await page.getByRole('checkbox', { name: otherDay }).check();
    await page.getByRole('checkbox', { name: startDay }).uncheck();
    await page.getByRole('button', { name: 'Veranstaltung anlegen' }).click();
    await page.getByText('Der Wochentag des Beginns muss dabei sein').waitFor();
    await page.getByRole('checkbox', { name: startDay }).check();
    await page.getByRole('checkbox', { name: otherDay }).uncheck();
    await page.getByLabel('Anzahl der Termine').fill('6');
    await page.getByRole('button', { name: 'Veranstaltung anlegen' }).click();
    await page.getByRole('heading', { level: 1, name: `Veranstaltung bearbeiten: ${title}` }).waitFor();
    const eventId = Number(/\/termine\/(\d+)$/.exec(new URL(page.url()).pathname)?.[1]);
    assert.ok(eventId > 0);
    await page.getByRole('status').filter({ hasText: 'Die Veranstaltung wartet auf Freigabe durch die Stadt' }).waitFor();
    await page.getByRole('heading', { level: 2, name: '6 Termine' }).waitFor();
    const png = new PNG({ width: 8, height: 8 });
    png.data.fill(90);
    // An image needs its alternative text: asked for at the field, then stored with it.
    await page.getByLabel('Bilddatei').setInputFiles({ name: 'schach.png', mimeType: 'image/png', buffer: PNG.sync.write(png) });
    await page.getByRole('button', { name: 'Bild hochladen' }).click();
    await page.getByText('Bitte beschreiben Sie, was das Bild zeigt.').waitFor();
    await page.getByLabel('Alternativtext').fill('Schachbrett mit Figuren im Vereinsheim');
    await page.getByRole('button', { name: 'Bild hochladen' }).click();
    await page.getByRole('img', { name: 'Schachbrett mit Figuren im Vereinsheim' }).waitFor();
    await page.getByRole('button', { name: 'Bild entfernen: Schachbrett mit Figuren im Vereinsheim' }).waitFor();
    await expectAccessible(page, 'event editor');

    await page.getByRole('link', { name: `Alle Veranstaltungen von ${club}` }).click();
    const row = page.getByRole('row').filter({ has: page.getByRole('link', { name: title }) });
    await row.getByText('wartet auf Freigabe durch die Stadt').waitFor();
    await checkEveryView(page, 'event list');

    // The city: from the staff home to the review, verify the club and approve the event.
    await context.clearCookies();
    const { url } = await createStaffLink(e, { role: 'editor', displayName: 'Clara Community', modules: ['community'] });
    await enrolInBrowser(e, page, url);
    await page.getByRole('link', { name: 'Vereine & Kultur prüfen' }).click();
    await page.getByRole('heading', { level: 1, name: 'Vereine & Kultur prüfen' }).waitFor();
    const verify = page.getByRole('button', { name: `Als geprüft bestätigen: ${club}` });
    const approve = page.getByRole('button', { name: `Freigeben: ${title}` });
    await verify.waitFor();
    await approve.waitFor();
    await checkEveryView(page, 'city review');
    await verify.click();
    await page
      .getByRole('status')
      .filter({ hasText: `„${club}“ ist geprüft und öffentlich.` })
      .waitFor();
    await verify.waitFor({ state: 'detached' });
    await approve.click();
    await page
      .getByRole('status')
      .filter({ hasText: `„${title}“ ist freigegeben.` })
      .waitFor();
    await page.getByText('Keine Veranstaltung wartet auf Freigabe.').waitFor();

    // A visitor finds the event with its six dates.
    await context.clearCookies();
    await page.goto(`/vereine/veranstaltungen/${eventId}`);
    await page.getByRole('heading', { level: 1, name: title }).waitFor();
    assert.equal(await page.getByRole('region', { name: 'Termine' }).getByRole('listitem').count(), 6);
    await page.getByRole('img', { name: 'Schachbrett mit Figuren im Vereinsheim' }).waitFor();

    // The representative logs in again and cancels: no new approval, the public page says so.
    e.t.clock.advance(30_000); // a new time step: the enrolment code may not be replayed
    await page.goto('/staff/login');
    await page.getByLabel('E-Mail-Adresse').fill(email);
    await page.getByLabel('Passwort', { exact: true }).fill(E2E_PASSWORD);
    await page.getByRole('button', { name: 'Weiter' }).click();
    await page.getByLabel('Sechsstelliger Code').fill(totpAt(secret, e.t.clock.now()));
    await page.getByRole('button', { name: 'Anmelden' }).click();
    await page.getByRole('heading', { name: 'Mitarbeiterbereich', level: 1 }).waitFor();
    await page.goto(`/staff/vereine/${id}/termine/${eventId}?lang=en`);
    await page.getByRole('heading', { level: 1, name: `Edit event: ${title}` }).waitFor();
    await page.getByRole('region', { name: 'State' }).getByText('approved', { exact: true }).waitFor();
    await expectAccessible(page, 'event editor (en)');
    await page.goto(`/staff/vereine/${id}/termine/${eventId}?lang=de`);
    await page.getByRole('button', { name: 'Veranstaltung absagen' }).click();
    await page.getByRole('status').filter({ hasText: 'Die Veranstaltung ist abgesagt.' }).waitFor();
    const state = page.getByRole('region', { name: 'Stand' });
    await state.getByText('Abgesagt').waitFor();
    await state.getByText('freigegeben', { exact: true }).waitFor();
    await page.getByRole('button', { name: 'Absage zurücknehmen' }).waitFor();

    await context.clearCookies();
    await page.goto(`/vereine/veranstaltungen/${eventId}`);
    await page.getByRole('heading', { level: 1, name: `Abgesagt ${title}` }).waitFor();
    await page.getByText('Abgesagt: Diese Veranstaltung findet nicht statt.').waitFor();

    assert.deepEqual(foreign, []);
    await context.close();
  });
});
