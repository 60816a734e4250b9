/**
 * The audit log: append in the caller's transaction, browse and export for administrators,
 * and verify the hash chain end to end.
 */
import { actorLabel, requireAdmin, type Actor } from '../../platform/auth/actor.js';
import type { AuditEntry, AuditRecorder, Clock } from '../../platform/contracts.js';
import type { Db } from '../../platform/db/database.js';
import { GENESIS_HASH, chainHash, redactSecrets, type ChainedFields } from './audit.chain.js';
import type { AuditFilter, AuditRepository, AuditRow } from './audit.repository.js';

export interface AuditItem {
  id: number;
  at: string;
  actor: string;
  module: string;
  entity: string;
  entityId: string | null;
  action: string;
  before: unknown;
  after: unknown;
}

export interface VerifyResult {
  ok: boolean;
  checked: number;
  firstBrokenId?: number;
  message: string;
}

/** JSON round trip: what jsonb gives back is what we hash. */
const normalise = (v: unknown): unknown => (v === undefined ? null : JSON.parse(JSON.stringify(redactSecrets(v))));

function fieldsOf(row: AuditRow): ChainedFields {
  return {
    at: new Date(row.at).toISOString(),
    actor: row.actor,
    module: row.module,
    entity: row.entity,
    entityId: row.entity_id,
    action: row.action,
    before: row.before ?? null,
    after: row.after ?? null,
  };
}

const toItem = (row: AuditRow): AuditItem => ({ id: row.id, ...fieldsOf(row) });

export function createAuditService(deps: { repo: AuditRepository; clock: Clock }) {
  const { repo, clock } = deps;

  const recorder: AuditRecorder = {
    async record(trx: Db, entry: AuditEntry) {
      const prevHash = (await repo.lockAndReadLastHash(trx)) ?? GENESIS_HASH;
      const fields: ChainedFields = {
        at: clock.now().toISOString(),
        actor: actorLabel(entry.actor),
        module: entry.module,
        entity: entry.entity,
        entityId: entry.entityId === null ? null : String(entry.entityId),
        action: entry.action,
        before: normalise(entry.before),
        after: normalise(entry.after),
      };
      await repo.insert(trx, {
        at: new Date(fields.at),
        actor: fields.actor,
        module: fields.module,
        entity: fields.entity,
        entity_id: fields.entityId,
        action: fields.action,
        before: fields.before,
        after: fields.after,
        prev_hash: prevHash,
        hash: chainHash(prevHash, fields),
      });
    },
  };

  return {
    recorder,

    async list(actor: Actor, filter: AuditFilter, limit: number, offset: number) {
      requireAdmin(actor);
      const { items, total } = await repo.list(filter, limit, offset);
      return { items: items.map(toItem), total };
    },

    async *exportRows(actor: Actor, filter: AuditFilter): AsyncGenerator<AuditItem> {
      requireAdmin(actor);
      for await (const row of repo.iterate(filter)) yield toItem(row);
    },

    /** Recomputes every hash from the first row; any edited, inserted or deleted row breaks the chain. */
    async verify(actor: Actor): Promise<VerifyResult> {
      requireAdmin(actor);
      let prev = GENESIS_HASH;
      let checked = 0;
      for await (const row of repo.iterate({})) {
        if (row.prev_hash !== prev || chainHash(prev, fieldsOf(row)) !== row.hash) {
          return {
            ok: false,
            checked,
            firstBrokenId: row.id,
            message: `The audit log was altered: entry ${row.id} does not match the chain (checked ${checked} entries before it).`,
          };
        }
        prev = row.hash;
        checked += 1;
      }
      return { ok: true, checked, message: `The audit log is intact: ${checked} entries verified.` };
    },
  };
}

export type AuditService = ReturnType<typeof createAuditService>;
