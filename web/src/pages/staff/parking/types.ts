/** Shapes of the parking API answers the back office reads (see src/modules/parking/parking.schemas.ts). */

export const SITE_TYPES = ['CAR_PARK', 'UNDERGROUND', 'OFF_STREET_PARKING_GROUND', 'ON_STREET', 'OTHER'] as const;
export type SiteType = (typeof SITE_TYPES)[number];
export type SiteStatus = 'open' | 'closed' | 'full' | 'unknown';

export interface Entrance {
  name: string;
  lat: number;
  lon: number;
}

export interface Site {
  id: number;
  uid: string;
  name: string;
  type: string;
  operatorName: string | null;
  address: string | null;
  description: string | null;
  lat: number;
  lon: number;
  capacity: number;
  capacityEstimated: boolean;
  openingHours: string | null;
  hasFee: boolean | null;
  feeDescription: string | null;
  maxHeightCm: number | null;
  accessibleSpaces: number | null;
  evChargers: number | null;
  entrances: Entrance[];
  publicUrl: string | null;
  simulated: boolean;
  staticUpdatedAt: string;
  realtime: {
    free: number | null;
    occupancyRate: number | null;
    status: SiteStatus;
    updatedAt: string | null;
    fresh: boolean;
    simulated: boolean;
  };
}

export interface Source {
  id: number;
  name: string;
  url: string;
  intervalSeconds: number;
  uidPrefix: string;
  importSites: boolean;
  enabled: boolean;
  state: {
    consecutiveFailures: number;
    nextPollAt: string;
    lastPolledAt: string | null;
    lastSuccessAt: string | null;
    lastError: string | null;
    lastErrorAt: string | null;
    lastAccepted: number | null;
    lastRejected: number | null;
    failing: boolean;
  };
}

export interface Rejection {
  id: number;
  source: string;
  siteUid: string | null;
  field: string;
  reason: string;
  receivedAt: string;
}
