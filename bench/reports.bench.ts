/**
 * Issue figures for the Schadensmelder (docs/benchmarks/reports.md): Open311 GET requests.json with
 * a bbox over 100,000 stored reports at 50 connections, and what one uncached answer costs. The
 * server runs as its own process on the embedded database; the baseline is a bare Fastify
 * hello-world in the same run. The query plan is printed to show the spatial index at work. Also the
 * accuracy of the category suggestion on its held-out set (ratio: to guessing among the categories).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Fastify from 'fastify';
import { sql } from 'kysely';
import { MIGRATIONS } from '../src/app.js';
import { openDatabase } from '../src/platform/db/database.js';
import { migrate } from '../src/platform/db/migrator.js';
import { fmt, load, row, sequential, serve } from './lib.js';
import { evaluateSuggestion } from './reports-classifier.js';

const REPORTS = 100_000;
/** Koblenz-Altstadt, about 1.4 × 1.1 km: what the public map shows at street level. */
const BBOX = [7.59, 50.355, 7.61, 50.365] as const;

/**
 * 100,000 reports spread over the city's bounding box and the last two years, every category and
 * status, labelled as demo data; generated in one statement (seeded, so every run has the same set).
 */
async function prepare(dataDir: string) {
  const database = await openDatabase({ dataDir });
  try {
    await migrate(database, MIGRATIONS);
    await database.db.transaction().execute(async (trx) => {
      await sql`select setseed(0.42)`.execute(trx);
      await sql`insert into reports_requests (token, category_id, office_id, location, description, status, attributes, channel,
          demo, due_at, requested_at, updated_at, closed_at)
        select 'bench-' || g.n, c.id, c.office_id, ST_SetSRID(ST_MakePoint(7.5 + random() * 0.2, 50.28 + random() * 0.14), 4326),
          'Bench-Meldung ' || g.n || ': ' || c.name, s.status, '{}', 'demo', true, g.at + interval '14 days', g.at, g.at + interval '2 days',
          case when s.status in ('resolved', 'rejected') then g.at + interval '2 days' end
        from (select n, now() - (random() * 730) * interval '1 day' as at from generate_series(1, ${REPORTS}) n) g
        join (select id, office_id, name, (row_number() over (order by id) - 1)::int as k from reports_categories) c
          on c.k = g.n % (select count(*)::int from reports_categories)
        join (select * from unnest(array['new', 'accepted', 'in_progress', 'resolved', 'resolved', 'rejected']) with ordinality as x(status, k)) s
          on s.k = 1 + g.n % 6`.execute(trx);
      await sql`analyze reports_requests`.execute(trx);
    });
    const [w, s, e, n] = BBOX;
    // The statement the repository builds for GET requests.json?bbox=… (default 90-day window).
    const plan = await sql<{ 'QUERY PLAN': string }>`explain analyze select r.id, ST_Y(r.location), ST_X(r.location)
      from reports_requests r join reports_categories c on c.id = r.category_id join reports_offices o on o.id = r.office_id
      where r.published = true and r.requested_at >= now() - interval '90 days' and r.requested_at <= now()
        and r.location && ST_MakeEnvelope(${w}::float8, ${s}::float8, ${e}::float8, ${n}::float8, 4326)
      order by r.requested_at desc, r.id desc limit 1000`.execute(database.db);
    return plan.rows.map((r) => r['QUERY PLAN']);
  } finally {
    await database.close();
  }
}

/** Runs first: it takes a second, the load test minutes. */
export async function benchCategorySuggestion() {
  const r = evaluateSuggestion();
  const pct = (n: number) => `${fmt((100 * n) / r.heldOut, 1)} %`;
  row(`category suggestion, held-out set of ${r.heldOut} descriptions`, `top-1 ${r.top1}/${r.heldOut} = ${pct(r.top1)}, top-3 ${pct(r.top3)}`, r.top1 / r.heldOut / (1 / r.categories));
}

export async function benchReports() {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'cf-bench-reports-'));
  const port = 18083;
  try {
    const t0 = performance.now();
    const plan = await prepare(dataDir);
    row(`seeding ${fmt(REPORTS)} reports (one generate_series statement)`, `${fmt((performance.now() - t0) / 1000, 1)} s`);
    process.stdout.write(`query plan:\n${plan.map((l) => `  ${l}`).join('\n')}\n`);
    // The per-address limit (600 a minute) would stop one load generator at once.
    const stop = await serve(dataDir, port, { REPORTS_OPEN311_PER_MINUTE: '1000000' });
    try {
      const bare = Fastify();
      bare.get('/', async () => ({ hello: 'world' }));
      await bare.listen({ port: 0, host: '127.0.0.1' });
      const baseline = await load(`http://127.0.0.1:${(bare.server.address() as { port: number }).port}/`);
      await bare.close();
      row('baseline: bare Fastify hello-world, 50 connections', `${fmt(baseline.requestsPerSecond)} req/s, p99 ${baseline.p99} ms`);

      const url = `http://127.0.0.1:${port}/open311/v2/requests.json?bbox=${BBOX.join(',')}`;
      const first = await fetch(url);
      const body = await first.text();
      const found = (JSON.parse(body) as unknown[]).length;
      row('answer size', `${fmt(Buffer.byteLength(body) / 1024, 1)} KiB`);
      const list = await load(url);
      row(
        `GET requests.json?bbox (${found} of ${fmt(REPORTS)} reports), 50 conn.`,
        `${fmt(list.requestsPerSecond)} req/s, p99 ${list.p99} ms`,
        list.requestsPerSecond / baseline.requestsPerSecond,
      );
      // Browsers and apps ask for gzip; the prepared answer is compressed once.
      const gzip = await load(url, { headers: { 'accept-encoding': 'gzip' } });
      row(
        'the same with Accept-Encoding: gzip, 50 connections',
        `${fmt(gzip.requestsPerSecond)} req/s, p99 ${gzip.p99} ms`,
        gzip.requestsPerSecond / baseline.requestsPerSecond,
      );
      const etag = first.headers.get('etag') ?? '';
      const conditional = await load(url, { headers: { 'if-none-match': etag } });
      row(
        'the same with If-None-Match (304), 50 connections',
        `${fmt(conditional.requestsPerSecond)} req/s, p99 ${conditional.p99} ms`,
        conditional.requestsPerSecond / baseline.requestsPerSecond,
      );
      if (list.errors || list.non2xx || gzip.errors || gzip.non2xx || conditional.errors) throw new Error('requests failed during the load test');

      // Every request its own bbox (a map being panned): each one reaches the database.
      const panned = Array.from({ length: 300 }, (_, i) => {
        const dx = (i % 20) * 0.004;
        const dy = Math.floor(i / 20) * 0.004;
        return `http://127.0.0.1:${port}/open311/v2/requests.json?bbox=${(7.53 + dx).toFixed(3)},${(50.31 + dy).toFixed(3)},${(7.55 + dx).toFixed(3)},${(50.32 + dy).toFixed(3)}`;
      });
      const uncached = await sequential(panned);
      row('GET requests.json, a new bbox each time (uncached), 1 conn.', `p50 ${fmt(uncached.p50, 1)} ms, p99 ${fmt(uncached.p99, 1)} ms`);
    } finally {
      await stop();
    }
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}
