/** TypeBox schemas of the parking API: request checks and response allow-lists. */
import { Type } from 'typebox';
import { Nullable } from '../../platform/http/schemas.js';

const Entrance = Type.Object({ name: Type.String({ minLength: 1, maxLength: 200 }), lat: Type.Number({ minimum: -90, maximum: 90 }), lon: Type.Number({ minimum: -180, maximum: 180 }) });
export const SITE_TYPES = ['CAR_PARK', 'UNDERGROUND', 'OFF_STREET_PARKING_GROUND', 'ON_STREET', 'OTHER'] as const;

export const SiteInputSchema = Type.Object(
  {
    uid: Type.String({ pattern: '^[A-Za-z0-9._:-]{1,100}$', description: 'stable id used by the guidance system and ParkAPI original_uid' }),
    name: Type.String({ minLength: 1, maxLength: 200 }),
    type: Type.Union(SITE_TYPES.map((t) => Type.Literal(t))),
    operatorName: Type.Optional(Nullable(Type.String({ maxLength: 200 }))),
    address: Type.Optional(Nullable(Type.String({ maxLength: 300 }))),
    description: Type.Optional(Nullable(Type.String({ maxLength: 2000 }))),
    lat: Type.Number({ minimum: -90, maximum: 90 }),
    lon: Type.Number({ minimum: -180, maximum: 180 }),
    capacity: Type.Integer({ minimum: 0, maximum: 100_000 }),
    capacityEstimated: Type.Optional(Type.Boolean()),
    openingHours: Type.Optional(Nullable(Type.String({ maxLength: 300, description: 'OSM opening_hours syntax, e.g. 24/7' }))),
    hasFee: Type.Optional(Nullable(Type.Boolean())),
    feeDescription: Type.Optional(Nullable(Type.String({ maxLength: 1000 }))),
    maxHeightCm: Type.Optional(Nullable(Type.Integer({ minimum: 100, maximum: 1000 }))),
    accessibleSpaces: Type.Optional(Nullable(Type.Integer({ minimum: 0, maximum: 100_000 }))),
    evChargers: Type.Optional(Nullable(Type.Integer({ minimum: 0, maximum: 100_000 }))),
    entrances: Type.Optional(Type.Array(Entrance, { maxItems: 20 })),
    publicUrl: Type.Optional(Nullable(Type.String({ format: 'uri', maxLength: 500 }))),
    simulated: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
);

export const SitePatchSchema = Type.Partial(Type.Omit(SiteInputSchema, ['uid']), { additionalProperties: false });

const Status = Type.Union([Type.Literal('open'), Type.Literal('closed'), Type.Literal('full'), Type.Literal('unknown')]);

export const Realtime = Type.Object({
  free: Nullable(Type.Integer()),
  occupancyRate: Nullable(Type.Number()),
  status: Status,
  updatedAt: Nullable(Type.String()),
  fresh: Type.Boolean(),
  simulated: Type.Boolean(),
});

export const SiteSchema = Type.Object({
  id: Type.Integer(),
  uid: Type.String(),
  name: Type.String(),
  type: Type.String(),
  operatorName: Nullable(Type.String()),
  address: Nullable(Type.String()),
  description: Nullable(Type.String()),
  lat: Type.Number(),
  lon: Type.Number(),
  capacity: Type.Integer(),
  capacityEstimated: Type.Boolean(),
  openingHours: Nullable(Type.String()),
  hasFee: Nullable(Type.Boolean()),
  feeDescription: Nullable(Type.String()),
  maxHeightCm: Nullable(Type.Integer()),
  accessibleSpaces: Nullable(Type.Integer()),
  evChargers: Nullable(Type.Integer()),
  entrances: Type.Array(Entrance),
  publicUrl: Nullable(Type.String()),
  simulated: Type.Boolean(),
  thingId: Nullable(Type.Integer()),
  staticUpdatedAt: Type.String(),
  realtime: Realtime,
});

export const ReadingSchema = Type.Object(
  {
    uid: Type.String({ minLength: 1, maxLength: 100 }),
    free: Type.Optional(Type.Integer({ description: 'free spaces; negative or above capacity is rejected' })),
    occupied: Type.Optional(Type.Integer({ description: 'occupied spaces, instead of free' })),
    status: Type.Optional(Status),
    at: Type.Optional(Type.String({ format: 'date-time', description: 'time of the count; default: arrival' })),
  },
  { additionalProperties: false },
);

export const PushResult = Type.Object({ accepted: Type.Integer() });

export const ParkApiSiteSchema = Type.Object({
  id: Type.Integer(),
  source_id: Type.Integer(),
  original_uid: Type.String(),
  name: Type.String(),
  type: Type.String(),
  purpose: Type.String(),
  lat: Type.String(),
  lon: Type.String(),
  capacity: Type.Integer(),
  has_realtime_data: Type.Boolean(),
  realtime_capacity: Type.Integer(),
  realtime_opening_status: Type.String(),
  realtime_free_capacity: Type.Optional(Type.Integer()),
  realtime_data_updated_at: Type.Optional(Type.String()),
  operator_name: Type.Optional(Type.String()),
  address: Type.Optional(Type.String()),
  description: Type.Optional(Type.String()),
  has_fee: Type.Optional(Type.Boolean()),
  fee_description: Type.Optional(Type.String()),
  opening_hours: Type.Optional(Type.String()),
  max_height: Type.Optional(Type.Integer()),
  public_url: Type.Optional(Type.String()),
  restrictions: Type.Optional(Type.Array(Type.Object({ type: Type.String(), capacity: Type.Integer() }))),
  tags: Type.Array(Type.String()),
  static_data_updated_at: Type.String(),
  modified_at: Type.String(),
});

export const GeoJsonSchema = Type.Object({
  type: Type.Literal('FeatureCollection'),
  features: Type.Array(
    Type.Object({
      type: Type.Literal('Feature'),
      id: Type.Integer(),
      geometry: Type.Object({ type: Type.Literal('Point'), coordinates: Type.Array(Type.Number()) }),
      properties: Type.Object({
        uid: Type.String(),
        name: Type.String(),
        type: Type.String(),
        address: Nullable(Type.String()),
        capacity: Type.Integer(),
        capacityEstimated: Type.Boolean(),
        openingHours: Nullable(Type.String()),
        free: Nullable(Type.Integer()),
        occupancyRate: Nullable(Type.Number()),
        status: Type.String(),
        updatedAt: Nullable(Type.String()),
        fresh: Type.Boolean(),
        simulated: Type.Boolean(),
      }),
    }),
  ),
});

export const ProfileSchema = Type.Object({
  id: Type.Integer(),
  capacity: Type.Integer(),
  timeZone: Type.String(),
  simulated: Type.Boolean(),
  hours: Type.Array(
    Type.Object({
      hourOfWeek: Type.Integer(),
      weekday: Type.Integer({ description: '0 = Monday' }),
      hour: Type.Integer(),
      samples: Type.Integer(),
      meanFree: Nullable(Type.Number()),
      meanOccupancyRate: Nullable(Type.Number()),
    }),
  ),
});

export const ForecastSchema = Type.Object({
  id: Type.Integer(),
  method: Type.String(),
  simulated: Type.Boolean(),
  basedOn: Nullable(Type.Object({ free: Type.Integer(), at: Type.String() })),
  points: Type.Array(Type.Object({ minutes: Type.Integer(), at: Type.String(), free: Type.Integer() })),
});

export const SummarySchema = Type.Object({
  totalFree: Type.Integer(),
  totalCapacity: Type.Integer(),
  freshSites: Type.Integer(),
  simulated: Type.Boolean(),
  sites: Type.Array(Type.Object({ id: Type.Integer(), name: Type.String(), capacity: Type.Integer(), capacityEstimated: Type.Boolean(), ...Realtime.properties })),
});

export const RejectionSchema = Type.Object({
  id: Type.Integer(),
  source: Type.String(),
  siteUid: Nullable(Type.String()),
  field: Type.String(),
  reason: Type.String(),
  receivedAt: Type.String(),
});

export const SourceInputSchema = Type.Object(
  {
    name: Type.String({ minLength: 1, maxLength: 200 }),
    url: Type.String({ minLength: 8, maxLength: 2000, description: 'ParkAPI v3 parking-sites URL, e.g. https://api.example.org/parkapi/v3/parking-sites' }),
    intervalSeconds: Type.Integer({ minimum: 30, maximum: 86_400, description: 'polling interval; failures back off up to one hour' }),
    uidPrefix: Type.Optional(Type.String({ pattern: '^[A-Za-z0-9._:-]{0,40}$', description: 'put before original_uid to form our uid' })),
    importSites: Type.Optional(Type.Boolean({ description: 'create car parks the platform does not know yet from the source’s static data' })),
    enabled: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
);
export const SourcePatchSchema = Type.Partial(SourceInputSchema, { additionalProperties: false });

export const SourceSchema = Type.Object({
  id: Type.Integer(),
  name: Type.String(),
  url: Type.String(),
  intervalSeconds: Type.Integer(),
  uidPrefix: Type.String(),
  importSites: Type.Boolean(),
  enabled: Type.Boolean(),
  state: Type.Object({
    consecutiveFailures: Type.Integer(),
    nextPollAt: Type.String({ format: 'date-time' }),
    lastPolledAt: Nullable(Type.String({ format: 'date-time' })),
    lastSuccessAt: Nullable(Type.String({ format: 'date-time' })),
    lastError: Nullable(Type.String()),
    lastErrorAt: Nullable(Type.String({ format: 'date-time' })),
    lastAccepted: Nullable(Type.Integer()),
    lastRejected: Nullable(Type.Integer()),
    failing: Type.Boolean(),
  }),
});
