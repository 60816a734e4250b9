/**
 * The city's OZG service catalog: rules, permissions, transactions and audit. Every change of a
 * service is a history row with an effective date and an author; the status shown today and the
 * committee table for any date are both computed from those rows.
 */
import { actorLabel, requireModuleWrite, requireStaff, type Actor } from '../../platform/auth/actor.js';
import type { AuditRecorder, Clock } from '../../platform/contracts.js';
import { withTransaction, type Db } from '../../platform/db/database.js';
import { AppError, conflict, notFound, type FieldProblem } from '../../platform/http/errors.js';
import { localDate } from '../../platform/time.js';
import type { PublicCache } from './catalog.cache.js';
import {
  diffReference,
  parseReferenceTable,
  readShippedCatalog,
  referenceExportRows,
  REFERENCE_EXPORT_COLUMNS,
  type RefCatalog,
  type ReferenceDiff,
} from './catalog.reference.js';
import type {
  CatalogRepository,
  HistoryRow,
  ListFilter,
  RestructureMember,
  RestructureRow,
  ServiceRow,
  ServiceWrite,
  StatusCounts,
} from './catalog.repository.js';
import { readTable, type TableFormat } from './catalog.tabular.js';
import {
  addDays,
  foldText,
  isIsoDate,
  isStatus,
  PAYMENT_METHODS,
  searchTerms,
  STATUSES,
  type PaymentMethod,
  type Status,
} from './catalog.text.js';

export interface CatalogSettings {
  /** Folder with the shipped reference extract (data/ozg). */
  referenceDir: string;
}

/** The editable fields of a city service (API names). */
export interface ServiceFields {
  name: string;
  description: string;
  ozgId: string | null;
  leikaKey: string | null;
  local: boolean;
  themenfeldId: number | null;
  lebenslageId: number | null;
  status: Status;
  reasonNotOnline: string;
  maturityLevel: number | null;
  maturityModel: string;
  efa: boolean;
  efaProviderState: string;
  onlineUrl: string;
  epaybl: boolean;
  paymentMethods: PaymentMethod[];
  office: string;
  plannedGoLive: string | null;
  rolloutProject: string;
  notes: string;
}

export type ServiceInput = Partial<ServiceFields> & { ref?: string };

export interface ChangeMeta {
  effectiveDate?: string | undefined;
  note?: string | undefined;
}

const DEFAULTS: Omit<ServiceFields, 'name' | 'status'> = {
  description: '',
  ozgId: null,
  leikaKey: null,
  local: false,
  themenfeldId: null,
  lebenslageId: null,
  reasonNotOnline: '',
  maturityLevel: null,
  maturityModel: '',
  efa: false,
  efaProviderState: '',
  onlineUrl: '',
  epaybl: false,
  paymentMethods: [],
  office: '',
  plannedGoLive: null,
  rolloutProject: '',
  notes: '',
};

/** Fields whose change is recorded in history (status is recorded separately). */
const TRACKED = Object.keys(DEFAULTS).concat('name') as (keyof ServiceFields)[];

export const MATURITY_MAX = 99;
const REF_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;

function fieldsOf(row: ServiceRow): ServiceFields {
  return {
    name: row.name,
    description: row.description,
    ozgId: row.ozg_id,
    leikaKey: row.leika_key,
    local: row.local,
    themenfeldId: row.themenfeld_id,
    lebenslageId: row.lebenslage_id,
    status: row.status ?? 'geplant',
    reasonNotOnline: row.reason_not_online,
    maturityLevel: row.maturity_level,
    maturityModel: row.maturity_model,
    efa: row.efa,
    efaProviderState: row.efa_provider_state,
    onlineUrl: row.online_url,
    epaybl: row.epaybl,
    paymentMethods: row.payment_methods as PaymentMethod[],
    office: row.office,
    plannedGoLive: row.planned_go_live,
    rolloutProject: row.rollout_project,
    notes: row.notes,
  };
}

const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

/** Public shape of a city service. */
export function presentService(row: ServiceRow) {
  return {
    id: Number(row.id),
    ref: row.ref,
    name: row.name,
    description: row.description,
    status: row.status,
    statusSince: row.status_since,
    listed: row.status !== null,
    ozg: row.ozg_id
      ? { id: row.ozg_id, name: row.ozg_name ?? '', active: row.ozg_active ?? false, successorOzgId: row.successor_ozg_id }
      : null,
    leika: row.leika_key ? { key: row.leika_key, name: row.leika_name ?? '', type: row.leika_type ?? '' } : null,
    local: row.local,
    themenfeld: row.themenfeld_id ? { id: row.themenfeld_id, name: row.themenfeld_name ?? '' } : null,
    lebenslage: row.lebenslage_id ? { id: row.lebenslage_id, name: row.lebenslage_name ?? '' } : null,
    reasonNotOnline: row.reason_not_online,
    maturityLevel: row.maturity_level,
    maturityModel: row.maturity_model,
    efa: row.efa,
    efaProviderState: row.efa_provider_state,
    onlineUrl: row.online_url,
    epaybl: row.epaybl,
    paymentMethods: row.payment_methods,
    office: row.office,
    plannedGoLive: row.planned_go_live,
    rolloutProject: row.rollout_project,
    notes: row.notes,
    demo: row.demo,
    updatedAt: new Date(row.updated_at).toISOString(),
  };
}
export type ServiceView = ReturnType<typeof presentService>;

