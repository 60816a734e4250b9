/**
 * ParkAPI v3 sources in the back office: editors of parking add, change and remove them (audited),
 * staff see each source's poll state and last error, and "poll now" runs a poll at once.
 */
import { requireModuleWrite, requireStaff, type Actor } from '../../platform/auth/actor.js';
import type { AuditRecorder, Clock } from '../../platform/contracts.js';
import { withTransaction, type Db } from '../../platform/db/database.js';
import { AppError, notFound } from '../../platform/http/errors.js';
import type { ParkApiPuller } from './parking.pull.js';
import type { ParkingRepository, SourceRow, SourceSettings } from './parking.repository.js';

export interface SourceInput {
  name: string;
  url: string;
  intervalSeconds: number;
  uidPrefix?: string | undefined;
  importSites?: boolean | undefined;
  enabled?: boolean | undefined;
}

const iso = (d: Date | null) => d?.toISOString() ?? null;

export function sourceView(r: SourceRow) {
  return {
    id: r.id,
    name: r.name,
    url: r.url,
    intervalSeconds: r.interval_seconds,
    uidPrefix: r.uid_prefix,
    importSites: r.import_sites,
    enabled: r.enabled,
    state: {
      consecutiveFailures: r.consecutive_failures,
      nextPollAt: r.next_poll_at.toISOString(),
      lastPolledAt: iso(r.last_polled_at),
      lastSuccessAt: iso(r.last_success_at),
      lastError: r.last_error,
      lastErrorAt: iso(r.last_error_at),
      lastAccepted: r.last_accepted,
      lastRejected: r.last_rejected,
      /** the newest poll failed */
      failing: r.last_error_at !== null && (r.last_success_at === null || r.last_error_at > r.last_success_at),
    },
  };
}

/** Only http(s) URLs without user:password (credentials would show in the back office and the audit log). */
function checkUrl(url: string): string {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    throw new AppError('PARKING_SOURCE_URL_INVALID', 'url must be an absolute http or https URL.', { field: 'body.url' });
  }
  if (u.protocol !== 'http:' && u.protocol !== 'https:') throw new AppError('PARKING_SOURCE_URL_INVALID', 'url must use http or https.', { field: 'body.url' });
  if (u.username || u.password) throw new AppError('PARKING_SOURCE_URL_CREDENTIALS', 'url must not contain a user name or password.', { field: 'body.url' });
  return u.toString();
}

function settings(input: Partial<SourceInput>): Partial<SourceSettings> {
  const out: Partial<SourceSettings> = {};
  if (input.name !== undefined) out.name = input.name.trim();
  if (input.url !== undefined) out.url = checkUrl(input.url);
  if (input.intervalSeconds !== undefined) out.interval_seconds = input.intervalSeconds;
  if (input.uidPrefix !== undefined) out.uid_prefix = input.uidPrefix;
  if (input.importSites !== undefined) out.import_sites = input.importSites;
  if (input.enabled !== undefined) out.enabled = input.enabled;
  return out;
}

export function createSourceService(deps: { db: Db; repo: ParkingRepository; audit: AuditRecorder; clock: Clock; puller: ParkApiPuller }) {
  const { db, repo, audit, clock, puller } = deps;

  async function requireSource(id: number): Promise<SourceRow> {
    const row = await repo.source(db, id);
    if (!row) throw notFound('PARKING_SOURCE_NOT_FOUND', `There is no ParkAPI source ${id}.`);
    return row;
  }

  return {
    async list(actor: Actor) {
      requireStaff(actor);
      return (await repo.sources(db)).map(sourceView);
    },

    async create(actor: Actor, input: SourceInput) {
      requireModuleWrite(actor, 'parking');
      const row = { uid_prefix: '', import_sites: false, enabled: true, ...settings(input) } as SourceSettings;
      const id = await withTransaction(db, async (trx) => {
        const id = await repo.insertSource(trx, row);
        await audit.record(trx, { actor, module: 'parking', entity: 'source', entityId: id, action: 'create', after: row });
        return id;
      });
      return sourceView(await requireSource(id));
    },

    async update(actor: Actor, id: number, patch: Partial<SourceInput>) {
      requireModuleWrite(actor, 'parking');
      const before = await requireSource(id);
      const changes = settings(patch);
      await withTransaction(db, async (trx) => {
        await repo.updateSource(trx, id, changes, clock.now());
        await audit.record(trx, { actor, module: 'parking', entity: 'source', entityId: id, action: 'update', before: sourceView(before), after: changes });
      });
      return sourceView(await requireSource(id));
    },

    async remove(actor: Actor, id: number) {
      requireModuleWrite(actor, 'parking');
      const before = await requireSource(id);
      await withTransaction(db, async (trx) => {
        await repo.deleteSource(trx, id);
        await audit.record(trx, { actor, module: 'parking', entity: 'source', entityId: id, action: 'delete', before: sourceView(before) });
      });
    },

    /** Polls the source now (also a disabled one, to test it) and returns its new state. */
    async pollNow(actor: Actor, id: number) {
      requireModuleWrite(actor, 'parking');
      await puller.pollOne(await requireSource(id));
      return sourceView(await requireSource(id));
    },
  };
}

export type SourceService = ReturnType<typeof createSourceService>;
