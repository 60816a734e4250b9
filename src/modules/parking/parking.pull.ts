/**
 * ParkAPI v3 pull adapter: polls the `parking-sites` list of a ParkAPI v3 server (an operator's,
 * a neighbouring city's or ParkAPI's own) and stores its realtime values as readings.
 *
 * - Each source has its own interval; a failing source is retried with exponential backoff
 *   (interval · 2^failures, at most one hour or the interval if that is longer) and its last error is
 *   kept for the back office.
 * - Only new values are stored: a site whose `realtime_data_updated_at` is not newer than what we
 *   hold is skipped, so polling every minute a source that updates every five stores no duplicates.
 * - Bad values (counts above capacity, unknown car parks) are rejected one by one and listed with the
 *   other rejections; good values of the same answer are stored.
 * - With "import sites" on, car parks the platform does not know yet are created from the source's
 *   static data (uid = prefix + original_uid), each with its SensorThings Thing.
 */
import type { FastifyBaseLogger } from 'fastify';
import { systemActor } from '../../platform/auth/actor.js';
import type { Clock } from '../../platform/contracts.js';
import type { Db } from '../../platform/db/database.js';
import { AppError } from '../../platform/http/errors.js';
import type { ReadingInput, SiteStatus } from './parking.input.js';
import type { ParkingRepository, PollOutcome, SourceRow } from './parking.repository.js';
import { SITE_TYPES } from './parking.schemas.js';
import type { ParkingService, SiteInput } from './parking.service.js';

const ACTOR = systemActor('parking-pull');
export const PULL_TIMEOUT_MS = 10_000;
/** A ParkAPI list of a large city is a few hundred KB; more than this is not a parking-sites list. */
export const PULL_MAX_BYTES = 5 * 1024 * 1024;
const MAX_BACKOFF_SECONDS = 3600;

const STATUS: Record<string, SiteStatus> = { OPEN: 'open', CLOSED: 'closed', UNKNOWN: 'unknown' };

export class PullError extends Error {}

export interface ParkApiDocument {
  readings: ReadingInput[];
  /** Static data of every site in the answer, by our uid, for "import sites". */
  sites: Map<string, SiteInput>;
}

const str = (v: unknown): string | null => (typeof v === 'string' && v.trim() ? v.trim() : null);
const int = (v: unknown): number | null => (typeof v === 'number' && Number.isInteger(v) ? v : null);
const num = (v: unknown): number | null => {
  const n = typeof v === 'string' ? Number(v) : v;
  return typeof n === 'number' && Number.isFinite(n) ? n : null;
};

/** Reads a ParkAPI v3 `parking-sites` answer (`{items: [...]}`, or a bare array as some servers send). */
export function readParkApiDocument(doc: unknown, uidPrefix: string): ParkApiDocument {
  const items = Array.isArray(doc) ? doc : doc && typeof doc === 'object' ? (doc as { items?: unknown }).items : undefined;
  if (!Array.isArray(items)) throw new PullError('the answer has no "items" list: is the URL a ParkAPI v3 parking-sites endpoint?');
  const readings: ReadingInput[] = [];
  const sites = new Map<string, SiteInput>();
  for (const raw of items) {
    if (!raw || typeof raw !== 'object') continue;
    const it = raw as Record<string, unknown>;
    const originalUid = str(it['original_uid']) ?? (int(it['id']) !== null ? String(it['id']) : null);
    if (!originalUid) continue;
    const uid = `${uidPrefix}${originalUid}`.replace(/[^A-Za-z0-9._:-]/g, '-').slice(0, 100);
    const lat = num(it['lat']);
    const lon = num(it['lon']);
    const capacity = int(it['capacity']);
    const name = str(it['name']);
    if (name && lat !== null && lon !== null && capacity !== null && capacity >= 0) {
      const type = str(it['type']);
      sites.set(uid, {
        uid,
        name: name.slice(0, 200),
        type: type && (SITE_TYPES as readonly string[]).includes(type) ? type : 'OTHER',
        lat,
        lon,
        capacity,
        address: str(it['address'])?.slice(0, 300) ?? null,
        operatorName: str(it['operator_name'])?.slice(0, 200) ?? null,
        description: str(it['description'])?.slice(0, 2000) ?? null,
        openingHours: str(it['opening_hours'])?.slice(0, 300) ?? null,
        hasFee: typeof it['has_fee'] === 'boolean' ? it['has_fee'] : null,
        feeDescription: str(it['fee_description'])?.slice(0, 2000) ?? null,
        maxHeightCm: int(it['max_height']),
        publicUrl: str(it['public_url'])?.slice(0, 500) ?? null,
      });
    }
    const free = int(it['realtime_free_capacity']);
    const status = STATUS[str(it['realtime_opening_status']) ?? ''];
    // Static-only sites carry no reading; "closed" needs no count.
    if (free === null && status !== 'closed') continue;
    readings.push({ uid, ...(free !== null ? { free } : {}), ...(status ? { status } : {}), ...(str(it['realtime_data_updated_at']) ? { at: str(it['realtime_data_updated_at'])! } : {}) });
  }
  return { readings, sites };
}

