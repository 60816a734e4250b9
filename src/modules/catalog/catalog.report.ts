/**
 * The committee table ("Stand der OZG-Umsetzung"): the four status rows and the sum for any date,
 * the change since a comparison date split into "by catalogue merges/splits" and "by status
 * changes", and the same table as CSV, Markdown and DOCX.
 */
import { AlignmentType, Document, HeadingLevel, Packer, Paragraph, Table, TableCell, TableRow, TextRun, WidthType } from 'docx';
import type { StatusCounts } from './catalog.repository.js';
import { formatDate, signed, STATUS_LABELS, STATUS_SHORT, STATUSES, type Status } from './catalog.text.js';
import { toCsv } from './catalog.tabular.js';

export type Lang = 'de' | 'en';

interface Member {
  id: number;
  ref: string;
  name: string;
  status: Status | null;
}

export interface RestructureView {
  id: number;
  kind: 'merge' | 'split';
  effectiveDate: string;
  note: string;
  catalogReference: string;
  sources: Member[];
  targets: Member[];
  effect: StatusCounts;
}

export interface ReportSource {
  countsAt(date: string): Promise<StatusCounts>;
  listRestructures(range: { after: string; upTo: string }): Promise<RestructureView[]>;
  anyDemo(): Promise<boolean>;
}

const zero = (): StatusCounts => ({ online: 0, in_umsetzung: 0, geplant: 0, nicht_online: 0 });
const sum = (c: StatusCounts) => STATUSES.reduce((n, s) => n + c[s], 0);

export async function buildReport(source: ReportSource, date: string, compare: string | undefined, lang: Lang) {
  const counts = await source.countsAt(date);
  const demo = await source.anyDemo();
  const total = sum(counts);
  if (compare === undefined) {
    return {
      date,
      compare: null,
      lang,
      demo,
      rows: STATUSES.map((s) => ({
        status: s,
        label: STATUS_LABELS[lang][s],
        count: counts[s],
        compareCount: null,
        change: null,
      })),
      total,
      compareTotal: null,
      totalChange: null,
      byRestructure: null,
      byStatusChanges: null,
      restructures: [],
      explanation: [intro(lang, date, counts)],
    };
  }
  const before = await source.countsAt(compare);
  const [lo, hi] = compare <= date ? [compare, date] : [date, compare];
  const sign = compare <= date ? 1 : -1;
  const restructures = await source.listRestructures({ after: lo, upTo: hi });
  const byRestructure = zero();
  for (const r of restructures) for (const s of STATUSES) byRestructure[s] += sign * r.effect[s];
  const change = zero();
  const byStatusChanges = zero();
  for (const s of STATUSES) {
    change[s] = counts[s] - before[s];
    byStatusChanges[s] = change[s] - byRestructure[s];
  }
  return {
    date,
    compare,
    lang,
    demo,
    rows: STATUSES.map((s) => ({
      status: s,
      label: STATUS_LABELS[lang][s],
      count: counts[s],
      compareCount: before[s],
      change: change[s],
    })),
    total,
    compareTotal: sum(before),
    totalChange: total - sum(before),
    byRestructure,
    byStatusChanges,
    restructures,
    explanation: [
      intro(lang, date, counts),
      ...explain(lang, compare, counts, before, byRestructure, byStatusChanges),
      ...restructures.map((r) => describe(lang, r)),
    ],
  };
}

export type Report = Awaited<ReturnType<typeof buildReport>>;

function intro(lang: Lang, date: string, c: StatusCounts): string {
  const total = sum(c);
  const share = total ? ((c.online / total) * 100).toFixed(1) : '0.0';
  return lang === 'de'
    ? `Stand ${formatDate(date, 'de')}: ${total} Verwaltungsleistungen, davon ${c.online} bereits online (${share.replace('.', ',')} %).`
    : `As of ${formatDate(date, 'en')}: ${total} services, ${c.online} of them online (${share} %).`;
}

function explain(
  lang: Lang,
  compare: string,
  now: StatusCounts,
  before: StatusCounts,
  byR: StatusCounts,
  byS: StatusCounts,
): string[] {
  const out: string[] = [];
  for (const s of STATUSES) {
    const change = now[s] - before[s];
    if (change === 0 && byR[s] === 0) continue;
    const parts: string[] = [];
    if (byR[s] !== 0) {
      parts.push(
        lang === 'de'
          ? `${signed(byR[s])} durch Zusammenlegungen/Aufteilungen im OZG-Katalog${s === 'online' && byR[s] < 0 ? ', nicht durch weniger Online-Leistungen' : ''}`
          : `${signed(byR[s])} by catalog merges/splits${s === 'online' && byR[s] < 0 ? ', not by fewer online services' : ''}`,
      );
    }
    if (byS[s] !== 0)
      parts.push(
        lang === 'de' ? `${signed(byS[s])} durch Änderungen des Umsetzungsstands` : `${signed(byS[s])} by status changes`,
      );
    const label = `„${STATUS_SHORT[lang][s]}“`;
    out.push(
      lang === 'de'
        ? `${label}: ${now[s]} statt ${before[s]} am ${formatDate(compare, 'de')} (${signed(change)}): ${parts.join('; ')}.`
        : `${label.replace('„', '"').replace('“', '"')}: ${now[s]} instead of ${before[s]} on ${formatDate(compare, 'en')} (${signed(change)}): ${parts.join('; ')}.`,
    );
  }
  if (byR.online < 0 && byS.online >= 0) {
    out.push(
      lang === 'de'
        ? 'Die Zahl der Online-Leistungen ist nur gesunken, weil im offiziellen OZG-Leistungskatalog Einzelleistungen zu einer Leistung zusammengefasst wurden; das Online-Angebot der Stadt ist nicht kleiner geworden.'
        : 'The number of online services fell only because the official OZG catalogue merged single services into one; the city offers no fewer services online.',
    );
  }
  return out;
}

