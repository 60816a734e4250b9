/**
 * community module (Smart People): organisations (clubs, cultural institutions) with self-service
 * accounts, events with recurrences and iCalendar feeds, and the notice board between verified
 * organisations. Uses identity only through `RepresentativeAccounts` (platform/contracts.ts).
 */
import { fileURLToPath } from 'node:url';
import type { AuditRecorder, Clock, Mailer, RepresentativeAccounts } from '../../platform/contracts.js';
import type { Db } from '../../platform/db/database.js';
import type { DemoSeed } from '../../platform/db/seeds.js';
import { createCommunityAccounts } from './community.accounts.js';
import { seedCommunityDemo } from './community.demo.js';
import { createCommunityNotices } from './community.notices.js';
import { communityPageHeads } from './community.pages.js';
import { createCommunityRepository } from './community.repository.js';
import { communityRoutes } from './community.routes.js';
import { createCommunityService, type CommunitySettings } from './community.service.js';

export const communityMigrations = { module: 'community', dir: fileURLToPath(new URL('./migrations', import.meta.url)) };

export function createCommunityModule(deps: { db: Db; audit: AuditRecorder; clock: Clock; mailer: Mailer; accounts: RepresentativeAccounts; settings: CommunitySettings }) {
  const repo = createCommunityRepository(deps.db);
  const service = createCommunityService({ ...deps, repo });
  const accounts = createCommunityAccounts({ ...deps, repo, service });
  const notices = createCommunityNotices({ ...deps, repo, access: service.access });
  return {
    service,
    routes: communityRoutes,
    routeOptions: { service, accounts, notices, settings: deps.settings, clock: deps.clock },
    /** Title, description and JSON-LD of the event and organisation pages in the served HTML. */
    pageHeads: communityPageHeads({ service, clock: deps.clock, publicUrl: deps.settings.publicUrl }),
  };
}

export type CommunityModule = ReturnType<typeof createCommunityModule>;

/** The Koblenz cultural institutions, demo clubs and demo events; loaded once when DEMO_DATA is on. */
export const communityDemoSeed = (clock: Clock): DemoSeed => ({ module: 'community', run: (trx) => seedCommunityDemo(trx, clock) });

export type { CommunitySettings } from './community.service.js';
