/**
 * The reference catalogue as data: reading the shipped extract (data/ozg/*.csv), reading a newer flat
 * export (CSV or XLSX, one row per LeiKa-Leistung), and comparing two catalogues to name what is new,
 * removed, renamed, merged and split.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parseCsv, type Table } from './catalog.tabular.js';
import { foldText } from './catalog.text.js';
import type { RefLeikaRow, RefOzgRow } from './catalog.repository.js';

export interface RefOzg {
  ozgId: string;
  name: string;
  themenfeld: string;
  lebenslage: string;
  /** OZG-IDs this entry replaces (an explicit merge), from the optional column "replaces". */
  replaces: string[];
}

export interface RefLeika {
  key: string | null;
  name: string;
  type: string;
  ozgId: string | null;
  lawShortcuts: string;
  legalBasis: string;
}

export interface RefCatalog {
  ozg: RefOzg[];
  leika: RefLeika[];
  /** Lebenslagen without any OZG-Leistung still belong to the catalogue. */
  lebenslagen: { themenfeld: string; name: string }[];
}

export interface ReferenceProblem {
  row: number;
  column: string;
  problem: string;
}

export const NOT_IN_LEIKA = 'nicht im LeiKa';
const OZG_ID = /^\d{5}$/;
const LEIKA_KEY = /^\d{14}$/;

function records(text: string): Record<string, string>[] {
  const [header, ...rows] = parseCsv(text);
  if (!header) return [];
  return rows.map((r) => Object.fromEntries(header.map((h, i) => [h.trim(), (r[i] ?? '').trim()])));
}

/** Fingerprint of the shipped extract: it changes only when a release ships other catalogue files. */
export function shippedChecksum(dir: string): string {
  const hash = createHash('sha256');
  for (const name of readdirSync(dir)
    .filter((n) => n.endsWith('.csv'))
    .sort())
    hash.update(name).update(readFileSync(path.join(dir, name)));
  return hash.digest('hex');
}

/** The shipped extract of the kdn-nrw OZG database (see data/ozg/SOURCE.txt). */
export function readShippedCatalog(dir: string): RefCatalog {
  const read = (name: string) => records(readFileSync(path.join(dir, name), 'utf8'));
  const subjects = new Map(read('ozg_subject.csv').map((r) => [r['id']!, r['name']!]));
  const situations = new Map(
    read('ozg_situation.csv').map((r) => [r['id']!, { themenfeld: subjects.get(r['subject_id']!) ?? '', name: r['name']! }]),
  );
  const systems = read('ozg_service_system.csv');
  const ozgIdOf = new Map(systems.map((r) => [r['id']!, r['service_key']!]));
  const ozg: RefOzg[] = systems.map((r) => {
    const situation = situations.get(r['situation_id']!);
    return {
      ozgId: r['service_key']!,
      name: r['name']!,
      themenfeld: situation?.themenfeld ?? '',
      lebenslage: situation?.name ?? '',
      replaces: [],
    };
  });
  const leika: RefLeika[] = read('ozg_service.csv').map((r) => ({
    key: r['service_key'] === NOT_IN_LEIKA ? null : r['service_key']!,
    name: r['name']!,
    type: r['service_type'] ?? '',
    ozgId: ozgIdOf.get(r['service_system_id'] ?? '') ?? null,
    lawShortcuts: r['law_shortcuts'] ?? '',
    legalBasis: r['legal_basis'] ?? '',
  }));
  return { ozg, leika, lebenslagen: [...situations.values()] };
}

/** Column names accepted in a flat export (folded: Schlüssel = Schluessel = schlussel); the first is what our export writes. */
const ALIASES: Record<string, string[]> = {
  themenfeld: ['themenfeld', 'themenfeld_name'],
  lebenslage: ['lebenslage', 'lebens_unternehmenslage', 'lebenslage_name', 'unternehmenslage'],
  ozg_id: ['ozg_id', 'ozgid', 'ozg'],
  ozg_name: ['ozg_name', 'ozg_leistung', 'ozg_bezeichnung'],
  leika_key: ['leika_key', 'leika_schlussel', 'schlussel'],
  leika_name: ['leika_name', 'leika_leistung', 'leika_bezeichnung', 'bezeichnung'],
  leika_type: ['leika_type', 'leika_typ', 'typ'],
  law_shortcuts: ['law_shortcuts', 'rechtsgrundlage_kurz'],
  legal_basis: ['legal_basis', 'rechtsgrundlage'],
  replaces: ['replaces', 'ersetzt', 'vorganger'],
};

const headerKey = (h: string) => foldText(h).replace(/ /g, '_');

export const REFERENCE_EXPORT_COLUMNS = [
  'themenfeld',
  'lebenslage',
  'ozg_id',
  'ozg_name',
  'ozg_active',
  'leika_key',
  'leika_name',
  'leika_type',
  'law_shortcuts',
  'legal_basis',
] as const;

