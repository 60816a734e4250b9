/**
 * opendata module: the catalog of every dataset the platform publishes (from the modules'
 * DatasetProviders) plus external ones, as DCAT-AP.de RDF (Hydra-paged) and a CKAN Action API v3
 * subset; data governance (owners, stewards, promised update frequency, overdue flag).
 */
import { fileURLToPath } from 'node:url';
import type { FastifyPluginAsync } from 'fastify';
import type { AuditRecorder, Clock, DatasetProvider } from '../../platform/contracts.js';
import type { Db } from '../../platform/db/database.js';
import { ckanRoutes } from './opendata.ckan.routes.js';
import { createCkanService } from './opendata.ckan.service.js';
import { createRdfBuilder } from './opendata.rdf.js';
import { createOpendataRepository } from './opendata.repository.js';
import { opendataRoutes } from './opendata.routes.js';
import { createOpendataService, type OpendataSettings } from './opendata.service.js';

export const opendataMigrations = { module: 'opendata', dir: fileURLToPath(new URL('./migrations', import.meta.url)) };
export type { OpendataSettings } from './opendata.service.js';

export function createOpendataModule(deps: {
  db: Db;
  audit: AuditRecorder;
  clock: Clock;
  providers: DatasetProvider[];
  settings: OpendataSettings;
  version: string;
  pageSize?: number;
}) {
  const service = createOpendataService({ ...deps, repo: createOpendataRepository(deps.db) });
  const rdf = createRdfBuilder(deps.settings);
  const ckan = createCkanService({ opendata: service, settings: deps.settings, clock: deps.clock, version: deps.version });
  const routes: FastifyPluginAsync = async (app) => {
    await app.register(opendataRoutes, { service, rdf, pageSize: deps.pageSize ?? 100 });
    await app.register(ckanRoutes, { ckan });
  };
  return { service, routes };
}
