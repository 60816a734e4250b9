/**
 * The GeoPortal's six layers: the OGC API collections of the same ids (/ogc/collections/<id>), how
 * each feature is classed for the legend (colour, symbol and a word — never colour alone), and the
 * facts its popup and the list show.
 */
import type { TFunction } from 'i18next';
import { formatDate, formatDateTime, formatNumber } from '../../lib/format';

export const LAYER_IDS = ['stadtteile', 'parkhaeuser', 'abfallbehaelter', 'schadensmeldungen', 'projekte', 'glasfaser'] as const;
export type LayerId = (typeof LAYER_IDS)[number];

export const isLayerId = (value: string): value is LayerId => (LAYER_IDS as readonly string[]).includes(value);

type Position = [number, number];
export type Properties = Record<string, string | number | boolean | null>;

/** A feature as the OGC API – Features endpoint serves it. */
export interface OgcFeature {
  id: string;
  geometry: { type: 'Point'; coordinates: Position } | { type: 'MultiPoint'; coordinates: Position[] } | null;
  properties: Properties;
}

/**
 * Colours from the Schadensmelder's status palette: each reaches 3:1 against the light and the dark
 * map background, and white text on each reaches 4.5:1 (the legend swatches carry a symbol).
 */
const GREEN = '#1e6b2a';
const AMBER = '#8a4b00';
const RED = '#b3261e';
const BLUE = '#0b55a6';
const PURPLE = '#6b3fa0';
const GREY = '#4b5361';

export interface LegendClass {
  key: string;
  colour: string;
  symbol: string;
  /** Translation key of the class's word (statuses use the words of the projects and Schadensmelder pages). */
  text: string;
}

interface Layer {
  classes: readonly LegendClass[];
  classify(p: Properties): string;
  name(p: Properties, id: string, t: TFunction): string;
  facts(p: Properties, t: TFunction): string[];
  /** Offered by the place search. */
  searchable: boolean;
}

/** A layer as data, made into a `Layer` by `buildLayer()`. */
interface LayerDescriptor {
  /** The property that names a feature, or how a feature is named. */
  name: string | Layer['name'];
  searchable?: boolean;
  /** The legend: colour, symbol and (where it is not `<words>.<key>`) the translation key of the word, by class key. */
  classes: Record<string, readonly [colour: string, symbol: string, text?: string]>;
  /** Where the classes' words are: `geoportal.class.<layer>` unless the layer shares another page's words. */
  words?: string;
  classify: Layer['classify'];
  /** The layer's own facts; the flags follow them. */
  facts?: Layer['facts'];
  /** Properties that add a fact when true, with that fact's key under `geoportal.facts`, in this order. */
  flags: Record<string, string>;
}

const text = (v: unknown) => (typeof v === 'string' ? v : '');
const num = (v: unknown) => (typeof v === 'number' ? v : null);
/** A fact that is the property's text itself, where there is one. */
const present = (v: unknown) => (text(v) ? [text(v)] : []);

function buildLayer(id: LayerId, d: LayerDescriptor): Layer {
  const words = d.words ?? `geoportal.class.${id}`;
  const { name } = d;
  return {
    classes: Object.entries(d.classes).map(([key, [colour, symbol, word]]) => ({
      key,
      colour,
      symbol,
      text: word ?? `${words}.${key}`,
    })),
    classify: d.classify,
    name: typeof name === 'string' ? (p) => text(p[name]) : name,
    facts: (p, t) => [
      ...(d.facts?.(p, t) ?? []),
      ...Object.entries(d.flags).flatMap(([property, fact]) => (p[property] === true ? [t(`geoportal.facts.${fact}`)] : [])),
    ],
    searchable: d.searchable ?? false,
  };
}