interface ChunkReader {
  read(): Promise<{ done: true; value?: undefined } | { done: false; value: Uint8Array }>;
  cancel(): Promise<void>;
}

/** Reads at most `maxBytes` of the body; a longer answer is an error, not a truncated list. */
async function readLimited(res: Response, maxBytes: number): Promise<string> {
  const declared = Number(res.headers.get('content-length') ?? 0);
  if (declared > maxBytes) throw new PullError(`the answer is larger than ${maxBytes} bytes`);
  if (!res.body) return '';
  const chunks: Uint8Array[] = [];
  let size = 0;
  // Typed by hand: the DOM stream types are not part of this project's (Node) type set.
  const reader = (res.body as unknown as { getReader(): ChunkReader }).getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel();
      throw new PullError(`the answer is larger than ${maxBytes} bytes`);
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString('utf8');
}

export async function fetchParkApi(url: string, options: { timeoutMs?: number; maxBytes?: number } = {}): Promise<unknown> {
  const timeoutMs = options.timeoutMs ?? PULL_TIMEOUT_MS;
  let res: Response;
  try {
    res = await fetch(url, { signal: AbortSignal.timeout(timeoutMs), headers: { accept: 'application/json', 'user-agent': 'Confluentes ParkAPI pull' }, redirect: 'follow' });
  } catch (err) {
    const e = err as Error;
    throw new PullError(e.name === 'TimeoutError' ? `no answer within ${timeoutMs / 1000} s` : `cannot connect: ${(e.cause as Error | undefined)?.message ?? e.message}`);
  }
  if (!res.ok) {
    await res.body?.cancel();
    throw new PullError(`HTTP ${res.status} ${res.statusText}`.trim());
  }
  const text = await readLimited(res, options.maxBytes ?? PULL_MAX_BYTES);
  try {
    return JSON.parse(text);
  } catch {
    throw new PullError('the answer is not JSON');
  }
}

/** Seconds until the next poll: the interval after success, doubling per failure up to the cap. */
export function nextDelaySeconds(intervalSeconds: number, failuresIncludingThis: number): number {
  if (failuresIncludingThis === 0) return intervalSeconds;
  return Math.min(intervalSeconds * 2 ** failuresIncludingThis, Math.max(intervalSeconds, MAX_BACKOFF_SECONDS));
}

export function createParkApiPuller(deps: {
  db: Db;
  repo: ParkingRepository;
  service: ParkingService;
  clock: Clock;
  log: FastifyBaseLogger;
  fetchOptions?: { timeoutMs?: number; maxBytes?: number };
}) {
  const { db, repo, service, clock, log } = deps;
  const polling = new Set<number>();

  async function importUnknown(doc: ParkApiDocument, src: SourceRow, known: Set<string>) {
    for (const [uid, site] of doc.sites) {
      if (known.has(uid)) continue;
      try {
        await service.createSite(ACTOR, site);
        known.add(uid);
      } catch (err) {
        // Left unknown: its reading is then rejected and listed with the reason.
        log.warn({ err, source: src.id, uid }, 'parking: could not import a car park from a ParkAPI source');
      }
    }
  }

  async function poll(src: SourceRow): Promise<PollOutcome> {
    const at = clock.now();
    try {
      const doc = readParkApiDocument(await fetchParkApi(src.url, deps.fetchOptions), src.uid_prefix);
      const held = new Map((await service.list()).map((s) => [s.uid, s.realtime.updatedAt]));
      if (src.import_sites) await importUnknown(doc, src, new Set(held.keys()));
      const fresh = doc.readings.filter((r) => {
        const last = held.get(r.uid);
        return !last || !r.at || Date.parse(r.at) > Date.parse(last);
      });
      const result = fresh.length ? await service.ingest(ACTOR, `parkapi:${src.id}`, fresh, { partial: true }) : { accepted: 0, rejected: 0 };
      return { ok: true, at, nextPollAt: new Date(at.getTime() + src.interval_seconds * 1000), accepted: result.accepted, rejected: result.rejected };
    } catch (err) {
      const error = err instanceof PullError || err instanceof AppError ? err.message : 'internal error (see the server log)';
      if (!(err instanceof PullError)) log.error({ err, source: src.id }, 'parking: ParkAPI poll failed');
      else log.warn({ source: src.id, error }, 'parking: ParkAPI poll failed');
      const delay = nextDelaySeconds(src.interval_seconds, src.consecutive_failures + 1);
      return { ok: false, at, nextPollAt: new Date(at.getTime() + delay * 1000), error: error.slice(0, 500) };
    }
  }

  async function pollOne(src: SourceRow): Promise<PollOutcome | undefined> {
    // A slow source must not be polled twice at once by the timer and "poll now".
    if (polling.has(src.id)) return undefined;
    polling.add(src.id);
    try {
      const outcome = await poll(src);
      await repo.recordPoll(db, src.id, outcome);
      return outcome;
    } finally {
      polling.delete(src.id);
    }
  }

  return {
    /** Polls every enabled source whose next poll time has come. */
    async pollDue(): Promise<void> {
      for (const src of await repo.dueSources(db, clock.now())) await pollOne(src);
    },
    pollOne,
  };
}

export type ParkApiPuller = ReturnType<typeof createParkApiPuller>;
