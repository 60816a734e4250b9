/** Atom 1.0 feed of project updates (RFC 4287); every text is XML-escaped. */
import type { ProjectsService } from './projects.service.js';

// XML 1.0 forbids most control characters even when escaped: drop them.
const printable = (s: string) =>
  [...s]
    .filter((ch) => {
      const c = ch.charCodeAt(0);
      return c >= 0x20 || c === 0x09 || c === 0x0a || c === 0x0d;
    })
    .join('');
const xml = (s: string) =>
  printable(s).replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c]!);

type Entry = Awaited<ReturnType<ProjectsService['feedEntries']>>[number];

function describe(e: Entry): string {
  const show = (v: unknown) => (typeof v === 'string' ? v : JSON.stringify(v));
  if (e.change === 'create') return `Neues Projekt: ${e.title}`;
  if (e.change === 'status') return `Status: ${show(e.before)} → ${show(e.after)}`;
  if (e.change === 'district') return `Fortschritt im Stadtteil ${e.field?.replace(/^districts\./, '') ?? ''}`;
  return `Geändert: ${e.field ?? ''}`;
}

export function atomFeed(entries: Entry[], opts: { publicUrl: string; cityName: string; now: Date }): string {
  const base = opts.publicUrl.replace(/\/$/, '');
  const updated = (entries[0]?.at ?? opts.now).toISOString();
  const items = entries.map((e) => {
    const link = `${base}/projekte/${encodeURIComponent(e.slug)}`;
    const title = `${e.title}: ${describe(e)}${e.demo ? ' (Demo)' : ''}`;
    return [
      '  <entry>',
      `    <id>${xml(`${base}/api/projects/history/${e.id}`)}</id>`,
      `    <title>${xml(title)}</title>`,
      `    <updated>${e.at.toISOString()}</updated>`,
      `    <link rel="alternate" href="${xml(link)}"/>`,
      `    <summary>${xml(describe(e))}</summary>`,
      '  </entry>',
    ].join('\n');
  });
  return [
    '<?xml version="1.0" encoding="utf-8"?>',
    '<feed xmlns="http://www.w3.org/2005/Atom">',
    `  <id>${xml(`${base}/api/projects/feed.atom`)}</id>`,
    `  <title>${xml(`Smart City ${opts.cityName}: Projekt-Updates`)}</title>`,
    `  <updated>${updated}</updated>`,
    `  <author><name>${xml(`Stadt ${opts.cityName}`)}</name></author>`,
    `  <link rel="self" type="application/atom+xml" href="${xml(`${base}/api/projects/feed.atom`)}"/>`,
    `  <link rel="alternate" href="${xml(`${base}/projekte`)}"/>`,
    ...items,
    '</feed>',
    '',
  ].join('\n');
}
