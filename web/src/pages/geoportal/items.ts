/** The GeoPortal's features as the page shows them: one item per feature, with its legend class, name and facts. */
import type { TFunction } from 'i18next';
import { LAYERS, legendClass, pageOf, positions, type LayerId, type LegendClass, type OgcFeature } from './layers';
import { featureKey } from './state';

export interface Item {
  /** `<layer>:<feature id>`: the map feature id and the value of `auswahl` in the URL. */
  key: string;
  layer: LayerId;
  id: string;
  name: string;
  legend: LegendClass;
  facts: string[];
  page: string | null;
  points: [number, number][];
}

export function toItem(layer: LayerId, f: OgcFeature, t: TFunction): Item {
  const def = LAYERS[layer];
  return {
    key: featureKey(layer, f.id),
    layer,
    id: f.id,
    name: def.name(f.properties, f.id, t) || f.id,
    legend: legendClass(layer, f.properties),
    facts: def.facts(f.properties, t),
    page: pageOf(f.properties),
    points: positions(f),
  };
}

export const classText = (t: TFunction, legend: LegendClass) => t(legend.text, { defaultValue: legend.key });

export function inBounds(item: Item, bounds: readonly [number, number, number, number] | null): boolean {
  if (!bounds) return true;
  const [w, s, e, n] = bounds;
  return item.points.some(([x, y]) => x >= w && x <= e && y >= s && y <= n);
}

/** Case- and accent-insensitive text for the place search ("Lohr" finds "Löhr", "guls" finds "Güls"). */
export const fold = (s: string) => s.toLocaleLowerCase('de').replace(/ß/g, 'ss').normalize('NFD').replace(/\p{M}/gu, '');
