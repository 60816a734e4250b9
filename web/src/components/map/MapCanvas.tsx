/**
 * The MapLibre part of the map component. It is its own chunk (loaded through React.lazy by
 * MapView), so MapLibre and its stylesheet never weigh on pages without a map. The worker script
 * is bundled and served from this origin, as the strict CSP requires.
 */
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  LngLatBounds,
  Map as MapLibre,
  NavigationControl,
  Popup,
  setWorkerUrl,
  type GeoJSONSource,
  type MapMouseEvent,
} from 'maplibre-gl';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import 'maplibre-gl/dist/maplibre-gl.css';
import {
  cityStyle,
  FEATURE_SOURCE,
  featureCollection,
  overlayLayers,
  PIN_SOURCE,
  pinCollection,
  schemeColours,
  type CityShape,
} from './style';
import type { LngLat, MapViewProps } from './types';
import './i18n';

setWorkerUrl(workerUrl);

export interface MapCanvasProps extends Omit<MapViewProps, 'alternative'> {
  city: CityShape | undefined;
  styleUrl: string | null;
  /** id of the visible keyboard hint, read out with the map's name. */
  describedBy: string;
  onUnavailable: () => void;
}

const round = (n: number) => Math.round(n * 1e6) / 1e6;

export default function MapCanvas(props: MapCanvasProps) {
  const { t } = useTranslation();
  const {
    label,
    features,
    selectedId,
    pin,
    centre,
    zoom,
    fitToFeatures = true,
    popup,
    city,
    styleUrl,
    describedBy,
    onUnavailable,
  } = props;
  const container = useRef<HTMLDivElement>(null);
  const mapRef = useRef<MapLibre | null>(null);
  const [ready, setReady] = useState(false);
  const [announcement, setAnnouncement] = useState('');
  // The map is created once; callbacks may change on every render, so it reads them from a ref.
  const latest = useRef(props);
  useEffect(() => {
    latest.current = props;
  });
  const picking = Boolean(props.onPick);

  useEffect(() => {
    const element = container.current;
    if (!element) return;
    const colours = schemeColours(document.documentElement);
    const [w, s, e, n] = city?.bbox ?? [];
    const cityBounds =
      w !== undefined && s !== undefined && e !== undefined && n !== undefined ? new LngLatBounds([w, s], [e, n]) : undefined;
    let map: MapLibre;
    try {
      map = new MapLibre({
        container: element,
        style: styleUrl ?? cityStyle(city, colours),
        ...(centre
          ? { center: [centre.lng, centre.lat] as [number, number], zoom: zoom ?? 15 }
          : cityBounds
            ? { bounds: cityBounds }
            : {}),
        attributionControl: styleUrl ? { compact: false } : false,
        fadeDuration: 0,
        locale: {
          'Map.Title': label,
          'NavigationControl.ZoomIn': t('map.zoomIn'),
          'NavigationControl.ZoomOut': t('map.zoomOut'),
          'NavigationControl.ResetBearing': t('map.resetNorth'),
        },
      });
    } catch {
      onUnavailable(); // no WebGL: the list beside the map still carries everything
      return;
    }
    mapRef.current = map;
    map.addControl(new NavigationControl({ showCompass: false }), 'top-right');
    map.on('error', (event) => {
      if (/webgl/i.test(String(event.error?.message))) onUnavailable();
    });
    map.on('load', () => {
      map.addSource(FEATURE_SOURCE, { type: 'geojson', data: featureCollection([], null) });
      map.addSource(PIN_SOURCE, { type: 'geojson', data: pinCollection(null) });
      for (const layer of overlayLayers(colours)) map.addLayer(layer);
      setReady(true);
      reportView();
    });
    function reportView() {
      const b = map.getBounds();
      const c = map.getCenter();
      latest.current.onViewChange?.({
        centre: { lng: round(c.lng), lat: round(c.lat) },
        zoom: Math.round(map.getZoom() * 100) / 100,
        bounds: [b.getWest(), b.getSouth(), b.getEast(), b.getNorth()],
      });
    }
    map.on('moveend', reportView);

    const pick = (position: LngLat) => {
      const onPick = latest.current.onPick;
      if (!onPick) return;
      const rounded = { lng: round(position.lng), lat: round(position.lat) };
      onPick(rounded);
      setAnnouncement(t('map.picked', { lat: rounded.lat, lng: rounded.lng }));
    };
    map.on('click', (event: MapMouseEvent) => {
      const hit = map.getLayer('confluentes-features')
        ? map.queryRenderedFeatures(event.point, { layers: ['confluentes-features'] })[0]
        : undefined;
      const id = hit?.properties['id'];
      if (typeof id === 'string' && latest.current.onSelect) latest.current.onSelect(id);
      else pick(event.lngLat);
    });
    // Keyboard pin dropping: the centre of the map (shown by the cross-hair) is the place.
    const canvas = map.getCanvas();
    canvas.setAttribute('aria-describedby', describedBy);
    const onKey = (event: KeyboardEvent) => {
      if ((event.key === 'Enter' || event.key === ' ') && latest.current.onPick) {
        event.preventDefault();
        pick(map.getCenter());
      }
    };
    canvas.addEventListener('keydown', onKey);
    return () => {
      canvas.removeEventListener('keydown', onKey);
      mapRef.current = null;
      setReady(false);
      map.remove();
    };
    // The map is rebuilt only when its base changes; label and view props are initial values.
  }, [city, styleUrl]);

  // The points, and the view fitted to them whenever the set of points changes.
  const ids = (features ?? []).map((f) => f.id).join(',');
  useEffect(() => {
    const map = mapRef.current;
    if (!ready || !map) return;
    (map.getSource(FEATURE_SOURCE) as GeoJSONSource | undefined)?.setData(featureCollection(features ?? [], selectedId));
  }, [ready, features, selectedId]);
  useEffect(() => {
    const map = mapRef.current;
    if (!ready || !map || centre || !fitToFeatures || !features?.length) return;
    const bounds = new LngLatBounds();
    for (const f of features) bounds.extend([f.lng, f.lat]);
    map.fitBounds(bounds, { padding: 40, maxZoom: 16, animate: false });
    // Only a new set of points moves the view; a new selection does not.
  }, [ready, ids]);

  // The popup of the selected point. Built from text nodes only, so no feature text can inject markup.
  const popupText = popup ? [popup.title, ...popup.lines].join('\n') : '';
  const feature = popup ? features?.find((f) => f.id === selectedId) : undefined;
  useEffect(() => {
    const map = mapRef.current;
    if (!ready || !map || !popup || !feature) return;
    const content = document.createElement('div');
    const title = content.appendChild(document.createElement('strong'));
    title.textContent = popup.title;
    for (const line of popup.lines) content.appendChild(document.createElement('p')).textContent = line;
    const open = new Popup({
      closeButton: false,
      closeOnClick: false,
      focusAfterOpen: false,
      maxWidth: '18rem',
      className: 'map-view__popup',
    })
      .setLngLat([feature.lng, feature.lat])
      .setDOMContent(content)
      .addTo(map);
    if (!map.getBounds().contains([feature.lng, feature.lat]))
      map.jumpTo({ center: [feature.lng, feature.lat], zoom: Math.max(map.getZoom(), 14) });
    return () => {
      open.remove();
    };
    // Rebuilt for a new selection, new text or a new position; other changes of the points leave it open.
  }, [ready, selectedId, popupText, feature?.lng, feature?.lat]);

  // The pin; a pin set from outside (location, typed coordinates) is brought into view.
  useEffect(() => {
    const map = mapRef.current;
    if (!ready || !map) return;
    (map.getSource(PIN_SOURCE) as GeoJSONSource | undefined)?.setData(pinCollection(pin));
    if (pin && !map.getBounds().contains([pin.lng, pin.lat]))
      map.jumpTo({ center: [pin.lng, pin.lat], zoom: Math.max(map.getZoom(), 15) });
  }, [ready, pin]);

  return (
    <>
      <div ref={container} className={picking ? 'map-view__canvas map-view__canvas--pick' : 'map-view__canvas'} />
      {picking ? <span className="map-view__crosshair" aria-hidden="true" /> : null}
      <p className="visually-hidden" aria-live="polite">
        {announcement}
      </p>
    </>
  );
}
