/**
 * The platform's map: a MapLibre map (its own lazily loaded chunk) that is keyboard-usable and
 * always comes with a list or table of what it shows (`alternative`, required). The base is the
 * built-in city style, or a self-hosted style when the installation configures MAP_STYLE_URL.
 *
 *   <MapView label="Karte der Meldungen" features={points} selectedId={id} onSelect={setId}
 *            alternative={<ReportTable … />} />
 *   <MapView label="Ort wählen" onPick={setPin} pin={pin} alternative={<CoordinateFields … />} />
 */
import { lazy, Suspense, useCallback, useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCity } from '../CityContext';
import { api } from '../../api/client';
import type { MapViewProps } from './types';
import './i18n';
import './map.css';

export type { LngLat, MapFeature, MapViewProps, MapViewState } from './types';

const MapCanvas = lazy(() => import('./MapCanvas'));

interface PlatformMap {
  map?: { styleUrl: string | null };
}

// One request per page load: every map on the page shares the answer.
let styleUrlPromise: Promise<string | null> | undefined;
function loadStyleUrl(): Promise<string | null> {
  styleUrlPromise ??= api<PlatformMap>('/api/platform')
    .then((p) => p.map?.styleUrl ?? null)
    .catch(() => null);
  return styleUrlPromise;
}

export function MapView({ alternative, ...props }: MapViewProps) {
  const { t } = useTranslation();
  const { city, error: cityError } = useCity();
  const hintId = useId();
  const [styleUrl, setStyleUrl] = useState<string | null | undefined>(undefined);
  const [unavailable, setUnavailable] = useState(false);
  const onUnavailable = useCallback(() => setUnavailable(true), []);

  useEffect(() => {
    let live = true;
    void loadStyleUrl().then((url) => live && setStyleUrl(url));
    return () => {
      live = false;
    };
  }, []);

  const loading = (
    <p className="map-view__message" role="status">
      {t('map.loading')}
    </p>
  );
  return (
    <div className="map-view">
      <div className="map-view__frame">
        {unavailable ? (
          <p className="map-view__message">{t('map.unavailable')}</p>
        ) : (city || cityError) && styleUrl !== undefined ? (
          <Suspense fallback={loading}>
            <MapCanvas {...props} city={city} styleUrl={styleUrl} describedBy={hintId} onUnavailable={onUnavailable} />
          </Suspense>
        ) : (
          loading
        )}
      </div>
      <p id={hintId} className="map-view__hint">
        {t('map.keys')} {props.onPick ? t('map.keysPick') : null}
      </p>
      {alternative}
    </div>
  );
}