/** A newer catalogue export (one row per LeiKa-Leistung, OZG columns repeated). Any problem rejects the file. */
export function parseReferenceTable(table: Table): { catalog: RefCatalog; problems: ReferenceProblem[] } {
  const problems: ReferenceProblem[] = [];
  const index: Record<string, number> = {};
  const known = new Set(['ozg_active']);
  table.header.forEach((h, i) => {
    const key = headerKey(h);
    const canonical = Object.entries(ALIASES).find(([, names]) => names.includes(key))?.[0];
    if (canonical && index[canonical] === undefined) index[canonical] = i;
    else if (!canonical && !known.has(key)) problems.push({ row: 1, column: h, problem: 'is not a known column' });
  });
  for (const required of ['ozg_id', 'ozg_name']) {
    if (index[required] === undefined) problems.push({ row: 1, column: required, problem: 'column is missing' });
  }
  const ozg = new Map<string, RefOzg>();
  const leika: RefLeika[] = [];
  const seenKeys = new Map<string, number>();
  const cell = (r: string[], c: string) => (index[c] === undefined ? '' : (r[index[c]] ?? '').trim());
  table.rows.forEach((r, i) => {
    const row = i + 2;
    const ozgId = cell(r, 'ozg_id');
    const ozgName = cell(r, 'ozg_name');
    const key = cell(r, 'leika_key');
    const leikaName = cell(r, 'leika_name');
    const orphan = ozgId === '' && (key !== '' || leikaName !== ''); // a LeiKa-Leistung without OZG-Leistung
    if (!orphan && !OZG_ID.test(ozgId))
      problems.push({ row, column: 'ozg_id', problem: `must be a 5-digit OZG-ID (got "${ozgId}")` });
    if (!orphan && !ozgName) problems.push({ row, column: 'ozg_name', problem: 'is empty' });
    const replaces = cell(r, 'replaces')
      .split(/[|,; ]+/)
      .filter(Boolean);
    for (const id of replaces)
      if (!OZG_ID.test(id)) problems.push({ row, column: 'replaces', problem: `"${id}" is not a 5-digit OZG-ID` });
    if (OZG_ID.test(ozgId) && !ozg.has(ozgId)) {
      ozg.set(ozgId, { ozgId, name: ozgName, themenfeld: cell(r, 'themenfeld'), lebenslage: cell(r, 'lebenslage'), replaces });
    } else if (ozg.has(ozgId) && replaces.length) {
      ozg.get(ozgId)!.replaces.push(...replaces);
    }
    if (!key && !leikaName) return; // an OZG-Leistung without LeiKa rows
    const normalKey = key === '' || key.toLowerCase() === NOT_IN_LEIKA.toLowerCase() ? null : key;
    if (normalKey !== null && !LEIKA_KEY.test(normalKey)) {
      problems.push({ row, column: 'leika_key', problem: `must be 14 digits (got ${normalKey.replace(/\D/g, '').length})` });
    } else if (normalKey !== null && seenKeys.has(normalKey)) {
      problems.push({ row, column: 'leika_key', problem: `${normalKey} already appears in row ${seenKeys.get(normalKey)}` });
    }
    if (normalKey) seenKeys.set(normalKey, row);
    if (!leikaName) problems.push({ row, column: 'leika_name', problem: 'is empty' });
    leika.push({
      key: normalKey,
      name: leikaName,
      type: cell(r, 'leika_type'),
      ozgId: OZG_ID.test(ozgId) ? ozgId : null,
      lawShortcuts: cell(r, 'law_shortcuts'),
      legalBasis: cell(r, 'legal_basis'),
    });
  });
  if (!table.rows.length) problems.push({ row: 2, column: 'ozg_id', problem: 'the file has no rows' });
  const lebenslagen = [...ozg.values()]
    .filter((o) => o.lebenslage)
    .map((o) => ({ themenfeld: o.themenfeld, name: o.lebenslage }));
  return { catalog: { ozg: [...ozg.values()], leika, lebenslagen }, problems };
}

export interface ReferenceDiff {
  ozg: {
    added: { ozgId: string; name: string }[];
    removed: { ozgId: string; name: string }[];
    renamed: { ozgId: string; from: string; to: string }[];
    merged: { into: string; name: string; from: { ozgId: string; name: string }[] }[];
    split: { from: string; name: string; into: string[] }[];
    reclassified: { ozgId: string; from: string; to: string }[];
  };
  leika: { added: number; removed: number; renamed: number; moved: number };
  /** old OZG-ID → its successor, for the inactive entries */
  successors: Map<string, string | null>;
}

