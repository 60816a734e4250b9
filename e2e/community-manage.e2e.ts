/**
 * The pages of clubs' representatives in a real browser. A club registers on /vereine/registrieren
 * (an invalid address is named at its field; then "check your e-mail"; one more registration from
 * the same address is refused with 429 in words), enrols through the mailed link, finds its entry on
 * /staff and no access to the staff back office, and is told why the notice board is closed before
 * the city has checked it. After the city's check it edits the entry (a bad website is named at its
 * field), which the public page then shows, uploads a logo (a file that is no image is refused at
 * the field), invites a co-editor, and posts, changes and closes a notice. Registration, entry and
 * notice board pass axe in light at 390 px and dark at 1280 px; the board also in English; no
 * request leaves the platform.
 */
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import { PNG } from 'pngjs';
import { createStaff } from '../src/testing/staff.js';
import {
  checkEveryView,
  enrolInBrowser,
  expectAccessible,
  newContext,
  startE2E,
  watchForeignRequests,
  type E2E,
} from './harness.js';

describe('Vereine: registration, the entry, members and the notice board in Chromium', () => {
  let e: E2E;
  const tag = randomBytes(3).toString('hex');
  const club = `Kanuclub Moselufer ${tag}`;
  const email = `kanu-${tag}@example.org`;
  const coEditor = `kasse-${tag}@example.org`;
  const description = `Paddeln auf der Mosel ${tag}, für alle ab 8 Jahren.`;
  const notice = `Bootsanhänger zu verleihen ${tag}`;

  before(async () => {
    // Two registrations an hour from one address, so the third shows the limit.
    e = await startE2E({ COMMUNITY_REGISTER_PER_HOUR: '2' });
  });
  after(() => e.close());

  test('register, enrol, edit the entry, logo, invite, notice board', { timeout: 300_000 }, async () => {
    const context = await newContext(e, { width: 390 });
    const page = await context.newPage();
    const foreign = watchForeignRequests(page, e.baseUrl);
    page.on('dialog', (dialog) => void dialog.accept());

    // Registration, linked from the search page. The server judges the address and names the field.
    await page.goto('/vereine');
    await page.getByRole('link', { name: 'Verein eintragen' }).click();
    await page.getByRole('heading', { level: 1, name: 'Verein oder Einrichtung eintragen' }).waitFor();
    const fillRegistration = async (address: string) => {
      await page.getByLabel('E-Mail-Adresse').fill(address);
      await page.getByLabel('Ihr Name').fill('Vorsitz Kanuclub');
      await page.getByLabel('Name des Vereins oder der Einrichtung').fill(club);
      await page.getByLabel('Kategorie').selectOption('sport');
      await page.getByLabel('Stadtteil (optional)').selectOption('altstadt');
      await page.getByRole('button', { name: 'Registrieren' }).click();
    };
    await fillRegistration('kein-verein');
    await page.locator('#register-email[aria-invalid="true"]').waitFor();
    assert.match((await page.getByLabel('E-Mail-Adresse').getAttribute('aria-describedby')) ?? '', /register-email-error/);
    assert.match(await page.locator('#register-email-error').innerText(), /email/);
    await page.waitForFunction(() => document.activeElement?.id === 'register-email');
    await checkEveryView(page, 'registration with a field error');

    await fillRegistration(email);
    await page.getByRole('heading', { name: 'Bitte prüfen Sie Ihr E-Mail-Postfach' }).waitFor();
    await page.getByText(`Wir haben eine E-Mail an ${email} geschickt.`).waitFor();
    await expectAccessible(page, 'registration sent');

    await page.reload();
    await fillRegistration(`noch-einer-${tag}@example.org`);
    await page.getByRole('alert').filter({ hasText: 'zu viele Registrierungen' }).waitFor();

    // The mailed link: password and authenticator, then the account's start page lists the club.
    const mail = e.t.mailer.sent.findLast((m) => m.to === email);
    const link = /https?:\/\/\S+\/staff\/enrol\?token=\S+/.exec(mail?.text ?? '')?.[0];
    assert.ok(link, 'confirmation mail with the enrolment link');
    await enrolInBrowser(e, page, link.replace(/^https?:\/\/[^/]+/, ''));
    await page.getByRole('link', { name: club }).click();
    await page.getByRole('heading', { level: 1, name: `Eintrag bearbeiten: ${club}` }).waitFor();
    const id = Number(/\/staff\/vereine\/(\d+)$/.exec(new URL(page.url()).pathname)?.[1]);
    assert.ok(id > 0);
    await page.getByText('Noch nicht von der Stadt geprüft.').waitFor();
    assert.equal(
      await page.getByRole('link', { name: 'Veranstaltungen verwalten' }).getAttribute('href'),
      `/staff/vereine/${id}/termine`,
    );

    // Before the city's check the notice board explains instead of listing; the back office is closed.
    await page.getByRole('link', { name: 'Pinnwand der Vereine' }).click();
    await page.getByText('Die Pinnwand ist für Vereine und Einrichtungen da, die die Stadt geprüft hat.').waitFor();
    await page.goto('/staff/parken');
    await page.getByRole('heading', { level: 1, name: 'Kein Zugriff' }).waitFor();

    const city = await createStaff(e.t, 'editor', ['community']);
    const verified = await e.t.app.inject({
      method: 'POST',
      url: `/api/community/organisations/${id}/verify`,
      headers: city.headers,
      payload: { verified: true },
    });
    assert.equal(verified.statusCode, 200, verified.body);

    // Editing the entry: a website without https:// is named at its field, then everything is saved.
    await page.goto(`/staff/vereine/${id}`);
    await page.getByText('Von der Stadt geprüft').waitFor();
    await page.getByLabel('Beschreibung (optional)').fill(description);
    await page.getByLabel('Öffnungs- und Trainingszeiten (optional)').fill('Training samstags 10 Uhr');
    await page.getByLabel('Sprachen (optional)').fill('Deutsch, Französisch');
    await page.getByRole('button', { name: 'Link hinzufügen' }).click();
    await page.getByLabel('Bezeichnung von Link 1').fill('Vereinschronik');
    await page.getByLabel('Adresse von Link 1').fill('https://example.org/chronik');
    await page.getByLabel('Website (optional)').fill('kanuclub.example.org');
    await page.getByRole('button', { name: 'Speichern' }).click();
    await page.locator('#org-publicWebsite[aria-invalid="true"]').waitFor();
    await page.getByLabel('Website (optional)').fill('https://kanuclub.example.org');
    await page.getByRole('button', { name: 'Speichern' }).click();
    await page.getByRole('status').filter({ hasText: 'Gespeichert.' }).waitFor();

    // The logo: a file that is no image is refused at the field, a PNG is shown.
    const logo = page.getByLabel('Bilddatei');
    await logo.setInputFiles({ name: 'logo.png', mimeType: 'image/png', buffer: Buffer.from('kein Bild') });
    await page.getByRole('button', { name: 'Logo hochladen' }).click();
    await page.locator('#org-logo-file-error').filter({ hasText: 'Diese Datei ist kein Bild' }).waitFor();
    const png = new PNG({ width: 8, height: 8 });
    png.data.fill(120);
    await logo.setInputFiles({ name: 'logo.png', mimeType: 'image/png', buffer: PNG.sync.write(png) });
    await page.getByRole('button', { name: 'Logo hochladen' }).click();
    await page.getByRole('img', { name: `Logo von ${club}` }).waitFor();

    // A co-editor is invited by e-mail and listed until they accept.
    await page.getByLabel('E-Mail-Adresse').fill(coEditor);
    await page.getByLabel('Rolle', { exact: true }).selectOption('editor');
    await page.getByRole('button', { name: 'Einladung senden' }).click();
    await page
      .getByRole('status')
      .filter({ hasText: `Die Einladung an ${coEditor} ist verschickt.` })
      .waitFor();
    await page.getByRole('region', { name: 'Mitglieder und Einladungen' }).getByText(coEditor, { exact: true }).waitFor();
    assert.match(e.t.mailer.sent.findLast((m) => m.to === coEditor)?.text ?? '', /\/vereine\/einladung\?token=/);
    await checkEveryView(page, 'entry');

    // The public page shows what was saved.
    await page.getByRole('link', { name: 'Öffentliche Seite ansehen' }).click();
    await page.getByRole('heading', { level: 1, name: club }).waitFor();
    await page.getByText(description).waitFor();
    await page.getByRole('link', { name: 'Vereinschronik' }).waitFor();

    // The notice board: post an offer, change it, close it.
    await page.goto('/staff/vereine/pinnwand');
    await page.getByText(`Sie schreiben für: ${club}`).waitFor();
    await page.getByLabel('Art', { exact: true }).selectOption('offer');
    await page.getByLabel('Titel', { exact: true }).fill(notice);
    await page.getByLabel('Kontakt (optional)').fill('Tel. 0261 000000');
    await page.getByRole('button', { name: 'Veröffentlichen' }).click();
    const item = page.getByRole('article', { name: `Angebot ${notice}` });
    await item.waitFor();
    await checkEveryView(page, 'notice board');
    await item.getByRole('button', { name: `Bearbeiten: ${notice}` }).click();
    await item.getByLabel('Titel', { exact: true }).fill(`${notice} (mit Plane)`);
    await item.getByRole('button', { name: 'Speichern' }).click();
    const changed = page.getByRole('article', { name: `Angebot ${notice} (mit Plane)` });
    await changed.waitFor();
    await changed.getByRole('button', { name: `Schließen: ${notice} (mit Plane)` }).click();
    await changed.waitFor({ state: 'detached' });
    await page.getByText('Zurzeit keine Einträge.').waitFor();

    await page.goto('/staff/vereine/pinnwand?lang=en');
    await page.getByRole('heading', { level: 1, name: 'Clubs’ notice board' }).waitFor();
    await expectAccessible(page, 'notice board (en)');

    // A second organisation from the account's start page: missing facts at their fields, then the
    // new entry's management page (the account is its owner).
    await page.goto('/staff?lang=de'); // back from the English notice board
    await page.getByRole('link', { name: 'Weiteren Verein oder weitere Einrichtung eintragen' }).click();
    await page.getByRole('heading', { level: 1, name: 'Weiteren Verein oder weitere Einrichtung eintragen' }).waitFor();
    await page.getByRole('button', { name: 'Eintragen' }).click();
    await page.getByText('Bitte geben Sie den Namen des Vereins oder der Einrichtung an.').waitFor();
    await expectAccessible(page, 'another organisation, with errors');
    const second = `Förderverein ${club}`;
    await page.getByLabel('Name des Vereins oder der Einrichtung').fill(second);
    await page.getByLabel('Kategorie').selectOption('social');
    await page.getByRole('button', { name: 'Eintragen' }).click();
    await page.getByRole('heading', { level: 1, name: `Eintrag bearbeiten: ${second}` }).waitFor();
    await page.getByText('Noch nicht von der Stadt geprüft.').waitFor();

    assert.deepEqual(foreign, []);
    await context.close();
  });
});
