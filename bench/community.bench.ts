/**
 * Issue figures for the community module (docs/benchmarks/community.md):
 * - event search over 50,000 events (95,000 dates) with a date range and a category filter, each
 *   request a new range (nothing cached), p99 against /health measured the same way in the same run;
 * - the iCalendar feed of 5,000 events: generating it in-process against reading the rows it is made
 *   of, and the whole HTTP answer of the per-category feed.
 * The server runs as its own process on the embedded database; the query plan is printed.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { MIGRATIONS } from '../src/app.js';
import { openDatabase } from '../src/platform/db/database.js';
import { migrate } from '../src/platform/db/migrator.js';
import { icalFeed } from '../src/modules/community/community.ical.js';
import { createCommunityRepository } from '../src/modules/community/community.repository.js';
import { fmt, row, sequential, serve } from './lib.js';

const EVENTS = 50_000;
/** One in ten events is a weekly series of 10 dates. */
const SERIES_EVERY = 10;
const CATEGORIES = ['sport', 'music', 'culture', 'social', 'youth', 'seniors', 'environment', 'education', 'religion', 'other'];
const DAY = 86_400_000;

/** 200 verified organisations, 50,000 events over the coming year (seeded random), their occurrences. */
async function prepare(dataDir: string) {
  const database = await openDatabase({ dataDir });
  try {
    await migrate(database, MIGRATIONS);
    await database.db.transaction().execute(async (trx) => {
      await sql`select setseed(0.17)`.execute(trx);
      await sql`insert into community_organisations (slug, name, category, district, verified, verified_at, demo)
        select 'bench-' || n, 'Bench-Verein ' || n, (${CATEGORIES}::text[])[1 + n % 10], 'altstadt', true, now(), true
        from generate_series(1, 200) n`.execute(trx);
      await sql`insert into community_events (organisation_id, title, description, starts_at, ends_at, rrule, categories, free, accessible_venue, status, moderation, demo)
        select o.id, 'Bench-Veranstaltung ' || g.n, 'Beschreibung ' || g.n, g.at, g.at + interval '2 hours',
          case when g.n % ${SERIES_EVERY} = 0 then 'FREQ=WEEKLY;COUNT=10' end,
          array[(${CATEGORIES}::text[])[1 + g.n % 10]], g.n % 3 = 0, g.n % 4 = 0, 'scheduled', 'approved', true
        from (select n, date_trunc('hour', now() + random() * interval '365 days') as at from generate_series(1, ${EVENTS}) n) g
        join community_organisations o on o.slug = 'bench-' || (1 + g.n % 200)`.execute(trx);
      await sql`insert into community_occurrences (event_id, organisation_id, starts_at, ends_at, categories, district, free, accessible_venue, public)
        select e.id, e.organisation_id, e.starts_at + k * interval '7 days', e.ends_at + k * interval '7 days', e.categories, 'altstadt', e.free, e.accessible_venue, true
        from community_events e cross join generate_series(0, 9) k
        where k = 0 or e.rrule is not null`.execute(trx);
    });
    // PGlite does not autovacuum: without statistics the planner would not know the tables' sizes.
    await sql`analyze community_events`.execute(database.db);
    await sql`analyze community_occurrences`.execute(database.db);
    const occurrences = await sql<{ n: number }>`select count(*)::int as n from community_occurrences`.execute(database.db);
    const from = new Date(Date.now() + 30 * DAY);
    const to = new Date(from.getTime() + 14 * DAY);
    // The page part of the statement community.repository.ts builds for ?from&to&category.
    const plan = await sql<{ 'QUERY PLAN': string }>`explain analyze select oc.event_id, oc.starts_at, oc.ends_at, count(*) over () from community_occurrences oc
      where oc.public and tstzrange(oc.starts_at, oc.ends_at) && tstzrange(${from}::timestamptz, ${to}::timestamptz)
        and oc.categories && ${['music']}::text[]
      order by oc.starts_at, oc.event_id limit 50`.execute(database.db);

    // The feed: reading the 5,000 events of one category, then the same plus writing the calendar.
    const repo = createCommunityRepository(database.db);
    const read = await timed(() => repo.publicEvents({ category: 'music' }));
    const feed = await timed(async () => icalFeed(await repo.publicEvents({ category: 'music' }), { publicUrl: 'https://example.org', name: 'Bench' }));
    return { plan: plan.rows.map((r) => r['QUERY PLAN']), occurrences: occurrences.rows[0]!.n, read, feed };
  } finally {
    await database.close();
  }
}

/** Median of 11 runs after one warm-up, with the last result. */
async function timed<T>(work: () => Promise<T>) {
  await work();
  const times: number[] = [];
  let result!: T;
  for (let i = 0; i < 11; i++) {
    const t0 = performance.now();
    result = await work();
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  return { ms: times[5]!, result };
}

const isoDay = (d: Date) => d.toISOString().slice(0, 10);

export async function benchCommunity() {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'cf-bench-community-'));
  const port = 18086;
  try {
    const t0 = performance.now();
    const prepared = await prepare(dataDir);
    row(`seeding ${fmt(EVENTS)} events, ${fmt(prepared.occurrences)} dates`, `${fmt((performance.now() - t0) / 1000, 1)} s`);
    process.stdout.write(`query plan (14-day range, one category):\n${prepared.plan.map((l) => `  ${l}`).join('\n')}\n`);
    const events = prepared.read.result.length;
    row(`reading the ${fmt(events)} events of one category (in-process)`, `${fmt(prepared.read.ms, 1)} ms`);
    row(`iCalendar feed of those ${fmt(events)} events (read + write)`, `${fmt(prepared.feed.ms, 1)} ms, ${fmt(Buffer.byteLength(prepared.feed.result) / 1048576, 1)} MiB`, prepared.feed.ms / prepared.read.ms);

    const stop = await serve(dataDir, port);
    try {
      const base = `http://127.0.0.1:${port}`;
      const health = await sequential(Array.from({ length: 300 }, () => `${base}/health`));
      row('baseline: GET /health, 300 sequential requests', `p50 ${fmt(health.p50, 1)} ms, p99 ${fmt(health.p99, 1)} ms`);

      // Each request its own range (1 to 30 days, starting anywhere in the year) and category.
      const searches = Array.from({ length: 300 }, (_, i) => {
        const from = new Date(Date.now() + ((i * 37) % 330) * DAY);
        const to = new Date(from.getTime() + (1 + (i % 30)) * DAY);
        return `${base}/api/community/events?from=${isoDay(from)}&to=${isoDay(to)}&category=${CATEGORIES[i % 10]}`;
      });
      const found = (await (await fetch(searches[29]!)).json()) as { total: number };
      const search = await sequential(searches);
      row(
        `event search, range + category (e.g. ${fmt(found.total)} hits in 30 days), new each time`,
        `p50 ${fmt(search.p50, 1)} ms, p99 ${fmt(search.p99, 1)} ms`,
        search.p99 / health.p99,
      );
      const plain = await sequential(searches.map((u) => u.replace(/&category=\w+/, '')));
      row('event search, range only, new each time', `p50 ${fmt(plain.p50, 1)} ms, p99 ${fmt(plain.p99, 1)} ms`, plain.p99 / health.p99);

      const feeds = await sequential(Array.from({ length: 20 }, (_, i) => `${base}/api/community/categories/${CATEGORIES[i % 10]}/events.ics`));
      row(`HTTP: GET …/categories/<c>/events.ics (~${fmt(events)} events each)`, `p50 ${fmt(feeds.p50, 1)} ms, max ${fmt(feeds.max, 1)} ms`);
    } finally {
      await stop();
    }
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}
