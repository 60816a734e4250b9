/**
 * The built-in map style. No basemap can be downloaded and no other host may be contacted, so the
 * style is built here from the city profile: a background, the city's bounding box and its
 * district points. It has no text layers on purpose: labels need glyph files, which are not
 * available; names are given in the list that always accompanies a map.
 */
import type { CircleLayerSpecification, ExpressionSpecification, StyleSpecification } from 'maplibre-gl';
import type { MapFeature } from './types';

export interface StyleColours {
  background: string;
  area: string;
  outline: string;
  district: string;
  stroke: string;
  pin: string;
}

export interface CityShape {
  bbox: readonly number[];
  districts: readonly { id: string; lat: number; lon: number }[];
}

export const FEATURE_SOURCE = 'confluentes-features';
export const PIN_SOURCE = 'confluentes-pin';

/** The colours of the current scheme, read from the design tokens so dark mode gets a dark map. */
export function schemeColours(element: Element): StyleColours {
  const css = getComputedStyle(element);
  const token = (name: string, fallback: string) => css.getPropertyValue(name).trim() || fallback;
  return {
    background: token('--surface', '#f4f5f7'),
    area: token('--bg', '#ffffff'),
    outline: token('--border', '#767f8c'),
    district: token('--muted', '#4b5361'),
    // A light ring keeps dark points visible on the dark map as well.
    stroke: '#ffffff',
    pin: token('--primary', '#a3121b'),
  };
}

export function cityStyle(city: CityShape | undefined, colours: StyleColours): StyleSpecification {
  const [w, s, e, n] = city?.bbox ?? [];
  const area =
    w !== undefined && s !== undefined && e !== undefined && n !== undefined
      ? [
          {
            type: 'Feature' as const,
            properties: {},
            geometry: {
              type: 'Polygon' as const,
              coordinates: [
                [
                  [w, s],
                  [e, s],
                  [e, n],
                  [w, n],
                  [w, s],
                ],
              ],
            },
          },
        ]
      : [];
  const districts = (city?.districts ?? []).map((d) => ({
    type: 'Feature' as const,
    properties: { id: d.id },
    geometry: { type: 'Point' as const, coordinates: [d.lon, d.lat] },
  }));
  return {
    version: 8,
    sources: {
      'city-area': { type: 'geojson', data: { type: 'FeatureCollection', features: area } },
      'city-districts': { type: 'geojson', data: { type: 'FeatureCollection', features: districts } },
    },
    layers: [
      { id: 'background', type: 'background', paint: { 'background-color': colours.background } },
      { id: 'city-area', type: 'fill', source: 'city-area', paint: { 'fill-color': colours.area } },
      {
        id: 'city-outline',
        type: 'line',
        source: 'city-area',
        paint: { 'line-color': colours.outline, 'line-width': 2, 'line-dasharray': [3, 2] },
      },
      {
        id: 'city-districts',
        type: 'circle',
        source: 'city-districts',
        paint: { 'circle-radius': 3, 'circle-color': colours.district, 'circle-opacity': 0.6 },
      },
    ],
  };
}

/** The layers for the caller's points and the dropped pin, added on top of any style. */
export function overlayLayers(colours: StyleColours): CircleLayerSpecification[] {
  const selected: ExpressionSpecification = ['boolean', ['get', 'selected'], false];
  return [
    {
      id: 'confluentes-features',
      type: 'circle',
      source: FEATURE_SOURCE,
      paint: {
        'circle-radius': ['case', selected, 11, 7],
        'circle-color': ['get', 'colour'],
        'circle-stroke-color': colours.stroke,
        'circle-stroke-width': ['case', selected, 4, 2],
      },
    },
    {
      id: 'confluentes-pin',
      type: 'circle',
      source: PIN_SOURCE,
      paint: {
        'circle-radius': 10,
        'circle-color': colours.pin,
        'circle-stroke-color': colours.stroke,
        'circle-stroke-width': 3,
      },
    },
  ];
}

export function featureCollection(features: readonly MapFeature[], selectedId: string | null | undefined) {
  return {
    type: 'FeatureCollection' as const,
    features: features.map((f) => ({
      type: 'Feature' as const,
      properties: { id: f.id, colour: f.colour ?? '#0b55a6', selected: f.id === selectedId },
      geometry: { type: 'Point' as const, coordinates: [f.lng, f.lat] },
    })),
  };
}

export function pinCollection(pin: { lng: number; lat: number } | null | undefined) {
  return {
    type: 'FeatureCollection' as const,
    features: pin
      ? [{ type: 'Feature' as const, properties: {}, geometry: { type: 'Point' as const, coordinates: [pin.lng, pin.lat] } }]
      : [],
  };
}
