/**
 * The container form's state and its mapping to and from the API. Inputs hold what the person typed;
 * range checks are the server's, whose field errors appear beside the inputs.
 */
import { asText, numberOrText, textOrNull } from '../shared/formValues';
import type { Container } from './types';

export interface ContainerForm {
  uid: string;
  name: string;
  kind: string;
  category: string;
  volumeL: string;
  simulated: boolean;
  district: string;
  address: string;
  lat: string;
  lon: string;
  thresholdPct: string;
  pickupIntervalDays: string;
  devEui: string;
  decoder: string;
  sensorDepthMm: string;
}

export const emptyContainer = (): ContainerForm => ({
  uid: '',
  name: '',
  kind: 'glass',
  category: 'ground',
  volumeL: '',
  simulated: false,
  district: '',
  address: '',
  lat: '',
  lon: '',
  thresholdPct: '',
  pickupIntervalDays: '',
  devEui: '',
  decoder: '',
  sensorDepthMm: '',
});

export function containerToForm(c: Container): ContainerForm {
  return {
    uid: c.uid,
    name: c.name,
    kind: c.kind,
    category: c.category,
    volumeL: asText(c.volumeL),
    simulated: c.simulated,
    district: asText(c.district),
    address: asText(c.address),
    lat: asText(c.lat),
    lon: asText(c.lon),
    thresholdPct: asText(c.thresholdPct),
    pickupIntervalDays: asText(c.pickupIntervalDays),
    devEui: asText(c.devEui),
    decoder: asText(c.decoder),
    sensorDepthMm: asText(c.sensorDepthMm),
  };
}

export function containerToBody(f: ContainerForm, creating: boolean) {
  const interval = numberOrText(f.pickupIntervalDays);
  return {
    // An empty uid on creation lets the server generate one; it cannot change afterwards.
    ...(creating && f.uid.trim() ? { uid: f.uid.trim() } : {}),
    name: f.name.trim(),
    kind: f.kind,
    category: f.category,
    volumeL: numberOrText(f.volumeL),
    simulated: f.simulated,
    district: textOrNull(f.district),
    address: textOrNull(f.address),
    lat: numberOrText(f.lat),
    lon: numberOrText(f.lon),
    thresholdPct: numberOrText(f.thresholdPct),
    // Not nullable in the API: empty keeps the stored (or default) interval.
    ...(interval === null ? {} : { pickupIntervalDays: interval }),
    devEui: textOrNull(f.devEui),
    decoder: textOrNull(f.decoder),
    sensorDepthMm: numberOrText(f.sensorDepthMm),
  };
}
