/**
 * The SensorThings data model as data: entity sets, their properties (with the SQL columns behind
 * them) and their relations (with the join behind each). The filter compiler, the query engine, the
 * presenter and the writers are all driven by this table, so adding a property is one line here.
 * Every identifier that reaches SQL comes from this file, never from a request.
 */

export type ValueType = 'id' | 'string' | 'number' | 'boolean' | 'datetime' | 'interval' | 'json' | 'geometry';

export interface PropDef {
  name: string;
  /** Column holding the value (interval: its start). */
  column: string;
  type: ValueType;
  /** interval: the column holding the end (null for an instant). */
  endColumn?: string;
  /** geometry: the GeoJSON lives in `column` (jsonb), the PostGIS geometry in this column. */
  geomColumn?: string;
  /** Must be given on create (and on PUT). */
  required?: boolean;
  /** Maintained by the server; ignored in create/update bodies. */
  readOnly?: boolean;
  /**
   * The column is NOT NULL: ordering by it needs no NULLS FIRST/LAST clause, which would keep
   * PostgreSQL from reading the order off an index ("latest n Observations" at 100 M rows).
   */
  notNull?: boolean;
}

export type RelDef =
  | { name: string; target: SetName; many: false; kind: 'fk'; column: string; inverse: string; optional?: boolean }
  | { name: string; target: SetName; many: true; kind: 'reverse'; column: string; inverse: string }
  | { name: string; target: SetName; many: true; kind: 'link'; table: string; from: string; to: string; inverse: string; rank?: string };

export interface EntityDef {
  set: SetName;
  /** Singular name, used for audit records and messages. */
  singular: string;
  table: string;
  props: PropDef[];
  rels: RelDef[];
}

export const SET_NAMES = [
  'Things',
  'Locations',
  'HistoricalLocations',
  'Datastreams',
  'MultiDatastreams',
  'Sensors',
  'ObservedProperties',
  'Observations',
  'FeaturesOfInterest',
] as const;
export type SetName = (typeof SET_NAMES)[number];

const id: PropDef = { name: 'id', column: 'id', type: 'id', readOnly: true, notNull: true };
const name: PropDef = { name: 'name', column: 'name', type: 'string', required: true };
const description: PropDef = { name: 'description', column: 'description', type: 'string', required: true };
const properties: PropDef = { name: 'properties', column: 'properties', type: 'json' };
const encodingType: PropDef = { name: 'encodingType', column: 'encoding_type', type: 'string', required: true };
const streamTimes: PropDef[] = [
  { name: 'observedArea', column: 'observed_area', geomColumn: 'observed_area_geom', type: 'geometry' },
  { name: 'phenomenonTime', column: 'phenomenon_time_start', endColumn: 'phenomenon_time_end', type: 'interval', readOnly: true },
  { name: 'resultTime', column: 'result_time_start', endColumn: 'result_time_end', type: 'interval', readOnly: true },
];

