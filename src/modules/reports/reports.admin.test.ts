import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import jpeg from 'jpeg-js';
import { PNG } from 'pngjs';
import { createTestApp, type TestApp } from '../../testing/harness.js';
import { createStaff, type StaffSession } from '../../testing/staff.js';
import { multipart } from '../../testing/uploads.js';
import { redactPhoto } from './reports.photos.js';

const ALTSTADT = { lat: 50.3603, long: 7.5969 };
const SUED = { lat: 50.3466, long: 7.5905 };

/** A plain red JPEG (no metadata) of the given size. */
function redJpeg(w: number, h: number): Buffer {
  const data = Buffer.alloc(w * h * 4);
  for (let i = 0; i < w * h; i++) data.set([200, 30, 30, 255], i * 4);
  return jpeg.encode({ width: w, height: h, data }, 95).data;
}

const pixel = (img: { width: number; data: Uint8Array }, x: number, y: number) => [
  ...img.data.subarray((y * img.width + x) * 4, (y * img.width + x) * 4 + 3),
];
const isBlack = (rgb: number[]) => rgb.every((c) => c < 24);
const isRed = (rgb: number[]) => rgb[0]! > 150 && rgb[1]! < 80 && rgb[2]! < 80;

describe('photo black-out', () => {
  test('JPEG: pixels inside the rectangle are black after decoding, those outside keep their colour', () => {
    const out = redactPhoto(redJpeg(100, 80), [{ x: 0.2, y: 0.25, w: 0.5, h: 0.5 }]);
    const img = jpeg.decode(out.data, { useTArray: true });
    assert.deepEqual([img.width, img.height], [100, 80]);
    // Rectangle: x 20–70, y 20–60. Check a grid inside, a margin of 3 px left for JPEG block ringing.
    for (let y = 23; y < 57; y += 4)
      for (let x = 23; x < 67; x += 4) assert.ok(isBlack(pixel(img, x, y)), `inside ${x},${y}: ${pixel(img, x, y).join(',')}`);
    for (const [x, y] of [
      [2, 2],
      [95, 75],
      [10, 40],
      [85, 40],
      [45, 5],
      [45, 75],
    ] as const)
      assert.ok(isRed(pixel(img, x, y)), `outside ${x},${y}`);
    const thumb = jpeg.decode(out.thumb, { useTArray: true });
    assert.ok(
      isBlack(pixel(thumb, Math.floor(thumb.width * 0.45), Math.floor(thumb.height * 0.5))),
      'the thumbnail is blacked out too',
    );
  });

  test('PNG: exactly black inside, untouched outside; WebP is refused with a clear 400', () => {
    const png = new PNG({ width: 10, height: 10 });
    for (let i = 0; i < 100; i++) png.data.set([0, 200, 0, 255], i * 4);
    const out = PNG.sync.read(redactPhoto(PNG.sync.write(png), [{ x: 0.5, y: 0, w: 0.5, h: 0.3 }]).data);
    assert.deepEqual([...out.data.subarray((0 * 10 + 5) * 4, (0 * 10 + 5) * 4 + 4)], [0, 0, 0, 255]);
    assert.deepEqual([...out.data.subarray((2 * 10 + 9) * 4, (2 * 10 + 9) * 4 + 4)], [0, 0, 0, 255]);
    assert.deepEqual(
      [...out.data.subarray((3 * 10 + 9) * 4, (3 * 10 + 9) * 4 + 4)],
      [0, 200, 0, 255],
      'row 3 is below the rectangle',
    );
    assert.deepEqual([...out.data.subarray((0 * 10 + 4) * 4, (0 * 10 + 4) * 4 + 4)], [0, 200, 0, 255], 'column 4 is left of it');
    const webp = Buffer.concat([Buffer.from('RIFF\x1a\0\0\0WEBPVP8L\x0d\0\0\0', 'latin1'), Buffer.alloc(14)]);
    assert.throws(() => redactPhoto(webp, [{ x: 0, y: 0, w: 1, h: 1 }]), { code: 'REPORTS_PHOTO_REDACT_UNSUPPORTED' });
  });
});

