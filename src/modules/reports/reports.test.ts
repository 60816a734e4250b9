import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import jpeg from 'jpeg-js';
import { createTestApp, type TestApp } from '../../testing/harness.js';
import { createStaff, type StaffSession } from '../../testing/staff.js';
import { jpegWithGps, multipart } from '../../testing/uploads.js';
import { classify, trainNaiveBayes } from './reports.classifier.js';
import { detectImage, processPhoto } from './reports.photos.js';

const CENTRE = { lat: 50.3597, long: 7.5958 };
const DAY = 86_400_000;

describe('photos', () => {
  test('a JPEG carrying GPS EXIF comes out without it; PNG and thumbnails are re-encoded', () => {
    const input = jpegWithGps();
    assert.ok(input.includes(Buffer.from('Exif')) && input.includes(Buffer.from('GPS 50.3597N')));
    const out = processPhoto(input, 'media');
    assert.equal(out.mime, 'image/jpeg');
    assert.equal(detectImage(out.data), 'jpeg');
    for (const buf of [out.data, out.thumb]) {
      assert.ok(!buf.includes(Buffer.from('Exif')) && !buf.includes(Buffer.from('GPS')), 'no EXIF, no GPS');
      assert.ok(!buf.includes(Buffer.from([0xff, 0xe1])), 'no APP1 segment');
    }
    assert.deepEqual([out.width, out.height], [40, 30]);
  });

  test('a script renamed to .jpg is rejected by content; oversize photos are refused', () => {
    assert.throws(() => processPhoto(Buffer.from('#!/bin/sh\nrm -rf /\n'), 'media'), { code: 'REPORTS_PHOTO_INVALID' });
    assert.throws(() => processPhoto(Buffer.from([0xff, 0xd8, 0xff, 0x00, 0x01]), 'media'), { code: 'REPORTS_PHOTO_INVALID' });
    assert.throws(() => processPhoto(jpegWithGps(), 'media', { maxBytes: 100, maxSide: 2048, thumbSide: 320 }), { code: 'REPORTS_PHOTO_TOO_LARGE' });
  });
});

describe('category suggestion', () => {
  test('the local model ranks the obvious category first', () => {
    const model = trainNaiveBayes([
      { label: 'strassenbeleuchtung', text: 'Straßenbeleuchtung Laterne Leuchte dunkel Mast flackert' },
      { label: 'hundekot', text: 'Hundekot Hund Kot Hundehaufen Beutel' },
      { label: 'strassenschaeden', text: 'Straßenschäden Schlagloch Fahrbahn Gehweg Pflaster' },
    ]);
    assert.equal(classify(model, 'Die Laternen in unserer Straße sind alle dunkel')[0]!.label, 'strassenbeleuchtung');
    assert.equal(classify(model, 'Riesiges Schlagloch auf der Fahrbahn')[0]!.label, 'strassenschaeden');
    assert.deepEqual(classify(model, 'xyz'), []);
  });
});

