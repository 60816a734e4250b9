/**
 * catalog module: the city's OZG administrative services — reference catalogue (OZG/LeiKa), the
 * city list with status history, catalogue merges, KPIs and committee tables for any date.
 * Public API for other modules (handed over in app.ts): `service.kpis(date)`, `service.timeline()`,
 * `report(date, compare)`; see README.md.
 */
import { fileURLToPath } from 'node:url';
import { systemClock, type AuditRecorder, type CatalogKpiSource, type Clock } from '../../platform/contracts.js';
import type { Db } from '../../platform/db/database.js';
import type { MigrationSource } from '../../platform/db/migrator.js';
import type { DemoSeed } from '../../platform/db/seeds.js';
import { createPublicCache } from './catalog.cache.js';
import { runCatalogCommand as run, type CliOut } from './catalog.cli.js';
import { seedCatalogDemo } from './catalog.demo.js';
import { createCatalogImporter } from './catalog.import.js';
import { shippedChecksum } from './catalog.reference.js';
import { buildReport } from './catalog.report.js';
import { createCatalogRepository } from './catalog.repository.js';
import { catalogRoutes } from './catalog.routes.js';
import { createCatalogService, type CatalogSettings } from './catalog.service.js';

export const DEFAULT_REFERENCE_DIR = fileURLToPath(new URL('../../../data/ozg', import.meta.url));

const NO_AUDIT: AuditRecorder = { record: async () => undefined };

/** A catalog service inside a seed or migration transaction (no audit: these are system loads). */
function serviceIn(trx: Db, clock: Clock, referenceDir: string) {
  const repo = createCatalogRepository(trx);
  const service = createCatalogService({
    db: trx,
    repo,
    audit: NO_AUDIT,
    clock,
    cache: createPublicCache(repo),
    settings: { referenceDir },
  });
  return { repo, service };
}

/**
 * The schema and the shipped OZG/LeiKa reference catalogue. The catalogue loads with the migrations
 * (on the first start), not on every start: the migrator re-runs the load only when the shipped
 * files change, and the load leaves a catalogue that is already in place (perhaps a newer one from
 * `catalog import`) as it is.
 */
export function catalogMigrationSource(referenceDir = DEFAULT_REFERENCE_DIR): MigrationSource {
  return {
    module: 'catalog',
    dir: fileURLToPath(new URL('./migrations', import.meta.url)),
    data: {
      id: 'data/ozg',
      checksum: () => shippedChecksum(referenceDir),
      load: async (trx) => {
        await serviceIn(trx, systemClock, referenceDir).service.ensureReference(trx);
      },
    },
  };
}

export const catalogMigrations = catalogMigrationSource();

export function createCatalogModule(deps: { db: Db; audit: AuditRecorder; clock: Clock; settings?: Partial<CatalogSettings> }) {
  const repo = createCatalogRepository(deps.db);
  const cache = createPublicCache(repo);
  const settings: CatalogSettings = { referenceDir: deps.settings?.referenceDir ?? DEFAULT_REFERENCE_DIR };
  const service = createCatalogService({ db: deps.db, repo, audit: deps.audit, clock: deps.clock, cache, settings });
  const importer = createCatalogImporter({ repo, service, audit: deps.audit });
  /** What the dashboard and the open-data module use; see CatalogKpiSource in platform/contracts.ts. */
  const api: CatalogKpiSource = {
    kpis: (date) => service.kpis(date),
    timeline: (options) => service.timeline(options ?? {}),
    report: (date, compare, lang) => buildReport(service, date, compare, lang ?? 'de'),
    version: () => service.version(),
  };
  return { service, importer, api, routes: catalogRoutes };
}

export type CatalogModule = ReturnType<typeof createCatalogModule>;

/** Loads the Koblenz demo data (labelled demo) once, when DEMO_DATA is on. */
export function catalogDemoSeed(clock: Clock, referenceDir = DEFAULT_REFERENCE_DIR): DemoSeed {
  return {
    module: 'catalog',
    async run(trx) {
      const { repo, service } = serviceIn(trx, clock, referenceDir);
      await seedCatalogDemo(trx, repo, service);
    },
  };
}

/** `npm run cli -- catalog …`: import a newer catalogue, import/export the city list, print the committee table. */
export function runCatalogCommand(args: string[], deps: { db: Db; audit: AuditRecorder; clock: Clock; out: CliOut }) {
  return run(args, { ...deps, module: createCatalogModule(deps) });
}

export { DEMO_PREVIOUS_REPORT, DEMO_REPORT, EFA_SERVICES } from './catalog.demo.js';
export { foldText, STATUSES, type Status } from './catalog.text.js';
export { REFERENCE_EXPORT_COLUMNS } from './catalog.reference.js';
export type { CatalogService } from './catalog.service.js';
