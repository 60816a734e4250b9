/** All SQL of the catalog module. Dates travel as 'YYYY-MM-DD' text, never as JS Date. */
import { sql, type RawBuilder } from 'kysely';
import type { Db } from '../../platform/db/database.js';
import type { Status } from './catalog.text.js';

export type StatusCounts = Record<Status, number>;

export interface ServiceRow {
  id: number;
  ref: string;
  name: string;
  description: string;
  ozg_id: string | null;
  ozg_name: string | null;
  ozg_active: boolean | null;
  successor_ozg_id: string | null;
  leika_key: string | null;
  leika_name: string | null;
  leika_type: string | null;
  local: boolean;
  themenfeld_id: number | null;
  themenfeld_name: string | null;
  lebenslage_id: number | null;
  lebenslage_name: string | null;
  status: Status | null;
  status_since: string;
  reason_not_online: string;
  maturity_level: number | null;
  maturity_model: string;
  efa: boolean;
  efa_provider_state: string;
  online_url: string;
  epaybl: boolean;
  payment_methods: string[];
  office: string;
  planned_go_live: string | null;
  rollout_project: string;
  notes: string;
  demo: boolean;
  updated_at: Date;
}

/** The columns written on catalog_services: the row without id, joined names and timestamps, plus the derived search columns. */
export type ServiceWrite = Omit<
  ServiceRow,
  | 'id'
  | 'ozg_name'
  | 'ozg_active'
  | 'successor_ozg_id'
  | 'leika_name'
  | 'leika_type'
  | 'themenfeld_name'
  | 'lebenslage_name'
  | 'updated_at'
> & { search_text: string; sort_name: string };

export interface HistoryRow {
  id: number;
  service_id: number;
  effective_date: string;
  status: Status | null;
  kind: string;
  changes: Record<string, { from: unknown; to: unknown }>;
  note: string;
  restructure_id: number | null;
  author: string;
  recorded_at: Date;
}

export interface HistoryWrite {
  service_id: number;
  effective_date: string;
  status: Status | null;
  kind: 'create' | 'status' | 'edit' | 'merge' | 'split' | 'import';
  changes: Record<string, unknown>;
  note: string;
  restructure_id: number | null;
  author: string;
}

export interface RestructureRow {
  id: number;
  kind: 'merge' | 'split';
  effective_date: string;
  note: string;
  catalog_reference: string;
  source_ids: number[];
  target_ids: number[];
  effect: Partial<StatusCounts>;
  sources: RestructureMember[];
  targets: RestructureMember[];
  recorded_at: Date;
}

export interface RestructureMember {
  id: number;
  ref: string;
  name: string;
  status: Status | null;
}

export interface ListFilter {
  terms: string[];
  statuses: Status[];
  themenfeldId?: number | undefined;
  lebenslageId?: number | undefined;
  efa?: boolean | undefined;
  ozgId?: string | undefined;
  sort: 'name' | 'status_since';
  limit: number;
  offset: number;
}

export interface RefOzgRow {
  ozg_id: string;
  name: string;
  active: boolean;
  successor_ozg_id: string | null;
  themenfeld: string | null;
  lebenslage: string | null;
}

export interface RefLeikaRow {
  id: number;
  leika_key: string | null;
  name: string;
  leika_type: string;
  ozg_id: string | null;
  law_shortcuts: string;
  legal_basis: string;
  active: boolean;
}

const SERVICE_COLUMNS = sql`s.id, s.ref, s.name, s.description, s.ozg_id, o.name as ozg_name, o.active as ozg_active,
  o.successor_ozg_id, s.leika_key, k.name as leika_name, k.leika_type, s.local, s.themenfeld_id, t.name as themenfeld_name,
  s.lebenslage_id, l.name as lebenslage_name, s.status, s.status_since::text as status_since, s.reason_not_online,
  s.maturity_level, s.maturity_model, s.efa, s.efa_provider_state, s.online_url, s.epaybl, s.payment_methods, s.office,
  s.planned_go_live::text as planned_go_live, s.rollout_project, s.notes, s.demo, s.updated_at`;

