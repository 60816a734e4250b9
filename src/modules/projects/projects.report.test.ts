import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { strFromU8, unzipSync } from 'fflate';
import { DEMO_SEEDS } from '../../app.js';
import { runSeeds } from '../../platform/db/seeds.js';
import { createTestApp, type TestApp } from '../../testing/harness.js';
import { createStaff, type StaffSession } from '../../testing/staff.js';
import { PROJECT_STATUS_LABELS, type ProjectStatus } from './projects.model.js';

const decode = (s: string) =>
  s
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');

/** Table rows of a DOCX as cell texts, read back from word/document.xml. */
function docxRows(docx: Buffer): string[][] {
  const xml = strFromU8(unzipSync(new Uint8Array(docx))['word/document.xml']!);
  return [...xml.matchAll(/<w:tr[ >][\s\S]*?<\/w:tr>/g)].map((tr) =>
    [...tr[0].matchAll(/<w:tc>[\s\S]*?<\/w:tc>/g)].map((tc) =>
      [...tc[0].matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)]
        .map((p) => decode([...p[0].matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('')))
        .join('\n'),
    ),
  );
}

const soffice = (() => {
  try {
    execFileSync('sh', ['-c', 'command -v soffice'], { stdio: 'pipe' });
    return true;
  } catch {
    // CI installs LibreOffice (.ci/run): there a missing soffice is a failure, not a skip.
    if (process.env['CI']) throw new Error('CI needs LibreOffice (soffice) for the DOCX → PDF check.');
    return false;
  }
})();

describe('committee report', () => {
  let t: TestApp;
  let editor: StaffSession;
  let viewer: StaffSession;

  before(async () => {
    t = await createTestApp();
    await runSeeds(
      t.database.db,
      DEMO_SEEDS.filter((s) => s.module === 'catalog' || s.module === 'projects'),
    );
    [editor, viewer] = await Promise.all([createStaff(t, 'editor', ['projects']), createStaff(t, 'viewer')]);
  });
  after(() => t.close());

  const generate = (payload: Record<string, unknown>, headers: Record<string, string> | null = editor.headers) =>
    t.app.inject({ method: 'POST', url: '/api/projects/reports', ...(headers ? { headers } : {}), payload });
  const download = async (id: number, format: string) => {
    const res = await t.app.inject({ url: `/api/projects/reports/${id}/${format}` });
    assert.equal(res.statusCode, 200, res.body);
    return res;
  };

  test('generating: unauthenticated, forbidden and invalid dates are refused', async () => {
    assert.equal((await generate({ committeeDate: '2024-09-04' }, null)).statusCode, 401);
    assert.equal((await generate({ committeeDate: '2024-09-04' }, viewer.headers)).statusCode, 403);
    const bad = await generate({ committeeDate: '2024-02-30' });
    assert.equal(bad.statusCode, 400);
    assert.equal(bad.json<{ errors: { field: string }[] }>().errors[0]!.field, 'body.committeeDate');
    const format = await generate({ committeeDate: '2024-09-04', ozgDate: '29.07.2024' });
    assert.equal(format.json<{ errors: { field: string }[] }>().errors[0]!.field, 'body.ozgDate');
    assert.equal((await t.app.inject({ url: '/api/projects/reports/999999/docx' })).statusCode, 404);
  });

  test('the DOCX parses back with the OZG table of the date and every project with its status; a second report lists the changes', async () => {
    const res = await generate({ committeeDate: '2024-09-04', ozgDate: '2024-07-29' });
    assert.equal(res.statusCode, 201, res.body);
    const first = res.json<{ id: number; ozgTotal: number; previousCommitteeDate: string | null }>();
    assert.equal(first.ozgTotal, 430);

    const rows = docxRows((await download(first.id, 'docx')).rawPayload);
    const ozg = (await t.app.inject({ url: '/api/catalog/report?date=2024-07-29' })).json<{
      rows: { label: string; count: number }[];
      total: number;
    }>();
    assert.deepEqual(
      ozg.rows.map((r) => r.count),
      [124, 79, 155, 72],
    );
    for (const r of ozg.rows)
      assert.ok(
        rows.some((row) => row[0] === r.label && row[1] === String(r.count)),
        `${r.label} ${r.count}`,
      );
    assert.ok(rows.some((row) => row[0] === 'Summe' && row[1] === '430'));

    const projects = (await t.app.inject({ url: '/api/projects' })).json<{ items: { title: string; status: ProjectStatus }[] }>()
      .items;
    assert.ok(projects.length >= 15);
    for (const p of projects) {
      const label = PROJECT_STATUS_LABELS.de[p.status];
      assert.ok(
        rows.some((row) => row[0]!.split('\n')[0]!.startsWith(p.title) && row[1]!.endsWith(label)),
        `${p.title}: ${label}`,
      );
    }
    const app = rows.find((row) => row[0]!.startsWith('Weiterentwicklung Koblenz App'))!;
    assert.match(app[0]!, /Mehrsprachigkeit ✓/);
    assert.match(app[0]!, /Schadensmelder \(In Entwicklung\)/);

    const pdf = (await download(first.id, 'pdf')).rawPayload;
    assert.equal(pdf.subarray(0, 5).toString(), '%PDF-');
    const md = (await download(first.id, 'md')).body;
    assert.match(md, /\*\*Summe\*\* \| \*\*430\*\*/);
    assert.match(md, /keinen Vorbericht/);

    // A status change between the two committee dates appears in the next report.
    const waste = (await t.app.inject({ url: '/api/projects/by-slug/smart-waste' })).json<{
      id: number;
      status: ProjectStatus;
    }>();
    const patched = await t.app.inject({
      method: 'PATCH',
      url: `/api/projects/${waste.id}`,
      headers: editor.headers,
      payload: { status: 'paused' },
    });
    assert.equal(patched.statusCode, 200, patched.body);
    const second = await generate({ committeeDate: '2024-12-04', ozgDate: '2024-11-30' });
    assert.equal(second.statusCode, 201, second.body);
    const body = second.json<{ id: number; previousCommitteeDate: string; changes: string[] }>();
    assert.equal(body.previousCommitteeDate, '2024-09-04');
    assert.ok(
      body.changes.includes(`Smart Waste: ${PROJECT_STATUS_LABELS.de[waste.status]} → pausiert`),
      body.changes.join('; '),
    );
    const md2 = (await download(body.id, 'md')).body;
    assert.match(md2, /Veränderungen seit dem letzten Bericht/);
    assert.match(md2, /Smart Waste: .* → pausiert/);
    assert.match(md2, /\| Vorbericht \|/, 'the OZG table compares with the previous report');

    const list = (await t.app.inject({ url: '/api/projects/reports' })).json<{ items: { committeeDate: string }[] }>().items;
    assert.deepEqual(
      list.slice(0, 2).map((r) => r.committeeDate),
      ['2024-12-04', '2024-09-04'],
    );

    if (soffice) {
      const dir = mkdtempSync(path.join(tmpdir(), 'projects-docx-'));
      try {
        writeFileSync(path.join(dir, 'r.docx'), (await download(body.id, 'docx')).rawPayload);
        execFileSync('soffice', ['--headless', '--convert-to', 'pdf', '--outdir', dir, path.join(dir, 'r.docx')], {
          stdio: 'pipe',
          timeout: 120_000,
        });
        assert.equal(readFileSync(path.join(dir, 'r.pdf')).subarray(0, 5).toString(), '%PDF-');
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    }
  });
});