/** Fields a list item leaves out (they are on the service page and in the downloads). */
export const DETAIL_ONLY = ['description', 'notes', 'reasonNotOnline', 'rolloutProject', 'maturityModel', 'updatedAt'] as const;

/** A list item: the service without its long texts, so a page of 50 stays small. */
export function presentSummary(row: ServiceRow) {
  const full: Partial<ServiceView> = presentService(row);
  for (const key of DETAIL_ONLY) delete full[key];
  return full as Omit<ServiceView, (typeof DETAIL_ONLY)[number]>;
}

/** Share online, rounded to 0.1 %. */
export const shareOnline = (counts: StatusCounts) => {
  const total = STATUSES.reduce((n, s) => n + counts[s], 0);
  return total ? Math.round((counts.online / total) * 1000) / 1000 : 0;
};
const totalOf = (counts: StatusCounts) => STATUSES.reduce((n, s) => n + counts[s], 0);

export function createCatalogService(deps: {
  db: Db;
  repo: CatalogRepository;
  audit: AuditRecorder;
  clock: Clock;
  cache: PublicCache;
  settings: CatalogSettings;
}) {
  const { db, repo, audit, clock, cache, settings } = deps;
  const today = () => localDate(clock.now());

  // ---------------------------------------------------------------- validation

  /** Checks a complete set of fields and fills Themenfeld/Lebenslage from the OZG-Leistung. */
  async function check(fields: ServiceFields, conn: Db = db): Promise<{ fields: ServiceFields; problems: FieldProblem[] }> {
    const problems: FieldProblem[] = [];
    const bad = (field: string, message: string) => problems.push({ field, message });
    const f = { ...fields };
    if (!f.name.trim()) bad('name', 'must not be empty');
    if (f.name.length > 300) bad('name', 'must be at most 300 characters');
    if (!isStatus(f.status)) bad('status', `must be one of ${STATUSES.join(', ')}`);
    if (f.leikaKey !== null) {
      if (!/^\d{14}$/.test(f.leikaKey)) bad('leikaKey', `must be 14 digits (got ${f.leikaKey.replace(/\D/g, '').length})`);
      else {
        const leika = await repo.leika(f.leikaKey, conn);
        if (!leika) bad('leikaKey', `${f.leikaKey} is not in the reference catalogue (import a newer catalogue first)`);
        else if (f.ozgId === null && leika.ozg_id) f.ozgId = leika.ozg_id;
      }
    }
    if (f.ozgId !== null) {
      if (!/^\d{5}$/.test(f.ozgId)) bad('ozgId', `must be a 5-digit OZG-ID (got "${f.ozgId}")`);
      else {
        const ozg = await repo.ozg(f.ozgId, conn);
        if (!ozg) bad('ozgId', `${f.ozgId} is not in the reference catalogue`);
        else if (ozg.lebenslage_id) {
          f.lebenslageId = ozg.lebenslage_id;
          f.themenfeldId = ozg.themenfeld_id;
        }
      }
    } else if (f.lebenslageId !== null) {
      const l = await repo.lebenslage(f.lebenslageId, conn);
      if (!l) bad('lebenslageId', `there is no Lebenslage ${f.lebenslageId}`);
      else f.themenfeldId = l.themenfeld_id;
    } else if (f.themenfeldId !== null && !(await repo.themenfeldExists(f.themenfeldId, conn))) {
      bad('themenfeldId', `there is no Themenfeld ${f.themenfeldId}`);
    }
    if (f.ozgId === null && f.leikaKey === null && !f.local) {
      bad('ozgId', 'link the service to an OZG-ID or a LeiKa key, or mark it as local');
    }
    if (f.status === 'nicht_online' && !f.reasonNotOnline.trim())
      bad('reasonNotOnline', 'is required when the status is nicht_online');
    if (
      f.maturityLevel !== null &&
      (!Number.isInteger(f.maturityLevel) || f.maturityLevel < 0 || f.maturityLevel > MATURITY_MAX)
    ) {
      bad('maturityLevel', `must be a whole number from 0 to ${MATURITY_MAX}`);
    }
    if (f.onlineUrl) {
      if (!URL.canParse(f.onlineUrl) || !['http:', 'https:'].includes(new URL(f.onlineUrl).protocol))
        bad('onlineUrl', 'must be an http(s) URL');
    }
    for (const m of f.paymentMethods) {
      if (!(PAYMENT_METHODS as readonly string[]).includes(m))
        bad('paymentMethods', `"${m}" is not one of ${PAYMENT_METHODS.join(', ')}`);
    }
    f.paymentMethods = [...new Set(f.paymentMethods)];
    if (f.plannedGoLive !== null && !isIsoDate(f.plannedGoLive)) bad('plannedGoLive', 'must be a date YYYY-MM-DD');
    return { fields: f, problems };
  }

  function checkEffectiveDate(date: string, field: string, notBefore?: string): FieldProblem[] {
    if (!isIsoDate(date)) return [{ field, message: 'must be a date YYYY-MM-DD' }];
    if (date > today()) return [{ field, message: `must not be after today (${today()})` }];
    if (notBefore && date < notBefore) return [{ field, message: `must not be before the service was added (${notBefore})` }];
    return [];
  }

  const invalid = (problems: FieldProblem[], prefix: string, code = 'CATALOG_INPUT_INVALID') =>
    new AppError(code, problems.map((p) => `${prefix}${p.field} ${p.message}`).join('; '), {
      status: 400,
      errors: problems.map((p) => ({ field: `${prefix}${p.field}`, message: p.message })),
    });

  function toWrite(
    ref: string,
    f: ServiceFields,
    demo: boolean,
    extra: { ozgName?: string | null; leikaName?: string | null; themen?: string[] },
  ) {
    const searchSource = [
      ref,
      f.name,
      f.description,
      f.ozgId,
      f.leikaKey,
      extra.ozgName,
      extra.leikaName,
      f.office,
      f.rolloutProject,
      ...(extra.themen ?? []),
    ]
      .filter(Boolean)
      .join(' ');
    return {
      ref,
      name: f.name.trim(),
      description: f.description,
      ozg_id: f.ozgId,
      leika_key: f.leikaKey,
      local: f.local,
      themenfeld_id: f.themenfeldId,
      lebenslage_id: f.lebenslageId,
      reason_not_online: f.reasonNotOnline,
      maturity_level: f.maturityLevel,
      maturity_model: f.maturityModel,
      efa: f.efa,
      efa_provider_state: f.efaProviderState,
      online_url: f.onlineUrl,
      epaybl: f.epaybl,
      payment_methods: f.paymentMethods,
      office: f.office,
      planned_go_live: f.plannedGoLive,
      rollout_project: f.rolloutProject,
      notes: f.notes,
      demo,
      search_text: foldText(searchSource),
      sort_name: foldText(f.name),
    } satisfies Omit<ServiceWrite, 'status' | 'status_since'>;
  }

  async function namesFor(f: ServiceFields, conn: Db) {
    const [ozg, leika] = await Promise.all([
      f.ozgId ? repo.ozg(f.ozgId, conn) : undefined,
      f.leikaKey ? repo.leika(f.leikaKey, conn) : undefined,
    ]);
    return { ozgName: ozg?.name ?? null, leikaName: leika?.name ?? null, themen: [ozg?.themenfeld ?? '', ozg?.lebenslage ?? ''] };
  }

  /** Status and the date it holds since, from the history rows (ordered by date, id). */
  function projection(rows: HistoryRow[]): { status: Status | null; since: string } {
    const last = rows[rows.length - 1]!;
    let since = last.effective_date;
    for (let i = rows.length - 2; i >= 0 && rows[i]!.status === last.status; i -= 1) since = rows[i]!.effective_date;
    return { status: last.status, since };
  }

  async function reproject(trx: Db, id: number) {
    const p = projection(await repo.history(id, trx));
    await repo.setProjection(trx, id, p.status, p.since, clock.now());
  }

  interface PersistMeta {
    effectiveDate: string;
    note: string;
    author: string;
    kind?: 'merge' | 'split' | 'import';
    restructureId?: number | null;
    /** The caller set a status: a difference to the status on the effective date is a status change. */
    statusGiven: boolean;
    /** Write a history row even if nothing changed (a restructure target). */
    force?: boolean;
    demo?: boolean;
  }

  /** Creates (current undefined) or changes a service and writes its history row. Fields must be checked. */
  async function persist(trx: Db, ref: string, current: ServiceRow | undefined, next: ServiceFields, meta: PersistMeta) {
    const now = clock.now();
    const write = toWrite(ref, next, meta.demo ?? current?.demo ?? false, await namesFor(next, trx));
    if (!current) {
      const id = await repo.insertService(trx, { ...write, status: next.status, status_since: meta.effectiveDate }, now);
      const changes: Record<string, unknown> = { status: { from: null, to: next.status } };
      for (const k of TRACKED)
        if (!same(next[k], k === 'name' ? '' : DEFAULTS[k as keyof typeof DEFAULTS])) changes[k] = { from: null, to: next[k] };
      await repo.insertHistory(
        trx,
        [
          {
            service_id: id,
            effective_date: meta.effectiveDate,
            status: next.status,
            kind: meta.kind ?? 'create',
            changes,
            note: meta.note,
            restructure_id: meta.restructureId ?? null,
            author: meta.author,
          },
        ],
        now,
      );
      return { id, changed: true, created: true };
    }
    const id = Number(current.id);
    const before = fieldsOf(current);
    const changes: Record<string, { from: unknown; to: unknown }> = {};
    for (const k of TRACKED) if (!same(before[k], next[k])) changes[k] = { from: before[k], to: next[k] };
    const statusOnDate = (await repo.statusesAt([id], meta.effectiveDate, trx)).get(id) ?? null;
    const statusChanged = meta.statusGiven && next.status !== statusOnDate;
    if (statusChanged) changes['status'] = { from: statusOnDate, to: next.status };
    if (!Object.keys(changes).length && !meta.force) return { id, changed: false, created: false };
    await repo.updateService(trx, id, { ...write, status: current.status, status_since: current.status_since }, now);
    await repo.insertHistory(
      trx,
      [
        {
          service_id: id,
          effective_date: meta.effectiveDate,
          status: statusChanged ? next.status : statusOnDate,
          kind: meta.kind ?? (statusChanged ? 'status' : 'edit'),
          changes,
          note: meta.note,
          restructure_id: meta.restructureId ?? null,
          author: meta.author,
        },
      ],
      now,
    );
    await reproject(trx, id);
    return { id, changed: true, created: false };
  }

  async function loadService(id: number, conn: Db = db): Promise<ServiceRow> {
    const row = await repo.service(id, conn);
    if (!row) throw notFound('CATALOG_SERVICE_NOT_FOUND', `There is no service ${id}.`);
    return row;
  }

  async function firstDate(trx: Db, id: number) {
    return (await repo.history(id, trx))[0]?.effective_date;
  }

  async function afterWrite<T>(fn: (trx: Db) => Promise<T>): Promise<T> {
    const result = await withTransaction(db, async (trx) => {
      const r = await fn(trx);
      await repo.bumpState(trx, clock.now());
      return r;
    });
    cache.invalidate();
    return result;
  }

  async function newRef(trx: Db, f: ServiceFields) {
    const base = f.ozgId ? `OZG-${f.ozgId}` : f.leikaKey ? `LK-${f.leikaKey}` : 'LOKAL';
    for (let n = await repo.nextRefNumber(trx); ; n += 1) {
      const ref = `${base}-${n}`;
      if (!(await repo.servicesByRefs([ref], trx)).length) return ref;
    }
  }

  // ---------------------------------------------------------------- reference catalogue

  async function applyReference(
    trx: Db,
    next: RefCatalog,
    diff: ReferenceDiff,
    source: string,
    author: string,
    summary: unknown,
  ) {
    const now = clock.now();
    const themen = new Set<string>(
      [...next.ozg.map((o) => o.themenfeld), ...next.lebenslagen.map((l) => l.themenfeld)].filter(Boolean),
    );
    const themenIds = await repo.ensureThemenfelder(trx, [...themen]);
    const lagen = new Map<string, { themenfeldId: number; name: string }>();
    for (const l of [...next.lebenslagen, ...next.ozg.map((o) => ({ themenfeld: o.themenfeld, name: o.lebenslage }))]) {
      const t = themenIds.get(l.themenfeld);
      if (t && l.name) lagen.set(`${t}|${l.name}`, { themenfeldId: t, name: l.name });
    }
    const lagenIds = await repo.ensureLebenslagen(trx, [...lagen.values()]);
    await repo.upsertOzg(
      trx,
      next.ozg.map((o) => {
        const t = themenIds.get(o.themenfeld);
        return { ozgId: o.ozgId, name: o.name, lebenslageId: t ? (lagenIds.get(`${t}|${o.lebenslage}`) ?? null) : null };
      }),
      now,
    );
    await repo.retireOzg(
      trx,
      [...diff.successors.entries()].map(([ozgId, successor]) => ({ ozgId, successor })),
      now,
    );
    const keyed = next.leika.filter((l) => l.key !== null) as (RefCatalog['leika'][number] & { key: string })[];
    await repo.upsertLeika(trx, keyed);
    const nextKeys = new Set(keyed.map((l) => l.key));
    const current = await repo.referenceLeika(trx);
    await repo.retireLeika(
      trx,
      current.filter((l) => l.leika_key && l.active && !nextKeys.has(l.leika_key)).map((l) => l.leika_key!),
    );
    await repo.replaceKeylessLeika(
      trx,
      next.leika.filter((l) => l.key === null),
    );
    await repo.syncServiceClassification(trx);
    await repo.insertReferenceImport(trx, source, author, summary, now);
  }

  function summarise(diff: ReferenceDiff, before: { ozg: number; leika: number }, next: RefCatalog) {
    return {
      ozg: { before: before.ozg, after: next.ozg.length, ...diff.ozg },
      leika: { before: before.leika, after: next.leika.filter((l) => l.key).length, ...diff.leika },
    };
  }

  async function ensureReference(trx?: Db): Promise<boolean> {
    const run = async (conn: Db) => {
      if ((await repo.ozgCount(conn)) > 0) return false;
      const next = readShippedCatalog(settings.referenceDir);
      const diff = diffReference({ ozg: [], leika: [] }, next);
      await applyReference(
        conn,
        next,
        diff,
        'data/ozg (kdn-nrw/OZG-Datenbank-NRW, MIT)',
        'system:catalog',
        summarise(diff, { ozg: 0, leika: 0 }, next),
      );
      return true;
    };
    if (trx) return run(trx);
    // Serialised by a row lock so that two instances starting together load the catalogue once.
    const loaded = await withTransaction(db, async (t) => {
      await repo.lockState(t);
      return run(t);
    });
    if (loaded) cache.invalidate();
    return loaded;
  }

  async function importReference(
    actor: Actor,
    file: { data: Buffer; name: string; format: TableFormat },
    options: { dryRun?: boolean } = {},
  ) {
    requireModuleWrite(actor, 'catalog');
    await ensureReference();
    const table = await readTable(file.data, file.format, 'file');
    const { catalog: next, problems } = parseReferenceTable(table);
    if (problems.length) {
      throw new AppError(
        'CATALOG_REFERENCE_INVALID',
        `${problems.length} problem(s) in ${file.name}; the catalogue was not changed.`,
        {
          status: 422,
          errors: problems.slice(0, 200).map((p) => ({ field: `row ${p.row}, column ${p.column}`, message: p.problem })),
        },
      );
    }
    const current = { ozg: await repo.referenceOzg(), leika: await repo.referenceLeika() };
    const diff = diffReference(current, next);
    const summary = summarise(
      diff,
      { ozg: current.ozg.filter((o) => o.active).length, leika: current.leika.filter((l) => l.active && l.leika_key).length },
      next,
    );
    const affected = await repo.servicesLinkedTo([...diff.successors.keys()]);
    const cityServices = affected.map((s) => ({
      id: Number(s.id),
      ref: s.ref,
      name: s.name,
      ozgId: s.ozg_id,
      successorOzgId: diff.successors.get(s.ozg_id) ?? null,
      status: s.status,
    }));
    const report = { source: file.name, dryRun: Boolean(options.dryRun), ...summary, cityServices };
    if (options.dryRun) return report;
    await afterWrite(async (trx) => {
      await applyReference(trx, next, diff, file.name, actorLabel(actor), summary);
      await audit.record(trx, {
        actor,
        module: 'catalog',
        entity: 'reference',
        entityId: null,
        action: 'import',
        after: {
          source: file.name,
          ozg: { added: diff.ozg.added.length, removed: diff.ozg.removed.length, merged: diff.ozg.merged.length },
        },
      });
    });
    return report;
  }

  // ---------------------------------------------------------------- restructures (merges and splits)

  interface RestructureInput {
    kind: 'merge' | 'split';
    effectiveDate: string;
    note: string;
    catalogReference?: string | undefined;
    sourceIds: number[];
    targets: (ServiceInput & { id?: number | undefined })[];
  }

  async function restructure(actor: Actor, input: RestructureInput) {
    requireModuleWrite(actor, 'catalog');
    const problems: FieldProblem[] = checkEffectiveDate(input.effectiveDate, 'effectiveDate');
    if (input.kind === 'merge' && (input.sourceIds.length < 2 || input.targets.length !== 1)) {
      problems.push({ field: 'sourceIds', message: 'a merge joins at least two services into exactly one target' });
    }
    if (input.kind === 'split' && (input.sourceIds.length !== 1 || input.targets.length < 2)) {
      problems.push({ field: 'targets', message: 'a split turns exactly one service into at least two targets' });
    }
    if (new Set(input.sourceIds).size !== input.sourceIds.length)
      problems.push({ field: 'sourceIds', message: 'lists a service twice' });
    if (!input.note.trim())
      problems.push({ field: 'note', message: 'must explain the change (it appears in the committee report)' });
    if (problems.length) throw invalid(problems, 'body.');
    const author = actorLabel(actor);
    const dayBefore = addDays(input.effectiveDate, -1);

    const result = await afterWrite(async (trx) => {
      const existingTargetIds = input.targets.map((t) => t.id).filter((x): x is number => x !== undefined);
      const involved = [...new Set([...input.sourceIds, ...existingTargetIds])];
      const rows = new Map((await repo.servicesByIds(involved, trx)).map((r) => [Number(r.id), r]));
      const before = await repo.statusesAt(involved, dayBefore, trx);
      const errs: FieldProblem[] = [];
      input.sourceIds.forEach((id, i) => {
        if (!rows.has(id)) errs.push({ field: `sourceIds.${i}`, message: `there is no service ${id}` });
        else if (!before.get(id))
          errs.push({ field: `sourceIds.${i}`, message: `service ${id} was not in the list on ${dayBefore}` });
      });
      input.targets.forEach((t, i) => {
        if (t.id !== undefined && !rows.has(t.id))
          errs.push({ field: `targets.${i}.id`, message: `there is no service ${t.id}` });
        else if (t.id !== undefined && !before.get(t.id))
          errs.push({ field: `targets.${i}.id`, message: `service ${t.id} was not in the list on ${dayBefore}` });
      });
      if (errs.length) throw invalid(errs, 'body.');
      const retired = input.sourceIds.filter((id) => !existingTargetIds.includes(id));
      for (const id of retired) {
        const later = (await repo.history(id, trx)).filter((h) => h.effective_date > input.effectiveDate);
        if (later.length) {
          throw conflict(
            'CATALOG_RESTRUCTURE_LATER_CHANGES',
            `Service ${id} has changes after ${input.effectiveDate}; a merged service cannot change later.`,
            'body.effectiveDate',
          );
        }
      }
      const member = (id: number, status: Status | null): RestructureMember => ({
        id,
        ref: rows.get(id)!.ref,
        name: rows.get(id)!.name,
        status,
      });
      const sources = involved.map((id) => member(id, before.get(id) ?? null));
      const restructureId = await repo.insertRestructure(
        trx,
        {
          kind: input.kind,
          effective_date: input.effectiveDate,
          note: input.note.trim(),
          catalog_reference: input.catalogReference?.trim() ?? '',
          source_ids: input.sourceIds,
          target_ids: [],
          effect: {},
          sources,
          targets: [],
          author,
        },
        clock.now(),
      );
      const targetIds: number[] = [];
      for (const [i, t] of input.targets.entries()) {
        const { id, ref, ...patch } = t;
        const current = id !== undefined ? rows.get(id) : undefined;
        const base: ServiceFields = current
          ? fieldsOf(current)
          : { ...DEFAULTS, name: '', status: before.get(input.sourceIds[0]!) ?? 'geplant' };
        const { fields, problems: p } = await check({ ...base, ...definedOnly(patch) }, trx);
        if (p.length) throw invalid(p, `body.targets.${i}.`);
        const saved = await persist(trx, current?.ref ?? ref ?? (await newRef(trx, fields)), current, fields, {
          effectiveDate: input.effectiveDate,
          note: input.note.trim(),
          author,
          kind: input.kind,
          restructureId,
          statusGiven: patch.status !== undefined,
          force: true,
        });
        targetIds.push(saved.id);
      }
      for (const id of retired) {
        await repo.insertHistory(
          trx,
          [
            {
              service_id: id,
              effective_date: input.effectiveDate,
              status: null,
              kind: input.kind,
              changes: { status: { from: before.get(id), to: null } },
              note: input.note.trim(),
              restructure_id: restructureId,
              author,
            },
          ],
          clock.now(),
        );
        await reproject(trx, id);
      }
      const after = await repo.statusesAt(targetIds, input.effectiveDate, trx);
      const effect: Partial<StatusCounts> = {};
      for (const s of STATUSES) {
        const n = targetIds.filter((id) => after.get(id) === s).length - involved.filter((id) => before.get(id) === s).length;
        if (n) effect[s] = n;
      }
      const targetRows = await repo.servicesByIds(targetIds, trx);
      const targets = targetIds.map((id) => {
        const r = targetRows.find((x) => Number(x.id) === id)!;
        return { id, ref: r.ref, name: r.name, status: after.get(id) ?? null };
      });
      await repo.completeRestructure(trx, restructureId, targetIds, targets, effect);
      await audit.record(trx, {
        actor,
        module: 'catalog',
        entity: 'restructure',
        entityId: restructureId,
        action: input.kind,
        after: { effectiveDate: input.effectiveDate, sourceIds: input.sourceIds, targetIds, effect },
      });
      return restructureId;
    });
    return (await listRestructures()).find((r) => r.id === result)!;
  }

  async function listRestructures(range?: { after: string; upTo: string }) {
    return (await repo.restructures(range)).map(presentRestructure);
  }

  function presentRestructure(r: RestructureRow) {
    return {
      id: Number(r.id),
      kind: r.kind,
      effectiveDate: r.effective_date,
      note: r.note,
      catalogReference: r.catalog_reference,
      sources: r.sources,
      targets: r.targets,
      effect: { online: 0, in_umsetzung: 0, geplant: 0, nicht_online: 0, ...r.effect },
    };
  }

  // ---------------------------------------------------------------- figures

  async function kpis(date?: string) {
    const d = date ?? today();
    const [counts, rows] = await Promise.all([repo.countsAt(d), repo.countsByThemenfeldAt(d)]);
    const themen = new Map<string, { id: number | null; name: string; counts: StatusCounts }>();
    for (const r of rows) {
      const key = String(r.themenfeld_id ?? 'none');
      if (!themen.has(key))
        themen.set(key, {
          id: r.themenfeld_id,
          name: r.themenfeld ?? '',
          counts: { online: 0, in_umsetzung: 0, geplant: 0, nicht_online: 0 },
        });
      themen.get(key)!.counts[r.status] = r.n;
    }
    return {
      date: d,
      total: totalOf(counts),
      counts,
      shareOnline: shareOnline(counts),
      byThemenfeld: [...themen.values()]
        .map((t) => ({ ...t, total: totalOf(t.counts), shareOnline: shareOnline(t.counts) }))
        .sort((a, b) => a.name.localeCompare(b.name, 'de')),
    };
  }

  async function timeline(opts: { from?: string | undefined; to?: string | undefined; step?: 'month' | 'quarter' | undefined }) {
    const to = opts.to ?? today();
    const first = opts.from ?? (await repo.firstEffectiveDate()) ?? to;
    const months = opts.step === 'quarter' ? 3 : 1;
    const dates: string[] = [];
    // Month (quarter) ends: "Stand 31.03." reads like a report date.
    let cursor = `${first.slice(0, 7)}-01`;
    while (dates.length < 240) {
      const next = new Date(`${cursor}T00:00:00Z`);
      next.setUTCMonth(next.getUTCMonth() + months);
      const end = addDays(next.toISOString().slice(0, 10), -1);
      if (end >= to) break;
      if (end >= first) dates.push(end);
      cursor = next.toISOString().slice(0, 10);
    }
    dates.push(to);
    const counts = await repo.countsOnDates(dates);
    return {
      from: dates[0]!,
      to,
      step: opts.step ?? 'month',
      points: dates.map((d) => ({
        date: d,
        counts: counts.get(d)!,
        total: totalOf(counts.get(d)!),
        shareOnline: shareOnline(counts.get(d)!),
      })),
    };
  }

  // ---------------------------------------------------------------- the service API

  return {
    today,
    cache,
    ensureReference,
    importReference,
    persist,
    check,
    fieldsOf,
    afterWrite,
    listRestructures,
    kpis,
    timeline,
    restructure,

    async version() {
      return cache.current();
    },

    async list(filter: Omit<ListFilter, 'terms'> & { q?: string | undefined }) {
      const { q, ...rest } = filter;
      const { items, total } = await repo.list({ ...rest, terms: q ? searchTerms(q) : [] });
      return { items: items.map(presentSummary), total, limit: filter.limit, offset: filter.offset };
    },

    async detail(id: number) {
      const row = await loadService(id);
      const leikaOfOzg = row.ozg_id ? await repo.leikaOf(row.ozg_id) : [];
      return {
        ...presentService(row),
        relatedLeika: leikaOfOzg
          .filter((l) => l.active)
          .slice(0, 200)
          .map((l) => ({ key: l.leika_key, name: l.name, type: l.leika_type })),
      };
    },

    async history(actor: Actor, id: number) {
      await loadService(id);
      let staff = true;
      try {
        requireStaff(actor);
      } catch {
        staff = false;
      }
      return (await repo.history(id)).map((h) => ({
        id: Number(h.id),
        effectiveDate: h.effective_date,
        status: h.status,
        kind: h.kind,
        changes: h.changes,
        note: h.note,
        restructureId: h.restructure_id === null ? null : Number(h.restructure_id),
        recordedAt: new Date(h.recorded_at).toISOString(),
        // Staff names are personal data: only staff see who made a change.
        author: staff ? h.author : null,
      }));
    },

    async create(actor: Actor, input: ServiceInput & { name: string; status: Status } & ChangeMeta) {
      requireModuleWrite(actor, 'catalog');
      const { effectiveDate = today(), note = '', ref, ...rest } = input;
      const problems = checkEffectiveDate(effectiveDate, 'effectiveDate');
      if (ref !== undefined && !REF_PATTERN.test(ref))
        problems.push({ field: 'ref', message: 'must be 1–64 letters, digits, ".", "_" or "-"' });
      const { fields, problems: p } = await check({ ...DEFAULTS, ...definedOnly(rest) } as ServiceFields, db);
      if (problems.length || p.length) throw invalid([...problems, ...p], 'body.');
      const id = await afterWrite(async (trx) => {
        if (ref !== undefined && (await repo.servicesByRefs([ref], trx)).length)
          throw conflict('CATALOG_REF_TAKEN', `The reference ${ref} is already used.`, 'body.ref');
        const saved = await persist(trx, ref ?? (await newRef(trx, fields)), undefined, fields, {
          effectiveDate,
          note,
          author: actorLabel(actor),
          statusGiven: true,
        });
        await audit.record(trx, {
          actor,
          module: 'catalog',
          entity: 'service',
          entityId: saved.id,
          action: 'create',
          after: { ...fields, effectiveDate },
        });
        return saved.id;
      });
      return presentService(await loadService(id));
    },

    async update(actor: Actor, id: number, input: ServiceInput & ChangeMeta) {
      requireModuleWrite(actor, 'catalog');
      const current = await loadService(id);
      if (current.status === null)
        throw conflict('CATALOG_SERVICE_RETIRED', `Service ${id} was merged into another service and cannot change.`);
      const { effectiveDate = today(), note = '', ref: _ref, ...patch } = input;
      const first = await firstDate(db, id);
      const problems = checkEffectiveDate(effectiveDate, 'effectiveDate', first);
      const { fields, problems: p } = await check({ ...fieldsOf(current), ...definedOnly(patch) }, db);
      if (problems.length || p.length) throw invalid([...problems, ...p], 'body.');
      await afterWrite(async (trx) => {
        const saved = await persist(trx, current.ref, current, fields, {
          effectiveDate,
          note,
          author: actorLabel(actor),
          statusGiven: patch.status !== undefined,
        });
        if (saved.changed)
          await audit.record(trx, {
            actor,
            module: 'catalog',
            entity: 'service',
            entityId: id,
            action: 'update',
            before: fieldsOf(current),
            after: { ...fields, effectiveDate },
          });
      });
      return presentService(await loadService(id));
    },

    async changeStatus(
      actor: Actor,
      id: number,
      input: { status: Status; effectiveDate: string; note?: string | undefined; reasonNotOnline?: string | undefined },
    ) {
      return this.update(actor, id, input);
    },

    async bulkStatus(
      actor: Actor,
      input: {
        ids: number[];
        status: Status;
        effectiveDate: string;
        note?: string | undefined;
        reasonNotOnline?: string | undefined;
      },
    ) {
      requireModuleWrite(actor, 'catalog');
      const problems = checkEffectiveDate(input.effectiveDate, 'effectiveDate');
      if (new Set(input.ids).size !== input.ids.length) problems.push({ field: 'ids', message: 'lists a service twice' });
      if (problems.length) throw invalid(problems, 'body.');
      const changed = await afterWrite(async (trx) => {
        const rows = new Map((await repo.servicesByIds(input.ids, trx)).map((r) => [Number(r.id), r]));
        const errs: FieldProblem[] = [];
        const planned: { row: ServiceRow; fields: ServiceFields }[] = [];
        for (const [i, id] of input.ids.entries()) {
          const row = rows.get(id);
          if (!row) {
            errs.push({ field: `ids.${i}`, message: `there is no service ${id}` });
            continue;
          }
          if (row.status === null) {
            errs.push({ field: `ids.${i}`, message: `service ${id} was merged into another service` });
            continue;
          }
          const first = await firstDate(trx, id);
          if (first && input.effectiveDate < first)
            errs.push({ field: `ids.${i}`, message: `service ${id} was added on ${first}, after the effective date` });
          const patch = {
            status: input.status,
            ...(input.reasonNotOnline !== undefined ? { reasonNotOnline: input.reasonNotOnline } : {}),
          };
          const { fields, problems: p } = await check({ ...fieldsOf(row), ...patch }, trx);
          for (const x of p) errs.push({ field: `ids.${i}`, message: `service ${id}: ${x.field} ${x.message}` });
          planned.push({ row, fields });
        }
        if (errs.length) throw invalid(errs, 'body.');
        let n = 0;
        for (const { row, fields } of planned) {
          const saved = await persist(trx, row.ref, row, fields, {
            effectiveDate: input.effectiveDate,
            note: input.note ?? '',
            author: actorLabel(actor),
            statusGiven: true,
          });
          if (saved.changed) n += 1;
        }
        await audit.record(trx, {
          actor,
          module: 'catalog',
          entity: 'service',
          entityId: null,
          action: 'bulk-status',
          after: { ...input, changed: n },
        });
        return n;
      });
      return { changed, unchanged: input.ids.length - changed };
    },

    async facets() {
      const [themenfelder, lebenslagen, counts] = await Promise.all([
        repo.themenfelder(),
        repo.lebenslagen(),
        repo.countsAt(today()),
      ]);
      return {
        statuses: STATUSES.map((s) => ({ status: s, count: counts[s] })),
        themenfelder: themenfelder.map((t) => ({ id: t.id, name: t.name, serviceCount: t.service_count, ozgCount: t.ozg_count })),
        lebenslagen: lebenslagen.map((l) => ({
          id: l.id,
          themenfeldId: l.themenfeld_id,
          name: l.name,
          serviceCount: l.service_count,
        })),
      };
    },

    async all(conn: Db = db) {
      return repo.all(conn);
    },

    async referenceOzg(filter: {
      q?: string | undefined;
      themenfeldId?: number | undefined;
      includeInactive?: boolean | undefined;
      limit: number;
      offset: number;
    }) {
      const r = await repo.listOzg({
        terms: filter.q ? [filter.q.toLowerCase().trim()] : [],
        themenfeldId: filter.themenfeldId,
        includeInactive: Boolean(filter.includeInactive),
        limit: filter.limit,
        offset: filter.offset,
      });
      return {
        total: r.total,
        limit: filter.limit,
        offset: filter.offset,
        items: r.items.map((o) => ({
          ozgId: o.ozg_id,
          name: o.name,
          active: o.active,
          successorOzgId: o.successor_ozg_id,
          themenfeld: o.themenfeld,
          lebenslage: o.lebenslage,
          leikaCount: o.leika_count,
        })),
      };
    },

    async referenceOzgDetail(ozgId: string) {
      const o = await repo.ozg(ozgId);
      if (!o) throw notFound('CATALOG_OZG_NOT_FOUND', `There is no OZG-Leistung ${ozgId} in the reference catalogue.`);
      const leika = await repo.leikaOf(ozgId);
      return {
        ozgId: o.ozg_id,
        name: o.name,
        active: o.active,
        successorOzgId: o.successor_ozg_id,
        themenfeld: o.themenfeld,
        lebenslage: o.lebenslage,
        leika: leika.map((l) => ({ key: l.leika_key, name: l.name, type: l.leika_type, active: l.active })),
      };
    },

    async referenceExport() {
      const rows = referenceExportRows({ ozg: await repo.referenceOzg(), leika: await repo.referenceLeika() });
      return { header: [...REFERENCE_EXPORT_COLUMNS], rows };
    },

    async anyDemo() {
      return repo.anyDemo();
    },

    countsAt: (date: string) => repo.countsAt(date),
  };
}

/** A new service before any input: planned, unlinked, everything empty. */
export const blankFields = (): ServiceFields => ({ ...DEFAULTS, name: '', status: 'geplant' });

/** Drops keys whose value is undefined, so a partial input never blanks a field. */
export function definedOnly<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}

export type CatalogService = ReturnType<typeof createCatalogService>;
