/**
 * The car park form's state and its mapping to and from the API. Inputs hold what the person typed;
 * `toBody` turns it into the API's types and leaves range checks to the server, whose field errors
 * then appear beside the inputs. Entrances are typed one per line ("name; lat; lon").
 */
import { asText, fromYesNo, numberOrText, textOrNull, toYesNo } from '../shared/formValues';
import type { Site } from './types';

export interface SiteForm {
  uid: string;
  name: string;
  type: string;
  operatorName: string;
  address: string;
  description: string;
  publicUrl: string;
  lat: string;
  lon: string;
  entrances: string;
  capacity: string;
  capacityEstimated: boolean;
  accessibleSpaces: string;
  evChargers: string;
  maxHeightCm: string;
  openingHours: string;
  hasFee: string;
  feeDescription: string;
  simulated: boolean;
}

export const emptySite = (): SiteForm => ({
  uid: '',
  name: '',
  type: 'CAR_PARK',
  operatorName: '',
  address: '',
  description: '',
  publicUrl: '',
  lat: '',
  lon: '',
  entrances: '',
  capacity: '',
  capacityEstimated: false,
  accessibleSpaces: '',
  evChargers: '',
  maxHeightCm: '',
  openingHours: '',
  hasFee: '',
  feeDescription: '',
  simulated: false,
});

export function siteToForm(s: Site): SiteForm {
  return {
    uid: s.uid,
    name: s.name,
    type: s.type,
    operatorName: asText(s.operatorName),
    address: asText(s.address),
    description: asText(s.description),
    publicUrl: asText(s.publicUrl),
    lat: asText(s.lat),
    lon: asText(s.lon),
    entrances: s.entrances.map((e) => `${e.name}; ${e.lat}; ${e.lon}`).join('\n'),
    capacity: asText(s.capacity),
    capacityEstimated: s.capacityEstimated,
    accessibleSpaces: asText(s.accessibleSpaces),
    evChargers: asText(s.evChargers),
    maxHeightCm: asText(s.maxHeightCm),
    openingHours: asText(s.openingHours),
    hasFee: toYesNo(s.hasFee),
    feeDescription: asText(s.feeDescription),
    simulated: s.simulated,
  };
}

/** The entrances typed one per line, or the number (1-based) of the first line that is not "name; lat; lon". */
export function parseEntrances(
  text: string,
): { name: string; lat: number | string | null; lon: number | string | null }[] | { badLine: number } {
  const out = [];
  const lines = text.split('\n');
  for (const [i, line] of lines.entries()) {
    if (!line.trim()) continue;
    const parts = line.split(';').map((p) => p.trim());
    if (parts.length !== 3 || !parts[0] || !parts[1] || !parts[2]) return { badLine: i + 1 };
    out.push({ name: parts[0], lat: numberOrText(parts[1]), lon: numberOrText(parts[2]) });
  }
  return out;
}

export function siteToBody(
  f: SiteForm,
  entrances: { name: string; lat: number | string | null; lon: number | string | null }[],
  creating: boolean,
) {
  return {
    ...(creating ? { uid: f.uid.trim() } : {}),
    name: f.name.trim(),
    type: f.type,
    operatorName: textOrNull(f.operatorName),
    address: textOrNull(f.address),
    description: textOrNull(f.description),
    publicUrl: textOrNull(f.publicUrl),
    lat: numberOrText(f.lat),
    lon: numberOrText(f.lon),
    entrances,
    capacity: numberOrText(f.capacity),
    capacityEstimated: f.capacityEstimated,
    accessibleSpaces: numberOrText(f.accessibleSpaces),
    evChargers: numberOrText(f.evChargers),
    maxHeightCm: numberOrText(f.maxHeightCm),
    openingHours: textOrNull(f.openingHours),
    hasFee: fromYesNo(f.hasFee),
    feeDescription: textOrNull(f.feeDescription),
    simulated: f.simulated,
  };
}
