/**
 * The committee report as PDF, pure JS (pdfkit with its built-in Helvetica, so nothing is loaded at
 * run time). The built-in fonts cover Latin-1 only: marks outside it are written as words.
 */
import PDFDocument from 'pdfkit';
import { formatDate, ozgRows, T, type CommitteeReport } from './projects.committee.js';

const MARGIN = 56;

function latin(text: string, lang: 'de' | 'en'): string {
  return text.replace(/✓/g, lang === 'de' ? '(erledigt)' : '(done)').replace(/→/g, '->');
}

export function reportPdf(r: CommitteeReport): Promise<Buffer> {
  const t = T[r.lang];
  const s = (x: string) => latin(x, r.lang);
  const doc = new PDFDocument({
    size: 'A4',
    margin: MARGIN,
    info: { Title: `${t.title} ${formatDate(r.committeeDate, r.lang)}`, Creator: 'Confluentes' },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  const width = doc.page.width - 2 * MARGIN;
  const heading = (text: string, size: number) =>
    doc.moveDown(0.6).font('Helvetica-Bold').fontSize(size).text(s(text), MARGIN, undefined, { width }).moveDown(0.3);
  const para = (text: string, font = 'Helvetica') =>
    doc.font(font).fontSize(10).text(s(text), MARGIN, undefined, { width }).moveDown(0.3);

  function table(header: string[], rows: string[][], widths: number[], boldLast: boolean) {
    const draw = (cells: string[], bold: boolean) => {
      doc.font(bold ? 'Helvetica-Bold' : 'Helvetica').fontSize(10);
      const h = Math.max(...cells.map((c, i) => doc.heightOfString(s(c), { width: widths[i]! - 8 }))) + 6;
      if (doc.y + h > doc.page.height - MARGIN) doc.addPage();
      const y = doc.y;
      let x = MARGIN;
      cells.forEach((c, i) => {
        doc.text(s(c), x + 4, y + 3, { width: widths[i]! - 8, align: i > 0 && widths.length > 2 ? 'right' : 'left' });
        x += widths[i]!;
      });
      doc
        .moveTo(MARGIN, y + h)
        .lineTo(MARGIN + width, y + h)
        .lineWidth(0.5)
        .stroke();
      doc.x = MARGIN;
      doc.y = y + h;
    };
    draw(header, true);
    rows.forEach((row, i) => draw(row, boldLast && i === rows.length - 1));
    doc.moveDown(0.5);
  }

  doc.font('Helvetica-Bold').fontSize(18).text(s(t.title), { width });
  para(`${t.committee} ${formatDate(r.committeeDate, r.lang)}`);
  if (r.demo || r.ozg.demo) para(t.demo, 'Helvetica-Oblique');
  heading(t.ozg, 14);
  para(`${t.ozgAsOf} ${formatDate(r.ozgDate, r.lang)}`);
  const ozg = ozgRows(r);
  const first = ozg.header.length > 2 ? width * 0.55 : width * 0.8;
  table(ozg.header, ozg.rows, [first, ...ozg.header.slice(1).map(() => (width - first) / (ozg.header.length - 1))], true);
  para(`${t.notes}:`, 'Helvetica-Bold');
  for (const e of r.ozg.explanation) para(`• ${e}`);
  heading(t.fields, 14);
  for (const f of r.fields) {
    heading(`${t.field} ${f.name}`, 12);
    if (f.subtitle) para(f.subtitle, 'Helvetica-Oblique');
    para(f.goal);
    if (f.projects.length) {
      table(
        [t.project, t.status],
        f.projects.map((p) => [
          [p.title + (p.demo ? ` ${t.demoMark}` : ''), ...p.features.map((x) => `– ${x.title} ${x.mark}`)].join('\n'),
          p.statusLabel,
        ]),
        [width * 0.7, width * 0.3],
        false,
      );
    }
  }
  heading(t.changes, 14);
  if (!r.previous) para(t.firstReport);
  else {
    para(`${t.since} ${formatDate(r.previous.committeeDate, r.lang)}:`);
    if (!r.changes.length) para(t.noChanges);
    for (const c of r.changes) para(`• ${c}`);
  }
  doc.end();
  return done;
}
