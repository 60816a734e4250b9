import { sql } from 'kysely';
import type { Db } from '../../platform/db/database.js';

export interface AuditLogTable {
  id: import('kysely').Generated<number>;
  at: Date;
  actor: string;
  module: string;
  entity: string;
  entity_id: string | null;
  action: string;
  before: unknown;
  after: unknown;
  prev_hash: string;
  hash: string;
}

export type AuditTables = {
  audit_log: AuditLogTable;
};

export interface AuditFilter {
  module?: string | undefined;
  action?: string | undefined;
  actor?: string | undefined;
  entity?: string | undefined;
  from?: Date | undefined;
  to?: Date | undefined;
}

export type AuditRow = Omit<AuditLogTable, 'id'> & { id: number };

// Serialises appenders on PostgreSQL so the chain has no forks; PGlite is serial anyway.
const CHAIN_LOCK = 7111001;

export function createAuditRepository(database: Db) {
  const db = database.withTables<AuditTables>();
  const scoped = (trx: Db) => trx.withTables<AuditTables>();

  function filtered(f: AuditFilter) {
    let q = db.selectFrom('audit_log');
    if (f.module) q = q.where('module', '=', f.module);
    if (f.action) q = q.where('action', '=', f.action);
    if (f.entity) q = q.where('entity', '=', f.entity);
    if (f.actor) q = q.where('actor', 'ilike', `%${f.actor.replace(/[\\%_]/g, (c) => '\\' + c)}%`);
    if (f.from) q = q.where('at', '>=', f.from);
    if (f.to) q = q.where('at', '<', f.to);
    return q;
  }

  return {
    async lockAndReadLastHash(trx: Db): Promise<string | undefined> {
      await sql`select pg_advisory_xact_lock(${CHAIN_LOCK})`.execute(trx);
      const row = await scoped(trx).selectFrom('audit_log').select('hash').orderBy('id', 'desc').limit(1).executeTakeFirst();
      return row?.hash;
    },

    async insert(trx: Db, row: Omit<AuditLogTable, 'id'>): Promise<void> {
      await scoped(trx)
        .insertInto('audit_log')
        .values({ ...row, before: jsonb(row.before), after: jsonb(row.after) })
        .execute();
    },

    async list(f: AuditFilter, limit: number, offset: number): Promise<{ items: AuditRow[]; total: number }> {
      const [items, count] = await Promise.all([
        filtered(f).selectAll().orderBy('id', 'desc').limit(limit).offset(offset).execute(),
        filtered(f).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
      ]);
      return { items, total: Number(count.n) };
    },

    /** Rows in chain order, a page at a time, so verify and export never hold the whole log. */
    async *iterate(f: AuditFilter, pageSize = 1000): AsyncGenerator<AuditRow> {
      let after = 0;
      for (;;) {
        const page = await filtered(f).selectAll().where('id', '>', after).orderBy('id').limit(pageSize).execute();
        yield* page;
        if (page.length < pageSize) return;
        after = page[page.length - 1]!.id;
      }
    },
  };
}

function jsonb(value: unknown) {
  return value === undefined || value === null ? null : sql`${JSON.stringify(value)}::jsonb`;
}

export type AuditRepository = ReturnType<typeof createAuditRepository>;