function describe(lang: Lang, r: RestructureView): string {
  const names = (m: Member[]) => m.map((x) => `„${x.name}“`).join(lang === 'de' ? ', ' : ', ');
  const effect = STATUSES.filter((s) => r.effect[s] !== 0)
    .map((s) => `${STATUS_SHORT[lang][s]} ${signed(r.effect[s])}`)
    .join(', ');
  const verb =
    r.kind === 'merge'
      ? lang === 'de'
        ? `${names(r.sources)} zu ${names(r.targets)} zusammengelegt`
        : `${names(r.sources)} merged into ${names(r.targets)}`
      : lang === 'de'
        ? `${names(r.sources)} aufgeteilt in ${names(r.targets)}`
        : `${names(r.sources)} split into ${names(r.targets)}`;
  return `${formatDate(r.effectiveDate, lang)}: ${verb}${effect ? ` (${effect})` : ''}. ${r.note}${r.catalogReference ? ` [${r.catalogReference}]` : ''}`.trim();
}

const T = {
  de: {
    title: 'Stand der OZG-Umsetzung',
    count: 'Anzahl',
    compare: 'Anzahl am',
    change: 'Veränderung',
    sum: 'Summe',
    demo: 'Demodaten – keine amtlichen Zahlen.',
    notes: 'Erläuterung',
  },
  en: {
    title: 'State of OZG implementation',
    count: 'Count',
    compare: 'Count on',
    change: 'Change',
    sum: 'Total',
    demo: 'Demo data – not official figures.',
    notes: 'Explanation',
  },
};

function header(r: Report): string[] {
  const t = T[r.lang];
  const h = [r.lang === 'de' ? 'Kategorie' : 'Category', `${t.count} ${formatDate(r.date, r.lang)}`];
  if (r.compare) h.push(`${t.compare} ${formatDate(r.compare, r.lang)}`, t.change);
  return h;
}

function body(r: Report): (string | number)[][] {
  const rows: (string | number)[][] = r.rows.map((x) =>
    r.compare ? [x.label, x.count, x.compareCount ?? 0, signed(x.change ?? 0)] : [x.label, x.count],
  );
  rows.push(r.compare ? [T[r.lang].sum, r.total, r.compareTotal ?? 0, signed(r.totalChange ?? 0)] : [T[r.lang].sum, r.total]);
  return rows;
}

export function reportCsv(r: Report): string {
  return toCsv(header(r), body(r));
}

export function reportMarkdown(r: Report): string {
  const t = T[r.lang];
  const h = header(r);
  const lines = [`# ${t.title} (${formatDate(r.date, r.lang)})`, ''];
  if (r.demo) lines.push(`> ${t.demo}`, '');
  lines.push(`| ${h.join(' | ')} |`, `|${h.map((_, i) => (i === 0 ? ' --- ' : ' ---: ')).join('|')}|`);
  const rows = body(r);
  rows.forEach((row, i) => {
    const cells = row.map(String);
    if (i === rows.length - 1) cells.forEach((c, j) => (cells[j] = `**${c}**`));
    lines.push(`| ${cells.join(' | ')} |`);
  });
  lines.push('', `## ${t.notes}`, '', ...r.explanation.map((e) => `- ${e}`), '');
  return lines.join('\n');
}

export async function reportDocx(r: Report): Promise<Buffer> {
  const t = T[r.lang];
  const cell = (text: string, opts: { bold?: boolean; right?: boolean } = {}) =>
    new TableCell({
      children: [
        new Paragraph({
          alignment: opts.right ? AlignmentType.RIGHT : AlignmentType.LEFT,
          children: [new TextRun({ text, bold: opts.bold ?? false })],
        }),
      ],
    });
  const rows = body(r);
  const table = new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: [
      new TableRow({ tableHeader: true, children: header(r).map((h, i) => cell(h, { bold: true, right: i > 0 })) }),
      ...rows.map(
        (row, i) => new TableRow({ children: row.map((c, j) => cell(String(c), { bold: i === rows.length - 1, right: j > 0 })) }),
      ),
    ],
  });
  const doc = new Document({
    creator: 'Confluentes',
    title: `${t.title} ${formatDate(r.date, r.lang)}`,
    sections: [
      {
        children: [
          new Paragraph({
            heading: HeadingLevel.HEADING_1,
            children: [new TextRun(`${t.title} (${formatDate(r.date, r.lang)})`)],
          }),
          ...(r.demo ? [new Paragraph({ children: [new TextRun({ text: t.demo, italics: true })] })] : []),
          table,
          new Paragraph({ heading: HeadingLevel.HEADING_2, children: [new TextRun(t.notes)] }),
          ...r.explanation.map((e) => new Paragraph({ bullet: { level: 0 }, children: [new TextRun(e)] })),
        ],
      },
    ],
  });
  return Packer.toBuffer(doc);
}