/** What changes when `next` replaces the active entries of `current`. */
export function diffReference(current: { ozg: RefOzgRow[]; leika: RefLeikaRow[] }, next: RefCatalog): ReferenceDiff {
  const before = new Map(current.ozg.filter((o) => o.active).map((o) => [o.ozg_id, o]));
  const after = new Map(next.ozg.map((o) => [o.ozgId, o]));
  const nextOzgOfKey = new Map(next.leika.filter((l) => l.key).map((l) => [l.key!, l.ozgId]));
  const diff: ReferenceDiff = {
    ozg: { added: [], removed: [], renamed: [], merged: [], split: [], reclassified: [] },
    leika: { added: 0, removed: 0, renamed: 0, moved: 0 },
    successors: new Map(),
  };
  for (const o of next.ozg) {
    const old = before.get(o.ozgId);
    if (!old) diff.ozg.added.push({ ozgId: o.ozgId, name: o.name });
    else {
      if (old.name !== o.name) diff.ozg.renamed.push({ ozgId: o.ozgId, from: old.name, to: o.name });
      const oldClass = `${old.themenfeld ?? ''} / ${old.lebenslage ?? ''}`;
      const newClass = `${o.themenfeld} / ${o.lebenslage}`;
      if (o.lebenslage && oldClass !== newClass) diff.ozg.reclassified.push({ ozgId: o.ozgId, from: oldClass, to: newClass });
    }
  }
  const explicitSuccessor = new Map<string, string>();
  for (const o of next.ozg) for (const r of o.replaces) explicitSuccessor.set(r, o.ozgId);
  const mergedInto = new Map<string, { ozgId: string; name: string }[]>();
  for (const old of before.values()) {
    if (after.has(old.ozg_id)) continue;
    const targets = new Map<string, number>();
    for (const l of current.leika) {
      if (l.ozg_id !== old.ozg_id || !l.leika_key || !l.active) continue;
      const target = nextOzgOfKey.get(l.leika_key);
      if (target && target !== old.ozg_id) targets.set(target, (targets.get(target) ?? 0) + 1);
    }
    const explicit = explicitSuccessor.get(old.ozg_id);
    if (explicit) targets.set(explicit, Number.MAX_SAFE_INTEGER);
    if (targets.size === 0) {
      diff.ozg.removed.push({ ozgId: old.ozg_id, name: old.name });
      diff.successors.set(old.ozg_id, null);
    } else if (targets.size > 1 && !explicit) {
      const into = [...targets.keys()].sort();
      diff.ozg.split.push({ from: old.ozg_id, name: old.name, into });
      diff.successors.set(old.ozg_id, [...targets.entries()].sort((a, b) => b[1] - a[1])[0]![0]);
    } else {
      const into = [...targets.entries()].sort((a, b) => b[1] - a[1])[0]![0];
      diff.successors.set(old.ozg_id, into);
      mergedInto.set(into, [...(mergedInto.get(into) ?? []), { ozgId: old.ozg_id, name: old.name }]);
    }
  }
  for (const [into, from] of mergedInto) diff.ozg.merged.push({ into, name: after.get(into)?.name ?? into, from });

  const oldLeika = new Map(current.leika.filter((l) => l.leika_key && l.active).map((l) => [l.leika_key!, l]));
  const newKeys = new Set<string>();
  for (const l of next.leika) {
    if (!l.key) continue;
    newKeys.add(l.key);
    const old = oldLeika.get(l.key);
    if (!old) diff.leika.added += 1;
    else {
      if (old.name !== l.name) diff.leika.renamed += 1;
      if (old.ozg_id !== l.ozgId) diff.leika.moved += 1;
    }
  }
  for (const key of oldLeika.keys()) if (!newKeys.has(key)) diff.leika.removed += 1;
  return diff;
}

/** One row per LeiKa-Leistung (and one per OZG-Leistung without any), the format `catalog import` reads back. */
export function referenceExportRows(current: { ozg: RefOzgRow[]; leika: RefLeikaRow[] }): (string | boolean)[][] {
  const leikaByOzg = new Map<string, RefLeikaRow[]>();
  const orphans: RefLeikaRow[] = [];
  for (const l of current.leika) {
    if (!l.active) continue;
    if (l.ozg_id) leikaByOzg.set(l.ozg_id, [...(leikaByOzg.get(l.ozg_id) ?? []), l]);
    else orphans.push(l);
  }
  const rows: (string | boolean)[][] = [];
  for (const o of current.ozg) {
    if (!o.active) continue;
    const base = [o.themenfeld ?? '', o.lebenslage ?? '', o.ozg_id, o.name, o.active];
    const list = leikaByOzg.get(o.ozg_id) ?? [];
    if (!list.length) rows.push([...base, '', '', '', '', '']);
    for (const l of list) rows.push([...base, l.leika_key ?? NOT_IN_LEIKA, l.name, l.leika_type, l.law_shortcuts, l.legal_basis]);
  }
  for (const l of orphans)
    rows.push(['', '', '', '', '', l.leika_key ?? NOT_IN_LEIKA, l.name, l.leika_type, l.law_shortcuts, l.legal_basis]);
  return rows;
}
