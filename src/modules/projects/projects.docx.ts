/** The committee report as DOCX: real headings, tables and lists, so it stays editable in Word and LibreOffice. */
import { AlignmentType, Document, HeadingLevel, Packer, Paragraph, Table, TableCell, TableRow, TextRun, WidthType } from 'docx';
import { formatDate, ozgRows, T, type CommitteeReport } from './projects.committee.js';

const para = (text: string, opts: { italics?: boolean; bold?: boolean } = {}) =>
  new Paragraph({ children: [new TextRun({ text, ...opts })] });
const heading = (text: string, level: (typeof HeadingLevel)[keyof typeof HeadingLevel]) =>
  new Paragraph({ heading: level, children: [new TextRun(text)] });
const bullet = (text: string, level = 0) => new Paragraph({ bullet: { level }, children: [new TextRun(text)] });

// A cell given as several lines gets one paragraph per line (a newline inside a run would not show).
function table(header: string[], rows: (string | string[])[][], boldLast: boolean) {
  const cell = (text: string | string[], bold: boolean, right: boolean) =>
    new TableCell({
      children: (Array.isArray(text) ? text : [text]).map(
        (line) =>
          new Paragraph({
            alignment: right ? AlignmentType.RIGHT : AlignmentType.LEFT,
            children: [new TextRun({ text: line, bold })],
          }),
      ),
    });
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: [
      new TableRow({ tableHeader: true, children: header.map((h, i) => cell(h, true, i > 0)) }),
      ...rows.map((row, i) => new TableRow({ children: row.map((c, j) => cell(c, boldLast && i === rows.length - 1, j > 0)) })),
    ],
  });
}

export async function reportDocx(r: CommitteeReport): Promise<Buffer> {
  const t = T[r.lang];
  const ozg = ozgRows(r);
  const body: (Paragraph | Table)[] = [
    heading(t.title, HeadingLevel.HEADING_1),
    para(`${t.committee} ${formatDate(r.committeeDate, r.lang)}`),
    ...(r.demo || r.ozg.demo ? [para(t.demo, { italics: true })] : []),
    heading(t.ozg, HeadingLevel.HEADING_2),
    para(`${t.ozgAsOf} ${formatDate(r.ozgDate, r.lang)}`),
    table(ozg.header, ozg.rows, true),
    para(`${t.notes}:`, { bold: true }),
    ...r.ozg.explanation.map((e) => bullet(e)),
    heading(t.fields, HeadingLevel.HEADING_2),
  ];
  for (const f of r.fields) {
    body.push(heading(`${t.field} ${f.name}`, HeadingLevel.HEADING_3));
    if (f.subtitle) body.push(para(f.subtitle, { italics: true }));
    body.push(para(f.goal));
    if (f.projects.length) {
      body.push(
        table(
          [t.project, t.status],
          f.projects.map((p) => [
            [p.title + (p.demo ? ` ${t.demoMark}` : ''), ...p.features.map((x) => `– ${x.title} ${x.mark}`)],
            p.mark === '✓' ? `✓ ${p.statusLabel}` : p.statusLabel,
          ]),
          false,
        ),
      );
    }
  }
  body.push(heading(t.changes, HeadingLevel.HEADING_2));
  if (!r.previous) body.push(para(t.firstReport));
  else {
    body.push(para(`${t.since} ${formatDate(r.previous.committeeDate, r.lang)}:`));
    body.push(...(r.changes.length ? r.changes.map((c) => bullet(c)) : [para(t.noChanges)]));
  }
  const doc = new Document({
    creator: 'Confluentes',
    title: `${t.title} ${formatDate(r.committeeDate, r.lang)}`,
    sections: [{ children: body }],
  });
  return Packer.toBuffer(doc);
}
