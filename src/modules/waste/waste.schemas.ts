/** TypeBox schemas of the waste API: request checks and response allow-lists. */
import { Type } from 'typebox';
import { Nullable } from '../../platform/http/schemas.js';
import { CATEGORIES, KINDS } from './waste.service.js';

const literals = (values: readonly string[]) => Type.Union(values.map((v) => Type.Literal(v)));

export const ContainerInputSchema = Type.Object(
  {
    uid: Type.Optional(Type.String({ pattern: '^[A-Za-z0-9._:-]{1,200}$', description: 'NGSI entity id; generated when absent' })),
    name: Type.String({ minLength: 1, maxLength: 200 }),
    kind: literals(KINDS),
    category: literals(CATEGORIES),
    volumeL: Type.Integer({ minimum: 1, maximum: 100_000 }),
    district: Type.Optional(Nullable(Type.String({ maxLength: 100 }))),
    address: Type.Optional(Nullable(Type.String({ maxLength: 300 }))),
    lat: Type.Number({ minimum: -90, maximum: 90 }),
    lon: Type.Number({ minimum: -180, maximum: 180 }),
    thresholdPct: Type.Optional(Nullable(Type.Integer({ minimum: 1, maximum: 100 }))),
    pickupIntervalDays: Type.Optional(Type.Integer({ minimum: 1, maximum: 365 })),
    devEui: Type.Optional(Nullable(Type.String({ pattern: '^[0-9A-Fa-f]{16}$' }))),
    decoder: Type.Optional(Nullable(Type.String({ maxLength: 50 }))),
    sensorDepthMm: Type.Optional(Nullable(Type.Integer({ minimum: 100, maximum: 10_000 }))),
    simulated: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
);
export const ContainerPatchSchema = Type.Partial(Type.Omit(ContainerInputSchema, ['uid']), { additionalProperties: false });

export const ContainerSchema = Type.Object({
  id: Type.Integer(),
  uid: Type.String(),
  name: Type.String(),
  kind: Type.String(),
  category: Type.String(),
  storedWasteKind: Type.String(),
  volumeL: Type.Integer(),
  district: Nullable(Type.String()),
  address: Nullable(Type.String()),
  lat: Type.Number(),
  lon: Type.Number(),
  thresholdPct: Type.Integer(),
  pickupIntervalDays: Type.Integer(),
  dateLastEmptying: Nullable(Type.String()),
  devEui: Nullable(Type.String()),
  decoder: Nullable(Type.String()),
  sensorDepthMm: Nullable(Type.Integer()),
  simulated: Type.Boolean(),
  thingId: Nullable(Type.Integer()),
  fillPct: Nullable(Type.Number()),
  fillAt: Nullable(Type.String()),
  batteryPct: Nullable(Type.Number()),
  temperatureC: Nullable(Type.Number()),
  fillRatePerDay: Nullable(Type.Number()),
  stale: Type.Boolean(),
});

/** The Things Stack v3 uplink webhook (only what we read is checked; the rest passes untouched). */
export const TtsUplinkSchema = Type.Object({
  end_device_ids: Type.Object({ device_id: Type.String({ maxLength: 100 }), dev_eui: Type.Optional(Type.String({ maxLength: 32 })) }),
  received_at: Type.Optional(Type.String({ format: 'date-time' })),
  uplink_message: Type.Optional(
    Type.Object({
      f_port: Type.Optional(Type.Integer()),
      frm_payload: Type.Optional(Type.String({ maxLength: 1000 })),
      decoded_payload: Type.Optional(Type.Record(Type.String(), Type.Unknown())),
      received_at: Type.Optional(Type.String({ format: 'date-time' })),
    }),
  ),
});

export const UplinkResult = Type.Object({ containerId: Type.Integer(), fillPct: Type.Number(), alerts: Type.Array(Type.String()) });

export const RulesSchema = Type.Object(
  {
    thresholdPct: Type.Integer({ minimum: 1, maximum: 100 }),
    staleHours: Type.Integer({ minimum: 1, maximum: 8760 }),
    sameValueCount: Type.Integer({ minimum: 2, maximum: 1000 }),
    email: Nullable(Type.String({ format: 'email', maxLength: 254 })),
  },
  { additionalProperties: false },
);

export const AlertSchema = Type.Object({
  id: Type.Integer(),
  containerId: Type.Integer(),
  containerUid: Type.String(),
  containerName: Type.String(),
  kind: Type.String(),
  message: Type.String(),
  createdAt: Type.String(),
  resolvedAt: Nullable(Type.String()),
  notifiedAt: Nullable(Type.String()),
});

export const RejectionSchema = Type.Object({ id: Type.Integer(), source: Type.String(), devEui: Nullable(Type.String()), reason: Type.String(), receivedAt: Type.String() });

export const PlanQuery = Type.Object({
  date: Type.String({ format: 'date', description: 'day of the tour, YYYY-MM-DD' }),
  depotLat: Type.Optional(Type.Number({ minimum: -90, maximum: 90 })),
  depotLon: Type.Optional(Type.Number({ minimum: -180, maximum: 180 })),
  kind: Type.Optional(literals(KINDS)),
  district: Type.Optional(Type.String({ maxLength: 100 })),
});

export const PlanSchema = Type.Object({
  date: Type.String(),
  depot: Type.Object({ lat: Type.Number(), lon: Type.Number() }),
  method: Type.String(),
  distanceKm: Type.Number(),
  simulated: Type.Boolean(),
  stops: Type.Array(
    Type.Object({
      order: Type.Integer(),
      id: Type.Integer(),
      uid: Type.String(),
      name: Type.String(),
      kind: Type.String(),
      district: Nullable(Type.String()),
      address: Nullable(Type.String()),
      lat: Type.Number(),
      lon: Type.Number(),
      fillPct: Type.Number(),
      predictedPct: Type.Number(),
      reason: Type.String(),
      nextRegularPickup: Type.String(),
      simulated: Type.Boolean(),
    }),
  ),
});

export const NgsiEntitySchema = Type.Object({
  id: Type.String(),
  type: Type.Literal('WasteContainer'),
  name: Type.String(),
  location: Type.Object({ type: Type.String(), coordinates: Type.Array(Type.Number()) }),
  address: Type.Optional(Type.Object({ streetAddress: Type.String(), addressLocality: Type.String(), addressCountry: Type.String() })),
  areaServed: Type.Optional(Type.String()),
  category: Type.Array(Type.String()),
  storedWasteKind: Type.Array(Type.String()),
  storedWasteOrigin: Type.String(),
  binCapacity: Type.Integer(),
  binFullnessThreshold: Type.Integer(),
  fillingLevel: Type.Optional(Type.Number()),
  temperature: Type.Optional(Type.Number()),
  dateObserved: Type.Optional(Type.String()),
  binLoggedTime: Type.Optional(Type.String()),
  dateLastEmptying: Type.Optional(Type.String()),
  status: Type.String(),
  refDevice: Type.Optional(Type.Array(Type.String())),
  dataProvider: Type.String(),
  dateCreated: Type.String(),
  dateModified: Type.String(),
});

export const SummarySchema = Type.Object({
  containers: Type.Integer(),
  withSensor: Type.Integer(),
  aboveThreshold: Type.Integer(),
  staleSensors: Type.Integer(),
  openAlerts: Type.Integer(),
  simulated: Type.Boolean(),
  needingPickup: Type.Array(
    Type.Object({ id: Type.Integer(), name: Type.String(), kind: Type.String(), district: Nullable(Type.String()), fillPct: Type.Number(), predictedPct: Type.Number(), reason: Type.String() }),
  ),
});
