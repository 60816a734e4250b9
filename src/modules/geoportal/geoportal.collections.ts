/**
 * The six collections of the geoportal and how each one turns another module's public read into
 * GeoJSON features. Nothing here touches a table: every read goes through `GeoportalSources`.
 */
import type { GeoportalSources } from '../../platform/contracts.js';

export type Position = [number, number];
export type Geometry = { type: 'Point'; coordinates: Position } | { type: 'MultiPoint'; coordinates: Position[] };

export interface Feature {
  type: 'Feature';
  id: string;
  geometry: Geometry | null;
  properties: Record<string, string | number | boolean | null>;
}

/** [west, south, east, north] in WGS84 longitude/latitude (CRS84). */
export type BBox = readonly [number, number, number, number];

/** A closed time interval; either end may be open. */
export interface TimeRange {
  from?: Date;
  to?: Date;
}

export interface ItemsQuery {
  bbox?: BBox;
  datetime?: TimeRange;
  limit: number;
  offset: number;
}

export interface ItemsPage {
  features: Feature[];
  /** Another page follows (a `next` link). */
  more: boolean;
  /** All features matching the query, where known without reading them all. */
  matched?: number;
}

export interface District {
  id: string;
  name: string;
  lat: number;
  lon: number;
  approximate: boolean;
}

export interface CollectionDefinition {
  id: string;
  title: { de: string; en: string };
  description: { de: string; en: string };
  /** The property `datetime` filters on; null: the collection has no time and ignores `datetime`. */
  temporalProperty: string | null;
  items(query: ItemsQuery): Promise<ItemsPage>;
  /** One feature, or undefined when there is none with this id. */
  item(id: string): Promise<Feature | undefined>;
}

/** The Schadensmelder page shows the last 90 days too (the Open311 default window). */
export const REPORTS_DEFAULT_DAYS = 90;

const point = (lon: number, lat: number): Geometry => ({ type: 'Point', coordinates: [lon, lat] });

export function inBBox(geometry: Geometry | null, bbox: BBox): boolean {
  if (!geometry) return false;
  const [w, s, e, n] = bbox;
  const points = geometry.type === 'Point' ? [geometry.coordinates] : geometry.coordinates;
  return points.some(([x, y]) => x >= w && x <= e && y >= s && y <= n);
}

function inTime(value: unknown, range: TimeRange): boolean {
  if (typeof value !== 'string') return false;
  const t = Date.parse(value);
  return !Number.isNaN(t) && (!range.from || t >= range.from.getTime()) && (!range.to || t <= range.to.getTime());
}

/**
 * A collection as data: its texts, its time property and where its features come from. A small
 * source (districts, car parks, containers, projects) gives all its `features`, which are filtered
 * and paged here in the source's order, so offsets stay stable between pages; a large one (the
 * reports) is a whole definition that takes bbox, time and paging into the source's own query.
 */
type CollectionDescriptor =
  CollectionDefinition | (Omit<CollectionDefinition, 'items' | 'item'> & { features: () => Promise<Feature[]> });

function build(descriptor: CollectionDescriptor): CollectionDefinition {
  if (!('features' in descriptor)) return descriptor;
  const { features: all, ...base } = descriptor;
  return {
    ...base,
    async items(q) {
      const matching = (await all()).filter(
        (f) =>
          (!q.bbox || inBBox(f.geometry, q.bbox)) &&
          (!q.datetime || !base.temporalProperty || inTime(f.properties[base.temporalProperty], q.datetime)),
      );
      return {
        features: matching.slice(q.offset, q.offset + q.limit),
        more: matching.length > q.offset + q.limit,
        matched: matching.length,
      };
    },
    async item(id) {
      return (await all()).find((f) => f.id === id);
    },
  };
}

type Properties = Feature['properties'];

/** A feature at a row's own point with the row's id (district ids, car park and container numbers). */
const atPoint = (row: { id: string | number; lat: number; lon: number }, properties: Properties): Feature => ({
  type: 'Feature',
  id: String(row.id),
  geometry: point(row.lon, row.lat),
  properties,
});

/** The named fields of a row as properties of the same names, in the order named. */
const pick = <K extends string>(row: Record<K, Properties[string]>, keys: readonly K[]): Properties =>
  Object.fromEntries(keys.map((k) => [k, row[k]]));

