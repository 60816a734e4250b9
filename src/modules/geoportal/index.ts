/**
 * geoportal module: the layers of the GeoPortal map as OGC API – Features (Part 1 Core, GeoJSON) at
 * /ogc, read from the other modules through `GeoportalSources` (platform/contracts.ts), handed over in
 * app.ts. No tables of its own.
 */
import type { Clock, GeoportalSources } from '../../platform/contracts.js';
import { geoportalRoutes } from './geoportal.routes.js';
import { createGeoportalService, type GeoportalSettings } from './geoportal.service.js';

export { DEFAULT_LIMIT, MAX_LIMIT } from './geoportal.service.js';

export function createGeoportalModule(deps: {
  sources: GeoportalSources;
  clock: Clock;
  settings: GeoportalSettings & { publicUrl: string; cityName: string };
}) {
  const service = createGeoportalService(deps);
  return {
    service,
    routes: geoportalRoutes,
    routeOptions: { service, publicUrl: deps.settings.publicUrl, cityName: deps.settings.cityName },
  };
}
