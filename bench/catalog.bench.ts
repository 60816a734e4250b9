/**
 * Issue figures for the catalog (docs/benchmarks.md): the public list over 5,000+ services at 50
 * connections, full-text search and the committee table for any date. The server runs as its own
 * process on the embedded database; the baseline is a bare Fastify hello-world in the same run.
 * Cached figures repeat one URL (what a busy public page sees); uncached ones give every request
 * its own URL so each one reaches the database.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Fastify from 'fastify';
import { sql } from 'kysely';
import { MIGRATIONS } from '../src/app.js';
import { catalogDemoSeed } from '../src/modules/catalog/index.js';
import { systemClock } from '../src/platform/contracts.js';
import { openDatabase } from '../src/platform/db/database.js';
import { migrate } from '../src/platform/db/migrator.js';
import { runSeeds } from '../src/platform/db/seeds.js';
import { fmt, load, row, sequential, serve } from './lib.js';

const COPIES = 11; // 435 demo services × 12 ≈ 5,200

/** Demo data, then 11 renamed copies of every service with its history. */
async function prepare(dataDir: string): Promise<number> {
  const database = await openDatabase({ dataDir });
  try {
    await migrate(database, MIGRATIONS);
    await runSeeds(database.db, [catalogDemoSeed(systemClock)]);
    await database.db.transaction().execute(async (trx) => {
      await sql`create temporary table copy_map on commit drop as
        select s.id as old_id, n as copy, nextval(pg_get_serial_sequence('catalog_services', 'id')) as new_id
        from catalog_services s cross join generate_series(1, ${COPIES}) n`.execute(trx);
      await sql`insert into catalog_services (id, ref, name, description, ozg_id, leika_key, local, themenfeld_id, lebenslage_id, status,
          status_since, reason_not_online, maturity_level, maturity_model, efa, efa_provider_state, online_url, epaybl, payment_methods, office,
          planned_go_live, rollout_project, notes, demo, search_text, sort_name)
        select m.new_id, s.ref || '-B' || m.copy, s.name || ' (Bench ' || m.copy || ')', s.description, s.ozg_id, s.leika_key, s.local,
          s.themenfeld_id, s.lebenslage_id, s.status, s.status_since, s.reason_not_online, s.maturity_level, s.maturity_model, s.efa,
          s.efa_provider_state, s.online_url, s.epaybl, s.payment_methods, s.office, s.planned_go_live, s.rollout_project, s.notes, s.demo,
          s.search_text || ' bench' || m.copy, s.sort_name || ' bench' || m.copy
        from catalog_services s join copy_map m on m.old_id = s.id`.execute(trx);
      await sql`insert into catalog_service_history (service_id, effective_date, status, kind, changes, note, author)
        select m.new_id, h.effective_date, h.status, h.kind, h.changes, h.note, h.author
        from catalog_service_history h join copy_map m on m.old_id = h.service_id`.execute(trx);
      await sql`analyze`.execute(trx);
    });
    const r = await sql<{ n: number }>`select count(*)::int as n from catalog_services where status is not null`.execute(
      database.db,
    );
    return r.rows[0]!.n;
  } finally {
    await database.close();
  }
}

export async function benchCatalog() {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'cf-bench-catalog-'));
  const port = 18082;
  try {
    const services = await prepare(dataDir);
    const stop = await serve(dataDir, port);
    try {
      const base = `http://127.0.0.1:${port}/api/catalog`;
      const bare = Fastify();
      bare.get('/', async () => ({ hello: 'world' }));
      await bare.listen({ port: 0, host: '127.0.0.1' });
      const baseline = await load(`http://127.0.0.1:${(bare.server.address() as { port: number }).port}/`);
      await bare.close();
      row(
        'baseline: bare Fastify hello-world, 50 connections',
        `${fmt(baseline.requestsPerSecond)} req/s, p99 ${baseline.p99} ms`,
      );

      const list = await load(`${base}/services?limit=50`);
      row(
        `GET /services (${fmt(services)} services, 50 per page), 50 conn.`,
        `${fmt(list.requestsPerSecond)} req/s, p99 ${list.p99} ms`,
        list.requestsPerSecond / baseline.requestsPerSecond,
      );
      const search = await load(`${base}/services?q=fuhrerschein&limit=50`);
      row(
        'GET /services?q=fuhrerschein, 50 connections',
        `${fmt(search.requestsPerSecond)} req/s, p99 ${search.p99} ms`,
        search.requestsPerSecond / baseline.requestsPerSecond,
      );
      const etag = (await fetch(`${base}/services?limit=50`)).headers.get('etag') ?? '';
      const conditional = await load(`${base}/services?limit=50`, { headers: { 'if-none-match': etag } });
      row(
        'GET /services with If-None-Match (304), 50 connections',
        `${fmt(conditional.requestsPerSecond)} req/s, p99 ${conditional.p99} ms`,
        conditional.requestsPerSecond / baseline.requestsPerSecond,
      );
      for (const r of [list, search, conditional])
        if (r.errors || (r !== conditional && r.non2xx)) throw new Error('requests failed during the load test');

      const words = [
        'fuhrerschein',
        'gewerbe',
        'wohnsitz',
        'hund',
        'bau',
        'steuer',
        'parkausweis',
        'eheschliessung',
        'jagdschein',
        'abfall',
      ];
      const searchUrls = Array.from(
        { length: 300 },
        (_, i) => `${base}/services?q=${words[i % words.length]}&limit=50&offset=${i}`,
      );
      const s = await sequential(searchUrls);
      row('full-text search, uncached (each URL once), 1 conn.', `p50 ${fmt(s.p50, 1)} ms, p99 ${fmt(s.p99, 1)} ms`);
      const pages = await sequential(
        Array.from({ length: 300 }, (_, i) => `${base}/services?limit=50&offset=${(i * 17) % services}`),
      );
      row('GET /services, uncached page (each URL once), 1 conn.', `p50 ${fmt(pages.p50, 1)} ms, p99 ${fmt(pages.p99, 1)} ms`);
      const day = (i: number) => new Date(Date.UTC(2023, 0, 1) + i * 86_400_000).toISOString().slice(0, 10);
      const reports = await sequential(
        Array.from({ length: 200 }, (_, i) => `${base}/report?date=${day(i * 4)}&compare=${day(i * 4 - 150)}`),
      );
      row('committee table, any date with comparison, uncached', `p50 ${fmt(reports.p50, 1)} ms, p99 ${fmt(reports.p99, 1)} ms`);
    } finally {
      await stop();
    }
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}