describe('Schadensmelder administration, English texts and the district filter', () => {
  let t: TestApp;
  let admin: StaffSession;
  let editor: StaffSession;
  let ip = 0;
  const tag = randomBytes(4).toString('hex');
  const submit = (payload: Record<string, unknown>) =>
    t.app.inject({ method: 'POST', url: '/api/reports/requests', remoteAddress: `10.9.${++ip}.1`, payload });

  before(async () => {
    t = await createTestApp();
    [admin, editor] = await Promise.all([createStaff(t, 'admin'), createStaff(t, 'editor', ['reports'])]);
  });
  after(() => t.close());

  test('categories: 401 without a session, 403 for editors, 400 for a bad body, 201 for admins, 409 for a taken code', async () => {
    const offices = (await t.app.inject({ url: '/api/reports/offices', headers: editor.headers })).json<{
      items: { id: number; code: string }[];
    }>().items;
    const tiefbau = offices.find((o) => o.code === 'tiefbau')!;
    const code = `brunnen-${tag}`;
    const body = {
      code,
      name: 'Brunnen',
      nameEn: 'Fountains',
      description: 'Defekte Brunnen.',
      descriptionEn: 'Broken fountains.',
      group: 'Grün und Freizeit',
      groupEn: 'Parks and leisure',
      officeId: tiefbau.id,
      targetDays: 7,
    };
    const post = (headers: Record<string, string>, payload: unknown) =>
      t.app.inject({ method: 'POST', url: '/api/reports/categories', headers, payload: payload as Record<string, unknown> });

    assert.equal((await post({}, body)).statusCode, 401);
    assert.equal((await post(editor.headers, body)).statusCode, 403);
    const missing = await post(admin.headers, { ...body, nameEn: undefined });
    assert.equal(missing.statusCode, 400);
    assert.match(missing.body, /nameEn/);
    const badOffice = await post(admin.headers, { ...body, officeId: 999_999 });
    assert.equal(badOffice.statusCode, 400);
    assert.equal(badOffice.json<{ errors: { field: string }[] }>().errors[0]!.field, 'body.officeId');
    assert.equal((await post(admin.headers, { ...body, code: 'Mit Leerzeichen' })).statusCode, 400);

    const created = await post(admin.headers, body);
    assert.equal(created.statusCode, 201, created.body);
    const c = created.json<{
      code: string;
      nameEn: string;
      descriptionEn: string;
      groupEn: string;
      targetDays: number;
      active: boolean;
    }>();
    assert.deepEqual(
      [c.code, c.nameEn, c.descriptionEn, c.groupEn, c.targetDays, c.active],
      [code, 'Fountains', 'Broken fountains.', 'Parks and leisure', 7, true],
    );
    assert.equal((await post(admin.headers, body)).statusCode, 409);

    // The new category is an Open311 service at once and can be edited (English texts included).
    const services = (await t.app.inject({ url: '/open311/v2/services.json' })).json<
      { service_code: string; service_name: string }[]
    >();
    assert.equal(services.find((s) => s.service_code === code)?.service_name, 'Brunnen');
    const patch = await t.app.inject({
      method: 'PATCH',
      url: `/api/reports/categories/${code}`,
      headers: admin.headers,
      payload: { nameEn: 'Public fountains', descriptionEn: 'Fountains that do not work.' },
    });
    assert.equal(patch.statusCode, 200, patch.body);
    const one = (await t.app.inject({ url: `/api/reports/categories/${code}`, headers: editor.headers })).json<{
      nameEn: string;
      descriptionEn: string;
      name: string;
    }>();
    assert.deepEqual([one.name, one.nameEn, one.descriptionEn], ['Brunnen', 'Public fountains', 'Fountains that do not work.']);
    assert.equal((await t.app.inject({ url: '/api/reports/categories/gibt-es-nicht', headers: editor.headers })).statusCode, 404);
  });

  test('offices: admins add and edit them, editors may only read', async () => {
    const code = `amt-${tag}`;
    const add = (headers: Record<string, string>, payload: Record<string, unknown>) =>
      t.app.inject({ method: 'POST', url: '/api/reports/offices', headers, payload });
    assert.equal((await add(editor.headers, { code, name: 'Umweltamt' })).statusCode, 403);
    assert.equal((await add(admin.headers, { code, name: 'Umweltamt', email: 'kein-mail' })).statusCode, 400);
    const created = await add(admin.headers, { code, name: 'Umweltamt' });
    assert.equal(created.statusCode, 201, created.body);
    const id = created.json<{ id: number }>().id;
    assert.equal((await add(admin.headers, { code, name: 'Noch eins' })).statusCode, 409);

    const patch = (headers: Record<string, string>, payload: Record<string, unknown>) =>
      t.app.inject({ method: 'PATCH', url: `/api/reports/offices/${id}`, headers, payload });
    assert.equal(
      (await t.app.inject({ method: 'PATCH', url: `/api/reports/offices/${id}`, payload: { name: 'X' } })).statusCode,
      401,
    );
    assert.equal((await patch(editor.headers, { name: 'Amt für Umweltschutz' })).statusCode, 403);
    const ok = await patch(admin.headers, { name: 'Amt für Umweltschutz', email: 'umwelt@stadt.koblenz.de' });
    assert.equal(ok.statusCode, 200, ok.body);
    assert.deepEqual(ok.json(), { id, code, name: 'Amt für Umweltschutz', email: 'umwelt@stadt.koblenz.de' });
    assert.equal((await patch(admin.headers, { email: null })).json<{ email: string | null }>().email, null);
    assert.equal(
      (await t.app.inject({ url: `/api/reports/offices/${id}`, headers: editor.headers })).json<{ name: string }>().name,
      'Amt für Umweltschutz',
    );
    assert.equal(
      (
        await t.app.inject({
          method: 'PATCH',
          url: '/api/reports/offices/999999',
          headers: admin.headers,
          payload: { name: 'X' },
        })
      ).statusCode,
      404,
    );
  });

  test('the 16 shipped categories have English names, descriptions and groups; Open311 keeps the German ones', async () => {
    const items = (await t.app.inject({ url: '/api/reports/services' })).json<{
      items: { code: string; name: string; nameEn: string; descriptionEn: string; groupEn: string }[];
    }>().items;
    const shipped = items.filter((c) => !c.code.includes(tag));
    assert.ok(shipped.length >= 16);
    for (const c of shipped.slice(0, 16)) {
      assert.ok(c.nameEn && c.descriptionEn && c.groupEn, `${c.code} has English texts`);
      assert.notEqual(c.descriptionEn, c.name);
    }
    const road = items.find((c) => c.code === 'strassenschaeden')!;
    assert.deepEqual([road.nameEn, road.groupEn], ['Road damage', 'Roads and traffic']);
    assert.match(road.descriptionEn, /Potholes/);
    const services = (await t.app.inject({ url: '/open311/v2/services.json' })).json<
      { service_code: string; service_name: string; group: string }[]
    >();
    const s = services.find((x) => x.service_code === 'strassenschaeden')!;
    assert.deepEqual([s.service_name, s.group], ['Straßenschäden', 'Straße und Verkehr']);
  });

  test('district extension on GET requests: by id or name, lists, unknown names are a 400 in the Open311 error format', async () => {
    const word = `Bezirkstest${tag}`;
    const a = await submit({ service_code: 'sonstiges', ...ALTSTADT, description: `${word} Altstadt` });
    const b = await submit({ service_code: 'sonstiges', ...SUED, description: `${word} Süd` });
    assert.equal(a.statusCode, 201, a.body);
    assert.equal(b.statusCode, 201, b.body);
    const idA = a.json<{ id: string }>().id;
    const idB = b.json<{ id: string }>().id;
    const ids = async (query: string) =>
      (await t.app.inject({ url: `/open311/v2/requests.json?q=${word}&${query}` }))
        .json<{ service_request_id: string }[]>()
        .map((r) => r.service_request_id)
        .sort();

    assert.deepEqual(await ids(''), [idA, idB].sort());
    assert.deepEqual(await ids('district=altstadt'), [idA]);
    assert.deepEqual(await ids('district=S%C3%BCD'), [idB], 'by name, any case');
    assert.deepEqual(await ids('district=altstadt,sued'), [idA, idB].sort());
    assert.deepEqual(await ids('district=mitte'), []);
    assert.deepEqual(await ids('district='), [idA, idB].sort(), 'sent empty counts as not sent');

    const bad = await t.app.inject({ url: '/open311/v2/requests.xml?district=Atlantis' });
    assert.equal(bad.statusCode, 400);
    assert.match(bad.body, /<errors><error><code>400<\/code><description>[^<]*Unknown district "Atlantis"/);
  });

  test('black-out through the API: the public photo and thumbnail are the redacted ones, the original stays for staff', async () => {
    const m = multipart(
      { service_code: 'sonstiges', lat: String(ALTSTADT.lat), long: String(ALTSTADT.long), description: `Schwärzung ${tag}` },
      [{ name: 'media', filename: 'kennzeichen.jpg', type: 'image/jpeg', data: redJpeg(200, 100) }],
    );
    const res = await t.app.inject({ method: 'POST', url: '/api/reports/requests', remoteAddress: '10.9.200.1', ...m });
    assert.equal(res.statusCode, 201, res.body);
    const id = res.json<{ id: string }>().id;
    const photoId = (await t.app.inject({ url: `/api/reports/requests/${id}`, headers: editor.headers })).json<{
      photos: { id: number }[];
    }>().photos[0]!.id;
    const patch = await t.app.inject({
      method: 'PATCH',
      url: `/api/reports/photos/${photoId}`,
      headers: editor.headers,
      payload: { released: true, redact: [{ x: 0.5, y: 0.5, w: 0.5, h: 0.5 }] },
    });
    assert.equal(patch.statusCode, 200, patch.body);
    assert.deepEqual(
      (({ released, redacted }) => ({ released, redacted }))(
        patch.json<{ photos: { released: boolean; redacted: boolean }[] }>().photos[0]!,
      ),
      { released: true, redacted: true },
    );
    const full = jpeg.decode((await t.app.inject({ url: `/api/reports/photos/${photoId}` })).rawPayload, { useTArray: true });
    assert.ok(isBlack(pixel(full, 150, 75)) && isBlack(pixel(full, 196, 96)), 'bottom-right quarter black');
    assert.ok(isRed(pixel(full, 50, 25)) && isRed(pixel(full, 150, 25)) && isRed(pixel(full, 50, 75)), 'the rest unchanged');
    const thumb = jpeg.decode((await t.app.inject({ url: `/api/reports/photos/${photoId}/thumb` })).rawPayload, {
      useTArray: true,
    });
    assert.ok(
      isBlack(pixel(thumb, Math.floor(thumb.width * 0.75), Math.floor(thumb.height * 0.75))) && isRed(pixel(thumb, 5, 5)),
      'thumbnail redacted',
    );
    const original = jpeg.decode(
      (await t.app.inject({ url: `/api/reports/photos/${photoId}/original`, headers: editor.headers })).rawPayload,
      { useTArray: true },
    );
    assert.ok(isRed(pixel(original, 150, 75)), 'the original keeps the pixels for staff');

    // An empty list restores the original for the public, thumbnail included.
    await t.app.inject({
      method: 'PATCH',
      url: `/api/reports/photos/${photoId}`,
      headers: editor.headers,
      payload: { redact: [] },
    });
    assert.ok(
      isRed(
        pixel(
          jpeg.decode((await t.app.inject({ url: `/api/reports/photos/${photoId}` })).rawPayload, { useTArray: true }),
          150,
          75,
        ),
      ),
    );
    const restored = jpeg.decode((await t.app.inject({ url: `/api/reports/photos/${photoId}/thumb` })).rawPayload, {
      useTArray: true,
    });
    assert.ok(
      isRed(pixel(restored, Math.floor(restored.width * 0.75), Math.floor(restored.height * 0.75))),
      'thumbnail restored',
    );
  });
});