const SERVICE_FROM = sql`catalog_services s
  left join catalog_ozg_services o on o.ozg_id = s.ozg_id
  left join catalog_leika_services k on k.leika_key = s.leika_key
  left join catalog_themenfelder t on t.id = s.themenfeld_id
  left join catalog_lebenslagen l on l.id = s.lebenslage_id`;

/** Latest history row per service on or before a date: the status the committee table counts. */
const statusOn = (date: string) => sql`(
  select distinct on (h.service_id) h.service_id, h.status
  from catalog_service_history h
  where h.effective_date <= ${date}::date
  order by h.service_id, h.effective_date desc, h.id desc
)`;

function emptyCounts(): StatusCounts {
  return { online: 0, in_umsetzung: 0, geplant: 0, nicht_online: 0 };
}

function whereOf(f: ListFilter): RawBuilder<unknown> {
  const conds: RawBuilder<unknown>[] = [sql`s.status is not null`];
  if (f.statuses.length) conds.push(sql`s.status = any(${f.statuses}::text[])`);
  if (f.themenfeldId !== undefined) conds.push(sql`s.themenfeld_id = ${f.themenfeldId}`);
  if (f.lebenslageId !== undefined) conds.push(sql`s.lebenslage_id = ${f.lebenslageId}`);
  if (f.efa !== undefined) conds.push(sql`s.efa = ${f.efa}`);
  if (f.ozgId !== undefined) conds.push(sql`s.ozg_id = ${f.ozgId}`);
  for (const term of f.terms) conds.push(sql`s.search_text like ${'%' + term + '%'}`);
  return sql.join(conds, sql` and `);
}

const chunk = <T>(items: T[], size: number): T[][] => {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
};

