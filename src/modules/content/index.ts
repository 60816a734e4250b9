/** content module: editable legal and information pages, accessibility feedback. */
import { fileURLToPath } from 'node:url';
import type { AuditRecorder, Clock, Mailer } from '../../platform/contracts.js';
import type { Db } from '../../platform/db/database.js';
import { createContentRepository } from './content.repository.js';
import { contentRoutes } from './content.routes.js';
import { createContentService, type ContentSettings } from './content.service.js';

export const contentMigrations = { module: 'content', dir: fileURLToPath(new URL('./migrations', import.meta.url)) };

export function createContentModule(deps: { db: Db; audit: AuditRecorder; clock: Clock; mailer: Mailer; settings: ContentSettings }) {
  const service = createContentService({ ...deps, repo: createContentRepository(deps.db) });
  return { service, routes: contentRoutes };
}