const DESCRIPTORS: Record<LayerId, LayerDescriptor> = {
  stadtteile: {
    name: 'name',
    searchable: true,
    classes: { district: [GREY, '●'] },
    classify: () => 'district',
    flags: { approximate: 'approximate' },
  },
  parkhaeuser: {
    name: 'name',
    searchable: true,
    classes: { free: [GREEN, '✓'], filling: [AMBER, '◐'], full: [RED, '!'], unknown: [GREY, '?'] },
    classify: (p) => {
      const rate = num(p['occupancyPct']);
      if (p['status'] === 'full') return 'full';
      if (p['status'] !== 'open' || rate === null) return 'unknown';
      return rate >= 90 ? 'full' : rate >= 70 ? 'filling' : 'free';
    },
    facts: (p, t) => {
      const free = num(p['free']);
      const capacity = num(p['capacity']) ?? 0;
      return [
        free === null
          ? t('geoportal.facts.noReading')
          : t('geoportal.facts.parking', {
              free: formatNumber(free),
              capacity: formatNumber(capacity),
              rate: formatNumber(num(p['occupancyPct']) ?? 0),
            }),
        ...(text(p['updatedAt']) ? [t('geoportal.facts.updated', { time: formatDateTime(text(p['updatedAt'])) })] : []),
      ];
    },
    flags: { simulated: 'simulated' },
  },
  abfallbehaelter: {
    name: 'name',
    classes: { low: [GREEN, '✓'], half: [AMBER, '◐'], due: [RED, '!'], unknown: [GREY, '?'] },
    classify: (p) => {
      const fill = num(p['fillPct']);
      if (fill === null || p['stale'] === true) return 'unknown';
      return fill >= (num(p['thresholdPct']) ?? 80) ? 'due' : fill >= 50 ? 'half' : 'low';
    },
    facts: (p, t) => {
      const fill = num(p['fillPct']);
      return [
        fill === null
          ? t('geoportal.facts.noReading')
          : t('geoportal.facts.fill', { fill: formatNumber(fill), threshold: num(p['thresholdPct']) ?? 80 }),
        t(`geoportal.wasteKind.${text(p['kind'])}`, { defaultValue: text(p['kind']) }),
        ...present(p['district']),
      ];
    },
    flags: { stale: 'silent', simulated: 'simulated' },
  },
  schadensmeldungen: {
    name: (p, id, t) => t('geoportal.facts.report', { id, category: text(p['category']) }),
    classes: { open: [RED, '!'], closed: [GREEN, '✔'] },
    words: 'reports.status',
    classify: (p) => (p['status'] === 'closed' ? 'closed' : 'open'),
    facts: (p, t) => [
      t(`reports.status.${text(p['detailedStatus'])}`, { defaultValue: text(p['detailedStatus']) }),
      ...present(p['district']),
      t('geoportal.facts.reported', { date: formatDate(text(p['requestedAt'])) }),
    ],
    flags: { demo: 'demo' },
  },
  projekte: {
    name: 'title',
    searchable: true,
    classes: {
      live: [GREEN, '✔'],
      in_development: [BLUE, '⚙'],
      planned: [PURPLE, '○'],
      other: [GREY, '–', 'geoportal.class.projekte.other'],
    },
    words: 'projects.status',
    classify: (p) => (['live', 'in_development', 'planned'].includes(text(p['status'])) ? text(p['status']) : 'other'),
    facts: (p, t) => [
      t(`projects.status.${text(p['status'])}`, { defaultValue: text(p['status']) }),
      ...(p['placedBy'] === 'districts' ? [t('geoportal.facts.byDistricts')] : []),
    ],
    flags: { demo: 'demo' },
  },
  glasfaser: {
    name: 'name',
    classes: { available: [GREEN, '✔'], under_construction: [AMBER, '⚙'], planned: [BLUE, '○'] },
    words: 'projects.districtStatus',
    classify: (p) => text(p['status']),
    facts: (p, t) => [
      t('geoportal.facts.households', {
        count: num(p['householdsPassed']) ?? 0,
        formatted: formatNumber(num(p['householdsPassed']) ?? 0),
      }),
    ],
    flags: { demo: 'demo' },
  },
};

export const LAYERS = Object.fromEntries(LAYER_IDS.map((id) => [id, buildLayer(id, DESCRIPTORS[id])])) as Record<LayerId, Layer>;

export function legendClass(layer: LayerId, p: Properties): LegendClass {
  const def = LAYERS[layer];
  const key = def.classify(p);
  return def.classes.find((c) => c.key === key) ?? { key, colour: GREY, symbol: '?', text: key };
}

/** Every point of a feature (a MultiPoint project has one per district). */
export function positions(feature: OgcFeature): Position[] {
  if (!feature.geometry) return [];
  return feature.geometry.type === 'Point' ? [feature.geometry.coordinates] : feature.geometry.coordinates;
}

/** The page's own link for a feature (project or report page), if it has one. */
export const pageOf = (p: Properties): string | null =>
  typeof p['page'] === 'string' && p['page'].startsWith('/') ? p['page'] : null;
