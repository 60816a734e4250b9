/** Shape of GET /api/dashboard/tiles (see TileSchema in src/modules/dashboard/dashboard.routes.ts). */
export type TileId = 'services-online' | 'projects-by-status' | 'parking' | 'waste' | 'reports' | 'fibre';

export interface TileRow {
  key: string;
  /** A proper name; null: the key is translated. */
  label: string | null;
  values: Record<string, number | string | null>;
  stale: boolean;
  simulated: boolean;
}

export interface Tile {
  id: TileId;
  status: 'ok' | 'stale' | 'unavailable';
  stale: boolean;
  simulated: boolean;
  demo: boolean;
  updatedAt: string | null;
  value: number | null;
  unit: 'percent' | 'count' | 'spaces' | 'districts';
  values: Record<string, number | null>;
  columns: string[];
  rows: TileRow[];
  explanation: { de: string; en: string };
  source: string;
  details: string;
}

/** One event of GET /api/parking/events. */
export interface ParkingChange {
  id: number;
  free: number | null;
  status: string;
  updatedAt: string | null;
  simulated: boolean;
  stale?: boolean;
}
