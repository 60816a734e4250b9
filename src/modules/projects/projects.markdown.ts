/** The committee report as Markdown (for the agenda system and for review in a text editor). */
import { formatDate, ozgRows, T, type CommitteeReport } from './projects.committee.js';

// Table cells and list items must not break the Markdown structure around them.
const cell = (s: string) => s.replace(/\|/g, '\\|').replace(/\s*\n\s*/g, ' ');

export function reportMarkdown(r: CommitteeReport): string {
  const t = T[r.lang];
  const out: string[] = [`# ${t.title}`, '', `${t.committee} ${formatDate(r.committeeDate, r.lang)}`, ''];
  if (r.demo || r.ozg.demo) out.push(`> ${t.demo}`, '');
  out.push(`## ${t.ozg}`, '', `${t.ozgAsOf} ${formatDate(r.ozgDate, r.lang)}`, '');
  const { header, rows } = ozgRows(r);
  out.push(`| ${header.map(cell).join(' | ')} |`, `|${header.map((_, i) => (i === 0 ? ' --- ' : ' ---: ')).join('|')}|`);
  rows.forEach((row, i) => out.push(`| ${row.map((c) => (i === rows.length - 1 ? `**${cell(c)}**` : cell(c))).join(' | ')} |`));
  out.push('', `**${t.notes}:**`, '', ...r.ozg.explanation.map((e) => `- ${cell(e)}`), '');
  out.push(`## ${t.fields}`, '');
  for (const f of r.fields) {
    out.push(`### ${t.field} ${cell(f.name)}`, '');
    if (f.subtitle) out.push(`*${cell(f.subtitle)}*`, '');
    out.push(cell(f.goal), '');
    for (const p of f.projects) {
      out.push(`- **${cell(p.title)}** ${p.mark}${p.demo ? ` ${t.demoMark}` : ''}`);
      for (const x of p.features) out.push(`  - ${cell(x.title)} ${x.mark}`);
    }
    out.push('');
  }
  out.push(`## ${t.changes}`, '');
  if (!r.previous) out.push(t.firstReport);
  else {
    out.push(`${t.since} ${formatDate(r.previous.committeeDate, r.lang)}:`, '');
    out.push(...(r.changes.length ? r.changes.map((c) => `- ${cell(c)}`) : [t.noChanges]));
  }
  out.push('');
  return out.join('\n');
}
