/**
 * The tiles of the public dashboard, built from the other modules' public reads. Each builder turns
 * one source's answer into the common tile shape, so the web app (and any other client) renders every
 * tile the same way: a headline value, named values, a small table and the texts that explain them.
 */
import type { DashboardSources } from '../../platform/contracts.js';
import { localInstant, localParts } from '../../platform/time.js';

export type TileId = 'services-online' | 'projects-by-status' | 'parking' | 'waste' | 'reports' | 'fibre';

export interface TileRow {
  key: string;
  /** A proper name (car park, district, date); null: the client translates `key` (a status). */
  label: string | null;
  values: Record<string, number | string | null>;
  stale: boolean;
  simulated: boolean;
}

export interface Tile {
  id: TileId;
  /** ok; stale: the newest value is older than its source allows; unavailable: the source failed or has no data. */
  status: 'ok' | 'stale' | 'unavailable';
  stale: boolean;
  simulated: boolean;
  demo: boolean;
  updatedAt: string | null;
  value: number | null;
  unit: 'percent' | 'count' | 'spaces' | 'districts';
  values: Record<string, number | null>;
  /** Columns of `rows` (keys of each row's `values`), in display order. */
  columns: string[];
  rows: TileRow[];
  explanation: { de: string; en: string };
  /** Open-data dataset the figure comes from (`/opendata/<source>`). */
  source: string;
  /** Web path with the details behind the figure. */
  details: string;
}

type Base = Pick<Tile, 'id' | 'unit' | 'explanation' | 'source' | 'details'>;

export const TILE_BASES: Record<TileId, Base> = {
  'services-online': {
    id: 'services-online',
    unit: 'percent',
    source: 'verwaltungsleistungen',
    details: '/verwaltungsleistungen/kennzahlen',
    explanation: {
      de: 'Anteil der Verwaltungsleistungen der Stadt, die man schon online beantragen kann, und wie er sich in den letzten zwölf Monaten verändert hat.',
      en: 'Share of the city’s administrative services that can already be applied for online, and how it changed over the last twelve months.',
    },
  },
  'projects-by-status': {
    id: 'projects-by-status',
    unit: 'count',
    source: 'smart-city-projekte',
    details: '/projekte',
    explanation: {
      de: 'Wie viele Smart-City-Projekte der Stadt geplant, in Entwicklung oder schon in Betrieb sind.',
      en: 'How many of the city’s smart city projects are planned, in development or already live.',
    },
  },
  parking: {
    id: 'parking',
    unit: 'spaces',
    source: 'parkhaeuser',
    details: '/opendata/parkhaeuser',
    explanation: {
      de: 'Freie Stellplätze in den Parkhäusern des Parkleitsystems jetzt gerade; Parkhäuser ohne aktuelle Meldung zählen nicht mit.',
      en: 'Free spaces in the car parks of the parking guidance system right now; car parks without a recent reading are not counted.',
    },
  },
  waste: {
    id: 'waste',
    unit: 'count',
    source: 'abfallbehaelter',
    details: '/opendata/abfallbehaelter',
    explanation: {
      de: 'Abfallbehälter, die heute geleert werden sollten, weil ihr Füllstand die Schwelle erreicht hat oder bald erreicht.',
      en: 'Waste containers that should be emptied today because their fill level has reached, or will soon reach, the threshold.',
    },
  },
  reports: {
    id: 'reports',
    unit: 'count',
    source: 'schadensmeldungen',
    details: '/schadensmelder',
    explanation: {
      de: 'Schäden, die in diesem Monat über den Schadensmelder gemeldet und erledigt wurden, und wie lange die Erledigung im Mittel (Median) gedauert hat.',
      en: 'Damage reported and resolved through the damage reporter this month, and the median time it took to resolve a report.',
    },
  },
  fibre: {
    id: 'fibre',
    unit: 'districts',
    source: 'smart-city-projekte',
    details: '/projekte',
    explanation: {
      de: 'In wie vielen Stadtteilen schnelles Internet über Glasfaser schon verfügbar ist, im Bau ist oder geplant ist.',
      en: 'In how many districts fast fibre internet is already available, under construction or planned.',
    },
  },
};

const tile = (id: TileId, parts: Partial<Tile>): Tile => ({
  ...TILE_BASES[id],
  status: 'ok',
  stale: false,
  simulated: false,
  demo: false,
  updatedAt: null,
  value: null,
  values: {},
  columns: [],
  rows: [],
  ...parts,
});

/** The tile of a source that failed or has nothing to show: greyed and labelled, never a guess. */
export const unavailableTile = (id: TileId): Tile => tile(id, { status: 'unavailable', stale: true });

const row = (
  key: string,
  label: string | null,
  values: TileRow['values'],
  flags: Partial<Pick<TileRow, 'stale' | 'simulated'>> = {},
): TileRow => ({
  key,
  label,
  values,
  stale: flags.stale ?? false,
  simulated: flags.simulated ?? false,
});

const percent = (share: number) => Math.round(share * 1000) / 10;
const newest = (dates: (string | null)[]) =>
  dates.reduce<string | null>((a, d) => (d !== null && (a === null || d > a) ? d : a), null);

type Timeline = Awaited<ReturnType<DashboardSources['catalog']['timeline']>>;