export function defineCollections(deps: {
  sources: GeoportalSources;
  districts: readonly District[];
  now: () => Date;
}): CollectionDefinition[] {
  const { sources, districts } = deps;
  const districtById = new Map(districts.map((d) => [d.id, d]));

  // A project with a place of its own is a point; one that names districts is a MultiPoint at their
  // (approximate) centres; one with neither has no place and is not in the collection.
  const projectGeometry = (p: Awaited<ReturnType<GeoportalSources['projects']['list']>>[number]): Geometry | null => {
    if (p.location) return point(p.location.lon, p.location.lat);
    const places = p.districts.flatMap((id) => {
      const d = districtById.get(id);
      return d ? [[d.lon, d.lat] as Position] : [];
    });
    return places.length ? { type: 'MultiPoint', coordinates: places } : null;
  };

  const reportFeature = (r: Awaited<ReturnType<GeoportalSources['reports']['search']>>[number]): Feature => ({
    type: 'Feature',
    id: r.id,
    geometry: r.lat === null || r.long === null ? null : point(r.long, r.lat),
    // No description, address, photos or notes: the layer shows where and how far, never who or what was written.
    properties: {
      category: r.serviceName,
      ...pick(r, ['serviceCode', 'status', 'detailedStatus', 'district']),
      requestedAt: r.requestedAt.toISOString(),
      updatedAt: r.updatedAt.toISOString(),
      supporters: r.supporters,
      page: `/schadensmelder/${r.id}`,
      demo: r.demo,
    },
  });

  const descriptors: CollectionDescriptor[] = [
    {
      id: 'stadtteile',
      title: { de: 'Stadtteile', en: 'Districts' },
      description: {
        de: 'Die Stadtteile mit Namen; Punkte in ihrer ungefähren Mitte, bis amtliche Grenzen importiert sind.',
        en: 'The districts with their names; points at their approximate centres until official boundaries are imported.',
      },
      temporalProperty: null,
      features: async () => districts.map((d) => atPoint(d, pick(d, ['name', 'approximate']))),
    },
    {
      id: 'parkhaeuser',
      title: { de: 'Parkhäuser', en: 'Car parks' },
      description: {
        de: 'Parkhäuser des Parkleitsystems mit freien Plätzen und Belegung (live); ohne frischen Wert ist der Status "unknown" und free leer.',
        en: 'Car parks of the guidance system with free spaces and occupancy (live); without a fresh reading the status is "unknown" and free is empty.',
      },
      temporalProperty: 'updatedAt',
      features: async () =>
        (await sources.parking.list()).map(({ realtime: live, ...s }) =>
          atPoint(s, {
            ...pick(s, ['name', 'address', 'capacity']),
            free: live.free,
            occupancyPct: live.occupancyRate,
            ...pick(live, ['status', 'updatedAt', 'fresh']),
            simulated: s.simulated || live.simulated,
          }),
        ),
    },
    {
      id: 'abfallbehaelter',
      title: { de: 'Abfallbehälter', en: 'Waste containers' },
      description: {
        de: 'Wertstoffbehälter mit Füllstand in Prozent (Sensor), Schwelle für die Leerung und Hinweis auf stumme Sensoren.',
        en: 'Waste containers with fill level in percent (sensor), the threshold for emptying and a flag for silent sensors.',
      },
      temporalProperty: 'fillAt',
      features: async () =>
        (await sources.waste.list()).map((c) =>
          atPoint(c, pick(c, ['name', 'kind', 'district', 'address', 'fillPct', 'thresholdPct', 'fillAt', 'stale', 'simulated'])),
        ),
    },
    {
      id: 'schadensmeldungen',
      title: { de: 'Schadensmeldungen', en: 'Damage reports' },
      description: {
        de: `Veröffentlichte Meldungen des Schadensmelders mit Kategorie und Bearbeitungsstand, ohne Text und persönliche Angaben; ohne datetime die letzten ${REPORTS_DEFAULT_DAYS} Tage.`,
        en: `Published reports of the damage reporter with category and processing status, without text or personal data; without datetime the last ${REPORTS_DEFAULT_DAYS} days.`,
      },
      temporalProperty: 'requestedAt',
      // Reports can be many: bbox, time and paging go to the reports module's query.
      async items(q) {
        const range = q.datetime ?? { from: new Date(deps.now().getTime() - REPORTS_DEFAULT_DAYS * 86_400_000) };
        const rows = await sources.reports.search({
          ...(q.bbox ? { bbox: q.bbox } : {}),
          ...(range.from ? { requestedFrom: range.from } : {}),
          ...(range.to ? { requestedTo: range.to } : {}),
          limit: q.limit + 1,
          offset: q.offset,
        });
        return { features: rows.slice(0, q.limit).map(reportFeature), more: rows.length > q.limit };
      },
      async item(id) {
        const [row] = await sources.reports.search({ ids: [id], limit: 1, offset: 0 });
        return row ? reportFeature(row) : undefined;
      },
    },
    {
      id: 'projekte',
      title: { de: 'Smart-City-Projekte mit Ort', en: 'Smart City projects with a location' },
      description: {
        de: 'Projekte mit eigenem Ort (Punkt) oder mit Stadtteilen (Punkte in deren Mitte), mit Status und Link zur Projektseite.',
        en: 'Projects with a place of their own (point) or with districts (points at their centres), with status and a link to the project page.',
      },
      temporalProperty: 'updatedAt',
      features: async () =>
        (await sources.projects.list({})).flatMap((p): Feature[] => {
          const geometry = projectGeometry(p);
          if (!geometry) return [];
          const properties = {
            ...pick(p, ['title', 'summary', 'status']),
            placedBy: p.location ? 'location' : 'districts',
            page: `/projekte/${p.slug}`,
            ...pick(p, ['demo', 'updatedAt']),
          };
          return [{ type: 'Feature', id: p.slug, geometry, properties }];
        }),
    },
    {
      id: 'glasfaser',
      title: { de: 'Glasfaserausbau je Stadtteil', en: 'Fibre expansion per district' },
      description: {
        de: 'Stand des Glasfaserausbaus je Stadtteil (available, under_construction, planned) und angeschlossene Haushalte.',
        en: 'State of the fibre expansion per district (available, under_construction, planned) and households passed.',
      },
      temporalProperty: null,
      // The fibre expansion is the project with progress in the most districts (the dashboard's fibre
      // tile makes the same choice), one feature per district it reports on.
      features: async () => {
        const project = [...(await sources.projects.list({}))].sort(
          (a, b) => b.districtProgress.length - a.districtProgress.length,
        )[0];
        return (project?.districtProgress ?? []).flatMap((p) => {
          const d = districtById.get(p.districtId);
          if (!d) return [];
          return [
            atPoint(d, {
              name: d.name,
              ...pick(p, ['status', 'householdsPassed']),
              project: project!.title,
              page: `/projekte/${project!.slug}`,
              demo: project!.demo || p.demo,
            }),
          ];
        });
      },
    },
  ];
  return descriptors.map(build);
}
