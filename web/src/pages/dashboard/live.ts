/**
 * Applies a car park's live reading (server-sent event) to the parking tile, with the same rules
 * the server uses: a stale car park shows no number and does not count towards the total.
 */
import type { ParkingChange, Tile } from './types';

export function applyParkingChange(tiles: Tile[], change: ParkingChange): Tile[] {
  return tiles.map((tile) => {
    if (tile.id !== 'parking') return tile;
    const key = String(change.id);
    if (!tile.rows.some((r) => r.key === key)) return tile; // a new car park arrives with the next poll
    const stale = Boolean(change.stale) || change.free === null;
    const rows = tile.rows.map((r) =>
      r.key === key
        ? {
            ...r,
            stale,
            simulated: change.simulated,
            values: { ...r.values, free: stale ? null : change.free, updatedAt: change.updatedAt },
          }
        : r,
    );
    const fresh = rows.filter((r) => !r.stale);
    const total = fresh.reduce((n, r) => n + Number(r.values['free'] ?? 0), 0);
    const allStale = fresh.length === 0;
    const newest = rows.reduce<string | null>((a, r) => {
      const at = r.values['updatedAt'];
      return typeof at === 'string' && (a === null || at > a) ? at : a;
    }, null);
    return {
      ...tile,
      rows,
      stale: allStale,
      status: allStale ? 'stale' : 'ok',
      value: allStale ? null : total,
      values: { ...tile.values, totalFree: allStale ? null : total, freshSites: fresh.length },
      updatedAt: newest,
      simulated: rows.some((r) => r.simulated),
    };
  });
}