export function servicesOnlineTile(
  kpis: Awaited<ReturnType<DashboardSources['catalog']['kpis']>>,
  timeline: Timeline,
  updatedAt: Date,
): Tile {
  const first = timeline.points[0];
  return tile('services-online', {
    updatedAt: updatedAt.toISOString(),
    value: percent(kpis.shareOnline),
    values: {
      online: kpis.counts.online,
      total: kpis.total,
      // Percentage points since the first point of the timeline (twelve months back).
      trend: first ? Math.round((percent(kpis.shareOnline) - percent(first.shareOnline)) * 10) / 10 : null,
    },
    columns: ['shareOnline', 'online', 'total'],
    rows: timeline.points.map((p) =>
      row(p.date, p.date, { shareOnline: percent(p.shareOnline), online: p.counts.online, total: p.total }),
    ),
  });
}

type Projects = Awaited<ReturnType<DashboardSources['projects']['list']>>;

const PROJECT_STATUSES = ['idea', 'planned', 'in_development', 'live', 'paused', 'discontinued'];

export function projectsTile(projects: Projects): Tile {
  const counts = Object.fromEntries(PROJECT_STATUSES.map((s) => [s, projects.filter((p) => p.status === s).length]));
  return tile('projects-by-status', {
    demo: projects.some((p) => p.demo),
    updatedAt: newest(projects.map((p) => p.updatedAt)),
    value: projects.length,
    values: counts,
    columns: ['count'],
    rows: PROJECT_STATUSES.map((s) => row(s, null, { count: counts[s]! })),
  });
}

const DISTRICT_STATUSES = ['available', 'under_construction', 'planned'];

/** The project with progress in the most districts is the fibre expansion (the only such project today). */
export function fibreTile(projects: Projects, districts: { id: string; name: string }[]): Tile {
  const project = [...projects].sort((a, b) => b.districtProgress.length - a.districtProgress.length)[0];
  if (!project || project.districtProgress.length === 0) return unavailableTile('fibre');
  const names = new Map(districts.map((d) => [d.id, d.name]));
  const progress = project.districtProgress;
  const count = (s: string) => progress.filter((p) => p.status === s).length;
  return tile('fibre', {
    details: `/projekte/${project.slug}`,
    demo: project.demo || progress.some((p) => p.demo),
    updatedAt: project.updatedAt,
    value: count('available'),
    values: {
      districts: progress.length,
      available: count('available'),
      underConstruction: count('under_construction'),
      planned: count('planned'),
      householdsPassed: progress.reduce((n, p) => n + p.householdsPassed, 0),
    },
    columns: ['status', 'householdsPassed'],
    rows: [...progress]
      .sort((a, b) => DISTRICT_STATUSES.indexOf(a.status) - DISTRICT_STATUSES.indexOf(b.status))
      .map((p) =>
        row(
          p.districtId,
          names.get(p.districtId) ?? p.districtId,
          { status: p.status, householdsPassed: p.householdsPassed },
          { simulated: false },
        ),
      ),
  });
}

export function parkingTile(summary: Awaited<ReturnType<DashboardSources['parking']['summary']>>): Tile {
  if (summary.sites.length === 0) return unavailableTile('parking');
  // The parking module already turns a car park silent for PARKING_STALE_MINUTES into "unknown".
  const stale = summary.freshSites === 0;
  return tile('parking', {
    status: stale ? 'stale' : 'ok',
    stale,
    simulated: summary.simulated,
    updatedAt: newest(summary.sites.map((s) => s.updatedAt)),
    value: stale ? null : summary.totalFree,
    values: {
      totalFree: stale ? null : summary.totalFree,
      totalCapacity: summary.totalCapacity,
      freshSites: summary.freshSites,
      sites: summary.sites.length,
    },
    columns: ['free', 'capacity', 'updatedAt'],
    rows: summary.sites.map((s) =>
      row(
        String(s.id),
        s.name,
        { free: s.free, capacity: s.capacity, updatedAt: s.updatedAt },
        { stale: !s.fresh, simulated: s.simulated },
      ),
    ),
  });
}

export function wasteTile(summary: Awaited<ReturnType<DashboardSources['waste']['summary']>>, now: Date): Tile {
  if (summary.containers === 0) return unavailableTile('waste');
  const stale = summary.withSensor > 0 && summary.staleSensors === summary.withSensor;
  return tile('waste', {
    status: stale ? 'stale' : 'ok',
    stale,
    simulated: summary.simulated,
    updatedAt: now.toISOString(),
    value: summary.needingPickup.length,
    values: {
      needingPickup: summary.needingPickup.length,
      containers: summary.containers,
      withSensor: summary.withSensor,
      staleSensors: summary.staleSensors,
    },
    columns: ['district', 'fillPct'],
    rows: summary.needingPickup.map((c) =>
      row(String(c.id), c.name, { district: c.district, fillPct: c.fillPct }, { simulated: summary.simulated }),
    ),
  });
}

export function reportsTile(stats: Awaited<ReturnType<DashboardSources['reports']['stats']>>, now: Date): Tile {
  return tile('reports', {
    updatedAt: now.toISOString(),
    value: stats.opened,
    values: { opened: stats.opened, resolved: stats.resolved, medianHoursToResolution: stats.medianHoursToResolution },
    columns: ['value'],
    rows: [
      row('opened', null, { value: stats.opened }),
      row('resolved', null, { value: stats.resolved }),
      row('medianHoursToResolution', null, { value: stats.medianHoursToResolution }),
    ],
  });
}

/** Midnight of the first day of the current month in Koblenz (Europe/Berlin), as an instant. */
export function monthStart(now: Date): Date {
  const p = localParts(now);
  return localInstant(p.year, p.month, 1);
}