export const MODEL: Record<SetName, EntityDef> = {
  Things: {
    set: 'Things',
    singular: 'Thing',
    table: 'sensors_things',
    props: [id, name, description, properties],
    rels: [
      { name: 'Locations', target: 'Locations', many: true, kind: 'link', table: 'sensors_thing_locations', from: 'thing_id', to: 'location_id', inverse: 'Things' },
      { name: 'HistoricalLocations', target: 'HistoricalLocations', many: true, kind: 'reverse', column: 'thing_id', inverse: 'Thing' },
      { name: 'Datastreams', target: 'Datastreams', many: true, kind: 'reverse', column: 'thing_id', inverse: 'Thing' },
      { name: 'MultiDatastreams', target: 'MultiDatastreams', many: true, kind: 'reverse', column: 'thing_id', inverse: 'Thing' },
    ],
  },
  Locations: {
    set: 'Locations',
    singular: 'Location',
    table: 'sensors_locations',
    props: [id, name, description, encodingType, { name: 'location', column: 'location', geomColumn: 'geom', type: 'geometry', required: true }, properties],
    rels: [
      { name: 'Things', target: 'Things', many: true, kind: 'link', table: 'sensors_thing_locations', from: 'location_id', to: 'thing_id', inverse: 'Locations' },
      {
        name: 'HistoricalLocations',
        target: 'HistoricalLocations',
        many: true,
        kind: 'link',
        table: 'sensors_location_historical_locations',
        from: 'location_id',
        to: 'historical_location_id',
        inverse: 'Locations',
      },
    ],
  },
  HistoricalLocations: {
    set: 'HistoricalLocations',
    singular: 'HistoricalLocation',
    table: 'sensors_historical_locations',
    props: [id, { name: 'time', column: 'time', type: 'datetime', required: true }],
    rels: [
      { name: 'Thing', target: 'Things', many: false, kind: 'fk', column: 'thing_id', inverse: 'HistoricalLocations' },
      {
        name: 'Locations',
        target: 'Locations',
        many: true,
        kind: 'link',
        table: 'sensors_location_historical_locations',
        from: 'historical_location_id',
        to: 'location_id',
        inverse: 'HistoricalLocations',
      },
    ],
  },
  Datastreams: {
    set: 'Datastreams',
    singular: 'Datastream',
    table: 'sensors_datastreams',
    props: [
      id,
      name,
      description,
      { name: 'unitOfMeasurement', column: 'unit_of_measurement', type: 'json', required: true },
      { name: 'observationType', column: 'observation_type', type: 'string', required: true },
      ...streamTimes,
      properties,
    ],
    rels: [
      { name: 'Thing', target: 'Things', many: false, kind: 'fk', column: 'thing_id', inverse: 'Datastreams' },
      { name: 'Sensor', target: 'Sensors', many: false, kind: 'fk', column: 'sensor_id', inverse: 'Datastreams' },
      { name: 'ObservedProperty', target: 'ObservedProperties', many: false, kind: 'fk', column: 'observed_property_id', inverse: 'Datastreams' },
      { name: 'Observations', target: 'Observations', many: true, kind: 'reverse', column: 'datastream_id', inverse: 'Datastream' },
    ],
  },
  MultiDatastreams: {
    set: 'MultiDatastreams',
    singular: 'MultiDatastream',
    table: 'sensors_multi_datastreams',
    props: [
      id,
      name,
      description,
      { name: 'unitOfMeasurements', column: 'unit_of_measurements', type: 'json', required: true },
      { name: 'observationType', column: 'observation_type', type: 'string', required: true },
      { name: 'multiObservationDataTypes', column: 'multi_observation_data_types', type: 'json', required: true },
      ...streamTimes,
      properties,
    ],
    rels: [
      { name: 'Thing', target: 'Things', many: false, kind: 'fk', column: 'thing_id', inverse: 'MultiDatastreams' },
      { name: 'Sensor', target: 'Sensors', many: false, kind: 'fk', column: 'sensor_id', inverse: 'MultiDatastreams' },
      {
        name: 'ObservedProperties',
        target: 'ObservedProperties',
        many: true,
        kind: 'link',
        table: 'sensors_multi_datastream_observed_properties',
        from: 'multi_datastream_id',
        to: 'observed_property_id',
        inverse: 'MultiDatastreams',
        rank: 'rank',
      },
      { name: 'Observations', target: 'Observations', many: true, kind: 'reverse', column: 'multi_datastream_id', inverse: 'MultiDatastream' },
    ],
  },
  Sensors: {
    set: 'Sensors',
    singular: 'Sensor',
    table: 'sensors_sensors',
    props: [id, name, description, encodingType, { name: 'metadata', column: 'metadata', type: 'json', required: true }, properties],
    rels: [
      { name: 'Datastreams', target: 'Datastreams', many: true, kind: 'reverse', column: 'sensor_id', inverse: 'Sensor' },
      { name: 'MultiDatastreams', target: 'MultiDatastreams', many: true, kind: 'reverse', column: 'sensor_id', inverse: 'Sensor' },
    ],
  },
  ObservedProperties: {
    set: 'ObservedProperties',
    singular: 'ObservedProperty',
    table: 'sensors_observed_properties',
    props: [id, name, { name: 'definition', column: 'definition', type: 'string', required: true }, description, properties],
    rels: [
      { name: 'Datastreams', target: 'Datastreams', many: true, kind: 'reverse', column: 'observed_property_id', inverse: 'ObservedProperty' },
      {
        name: 'MultiDatastreams',
        target: 'MultiDatastreams',
        many: true,
        kind: 'link',
        table: 'sensors_multi_datastream_observed_properties',
        from: 'observed_property_id',
        to: 'multi_datastream_id',
        inverse: 'ObservedProperties',
      },
    ],
  },
  Observations: {
    set: 'Observations',
    singular: 'Observation',
    table: 'sensors_observations',
    props: [
      id,
      { name: 'phenomenonTime', column: 'phenomenon_time_start', endColumn: 'phenomenon_time_end', type: 'interval', notNull: true },
      { name: 'resultTime', column: 'result_time', type: 'datetime' },
      { name: 'result', column: 'result', type: 'json', required: true },
      { name: 'resultQuality', column: 'result_quality', type: 'json' },
      { name: 'validTime', column: 'valid_time_start', endColumn: 'valid_time_end', type: 'interval' },
      { name: 'parameters', column: 'parameters', type: 'json' },
    ],
    rels: [
      { name: 'Datastream', target: 'Datastreams', many: false, kind: 'fk', column: 'datastream_id', inverse: 'Observations', optional: true },
      { name: 'MultiDatastream', target: 'MultiDatastreams', many: false, kind: 'fk', column: 'multi_datastream_id', inverse: 'Observations', optional: true },
      { name: 'FeatureOfInterest', target: 'FeaturesOfInterest', many: false, kind: 'fk', column: 'feature_of_interest_id', inverse: 'Observations' },
    ],
  },
  FeaturesOfInterest: {
    set: 'FeaturesOfInterest',
    singular: 'FeatureOfInterest',
    table: 'sensors_features_of_interest',
    props: [id, name, description, encodingType, { name: 'feature', column: 'feature', geomColumn: 'geom', type: 'geometry', required: true }, properties],
    rels: [{ name: 'Observations', target: 'Observations', many: true, kind: 'reverse', column: 'feature_of_interest_id', inverse: 'FeatureOfInterest' }],
  },
};

export const isSetName = (s: string): s is SetName => (SET_NAMES as readonly string[]).includes(s);
export const findProp = (def: EntityDef, n: string): PropDef | undefined => def.props.find((p) => p.name === n || (n === '@iot.id' && p.name === 'id'));
export const findRel = (def: EntityDef, n: string): RelDef | undefined => def.rels.find((r) => r.name === n);

/** Columns a query must read to present an entity (and to build its MQTT navigation topics). */
export function readColumns(def: EntityDef): string[] {
  const cols = new Set<string>();
  for (const p of def.props) {
    cols.add(p.column);
    if (p.endColumn) cols.add(p.endColumn);
  }
  for (const r of def.rels) if (r.kind === 'fk') cols.add(r.column);
  return [...cols];
}

export const GEOJSON_TYPES = ['application/geo+json', 'application/vnd.geo+json'];
export const OBSERVATION_TYPE_PREFIX = 'http://www.opengis.net/def/observationType/OGC-OM/2.0/';
