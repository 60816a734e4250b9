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

interface LayerDefinition {
  classes: readonly LegendClass[];
  classify(p: Properties): string;
  name(p: Properties, id: string, t: TFunction): string;
  facts(p: Properties, t: TFunction): string[];
  /** Offered by the place search. */
  searchable: boolean;
}

const text = (v: unknown) => (typeof v === 'string' ? v : '');
const num = (v: unknown) => (typeof v === 'number' ? v : null);
const flag = (cond: unknown, line: string) => (cond === true ? [line] : []);

export const LAYERS: Record<LayerId, LayerDefinition> = {
  stadtteile: {
    classes: [{ key: 'district', colour: GREY, symbol: '●', text: 'geoportal.class.stadtteile.district' }],
    classify: () => 'district',
    name: (p) => text(p['name']),
    facts: (p, t) => flag(p['approximate'], t('geoportal.facts.approximate')),
    searchable: true,
  },
  parkhaeuser: {
    classes: [
      { key: 'free', colour: GREEN, symbol: '✓', text: 'geoportal.class.parkhaeuser.free' },
      { key: 'filling', colour: AMBER, symbol: '◐', text: 'geoportal.class.parkhaeuser.filling' },
      { key: 'full', colour: RED, symbol: '!', text: 'geoportal.class.parkhaeuser.full' },
      { key: 'unknown', colour: GREY, symbol: '?', text: 'geoportal.class.parkhaeuser.unknown' },
    ],
    classify: (p) => {
      const rate = num(p['occupancyPct']);
      if (p['status'] === 'full') return 'full';
      if (p['status'] !== 'open' || rate === null) return 'unknown';
      return rate >= 90 ? 'full' : rate >= 70 ? 'filling' : 'free';
    },
    name: (p) => text(p['name']),
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
        ...flag(p['simulated'], t('geoportal.facts.simulated')),
      ];
    },
    searchable: true,
  },
  abfallbehaelter: {
    classes: [
      { key: 'low', colour: GREEN, symbol: '✓', text: 'geoportal.class.abfallbehaelter.low' },
      { key: 'half', colour: AMBER, symbol: '◐', text: 'geoportal.class.abfallbehaelter.half' },
      { key: 'due', colour: RED, symbol: '!', text: 'geoportal.class.abfallbehaelter.due' },
      { key: 'unknown', colour: GREY, symbol: '?', text: 'geoportal.class.abfallbehaelter.unknown' },
    ],
    classify: (p) => {
      const fill = num(p['fillPct']);
      if (fill === null || p['stale'] === true) return 'unknown';
      return fill >= (num(p['thresholdPct']) ?? 80) ? 'due' : fill >= 50 ? 'half' : 'low';
    },
    name: (p) => text(p['name']),
    facts: (p, t) => {
      const fill = num(p['fillPct']);
      return [
        fill === null
          ? t('geoportal.facts.noReading')
          : t('geoportal.facts.fill', { fill: formatNumber(fill), threshold: num(p['thresholdPct']) ?? 80 }),
        t(`geoportal.wasteKind.${text(p['kind'])}`, { defaultValue: text(p['kind']) }),
        ...(text(p['district']) ? [text(p['district'])] : []),
        ...flag(p['stale'], t('geoportal.facts.silent')),
        ...flag(p['simulated'], t('geoportal.facts.simulated')),
      ];
    },
    searchable: false,
  },
  schadensmeldungen: {
    classes: [
      { key: 'open', colour: RED, symbol: '!', text: 'reports.status.open' },
      { key: 'closed', colour: GREEN, symbol: '✔', text: 'reports.status.closed' },
    ],
    classify: (p) => (p['status'] === 'closed' ? 'closed' : 'open'),
    name: (p, id, t) => t('geoportal.facts.report', { id, category: text(p['category']) }),
    facts: (p, t) => [
      t(`reports.status.${text(p['detailedStatus'])}`, { defaultValue: text(p['detailedStatus']) }),
      ...(text(p['district']) ? [text(p['district'])] : []),
      t('geoportal.facts.reported', { date: formatDate(text(p['requestedAt'])) }),
      ...flag(p['demo'], t('geoportal.facts.demo')),
    ],
    searchable: false,
  },
  projekte: {
    classes: [
      { key: 'live', colour: GREEN, symbol: '✔', text: 'projects.status.live' },
      { key: 'in_development', colour: BLUE, symbol: '⚙', text: 'projects.status.in_development' },
      { key: 'planned', colour: PURPLE, symbol: '○', text: 'projects.status.planned' },
      { key: 'other', colour: GREY, symbol: '–', text: 'geoportal.class.projekte.other' },
    ],
    classify: (p) => (['live', 'in_development', 'planned'].includes(text(p['status'])) ? text(p['status']) : 'other'),
    name: (p) => text(p['title']),
    facts: (p, t) => [
      t(`projects.status.${text(p['status'])}`, { defaultValue: text(p['status']) }),
      ...(p['placedBy'] === 'districts' ? [t('geoportal.facts.byDistricts')] : []),
      ...flag(p['demo'], t('geoportal.facts.demo')),
    ],
    searchable: true,
  },
  glasfaser: {
    classes: [
      { key: 'available', colour: GREEN, symbol: '✔', text: 'projects.districtStatus.available' },
      { key: 'under_construction', colour: AMBER, symbol: '⚙', text: 'projects.districtStatus.under_construction' },
      { key: 'planned', colour: BLUE, symbol: '○', text: 'projects.districtStatus.planned' },
    ],
    classify: (p) => text(p['status']),
    name: (p) => text(p['name']),
    facts: (p, t) => [
      t('geoportal.facts.households', {
        count: num(p['householdsPassed']) ?? 0,
        formatted: formatNumber(num(p['householdsPassed']) ?? 0),
      }),
      ...flag(p['demo'], t('geoportal.facts.demo')),
    ],
    searchable: false,
  },
};

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
