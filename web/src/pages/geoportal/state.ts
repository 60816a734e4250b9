/**
 * The map's state in the URL (permalinks, embeds): `ebenen` (active layers, comma-separated),
 * `lat`, `lon`, `zoom` (the view) and `auswahl` (`<layer>:<feature id>`). Other parameters, such as
 * `lang`, are kept as they are.
 */
import { isLayerId, LAYER_IDS, type LayerId } from './layers';

export const DEFAULT_LAYERS: readonly LayerId[] = ['stadtteile', 'parkhaeuser'];

export interface MapUrlState {
  layers: LayerId[];
  view: { lat: number; lon: number; zoom: number } | null;
  selected: string | null;
}

const finite = (raw: string | null, min: number, max: number) => {
  if (raw === null || raw.trim() === '') return null;
  const n = Number(raw);
  return Number.isFinite(n) && n >= min && n <= max ? n : null;
};

export function readState(params: URLSearchParams): MapUrlState {
  const raw = params.get('ebenen');
  // No parameter: the default layers; an empty one: none (the user switched all off).
  const layers = raw === null ? [...DEFAULT_LAYERS] : LAYER_IDS.filter((id) => raw.split(',').includes(id));
  const lat = finite(params.get('lat'), -90, 90);
  const lon = finite(params.get('lon'), -180, 180);
  const zoom = finite(params.get('zoom'), 0, 22);
  const selected = params.get('auswahl');
  return {
    layers,
    view: lat !== null && lon !== null && zoom !== null ? { lat, lon, zoom } : null,
    selected: selected && isLayerId(selected.split(':')[0] ?? '') ? selected : null,
  };
}

export function writeState(params: URLSearchParams, state: Partial<MapUrlState>): URLSearchParams {
  const next = new URLSearchParams(params);
  if (state.layers) next.set('ebenen', LAYER_IDS.filter((id) => state.layers!.includes(id)).join(','));
  if (state.view) {
    next.set('lat', state.view.lat.toFixed(5));
    next.set('lon', state.view.lon.toFixed(5));
    next.set('zoom', state.view.zoom.toFixed(2));
  }
  if (state.selected !== undefined) {
    if (state.selected) next.set('auswahl', state.selected);
    else next.delete('auswahl');
  }
  return next;
}

export const featureKey = (layer: LayerId, id: string) => `${layer}:${id}`;
