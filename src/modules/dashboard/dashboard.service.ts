/**
 * Gathers all tiles in one answer. Each source is read on its own, so a failing module turns only
 * its own tile "unavailable" (logged), never the whole answer into an error. The encoded answer is
 * shared by every request until a car park reports (parking changes by the minute) or `maxAgeMs`
 * passes (the other sources), and concurrent requests share one rebuild.
 */
import type { Clock, DashboardSources } from '../../platform/contracts.js';
import { prepareRepresentation, type Representation } from '../../platform/http/representation.js';
import { createSeriesReader, type Compare } from './dashboard.series.js';
import {
  fibreTile,
  monthStart,
  parkingTile,
  projectsTile,
  reportsTile,
  servicesOnlineTile,
  unavailableTile,
  wasteTile,
  type Tile,
  type TileId,
} from './dashboard.tiles.js';

export interface DashboardSettings {
  districts: { id: string; name: string }[];
  /** How old the prepared answer may get before it is rebuilt. */
  maxAgeMs: number;
}

interface Log {
  warn(obj: object, msg: string): void;
}

export function createDashboardService(deps: { sources: DashboardSources; clock: Clock; log: Log; settings: DashboardSettings }) {
  const { sources, clock, log, settings } = deps;
  let prepared: { until: number; body: Promise<Representation> } | undefined;
  let rebuilding: Promise<void> | undefined;
  // A rebuild that started before a reading must not replace the answer the reading asked for.
  let generation = 0;

  async function guarded(ids: TileId[], build: () => Promise<Tile[]>): Promise<Tile[]> {
    try {
      return await build();
    } catch (err) {
      log.warn({ err, tiles: ids }, 'dashboard source failed; its tiles show as unavailable');
      return ids.map(unavailableTile);
    }
  }

  async function tiles(): Promise<Tile[]> {
    const now = clock.now();
    const yearAgo = new Date(now);
    yearAgo.setUTCFullYear(yearAgo.getUTCFullYear() - 1);
    const projects = sources.projects.list({});
    // Read in parallel; each part settles on its own.
    const parts = await Promise.all([
      guarded(['services-online'], async () => {
        const [kpis, timeline, version] = await Promise.all([
          sources.catalog.kpis(),
          sources.catalog.timeline({ from: yearAgo.toISOString().slice(0, 10), step: 'quarter' }),
          sources.catalog.version(),
        ]);
        return [servicesOnlineTile(kpis, timeline, version.updatedAt)];
      }),
      guarded(['projects-by-status'], async () => [projectsTile(await projects)]),
      guarded(['parking'], async () => [parkingTile(await sources.parking.summary())]),
      guarded(['waste'], async () => [wasteTile(await sources.waste.summary(), now)]),
      guarded(['reports'], async () => [reportsTile(await sources.reports.stats(monthStart(now), now), now)]),
      guarded(['fibre'], async () => [fibreTile(await projects, settings.districts)]),
    ]);
    return parts.flat();
  }

  function invalidate() {
    generation++;
    prepared = undefined;
  }
  const unsubscribe = sources.parking.onChange(invalidate);
  const reader = createSeriesReader({ sources, districts: settings.districts });

  return {
    tiles,

    /** The time series behind a tile for the detail view (dashboard.series.ts); not cached: ranges vary. */
    series: (tile: TileId, query: { from?: string | undefined; to?: string | undefined; compare?: Compare | undefined }) =>
      reader.series(tile, query, clock.now()),

    /**
     * The encoded answer of GET /api/dashboard/tiles (ETag, gzip). For up to another `maxAgeMs` past
     * its age the previous answer is still sent while one rebuild runs, so a rebuild never holds up
     * the requests arriving meanwhile; an older answer, or one a car park reading invalidated, is
     * not sent again: the next request waits for the new one.
     */
    representation(): Promise<Representation> {
      const now = clock.now().getTime();
      const usable = prepared && prepared.until + settings.maxAgeMs > now ? prepared : undefined;
      if (usable && (usable.until > now || rebuilding)) return usable.body;
      const body = tiles().then((items) =>
        prepareRepresentation(JSON.stringify({ tiles: items }), 'application/json; charset=utf-8'),
      );
      const entry = { until: now + settings.maxAgeMs, body };
      if (!usable) {
        prepared = entry;
        body.catch(() => {
          if (prepared === entry) prepared = undefined;
        });
        return body;
      }
      const started = generation;
      rebuilding = body
        .then(() => {
          if (generation === started) prepared = entry;
        })
        .catch((err: unknown) => log.warn({ err }, 'dashboard rebuild failed; the previous answer stays'))
        .finally(() => {
          rebuilding = undefined;
        });
      return usable.body;
    },

    invalidate,
    stop: unsubscribe,
  };
}

export type DashboardService = ReturnType<typeof createDashboardService>;