export function createCatalogRepository(db: Db) {
  return {
    // ---- state (ETag / cache version) ----
    async state(): Promise<{ version: number; updatedAt: Date }> {
      const r = await sql<{
        version: number;
        updated_at: Date;
      }>`select version, updated_at from catalog_state where id = 1`.execute(db);
      const row = r.rows[0]!;
      return { version: Number(row.version), updatedAt: new Date(row.updated_at) };
    },
    lockState: (trx: Db) => sql`select version from catalog_state where id = 1 for update`.execute(trx),
    bumpState: (trx: Db, at: Date) =>
      sql`update catalog_state set version = version + 1, updated_at = ${at} where id = 1`.execute(trx),

    // ---- reference catalogue ----
    async ozgCount(conn: Db = db): Promise<number> {
      const r = await sql<{ n: number }>`select count(*)::int as n from catalog_ozg_services`.execute(conn);
      return r.rows[0]?.n ?? 0;
    },
    async referenceOzg(conn: Db = db): Promise<RefOzgRow[]> {
      const r =
        await sql<RefOzgRow>`select o.ozg_id, o.name, o.active, o.successor_ozg_id, t.name as themenfeld, l.name as lebenslage
        from catalog_ozg_services o left join catalog_lebenslagen l on l.id = o.lebenslage_id
        left join catalog_themenfelder t on t.id = l.themenfeld_id order by o.ozg_id`.execute(conn);
      return r.rows;
    },
    async referenceLeika(conn: Db = db): Promise<RefLeikaRow[]> {
      const r = await sql<RefLeikaRow>`select id, leika_key, name, leika_type, ozg_id, law_shortcuts, legal_basis, active
        from catalog_leika_services order by leika_key nulls last, id`.execute(conn);
      return r.rows;
    },
    async ensureThemenfelder(trx: Db, names: string[]): Promise<Map<string, number>> {
      for (const part of chunk(names, 200)) {
        if (!part.length) continue;
        await sql`insert into catalog_themenfelder (name) select unnest(${part}::text[]) on conflict (name) do nothing`.execute(
          trx,
        );
      }
      const r = await sql<{ id: number; name: string }>`select id, name from catalog_themenfelder`.execute(trx);
      return new Map(r.rows.map((x) => [x.name, x.id]));
    },
    async ensureLebenslagen(trx: Db, items: { themenfeldId: number; name: string }[]): Promise<Map<string, number>> {
      for (const part of chunk(items, 200)) {
        if (!part.length) continue;
        await sql`insert into catalog_lebenslagen (themenfeld_id, name)
          select * from unnest(${part.map((p) => p.themenfeldId)}::int[], ${part.map((p) => p.name)}::text[])
          on conflict (themenfeld_id, name) do nothing`.execute(trx);
      }
      const r = await sql<{
        id: number;
        themenfeld_id: number;
        name: string;
      }>`select id, themenfeld_id, name from catalog_lebenslagen`.execute(trx);
      return new Map(r.rows.map((x) => [`${x.themenfeld_id}|${x.name}`, x.id]));
    },
    async upsertOzg(trx: Db, rows: { ozgId: string; name: string; lebenslageId: number | null }[], at: Date) {
      for (const part of chunk(rows, 500)) {
        await sql`insert into catalog_ozg_services (ozg_id, name, lebenslage_id, active, successor_ozg_id, updated_at)
          select o, n, l, true, null, ${at} from unnest(${part.map((p) => p.ozgId)}::text[], ${part.map((p) => p.name)}::text[],
            ${part.map((p) => p.lebenslageId)}::int[]) as x(o, n, l)
          on conflict (ozg_id) do update set name = excluded.name, lebenslage_id = excluded.lebenslage_id, active = true,
            successor_ozg_id = null, updated_at = excluded.updated_at`.execute(trx);
      }
    },
    async retireOzg(trx: Db, rows: { ozgId: string; successor: string | null }[], at: Date) {
      for (const r of rows) {
        await sql`update catalog_ozg_services set active = false, successor_ozg_id = ${r.successor}, updated_at = ${at} where ozg_id = ${r.ozgId}`.execute(
          trx,
        );
      }
    },
    async upsertLeika(
      trx: Db,
      rows: { key: string; name: string; type: string; ozgId: string | null; lawShortcuts: string; legalBasis: string }[],
    ) {
      for (const part of chunk(rows, 500)) {
        await sql`insert into catalog_leika_services (leika_key, name, leika_type, ozg_id, law_shortcuts, legal_basis, active)
          select k, n, t, o, s, b, true from unnest(${part.map((p) => p.key)}::text[], ${part.map((p) => p.name)}::text[],
            ${part.map((p) => p.type)}::text[], ${part.map((p) => p.ozgId)}::text[], ${part.map((p) => p.lawShortcuts)}::text[],
            ${part.map((p) => p.legalBasis)}::text[]) as x(k, n, t, o, s, b)
          on conflict (leika_key) do update set name = excluded.name, leika_type = excluded.leika_type, ozg_id = excluded.ozg_id,
            law_shortcuts = excluded.law_shortcuts, legal_basis = excluded.legal_basis, active = true`.execute(trx);
      }
    },
    async retireLeika(trx: Db, keys: string[]) {
      for (const part of chunk(keys, 1000)) {
        await sql`update catalog_leika_services set active = false where leika_key = any(${part}::text[])`.execute(trx);
      }
    },
    async replaceKeylessLeika(
      trx: Db,
      rows: { name: string; type: string; ozgId: string | null; lawShortcuts: string; legalBasis: string }[],
    ) {
      await sql`delete from catalog_leika_services where leika_key is null`.execute(trx);
      for (const part of chunk(rows, 500)) {
        await sql`insert into catalog_leika_services (leika_key, name, leika_type, ozg_id, law_shortcuts, legal_basis)
          select null, n, t, o, s, b from unnest(${part.map((p) => p.name)}::text[], ${part.map((p) => p.type)}::text[],
            ${part.map((p) => p.ozgId)}::text[], ${part.map((p) => p.lawShortcuts)}::text[], ${part.map((p) => p.legalBasis)}::text[]) as x(n, t, o, s, b)`.execute(
          trx,
        );
      }
    },
    insertReferenceImport: (trx: Db, source: string, author: string, summary: unknown, at: Date) =>
      sql`insert into catalog_reference_imports (source, imported_at, imported_by, summary) values (${source}, ${at}, ${author}, ${JSON.stringify(summary)}::jsonb)`.execute(
        trx,
      ),
    /** Themenfeld and Lebenslage of city services follow their OZG-Leistung after a catalogue update. */
    syncServiceClassification: (trx: Db) =>
      sql`update catalog_services s set lebenslage_id = o.lebenslage_id, themenfeld_id = l.themenfeld_id
        from catalog_ozg_services o join catalog_lebenslagen l on l.id = o.lebenslage_id
        where s.ozg_id = o.ozg_id and (s.lebenslage_id is distinct from o.lebenslage_id or s.themenfeld_id is distinct from l.themenfeld_id)`.execute(
        trx,
      ),
    async servicesLinkedTo(
      ozgIds: string[],
      conn: Db = db,
    ): Promise<{ id: number; ref: string; name: string; ozg_id: string; status: Status | null }[]> {
      if (!ozgIds.length) return [];
      const r = await sql<{ id: number; ref: string; name: string; ozg_id: string; status: Status | null }>`
        select id, ref, name, ozg_id, status from catalog_services where ozg_id = any(${ozgIds}::text[]) order by ozg_id, id`.execute(
        conn,
      );
      return r.rows;
    },

    async ozg(ozgId: string, conn: Db = db) {
      const r = await sql<{
        ozg_id: string;
        name: string;
        active: boolean;
        successor_ozg_id: string | null;
        lebenslage_id: number | null;
        lebenslage: string | null;
        themenfeld_id: number | null;
        themenfeld: string | null;
      }>`select o.ozg_id, o.name, o.active, o.successor_ozg_id, o.lebenslage_id, l.name as lebenslage, l.themenfeld_id, t.name as themenfeld
        from catalog_ozg_services o left join catalog_lebenslagen l on l.id = o.lebenslage_id
        left join catalog_themenfelder t on t.id = l.themenfeld_id where o.ozg_id = ${ozgId}`.execute(conn);
      return r.rows[0];
    },
    async leika(key: string, conn: Db = db) {
      const r = await sql<{ leika_key: string; name: string; leika_type: string; ozg_id: string | null; active: boolean }>`
        select leika_key, name, leika_type, ozg_id, active from catalog_leika_services where leika_key = ${key}`.execute(conn);
      return r.rows[0];
    },
    async leikaOf(ozgId: string) {
      const r = await sql<{ leika_key: string | null; name: string; leika_type: string; active: boolean }>`
        select leika_key, name, leika_type, active from catalog_leika_services where ozg_id = ${ozgId} order by leika_key nulls last, name`.execute(
        db,
      );
      return r.rows;
    },
    async lebenslage(id: number, conn: Db = db) {
      const r = await sql<{
        id: number;
        themenfeld_id: number;
      }>`select id, themenfeld_id from catalog_lebenslagen where id = ${id}`.execute(conn);
      return r.rows[0];
    },
    async themenfeldExists(id: number, conn: Db = db) {
      const r = await sql<{ id: number }>`select id from catalog_themenfelder where id = ${id}`.execute(conn);
      return r.rows.length > 0;
    },
    async themenfelder() {
      const r = await sql<{ id: number; name: string; ozg_count: number; service_count: number }>`
        select t.id, t.name,
          (select count(*)::int from catalog_ozg_services o join catalog_lebenslagen l on l.id = o.lebenslage_id where l.themenfeld_id = t.id and o.active) as ozg_count,
          (select count(*)::int from catalog_services s where s.themenfeld_id = t.id and s.status is not null) as service_count
        from catalog_themenfelder t order by t.name`.execute(db);
      return r.rows;
    },
    async lebenslagen() {
      const r = await sql<{ id: number; themenfeld_id: number; name: string; service_count: number }>`
        select l.id, l.themenfeld_id, l.name,
          (select count(*)::int from catalog_services s where s.lebenslage_id = l.id and s.status is not null) as service_count
        from catalog_lebenslagen l order by l.name`.execute(db);
      return r.rows;
    },
    async listOzg(f: {
      terms: string[];
      themenfeldId?: number | undefined;
      includeInactive: boolean;
      limit: number;
      offset: number;
    }) {
      const conds: RawBuilder<unknown>[] = [sql`true`];
      if (!f.includeInactive) conds.push(sql`o.active`);
      if (f.themenfeldId !== undefined) conds.push(sql`l.themenfeld_id = ${f.themenfeldId}`);
      for (const term of f.terms) conds.push(sql`lower(o.name || ' ' || o.ozg_id) like ${'%' + term + '%'}`);
      const where = sql.join(conds, sql` and `);
      const from = sql`catalog_ozg_services o left join catalog_lebenslagen l on l.id = o.lebenslage_id left join catalog_themenfelder t on t.id = l.themenfeld_id`;
      const [items, total] = await Promise.all([
        sql<{
          ozg_id: string;
          name: string;
          active: boolean;
          successor_ozg_id: string | null;
          lebenslage: string | null;
          themenfeld: string | null;
          leika_count: number;
        }>`select o.ozg_id, o.name, o.active, o.successor_ozg_id, l.name as lebenslage, t.name as themenfeld,
            (select count(*)::int from catalog_leika_services k where k.ozg_id = o.ozg_id and k.active) as leika_count
          from ${from} where ${where} order by o.ozg_id limit ${f.limit} offset ${f.offset}`.execute(db),
        sql<{ n: number }>`select count(*)::int as n from ${from} where ${where}`.execute(db),
      ]);
      return { items: items.rows, total: total.rows[0]?.n ?? 0 };
    },

    // ---- city services ----
    async service(id: number, conn: Db = db): Promise<ServiceRow | undefined> {
      const r = await sql<ServiceRow>`select ${SERVICE_COLUMNS} from ${SERVICE_FROM} where s.id = ${id}`.execute(conn);
      return r.rows[0];
    },
    async servicesByIds(ids: number[], conn: Db = db): Promise<ServiceRow[]> {
      const r = await sql<ServiceRow>`select ${SERVICE_COLUMNS} from ${SERVICE_FROM} where s.id = any(${ids}::bigint[])`.execute(
        conn,
      );
      return r.rows;
    },
    async servicesByRefs(refs: string[], conn: Db = db): Promise<ServiceRow[]> {
      if (!refs.length) return [];
      const r = await sql<ServiceRow>`select ${SERVICE_COLUMNS} from ${SERVICE_FROM} where s.ref = any(${refs}::text[])`.execute(
        conn,
      );
      return r.rows;
    },
    async list(f: ListFilter): Promise<{ items: ServiceRow[]; total: number }> {
      const where = whereOf(f);
      const order = f.sort === 'status_since' ? sql`s.status_since desc, s.sort_name, s.id` : sql`s.sort_name, s.id`;
      const items = await sql<ServiceRow>`select ${SERVICE_COLUMNS} from ${SERVICE_FROM} where ${where}
        order by ${order} limit ${f.limit} offset ${f.offset}`.execute(db);
      // The first page usually tells the total without a second query.
      const total =
        f.offset === 0 && items.rows.length < f.limit
          ? items.rows.length
          : ((await sql<{ n: number }>`select count(*)::int as n from catalog_services s where ${where}`.execute(db)).rows[0]
              ?.n ?? 0);
      return { items: items.rows, total };
    },
    async all(conn: Db = db): Promise<ServiceRow[]> {
      const r = await sql<ServiceRow>`select ${SERVICE_COLUMNS} from ${SERVICE_FROM} order by s.sort_name, s.id`.execute(conn);
      return r.rows;
    },
    async insertService(trx: Db, row: ServiceWrite, at: Date): Promise<number> {
      const r = await sql<{
        id: number;
      }>`insert into catalog_services (ref, name, description, ozg_id, leika_key, local, themenfeld_id,
          lebenslage_id, status, status_since, reason_not_online, maturity_level, maturity_model, efa, efa_provider_state, online_url,
          epaybl, payment_methods, office, planned_go_live, rollout_project, notes, demo, search_text, sort_name, created_at, updated_at)
        values (${row.ref}, ${row.name}, ${row.description}, ${row.ozg_id}, ${row.leika_key}, ${row.local}, ${row.themenfeld_id},
          ${row.lebenslage_id}, ${row.status}, ${row.status_since}::date, ${row.reason_not_online}, ${row.maturity_level}, ${row.maturity_model},
          ${row.efa}, ${row.efa_provider_state}, ${row.online_url}, ${row.epaybl}, ${row.payment_methods}::text[], ${row.office},
          ${row.planned_go_live}::date, ${row.rollout_project}, ${row.notes}, ${row.demo}, ${row.search_text}, ${row.sort_name}, ${at}, ${at})
        returning id`.execute(trx);
      return Number(r.rows[0]!.id);
    },
    async updateService(trx: Db, id: number, row: ServiceWrite, at: Date) {
      await sql`update catalog_services set name = ${row.name}, description = ${row.description}, ozg_id = ${row.ozg_id},
          leika_key = ${row.leika_key}, local = ${row.local}, themenfeld_id = ${row.themenfeld_id}, lebenslage_id = ${row.lebenslage_id},
          status = ${row.status}, status_since = ${row.status_since}::date, reason_not_online = ${row.reason_not_online},
          maturity_level = ${row.maturity_level}, maturity_model = ${row.maturity_model}, efa = ${row.efa},
          efa_provider_state = ${row.efa_provider_state}, online_url = ${row.online_url}, epaybl = ${row.epaybl},
          payment_methods = ${row.payment_methods}::text[], office = ${row.office}, planned_go_live = ${row.planned_go_live}::date,
          rollout_project = ${row.rollout_project}, notes = ${row.notes}, search_text = ${row.search_text}, sort_name = ${row.sort_name},
          updated_at = ${at}
        where id = ${id}`.execute(trx);
    },
    async setProjection(trx: Db, id: number, status: Status | null, since: string, at: Date) {
      await sql`update catalog_services set status = ${status}, status_since = ${since}::date, updated_at = ${at} where id = ${id}`.execute(
        trx,
      );
    },
    async insertHistory(trx: Db, rows: HistoryWrite[], at: Date) {
      for (const part of chunk(rows, 500)) {
        await sql`insert into catalog_service_history (service_id, effective_date, status, kind, changes, note, restructure_id, author, recorded_at)
          select s, d::date, st, k, c::jsonb, n, r, a, ${at}
          from unnest(${part.map((p) => p.service_id)}::bigint[], ${part.map((p) => p.effective_date)}::text[], ${part.map((p) => p.status)}::text[],
            ${part.map((p) => p.kind)}::text[], ${part.map((p) => JSON.stringify(p.changes))}::text[], ${part.map((p) => p.note)}::text[],
            ${part.map((p) => p.restructure_id)}::bigint[], ${part.map((p) => p.author)}::text[]) as x(s, d, st, k, c, n, r, a)`.execute(
          trx,
        );
      }
    },
    async history(serviceId: number, conn: Db = db): Promise<HistoryRow[]> {
      const r =
        await sql<HistoryRow>`select id, service_id, effective_date::text as effective_date, status, kind, changes, note, restructure_id,
          author, recorded_at from catalog_service_history where service_id = ${serviceId} order by effective_date, id`.execute(
          conn,
        );
      return r.rows;
    },
    async statusesAt(ids: number[], date: string, conn: Db = db): Promise<Map<number, Status | null>> {
      const r = await sql<{ service_id: number; status: Status | null }>`select distinct on (service_id) service_id, status
        from catalog_service_history where service_id = any(${ids}::bigint[]) and effective_date <= ${date}::date
        order by service_id, effective_date desc, id desc`.execute(conn);
      return new Map(r.rows.map((x) => [Number(x.service_id), x.status]));
    },

    // ---- committee figures ----
    async countsAt(date: string): Promise<StatusCounts> {
      const r = await sql<{ status: Status; n: number }>`select h.status, count(*)::int as n from ${statusOn(date)} h
        where h.status is not null group by h.status`.execute(db);
      const counts = emptyCounts();
      for (const row of r.rows) counts[row.status] = row.n;
      return counts;
    },
    async countsByThemenfeldAt(date: string) {
      const r = await sql<{ themenfeld_id: number | null; themenfeld: string | null; status: Status; n: number }>`
        select s.themenfeld_id, t.name as themenfeld, h.status, count(*)::int as n
        from ${statusOn(date)} h join catalog_services s on s.id = h.service_id left join catalog_themenfelder t on t.id = s.themenfeld_id
        where h.status is not null group by s.themenfeld_id, t.name, h.status`.execute(db);
      return r.rows;
    },
    async countsOnDates(dates: string[]): Promise<Map<string, StatusCounts>> {
      const r = await sql<{ d: string; status: Status; n: number }>`
        select d.d::text as d, h.status, count(*)::int as n
        from unnest(${dates}::date[]) as d(d)
        cross join lateral (
          select distinct on (x.service_id) x.status from catalog_service_history x
          where x.effective_date <= d.d order by x.service_id, x.effective_date desc, x.id desc
        ) h
        where h.status is not null group by d.d, h.status`.execute(db);
      const out = new Map(dates.map((d) => [d, emptyCounts()]));
      for (const row of r.rows) out.get(row.d)![row.status] = row.n;
      return out;
    },
    async firstEffectiveDate(): Promise<string | null> {
      const r = await sql<{ d: string | null }>`select min(effective_date)::text as d from catalog_service_history`.execute(db);
      return r.rows[0]?.d ?? null;
    },
    async anyDemo(): Promise<boolean> {
      const r = await sql<{ x: boolean }>`select exists (select 1 from catalog_services where demo) as x`.execute(db);
      return Boolean(r.rows[0]?.x);
    },

    // ---- restructures ----
    async insertRestructure(
      trx: Db,
      row: Omit<RestructureRow, 'id' | 'recorded_at'> & { author: string },
      at: Date,
    ): Promise<number> {
      const r = await sql<{
        id: number;
      }>`insert into catalog_restructures (kind, effective_date, note, catalog_reference, source_ids, target_ids,
          effect, sources, targets, author, recorded_at)
        values (${row.kind}, ${row.effective_date}::date, ${row.note}, ${row.catalog_reference}, ${row.source_ids}::bigint[], ${row.target_ids}::bigint[],
          ${JSON.stringify(row.effect)}::jsonb, ${JSON.stringify(row.sources)}::jsonb, ${JSON.stringify(row.targets)}::jsonb, ${row.author}, ${at})
        returning id`.execute(trx);
      return Number(r.rows[0]!.id);
    },
    async completeRestructure(
      trx: Db,
      id: number,
      targetIds: number[],
      targets: RestructureMember[],
      effect: Partial<StatusCounts>,
    ) {
      await sql`update catalog_restructures set target_ids = ${targetIds}::bigint[], targets = ${JSON.stringify(targets)}::jsonb,
        effect = ${JSON.stringify(effect)}::jsonb where id = ${id}`.execute(trx);
    },
    async restructures(range?: { after: string; upTo: string }): Promise<RestructureRow[]> {
      const where = range ? sql`where effective_date > ${range.after}::date and effective_date <= ${range.upTo}::date` : sql``;
      const r =
        await sql<RestructureRow>`select id, kind, effective_date::text as effective_date, note, catalog_reference, source_ids, target_ids,
          effect, sources, targets, recorded_at from catalog_restructures ${where} order by effective_date, id`.execute(db);
      return r.rows.map((x) => ({ ...x, source_ids: x.source_ids.map(Number), target_ids: x.target_ids.map(Number) }));
    },
    async serviceNames(ids: number[]): Promise<Map<number, { ref: string; name: string }>> {
      if (!ids.length) return new Map();
      const r = await sql<{
        id: number;
        ref: string;
        name: string;
      }>`select id, ref, name from catalog_services where id = any(${ids}::bigint[])`.execute(db);
      return new Map(r.rows.map((x) => [Number(x.id), { ref: x.ref, name: x.name }]));
    },
    async nextRefNumber(trx: Db): Promise<number> {
      const r = await sql<{ n: number }>`select count(*)::int + 1 as n from catalog_services`.execute(trx);
      return r.rows[0]?.n ?? 1;
    },
  };
}

export type CatalogRepository = ReturnType<typeof createCatalogRepository>;
