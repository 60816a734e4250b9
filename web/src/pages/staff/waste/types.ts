/** Shapes of the waste API answers the back office reads (see src/modules/waste/waste.schemas.ts). */

export const KINDS = ['glass', 'paper', 'residual', 'bio', 'textile'] as const;
export const CATEGORIES = ['fixed', 'ground', 'portable', 'underground', 'other'] as const;
/** The decoder registry of src/modules/waste/waste.decoders.ts. */
export const DECODERS = ['dragino-ldds75', 'milesight-em310-udl', 'confluentes-fill-v1', 'decoded'] as const;

export interface Container {
  id: number;
  uid: string;
  name: string;
  kind: string;
  category: string;
  volumeL: number;
  district: string | null;
  address: string | null;
  lat: number;
  lon: number;
  thresholdPct: number;
  pickupIntervalDays: number;
  dateLastEmptying: string | null;
  devEui: string | null;
  decoder: string | null;
  sensorDepthMm: number | null;
  simulated: boolean;
  fillPct: number | null;
  fillAt: string | null;
  batteryPct: number | null;
  temperatureC: number | null;
  fillRatePerDay: number | null;
  stale: boolean;
}

export interface Rules {
  thresholdPct: number;
  staleHours: number;
  sameValueCount: number;
  email: string | null;
}

export interface Alert {
  id: number;
  containerId: number;
  containerUid: string;
  containerName: string;
  kind: string;
  message: string;
  createdAt: string;
  resolvedAt: string | null;
  notifiedAt: string | null;
}

export interface WasteRejection {
  id: number;
  source: string;
  devEui: string | null;
  reason: string;
  receivedAt: string;
}

export interface Plan {
  date: string;
  depot: { lat: number; lon: number };
  method: string;
  distanceKm: number;
  simulated: boolean;
  stops: {
    order: number;
    id: number;
    uid: string;
    name: string;
    kind: string;
    district: string | null;
    address: string | null;
    fillPct: number;
    predictedPct: number;
    reason: string;
    nextRegularPickup: string;
    simulated: boolean;
  }[];
}
