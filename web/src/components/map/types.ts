/** The map component's public shapes (kept free of MapLibre types so pages never import it eagerly). */
import type { ReactNode } from 'react';

export interface LngLat {
  lng: number;
  lat: number;
}

/** One point on the map. `colour` must be paired with text elsewhere (the list), never alone. */
export interface MapFeature extends LngLat {
  id: string;
  label: string;
  colour?: string;
}

/** Where the map looks: its centre, zoom and the bounds [west, south, east, north] of what is in view. */
export interface MapViewState {
  centre: LngLat;
  zoom: number;
  bounds: [number, number, number, number];
}

export interface MapViewProps {
  /** Accessible name of the map, e.g. "Karte der Meldungen". */
  label: string;
  features?: readonly MapFeature[];
  selectedId?: string | null;
  /** Called when a point is clicked (keyboard users pick from the list). */
  onSelect?: (id: string) => void;
  /** Turns on pin dropping: a click, a tap, or Enter/Space on the focused map (at its centre). */
  onPick?: (position: LngLat) => void;
  /** The dropped pin to show. */
  pin?: LngLat | null;
  /** Initial view; default: the features, else the city's bounding box. */
  centre?: LngLat;
  zoom?: number;
  /** false: a new set of points leaves the view where it is (default: the view fits the points). */
  fitToFeatures?: boolean;
  /** Called once the map is ready and after every move, e.g. to keep the view in the URL. */
  onViewChange?: (view: MapViewState) => void;
  /**
   * A popup at the selected point (whether chosen by click or from the list), brought into view.
   * Plain text only; the same facts must also be on the page beside the map.
   */
  popup?: { title: string; lines: readonly string[] } | null;
  /** The table or list with everything the map shows. Required: a map never stands alone. */
  alternative: ReactNode;
}
