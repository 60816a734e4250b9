/**
 * projects module: the Smart City portfolio in the four fields of action, with features, milestones,
 * KPIs, per-district progress, change history, Atom feed and the committee report generator.
 * Uses the catalog module only through `OzgReportSource` (the committee table), handed in by app.ts.
 */
import { fileURLToPath } from 'node:url';
import type { AuditRecorder, Clock } from '../../platform/contracts.js';
import type { Db } from '../../platform/db/database.js';
import type { DemoSeed } from '../../platform/db/seeds.js';
import type { OzgReportSource } from './projects.committee.js';
import { seedProjectsDemo } from './projects.demo.js';
import { createProjectsReports } from './projects.reports.js';
import { createProjectsRepository } from './projects.repository.js';
import { projectsRoutes } from './projects.routes.js';
import { createProjectsService, type ProjectsSettings } from './projects.service.js';

export const projectsMigrations = { module: 'projects', dir: fileURLToPath(new URL('./migrations', import.meta.url)) };

export function createProjectsModule(deps: {
  db: Db;
  audit: AuditRecorder;
  clock: Clock;
  ozg: OzgReportSource;
  settings: ProjectsSettings;
}) {
  const repo = createProjectsRepository(deps.db);
  const service = createProjectsService({ ...deps, repo });
  const reports = createProjectsReports({ ...deps, repo, projects: service });
  return {
    service,
    reports,
    routes: projectsRoutes,
    routeOptions: { service, reports, settings: deps.settings, clock: deps.clock },
  };
}

export type ProjectsModule = ReturnType<typeof createProjectsModule>;

/** The Koblenz demo portfolio (labelled demo where invented); loaded once when DEMO_DATA is on. */
export const projectsDemoSeed = (clock: Clock): DemoSeed => ({ module: 'projects', run: (trx) => seedProjectsDemo(trx, clock) });

export type { OzgReportSource } from './projects.committee.js';
export type { ProjectsSettings } from './projects.service.js';