describe('Schadensmelder web form, staff workflow and privacy', () => {
  let t: TestApp;
  let admin: StaffSession;
  let editor: StaffSession;
  let viewer: StaffSession;
  let outsider: StaffSession;
  let n = 0;
  const submit = (payload: Record<string, unknown>, ip = `10.7.${++n % 250}.1`) =>
    t.app.inject({ method: 'POST', url: '/api/reports/requests', remoteAddress: ip, payload });

  before(async () => {
    t = await createTestApp({ REPORTS_WEB_PER_HOUR: '3', REPORTS_RETENTION_DAYS: '30' });
    [admin, editor, viewer, outsider] = await Promise.all([
      createStaff(t, 'admin'),
      createStaff(t, 'editor', ['reports']),
      createStaff(t, 'viewer'),
      createStaff(t, 'editor', ['content']),
    ]);
  });
  after(() => t.close());

  test('multipart web submission: photo stored without EXIF, public only after staff release', async () => {
    const m = multipart({ service_code: 'spielplaetze', lat: String(CENTRE.lat), long: String(CENTRE.long), description: 'Schaukelkette gerissen' }, [
      { name: 'media', filename: 'schaukel.jpg', type: 'image/jpeg', data: jpegWithGps() },
    ]);
    const res = await t.app.inject({ method: 'POST', url: '/api/reports/requests', remoteAddress: '10.6.0.1', ...m });
    assert.equal(res.statusCode, 201, res.body);
    const id = res.json<{ id: string }>().id;
    const detail = (await t.app.inject({ url: `/api/reports/requests/${id}`, headers: editor.headers })).json<{ photos: { id: number; released: boolean }[]; suggestedServiceCode: string | null }>();
    assert.equal(detail.photos.length, 1);
    assert.equal(detail.photos[0]!.released, false);
    const photoId = detail.photos[0]!.id;
    assert.equal((await t.app.inject({ url: `/api/reports/photos/${photoId}` })).statusCode, 404, 'not public before release');
    const pub = (await t.app.inject({ url: `/open311/v2/requests/${id}.json` })).json<{ media_url: string | null }[]>()[0]!;
    assert.equal(pub.media_url, null);

    const rel = await t.app.inject({ method: 'POST', url: `/api/reports/requests/${id}/moderation`, headers: editor.headers, payload: { releasePhotos: true } });
    assert.equal(rel.statusCode, 200, rel.body);
    const img = await t.app.inject({ url: `/api/reports/photos/${photoId}` });
    assert.equal(img.statusCode, 200);
    assert.equal(img.headers['content-type'], 'image/jpeg');
    assert.ok(!img.rawPayload.includes(Buffer.from('Exif')) && !img.rawPayload.includes(Buffer.from('GPS')));
    assert.equal((await t.app.inject({ url: `/api/reports/photos/${photoId}/thumb` })).statusCode, 200);
    assert.ok((await t.app.inject({ url: `/open311/v2/requests/${id}.json` })).json<{ media_url: string }[]>()[0]!.media_url.endsWith(`/api/reports/photos/${photoId}`));

    // Black out a part, then hide the photo altogether.
    const red = await t.app.inject({ method: 'PATCH', url: `/api/reports/photos/${photoId}`, headers: editor.headers, payload: { redact: [{ x: 0, y: 0, w: 0.5, h: 0.5 }] } });
    assert.equal(red.statusCode, 200, red.body);
    const after = jpeg.decode((await t.app.inject({ url: `/api/reports/photos/${photoId}` })).rawPayload, { useTArray: true });
    assert.ok(after.data[0]! < 20 && after.data[1]! < 20, 'top-left pixel blacked out');
    await t.app.inject({ method: 'PATCH', url: `/api/reports/photos/${photoId}`, headers: editor.headers, payload: { hidden: true } });
    assert.equal((await t.app.inject({ url: `/api/reports/photos/${photoId}` })).statusCode, 404);
    assert.equal((await t.app.inject({ url: `/api/reports/photos/${photoId}/original`, headers: editor.headers })).statusCode, 200, 'staff still see it');
  });

  test('a script uploaded as .jpg is refused with a clear 400', async () => {
    const m = multipart({ service_code: 'sonstiges', lat: String(CENTRE.lat), long: String(CENTRE.long), description: 'Anhang' }, [
      { name: 'media', filename: 'foto.jpg', type: 'image/jpeg', data: Buffer.from('<?php system($_GET["c"]); ?>') },
    ]);
    const res = await t.app.inject({ method: 'POST', url: '/api/reports/requests', remoteAddress: '10.6.0.2', ...m });
    assert.equal(res.statusCode, 400);
    assert.equal(res.json<{ code: string }>().code, 'REPORTS_PHOTO_INVALID');
    assert.match(res.headers['content-type'] as string, /application\/problem\+json/);
  });

  test('honeypot, rate limits per IP and per e-mail, blocklist', async () => {
    const bot = await submit({ service_code: 'sonstiges', ...CENTRE, description: 'Buy now', website: 'http://spam' });
    assert.equal(bot.statusCode, 400);
    const ip = '10.5.5.5';
    for (let i = 0; i < 3; i++) assert.equal((await submit({ service_code: 'sonstiges', ...CENTRE, description: `Nummer ${i}` }, ip)).statusCode, 201);
    const fourth = await submit({ service_code: 'sonstiges', ...CENTRE, description: 'Nummer 4' }, ip);
    assert.equal(fourth.statusCode, 429);
    assert.equal(fourth.json<{ code: string }>().code, 'REPORTS_RATE_LIMITED');
    assert.match(fourth.json<{ detail: string }>().detail, /^Too many reports from your network address: at most 3 per hour\. Please try again in \d+ minutes\.$/);
    const retry = Number(fourth.headers['retry-after']);
    assert.ok(retry > 3000 && retry <= 3600, `Retry-After ${fourth.headers['retry-after']}`);
    // Per e-mail: 3 per hour per IP configured → 1 per e-mail.
    assert.equal((await submit({ service_code: 'sonstiges', ...CENTRE, description: 'Mail 1', email: 'vielmelder@example.org' })).statusCode, 201);
    assert.equal((await submit({ service_code: 'sonstiges', ...CENTRE, description: 'Mail 2', email: 'vielmelder@example.org' })).statusCode, 429);

    const block = await t.app.inject({ method: 'POST', url: '/api/reports/blocklist', headers: editor.headers, payload: { pattern: '@spam.example', reason: 'test' } });
    assert.equal(block.statusCode, 200, block.body);
    const refused = await submit({ service_code: 'sonstiges', ...CENTRE, description: 'Hallo', email: 'x@spam.example' });
    assert.equal(refused.statusCode, 400);
    assert.equal(refused.json<{ code: string }>().code, 'REPORTS_SUBMISSION_REJECTED');
    assert.equal((await t.app.inject({ method: 'POST', url: '/api/reports/blocklist', headers: viewer.headers, payload: { pattern: '@x.de' } })).statusCode, 403);
  });

  test('text with personal data is held; outside the city and bad fields are clear 400s', async () => {
    const res = await submit({ service_code: 'sonstiges', ...CENTRE, description: 'Rufen Sie mich an: 0261 1234567' });
    assert.equal(res.statusCode, 201);
    const pub = (await t.app.inject({ url: `/open311/v2/requests/${res.json<{ id: string }>().id}.json` })).json<{ description: string | null }[]>()[0]!;
    assert.equal(pub.description, null);
    const outside = await submit({ service_code: 'sonstiges', lat: 48.1, long: 11.5, description: 'München' });
    assert.equal(outside.statusCode, 400);
    assert.equal(outside.json<{ code: string; errors: { field: string }[] }>().code, 'REPORTS_LOCATION_OUTSIDE_CITY');
    assert.match(outside.json<{ detail: string }>().detail, /outside Koblenz/);
    assert.equal((await submit({ service_code: 'gibtsnicht', ...CENTRE, description: 'x y z' })).statusCode, 404);
    assert.equal((await submit({ service_code: 'sonstiges', ...CENTRE, description: '' })).json<{ code: string }>().code, 'REPORTS_DESCRIPTION_MISSING');
  });

  test('malformed forms, huge bodies, too many photos, unknown codes: a clear 4xx, never a 500', async () => {
    const raw = (payload: string | Buffer, contentType: string, ip: string) =>
      t.app.inject({ method: 'POST', url: '/api/reports/requests', remoteAddress: ip, headers: { 'content-type': contentType }, payload });
    const problem = (res: { statusCode: number; headers: Record<string, unknown>; body: string }, status: number) => {
      assert.equal(res.statusCode, status, res.body);
      assert.match(res.headers['content-type'] as string, /application\/problem\+json/);
      return JSON.parse(res.body) as { code: string; detail: string; errors?: { field: string }[] };
    };
    problem(await raw('{"service_code": "sonstiges", ', 'application/json', '10.3.0.1'), 400);
    problem(await raw('service_code=sonstiges&lat=%E0%A4%A&description=x', 'application/x-www-form-urlencoded', '10.3.0.2'), 400);
    const brokenMultipart = await raw('--xyz\r\nContent-Disposition: form-data; name="service_code"\r\n\r\nsonst', 'multipart/form-data; boundary=xyz', '10.3.0.3');
    assert.equal(problem(brokenMultipart, 400).code, 'REPORTS_BODY_MALFORMED');
    const huge = problem(await raw(JSON.stringify({ service_code: 'sonstiges', description: 'x'.repeat(2_000_000) }), 'application/json', '10.3.0.4'), 413);
    assert.ok(huge.detail);
    const photo = { name: 'media', filename: 'a.jpg', type: 'image/jpeg', data: jpegWithGps() };
    const four = multipart({ service_code: 'sonstiges', lat: String(CENTRE.lat), long: String(CENTRE.long), description: 'Vier Fotos' }, [photo, photo, photo, photo]);
    const tooMany = await t.app.inject({ method: 'POST', url: '/api/reports/requests', remoteAddress: '10.3.0.5', ...four });
    assert.ok(tooMany.statusCode >= 400 && tooMany.statusCode < 500, `${tooMany.statusCode} ${tooMany.body}`);
    const badLat = problem(await submit({ service_code: 'sonstiges', lat: 'nördlich', long: 7.59, description: 'Wo?' }), 400);
    assert.match(badLat.detail, /lat must be a decimal number/);
    assert.equal(problem(await submit({ service_code: 'sonstiges', lat: '1e999', long: '7.59', description: 'Weit weg' }), 400).code, 'REPORTS_COORDINATE_INVALID');
    const pole = problem(await submit({ service_code: 'sonstiges', lat: '89.9', long: '7.59', description: 'Nordpol' }), 400);
    assert.match(pole.detail, /^The location 89\.9, 7\.59 is outside Koblenz/);
    const unknown = problem(await submit({ service_code: 'gibtsnicht', ...CENTRE, description: 'x y z' }), 404);
    assert.equal(unknown.detail, 'There is no category with service_code "gibtsnicht".');
    const nearbyUnknown = problem(await t.app.inject({ url: '/api/reports/nearby?service_code=gibtsnicht&lat=50.36&long=7.59' }), 404);
    assert.equal(nearbyUnknown.code, 'REPORTS_SERVICE_CODE_UNKNOWN');
    const listUnknown = await t.app.inject({ url: '/open311/v2/requests.json?service_code=strassenschaeden,gibtsnicht' });
    assert.equal(listUnknown.statusCode, 400);
    assert.deepEqual(listUnknown.json(), [{ code: 400, description: 'Unknown service_code: gibtsnicht.' }]);
    const mail = problem(await submit({ service_code: 'sonstiges', ...CENTRE, description: 'Mit Adresse', email: 'keine-adresse' }), 400);
    assert.equal(mail.code, 'REPORTS_EMAIL_INVALID');
  });

  test('nearby open reports of the same category, and supporting one instead of a duplicate', async () => {
    const first = await submit({ service_code: 'stadtmobiliar', lat: 50.3588, long: 7.6013, description: 'Bank kaputt am Clemensplatz' });
    const id = first.json<{ id: string }>().id;
    const near = await t.app.inject({ url: '/api/reports/nearby?service_code=stadtmobiliar&lat=50.3589&long=7.6014' });
    assert.equal(near.statusCode, 200);
    assert.ok(near.json<{ items: { id: string }[] }>().items.some((r) => r.id === id));
    const far = await t.app.inject({ url: '/api/reports/nearby?service_code=stadtmobiliar&lat=50.39&long=7.56' });
    assert.ok(!far.json<{ items: { id: string }[] }>().items.some((r) => r.id === id));
    const s1 = await t.app.inject({ method: 'POST', url: `/api/reports/requests/${id}/support`, remoteAddress: '10.4.0.1', payload: {} });
    assert.deepEqual(s1.json(), { supporters: 1, added: true });
    const again = await t.app.inject({ method: 'POST', url: `/api/reports/requests/${id}/support`, remoteAddress: '10.4.0.1', payload: {} });
    assert.equal(again.json<{ added: boolean }>().added, false);
  });

  test('staff workflow: 401 without login, 403 for viewers and other editors, forward, merge, canned replies, overdue', async () => {
    // r1 was reported three weeks ago: past the 10-working-day answer target of street lighting.
    t.clock.advance(-21 * DAY);
    const r1 = (await submit({ service_code: 'strassenbeleuchtung', lat: 50.371, long: 7.589, description: 'Laterne dunkel' })).json<{ id: string }>().id;
    t.clock.advance(21 * DAY);
    const r2 = (await submit({ service_code: 'strassenbeleuchtung', lat: 50.3711, long: 7.5891, description: 'Laterne aus' })).json<{ id: string }>().id;
    assert.equal((await t.app.inject({ url: '/api/reports/inbox' })).statusCode, 401);
    assert.equal((await t.app.inject({ url: `/api/reports/inbox`, headers: viewer.headers })).statusCode, 200, 'viewers read');
    const denied = await t.app.inject({ method: 'POST', url: `/api/reports/requests/${r1}/status`, headers: viewer.headers, payload: { status: 'accepted' } });
    assert.equal(denied.statusCode, 403);
    assert.equal((await t.app.inject({ method: 'POST', url: `/api/reports/requests/${r1}/status`, headers: outsider.headers, payload: { status: 'accepted' } })).statusCode, 403);
    const invalid = await t.app.inject({ method: 'POST', url: `/api/reports/requests/${r1}/status`, headers: editor.headers, payload: { status: 'done' } });
    assert.equal(invalid.statusCode, 400);

    const offices = (await t.app.inject({ url: '/api/reports/offices', headers: editor.headers })).json<{ items: { id: number; code: string }[] }>().items;
    const ordnung = offices.find((o) => o.code === 'ordnung')!;
    const fwd = await t.app.inject({ method: 'POST', url: `/api/reports/requests/${r1}/forward`, headers: editor.headers, payload: { officeId: ordnung.id, note: 'bitte prüfen' } });
    assert.equal(fwd.statusCode, 200, fwd.body);
    assert.equal(fwd.json<{ officeId: number }>().officeId, ordnung.id);
    const inbox = (await t.app.inject({ url: `/api/reports/inbox?officeId=${ordnung.id}`, headers: editor.headers })).json<{ items: { id: string }[] }>().items;
    assert.ok(inbox.some((r) => r.id === r1));

    await t.app.inject({ method: 'POST', url: `/api/reports/requests/${r2}/support`, remoteAddress: '10.4.0.9', payload: {} });
    const merged = await t.app.inject({ method: 'POST', url: `/api/reports/requests/${r2}/merge`, headers: editor.headers, payload: { into: r1 } });
    assert.equal(merged.statusCode, 200, merged.body);
    assert.equal(merged.json<{ status: string; duplicateOf: string }>().status, 'duplicate');
    const orig = (await t.app.inject({ url: `/open311/v2/requests/${r1}.json?extensions=true` })).json<{ extended_attributes: { supporters: number } }[]>()[0]!;
    assert.equal(orig.extended_attributes.supporters, 1);
    assert.equal((await t.app.inject({ method: 'POST', url: `/api/reports/requests/${r1}/merge`, headers: editor.headers, payload: { into: r1 } })).statusCode, 400);

    const canned = await t.app.inject({ method: 'POST', url: '/api/reports/canned-replies', headers: editor.headers, payload: { title: 'Erledigt', body: 'Der Mangel wurde behoben.', status: 'resolved' } });
    assert.equal(canned.statusCode, 200);
    assert.ok((await t.app.inject({ url: '/api/reports/canned-replies', headers: viewer.headers })).json<{ items: { title: string }[] }>().items.some((c) => c.title === 'Erledigt'));

    const overdue = (await t.app.inject({ url: '/api/reports/inbox?overdue=true&limit=500', headers: editor.headers })).json<{ items: { id: string; overdue: boolean }[] }>().items;
    assert.ok(overdue.some((r) => r.id === r1 && r.overdue));
    assert.ok(!overdue.some((r) => r.id === r2), 'closed and young reports are not overdue');
  });

  test('reporter e-mail: confirmation link, then a mail on status change; after retention e-mail and IP are gone', async () => {
    const res = await submit({ service_code: 'hundekot', ...CENTRE, description: 'Viel Hundekot', email: 'Melderin@Example.org' });
    assert.equal(res.statusCode, 201);
    const id = res.json<{ id: string }>().id;
    const confirmMail = t.mailer.sent.find((m) => m.to === 'melderin@example.org')!;
    const token = /token=([A-Za-z0-9_-]+)/.exec(confirmMail.text)![1]!;
    assert.equal((await t.app.inject({ url: `/api/reports/confirm?token=${token}` })).statusCode, 200);
    assert.equal((await t.app.inject({ url: '/api/reports/confirm?token=xxxxxxxxxxxxxxxx' })).statusCode, 404);

    const before = t.mailer.sent.length;
    const done = await t.app.inject({ method: 'POST', url: `/api/reports/requests/${id}/status`, headers: editor.headers, payload: { status: 'resolved', publicNote: 'Gereinigt.' } });
    assert.equal(done.statusCode, 200, done.body);
    assert.equal(done.json<{ notified: boolean; hasEmail: boolean }>().notified, true);
    assert.ok(!done.body.includes('melderin@example.org'), 'staff views never carry the address');
    const mail = t.mailer.sent.slice(before).find((m) => m.to === 'melderin@example.org')!;
    assert.match(mail.subject, /erledigt/);
    assert.match(mail.text, /Gereinigt\./);

    const run = (headers: Record<string, string>) => t.app.inject({ method: 'POST', url: '/api/reports/retention/run', headers });
    assert.equal((await run(editor.headers)).statusCode, 403);
    assert.equal((await run(admin.headers)).statusCode, 200);
    assert.equal((await t.app.inject({ url: `/api/reports/requests/${id}`, headers: editor.headers })).json<{ hasEmail: boolean }>().hasEmail, true, 'kept within the period');
    t.clock.advance(31 * DAY);
    // A session of its own in the future: the other sessions would time out by being used there.
    const later = await createStaff(t, 'admin');
    const result = await run(later.headers);
    t.clock.advance(-31 * DAY);
    assert.equal(result.statusCode, 200, result.body);
    assert.ok(result.json<{ anonymised: number }>().anonymised >= 1);
    const rows = await t.database.db
      .withTables<{ reports_requests: { id: number; email: string | null; ip: string | null; ip_hash: string | null; description: string } }>()
      .selectFrom('reports_requests')
      .select(['email', 'ip', 'ip_hash', 'description'])
      .where('id', '=', Number(id))
      .execute();
    assert.deepEqual(rows, [{ email: null, ip: null, ip_hash: null, description: 'Viel Hundekot' }], 'personal data gone, report remains');
    assert.equal((await t.app.inject({ url: `/open311/v2/requests/${id}.json` })).statusCode, 200);
  });

  test('admins edit categories and per-district offices; editors may not', async () => {
    const patch = await t.app.inject({ method: 'PATCH', url: '/api/reports/categories/winterdienst', headers: admin.headers, payload: { targetDays: 2, keywords: 'Schnee,Eis,Glätte' } });
    assert.equal(patch.statusCode, 200, patch.body);
    assert.equal(patch.json<{ targetDays: number }>().targetDays, 2);
    assert.equal((await t.app.inject({ method: 'PATCH', url: '/api/reports/categories/winterdienst', headers: editor.headers, payload: { targetDays: 3 } })).statusCode, 403);
    assert.equal((await t.app.inject({ method: 'PATCH', url: '/api/reports/categories/winterdienst', headers: admin.headers, payload: { targetDays: 0 } })).statusCode, 400);
    const offices = (await t.app.inject({ url: '/api/reports/offices', headers: admin.headers })).json<{ items: { id: number; code: string }[] }>().items;
    const gruen = offices.find((o) => o.code === 'gruen')!;
    const set = await t.app.inject({ method: 'PUT', url: '/api/reports/categories/winterdienst/districts/altstadt', headers: admin.headers, payload: { officeId: gruen.id } });
    assert.equal(set.statusCode, 200, set.body);
    const r = await submit({ service_code: 'winterdienst', lat: 50.3603, long: 7.5969, description: 'Glatteis am Plan' });
    const detail = (await t.app.inject({ url: `/api/reports/requests/${r.json<{ id: string }>().id}`, headers: editor.headers })).json<{ officeId: number; district: string }>();
    assert.equal(detail.district, 'altstadt');
    assert.equal(detail.officeId, gruen.id);
  });

  test('statistics for the dashboard and category suggestions', async () => {
    const from = new Date(Date.now() - DAY).toISOString();
    const to = new Date(Date.now() + DAY).toISOString();
    const s = (await t.app.inject({ url: `/api/reports/stats?from=${from}&to=${to}` })).json<{ opened: number; resolved: number; medianHoursToResolution: number | null }>();
    assert.ok(s.opened >= 5 && s.resolved >= 1);
    assert.equal(typeof s.medianHoursToResolution, 'number');
    assert.equal((await t.app.inject({ url: `/api/reports/stats?from=${to}&to=${from}` })).statusCode, 400);
    const sug = await t.app.inject({ method: 'POST', url: '/api/reports/suggest', payload: { description: 'Die Straßenlaterne vor meinem Haus flackert' } });
    assert.equal(sug.json<{ items: { serviceCode: string }[] }>().items[0]!.serviceCode, 'strassenbeleuchtung');
  });
});
