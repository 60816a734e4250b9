/** Public formats: ParkAPI v3 ParkingSite (the de-facto open format of German car-park data) and GeoJSON. */
import type { SiteView } from './parking.service.js';

const OPENING: Record<string, 'OPEN' | 'CLOSED' | 'UNKNOWN'> = { open: 'OPEN', full: 'OPEN', closed: 'CLOSED', unknown: 'UNKNOWN' };

/** ParkAPI v3 leaves out what is not known rather than sending null; lat/lon are decimal strings as in ParkAPI. */
export function parkApiSite(s: SiteView) {
  const restrictions = [
    ...(s.accessibleSpaces !== null ? [{ type: 'DISABLED', capacity: s.accessibleSpaces }] : []),
    ...(s.evChargers !== null ? [{ type: 'CHARGING', capacity: s.evChargers }] : []),
  ];
  const optional = {
    operator_name: s.operatorName,
    address: s.address,
    description: s.description,
    has_fee: s.hasFee,
    fee_description: s.feeDescription,
    opening_hours: s.openingHours,
    max_height: s.maxHeightCm,
    public_url: s.publicUrl,
    realtime_free_capacity: s.realtime.free,
    realtime_data_updated_at: s.realtime.updatedAt,
  };
  return {
    id: s.id,
    source_id: 1,
    original_uid: s.uid,
    name: s.name,
    type: s.type,
    purpose: 'CAR',
    lat: s.lat.toFixed(7),
    lon: s.lon.toFixed(7),
    capacity: s.capacity,
    has_realtime_data: true,
    realtime_capacity: s.capacity,
    realtime_opening_status: OPENING[s.realtime.status] ?? 'UNKNOWN',
    ...Object.fromEntries(Object.entries(optional).filter(([, v]) => v !== null)),
    ...(restrictions.length ? { restrictions } : {}),
    tags: [...(s.capacityEstimated ? ['CAPACITY_ESTIMATED'] : []), ...(s.simulated || s.realtime.simulated ? ['SIMULATED'] : [])],
    static_data_updated_at: s.staticUpdatedAt,
    modified_at: s.staticUpdatedAt,
  };
}

export function geoJson(sites: SiteView[]) {
  return {
    type: 'FeatureCollection' as const,
    features: sites.map((s) => ({
      type: 'Feature' as const,
      id: s.id,
      geometry: { type: 'Point' as const, coordinates: [s.lon, s.lat] },
      properties: {
        uid: s.uid,
        name: s.name,
        type: s.type,
        address: s.address,
        capacity: s.capacity,
        capacityEstimated: s.capacityEstimated,
        openingHours: s.openingHours,
        free: s.realtime.free,
        occupancyRate: s.realtime.occupancyRate,
        status: s.realtime.status,
        updatedAt: s.realtime.updatedAt,
        fresh: s.realtime.fresh,
        simulated: s.simulated || s.realtime.simulated,
      },
    })),
  };
}
