/**
 * Group commit for Observations: concurrent single-Observation POSTs and MQTT messages wait a moment
 * in a queue and are written together (one multi-row INSERT, one stream-time update per stream, one
 * commit). Each caller's promise resolves only after that commit, so an acknowledged Observation is
 * durable. A batch that fails is retried row by row, so one bad row cannot sink its neighbours.
 */
import { systemActor } from '../../platform/auth/actor.js';
import { withTransaction, type Db } from '../../platform/db/database.js';
import { AppError } from '../../platform/http/errors.js';
import type { Aggregator } from './sensors.aggregates.js';
import type { ObservationRow, SensorsRepository } from './sensors.repository.js';
import { invalid } from './sensors.values.js';
import type { Change, SensorsWriter, WriteCtx } from './sensors.writer.js';

export type PendingObservation = Omit<ObservationRow, 'featureOfInterestId'> & { featureOfInterestId: number | null };

interface Entry {
  obs: PendingObservation;
  resolve(id: number): void;
  reject(err: unknown): void;
}

/** Rows per INSERT: large enough to amortise a transaction, small enough that the first caller's wait stays short. */
const MAX_BATCH = 2000;
/**
 * A stream's facts (its Thing, MultiDatastream result size) and its generated FeatureOfInterest are
 * remembered this long across batches: a steady stream then costs no look-ups per batch. Any
 * committed change to other entities on this instance clears them (`forget`); changes made by
 * another instance are seen after this time, and a failed batch also clears them.
 */
const KNOWN_MS = 10_000;

type StreamFacts = { id: number; thing_id: number; types: unknown };

