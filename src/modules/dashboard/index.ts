/**
 * dashboard module: the tiles of the public Smart City dashboard, read from the other modules through
 * `DashboardSources` (platform/contracts.ts), handed over in app.ts. No tables of its own.
 */
import type { Clock, DashboardSources } from '../../platform/contracts.js';
import { dashboardRoutes } from './dashboard.routes.js';
import { createDashboardService, type DashboardSettings } from './dashboard.service.js';

export type { Tile, TileId } from './dashboard.tiles.js';

export function createDashboardModule(deps: {
  sources: DashboardSources;
  clock: Clock;
  log: { warn(obj: object, msg: string): void };
  settings: DashboardSettings;
}) {
  const service = createDashboardService(deps);
  return { service, routes: dashboardRoutes, stop: async () => service.stop() };
}
