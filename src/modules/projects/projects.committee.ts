/**
 * The committee report: the status part of an Unterrichtungsvorlage for a committee date — the OZG
 * table (from the catalog module, through the contract handed in by app.ts), the projects per field
 * of action with status marks, and what changed since the previous stored report.
 */
import type { CatalogKpiSource } from '../../platform/contracts.js';
import {
  FEATURE_STATUS_LABELS,
  isDone,
  PROJECT_STATUS_LABELS,
  statusMark,
  type FeatureStatus,
  type Lang,
  type ProjectStatus,
} from './projects.model.js';
import type { Project } from './projects.present.js';

/** What the report needs of the catalog module: its committee table for a date. */
export type OzgReportSource = Pick<CatalogKpiSource, 'report'>;
export type OzgTable = Awaited<ReturnType<OzgReportSource['report']>>;

export interface Snapshot {
  projects: Record<string, { title: string; status: ProjectStatus; features: Record<string, FeatureStatus> }>;
}

export interface CommitteeReport {
  lang: Lang;
  committeeDate: string;
  ozgDate: string;
  previous: { committeeDate: string; ozgDate: string } | null;
  ozg: OzgTable;
  fields: {
    name: string;
    subtitle: string;
    goal: string;
    projects: {
      title: string;
      status: ProjectStatus;
      statusLabel: string;
      mark: string;
      summary: string;
      demo: boolean;
      features: { title: string; statusLabel: string; mark: string }[];
    }[];
  }[];
  changes: string[];
  demo: boolean;
}

export function formatDate(iso: string, lang: Lang): string {
  const [y, m, d] = iso.split('-');
  return lang === 'de' ? `${d}.${m}.${y}` : `${y}-${m}-${d}`;
}

export const T = {
  de: {
    title: 'Smart City Koblenz – Sachstand',
    committee: 'Sitzung am',
    ozg: 'Aktueller Stand der OZG-Umsetzung',
    ozgAsOf: 'Stand',
    count: 'Anzahl',
    previousCount: 'Vorbericht',
    change: 'Veränderung',
    sum: 'Summe',
    notes: 'Hinweis zur Tabelle',
    fields: 'Ausgewählte Projekte aus den Handlungsfeldern',
    field: 'Handlungsfeld',
    features: 'Funktionen',
    changes: 'Veränderungen seit dem letzten Bericht',
    since: 'seit dem Bericht zur Sitzung am',
    firstReport: 'Dies ist der erste gespeicherte Bericht; es gibt keinen Vorbericht zum Vergleich.',
    noChanges: 'Keine Veränderungen.',
    demo: 'Enthält Demodaten (nicht amtlich).',
    demoMark: '(Demo)',
    project: 'Projekt',
    status: 'Status',
  },
  en: {
    title: 'Smart City Koblenz – status report',
    committee: 'Committee meeting on',
    ozg: 'Current state of OZG implementation',
    ozgAsOf: 'As of',
    count: 'Count',
    previousCount: 'Previous report',
    change: 'Change',
    sum: 'Total',
    notes: 'Notes on the table',
    fields: 'Selected projects from the fields of action',
    field: 'Field of action',
    features: 'Features',
    changes: 'Changes since the previous report',
    since: 'since the report for the meeting on',
    firstReport: 'This is the first stored report; there is no previous report to compare with.',
    noChanges: 'No changes.',
    demo: 'Contains demo data (not official).',
    demoMark: '(demo)',
    project: 'Project',
    status: 'Status',
  },
} as const;

export function snapshotOf(projects: Project[]): Snapshot {
  return {
    projects: Object.fromEntries(
      projects.map((p) => [
        String(p.id),
        { title: p.title, status: p.status, features: Object.fromEntries(p.features.map((f) => [f.title, f.status])) },
      ]),
    ),
  };
}

/** Compares the current portfolio with the snapshot stored with the previous report. */
export function changesSince(previous: Snapshot, now: Snapshot, lang: Lang): string[] {
  const L = PROJECT_STATUS_LABELS[lang];
  const F = FEATURE_STATUS_LABELS[lang];
  const out: string[] = [];
  for (const [id, p] of Object.entries(now.projects)) {
    const before = previous.projects[id];
    if (!before) {
      out.push(lang === 'de' ? `Neues Projekt: ${p.title} (${L[p.status]})` : `New project: ${p.title} (${L[p.status]})`);
      continue;
    }
    if (before.status !== p.status) out.push(`${p.title}: ${L[before.status]} → ${L[p.status]}`);
    for (const [title, status] of Object.entries(p.features)) {
      const was = before.features[title];
      if (!was)
        out.push(
          lang === 'de'
            ? `${p.title}: neue Funktion „${title}“ (${F[status]})`
            : `${p.title}: new feature "${title}" (${F[status]})`,
        );
      else if (was !== status) out.push(`${p.title} – ${title}: ${F[was]} → ${F[status]}`);
    }
  }
  for (const [id, p] of Object.entries(previous.projects)) {
    if (!now.projects[id])
      out.push(lang === 'de' ? `Nicht mehr im Portfolio: ${p.title}` : `No longer in the portfolio: ${p.title}`);
  }
  return out;
}

export function buildCommitteeReport(input: {
  lang: Lang;
  committeeDate: string;
  ozgDate: string;
  previous: { committeeDate: string; ozgDate: string; snapshot: Snapshot } | null;
  ozg: OzgTable;
  fields: { slug: string; name: string; subtitle: string; goal: string }[];
  projects: Project[];
}): CommitteeReport {
  const { lang } = input;
  const L = PROJECT_STATUS_LABELS[lang];
  const F = FEATURE_STATUS_LABELS[lang];
  return {
    lang,
    committeeDate: input.committeeDate,
    ozgDate: input.ozgDate,
    previous: input.previous ? { committeeDate: input.previous.committeeDate, ozgDate: input.previous.ozgDate } : null,
    ozg: input.ozg,
    fields: input.fields.map((f) => ({
      name: f.name,
      subtitle: f.subtitle,
      goal: f.goal,
      projects: input.projects
        .filter((p) => p.fields.some((x) => x.slug === f.slug))
        .map((p) => ({
          title: p.title,
          status: p.status,
          statusLabel: L[p.status],
          mark: statusMark(isDone(p.status), L[p.status]),
          summary: p.summary,
          demo: p.demo,
          features: p.features.map((x) => ({
            title: x.title,
            statusLabel: F[x.status],
            mark: statusMark(isDone(x.status), F[x.status]),
          })),
        })),
    })),
    changes: input.previous ? changesSince(input.previous.snapshot, snapshotOf(input.projects), lang) : [],
    demo: input.projects.some((p) => p.demo),
  };
}

/** The OZG table as rows of text, shared by every output format. */
export function ozgRows(r: CommitteeReport): { header: string[]; rows: string[][] } {
  const t = T[r.lang];
  const cmp = r.ozg.compare !== null;
  const header = cmp ? ['', t.count, t.previousCount, t.change] : ['', t.count];
  const signed = (n: number | null) => (n === null ? '' : n > 0 ? `+${n}` : String(n));
  const rows = r.ozg.rows.map((x) =>
    cmp ? [x.label, String(x.count), String(x.compareCount ?? ''), signed(x.change)] : [x.label, String(x.count)],
  );
  const prevTotal = r.ozg.rows.reduce((n, x) => n + (x.compareCount ?? 0), 0);
  rows.push(
    cmp ? [t.sum, String(r.ozg.total), String(prevTotal), signed(r.ozg.total - prevTotal)] : [t.sum, String(r.ozg.total)],
  );
  return { header, rows };
}