export function createIngestor(deps: {
  db: Db;
  repo: SensorsRepository;
  writer: SensorsWriter;
  aggregator: Aggregator;
  now: () => Date;
  committed(rows: (ObservationRow & { id: number })[], changes: Change[]): void;
}) {
  const { db, repo, writer } = deps;
  let queue: Entry[] = [];
  let running = false;
  let scheduled = false;
  let idle: (() => void)[] = [];
  const known = new Map<string, { facts: StreamFacts; foi?: number; until: number }>();

  /** Facts of the streams of a batch, from memory where fresh, the rest in one query per set. */
  async function facts(trx: Db, set: 'Datastreams' | 'MultiDatastreams', ids: number[]): Promise<Map<number, StreamFacts>> {
    const prefix = set === 'Datastreams' ? 'D' : 'M';
    const now = Date.now();
    const out = new Map<number, StreamFacts>();
    const missing: number[] = [];
    for (const id of ids) {
      const k = known.get(prefix + id);
      if (k && k.until > now) out.set(id, k.facts);
      else missing.push(id);
    }
    for (const f of await repo.streamInfo(trx, set, missing)) {
      out.set(Number(f.id), f);
      known.set(prefix + Number(f.id), { facts: f, until: now + KNOWN_MS });
    }
    return out;
  }

  function schedule() {
    if (running || scheduled) return;
    scheduled = true;
    // setImmediate lets every request that arrived in this turn of the event loop join the batch.
    setImmediate(() => {
      scheduled = false;
      void drain();
    });
  }

  async function drain() {
    running = true;
    try {
      while (queue.length > 0) {
        const batch = queue.slice(0, MAX_BATCH);
        queue = queue.slice(batch.length);
        try {
          await commit(batch);
        } catch {
          // One bad row (a stream deleted meanwhile, …): isolate it by writing the rest one by one,
          // with fresh look-ups.
          known.clear();
          for (const e of batch) await commit([e]).catch((err: unknown) => e.reject(err));
        }
      }
    } finally {
      running = false;
      for (const f of idle) f();
      idle = [];
    }
  }

  async function commit(batch: Entry[]) {
    const changes: Change[] = [];
    const accepted: Entry[] = [];
    const rows = await withTransaction(db, async (trx) => {
      const ctx: WriteCtx = { trx, actor: systemActor('sensors-ingest'), now: deps.now(), changes, movedThings: new Set() };
      const dsIds = [...new Set(batch.flatMap((e) => (e.obs.datastreamId !== null ? [e.obs.datastreamId] : [])))];
      const mdIds = [...new Set(batch.flatMap((e) => (e.obs.multiDatastreamId !== null ? [e.obs.multiDatastreamId] : [])))];
      const ds = await facts(trx, 'Datastreams', dsIds);
      const md = await facts(trx, 'MultiDatastreams', mdIds);
      const out: (ObservationRow & { id: number })[] = [];
      for (const e of batch) {
        try {
          const { datastreamId, multiDatastreamId } = e.obs;
          if (datastreamId !== null && !ds.has(datastreamId)) throw invalid(`there is no Datastream with id ${datastreamId}`, 'body.Datastream');
          if (multiDatastreamId !== null) {
            const info = md.get(multiDatastreamId);
            if (!info) throw invalid(`there is no MultiDatastream with id ${multiDatastreamId}`, 'body.MultiDatastream');
            const size = Array.isArray(info.types) ? info.types.length : 0;
            if (!Array.isArray(e.obs.result) || e.obs.result.length !== size) throw invalid(`the result must be an array of ${size} values`, 'body.result');
          }
          let foi = e.obs.featureOfInterestId;
          if (foi === null) {
            const entry = known.get(datastreamId !== null ? `D${datastreamId}` : `M${multiDatastreamId}`)!;
            entry.foi ??= await writer.autoFeature(ctx, datastreamId !== null ? 'Datastreams' : 'MultiDatastreams', (datastreamId ?? multiDatastreamId)!);
            foi = entry.foi;
          }
          out.push({ ...e.obs, featureOfInterestId: foi, id: 0 });
          accepted.push(e);
        } catch (err) {
          if (!(err instanceof AppError)) throw err;
          e.reject(err);
        }
      }
      const ids = await repo.insertObservations(trx, out);
      ids.forEach((id, i) => (out[i]!.id = id));
      await widen(trx, out);
      await deps.aggregator.afterInsert(trx, ids, dsIds);
      return out;
    });
    rows.forEach((r, i) => accepted[i]!.resolve(r.id));
    deps.committed(rows, changes);
  }

  async function widen(trx: Db, rows: ObservationRow[]) {
    const spans = new Map<string, { table: 'sensors_datastreams' | 'sensors_multi_datastreams'; id: number; ps: string; pe: string; rs: string | null; re: string | null }>();
    for (const r of rows) {
      const key = r.datastreamId !== null ? `D${r.datastreamId}` : `M${r.multiDatastreamId}`;
      const pe = r.phenomenonTimeEnd ?? r.phenomenonTimeStart;
      const s = spans.get(key);
      if (!s) {
        spans.set(key, {
          table: r.datastreamId !== null ? 'sensors_datastreams' : 'sensors_multi_datastreams',
          id: (r.datastreamId ?? r.multiDatastreamId)!,
          ps: r.phenomenonTimeStart,
          pe,
          rs: r.resultTime,
          re: r.resultTime,
        });
        continue;
      }
      if (r.phenomenonTimeStart < s.ps) s.ps = r.phenomenonTimeStart;
      if (pe > s.pe) s.pe = pe;
      if (r.resultTime && (!s.rs || r.resultTime < s.rs)) s.rs = r.resultTime;
      if (r.resultTime && (!s.re || r.resultTime > s.re)) s.re = r.resultTime;
    }
    // In id order: two app instances widening the same streams then lock them in the same order.
    const ordered = [...spans.values()].sort((a, b) => a.table.localeCompare(b.table) || a.id - b.id);
    for (const s of ordered) await repo.widenStreamTimes(trx, s.table, s.id, s.ps, s.pe, s.rs, s.re);
  }

  return {
    submit(obs: PendingObservation): Promise<number> {
      return new Promise<number>((resolve, reject) => {
        queue.push({ obs, resolve, reject });
        schedule();
      });
    },
    /** After a committed change to Things, Locations, streams or features: look them up again. */
    forget() {
      known.clear();
    },
    /** Resolves when everything queued so far is written (for shutdown). */
    async flushed(): Promise<void> {
      if (!running && !scheduled && queue.length === 0) return;
      await new Promise<void>((resolve) => idle.push(resolve));
    },
  };
}

export type Ingestor = ReturnType<typeof createIngestor>;
