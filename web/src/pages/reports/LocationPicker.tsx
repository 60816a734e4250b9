/**
 * Where the problem is: a pin on the map (click, tap, or Enter at the cross-hair), the device's
 * location, typed coordinates, or an address. The coordinate fields are the map's text
 * alternative: they show the pin and set it. There is no geocoder in the platform, so a typed
 * address travels as Open311 `address_string` and staff place it.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Field } from '../../components/Field';
import { MapView, type LngLat } from '../../components/map/MapView';
import { StatusNotice } from '../../components/Notice';

export interface LocationValue {
  lat: string;
  long: string;
  address: string;
}

const DECIMAL = /^-?\d{1,3}(\.\d+)?$/;

/** The pin for valid coordinates, else null. */
export function pinOf(value: LocationValue): LngLat | null {
  const lat = value.lat.trim().replace(',', '.');
  const long = value.long.trim().replace(',', '.');
  if (!DECIMAL.test(lat) || !DECIMAL.test(long)) return null;
  return { lat: Number(lat), lng: Number(long) };
}

interface Props {
  value: LocationValue;
  onChange: (value: LocationValue) => void;
  errors: Record<string, string>;
}

export function LocationPicker({ value, onChange, errors }: Props) {
  const { t } = useTranslation();
  const [geoMessage, setGeoMessage] = useState('');
  const pin = pinOf(value);
  const setPin = (p: LngLat) => onChange({ ...value, lat: String(p.lat), long: String(p.lng) });

  function locate() {
    if (!('geolocation' in navigator)) {
      setGeoMessage(t('reports.form.geoUnsupported'));
      return;
    }
    setGeoMessage(t('reports.form.locating'));
    navigator.geolocation.getCurrentPosition(
      (position) => {
        const round = (n: number) => Math.round(n * 1e6) / 1e6;
        setPin({ lat: round(position.coords.latitude), lng: round(position.coords.longitude) });
        setGeoMessage(t('reports.form.located', { metres: Math.round(position.coords.accuracy) }));
      },
      (error) =>
        setGeoMessage(t(error.code === error.PERMISSION_DENIED ? 'reports.form.geoDenied' : 'reports.form.geoUnavailable')),
      { enableHighAccuracy: true, timeout: 15_000, maximumAge: 60_000 },
    );
  }

  return (
    <fieldset className="location">
      <legend>{t('reports.form.location')}</legend>
      <p className="field__hint">{t('reports.form.locationHint')}</p>
      <div className="location-tools">
        <button type="button" className="button button--secondary" onClick={locate}>
          {t('reports.form.useLocation')}
        </button>
        {pin ? (
          <button type="button" className="button button--link" onClick={() => onChange({ ...value, lat: '', long: '' })}>
            {t('reports.form.clearPin')}
          </button>
        ) : null}
      </div>
      <StatusNotice tone="info">{geoMessage || null}</StatusNotice>
      <MapView
        label={t('reports.form.mapLabel')}
        onPick={setPin}
        pin={pin}
        alternative={
          <>
            <p id="report-coords-hint" className="field__hint">
              {t('reports.form.coordsHint')}
            </p>
            <div className="coords">
              <CoordinateField
                id="report-lat"
                label={t('reports.form.lat')}
                error={errors['lat']}
                value={value.lat}
                onChange={(lat) => onChange({ ...value, lat })}
              />
              <CoordinateField
                id="report-long"
                label={t('reports.form.long')}
                error={errors['long']}
                value={value.long}
                onChange={(long) => onChange({ ...value, long })}
              />
            </div>
          </>
        }
      />
      <Field
        id="report-address"
        label={t('reports.form.address')}
        hint={t('reports.form.addressHint')}
        error={errors['address_string']}
      >
        {(control) => (
          <input
            {...control}
            type="text"
            autoComplete="street-address"
            maxLength={500}
            value={value.address}
            onChange={(e) => onChange({ ...value, address: e.target.value })}
          />
        )}
      </Field>
    </fieldset>
  );
}

function CoordinateField(props: {
  id: string;
  label: string;
  error: string | undefined;
  value: string;
  onChange: (value: string) => void;
}) {
  return (
    <Field id={props.id} label={props.label} error={props.error}>
      {(control) => (
        <input
          {...control}
          type="text"
          inputMode="decimal"
          autoComplete="off"
          value={props.value}
          aria-describedby={[control['aria-describedby'], 'report-coords-hint'].filter(Boolean).join(' ')}
          onChange={(e) => props.onChange(e.target.value)}
        />
      )}
    </Field>
  );
}
