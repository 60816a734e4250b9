-- OGC SensorThings API 1.1 (Sensing + MultiDatastream). Numeric ids (ets-sta10 parses them as
-- long). GeoJSON is kept verbatim in jsonb for output and mirrored into a PostGIS geometry
-- (SRID 4326) that every spatial filter uses.

create table sensors_things (
  id bigserial primary key,
  name text not null,
  description text not null,
  properties jsonb
);

create table sensors_locations (
  id bigserial primary key,
  name text not null,
  description text not null,
  encoding_type text not null,
  location jsonb not null,
  geom geometry(Geometry, 4326),
  properties jsonb
);
create index sensors_locations_geom on sensors_locations using gist (geom);

create table sensors_thing_locations (
  thing_id bigint not null references sensors_things (id) on delete cascade,
  location_id bigint not null references sensors_locations (id) on delete cascade,
  primary key (thing_id, location_id)
);
create index sensors_thing_locations_location on sensors_thing_locations (location_id);

create table sensors_historical_locations (
  id bigserial primary key,
  thing_id bigint not null references sensors_things (id) on delete cascade,
  time timestamptz not null
);
create index sensors_historical_locations_thing on sensors_historical_locations (thing_id, time desc);

create table sensors_location_historical_locations (
  location_id bigint not null references sensors_locations (id) on delete cascade,
  historical_location_id bigint not null references sensors_historical_locations (id) on delete cascade,
  primary key (location_id, historical_location_id)
);
create index sensors_location_hl_hl on sensors_location_historical_locations (historical_location_id);

create table sensors_sensors (
  id bigserial primary key,
  name text not null,
  description text not null,
  encoding_type text not null,
  metadata jsonb not null,
  properties jsonb
);

create table sensors_observed_properties (
  id bigserial primary key,
  name text not null,
  definition text not null,
  description text not null,
  properties jsonb
);

create table sensors_datastreams (
  id bigserial primary key,
  name text not null,
  description text not null,
  unit_of_measurement jsonb not null,
  observation_type text not null,
  observed_area jsonb,
  observed_area_geom geometry(Geometry, 4326),
  -- Maintained by the service once per ingested batch (not per row: that trigger pattern is what
  -- makes FROST's bulk imports slow).
  phenomenon_time_start timestamptz,
  phenomenon_time_end timestamptz,
  result_time_start timestamptz,
  result_time_end timestamptz,
  properties jsonb,
  -- Days to keep observations; null keeps them forever (see docs/standards/sensorthings.md).
  retention_days integer,
  thing_id bigint not null references sensors_things (id) on delete cascade,
  sensor_id bigint not null references sensors_sensors (id) on delete cascade,
  observed_property_id bigint not null references sensors_observed_properties (id) on delete cascade
);
create index sensors_datastreams_thing on sensors_datastreams (thing_id);
create index sensors_datastreams_sensor on sensors_datastreams (sensor_id);
create index sensors_datastreams_op on sensors_datastreams (observed_property_id);
create index sensors_datastreams_service on sensors_datastreams ((properties ->> 'serviceName'), (properties ->> 'layerName'));

create table sensors_multi_datastreams (
  id bigserial primary key,
  name text not null,
  description text not null,
  unit_of_measurements jsonb not null,
  observation_type text not null,
  multi_observation_data_types jsonb not null,
  observed_area jsonb,
  observed_area_geom geometry(Geometry, 4326),
  phenomenon_time_start timestamptz,
  phenomenon_time_end timestamptz,
  result_time_start timestamptz,
  result_time_end timestamptz,
  properties jsonb,
  retention_days integer,
  thing_id bigint not null references sensors_things (id) on delete cascade,
  sensor_id bigint not null references sensors_sensors (id) on delete cascade
);
create index sensors_multi_datastreams_thing on sensors_multi_datastreams (thing_id);
create index sensors_multi_datastreams_sensor on sensors_multi_datastreams (sensor_id);

-- Ordered: position i of every result array belongs to the ObservedProperty of rank i.
create table sensors_multi_datastream_observed_properties (
  multi_datastream_id bigint not null references sensors_multi_datastreams (id) on delete cascade,
  observed_property_id bigint not null references sensors_observed_properties (id) on delete cascade,
  rank integer not null,
  primary key (multi_datastream_id, rank)
);
create index sensors_md_op_op on sensors_multi_datastream_observed_properties (observed_property_id);

create table sensors_features_of_interest (
  id bigserial primary key,
  name text not null,
  description text not null,
  encoding_type text not null,
  feature jsonb not null,
  geom geometry(Geometry, 4326),
  properties jsonb,
  -- Set when the service generated this feature from a Thing's Location, so it can be reused.
  generated_from_location_id bigint references sensors_locations (id) on delete set null
);
create index sensors_foi_geom on sensors_features_of_interest using gist (geom);
create index sensors_foi_generated on sensors_features_of_interest (generated_from_location_id);

create table sensors_observations (
  id bigserial primary key,
  phenomenon_time_start timestamptz not null,
  phenomenon_time_end timestamptz,
  result_time timestamptz,
  result jsonb,
  result_quality jsonb,
  valid_time_start timestamptz,
  valid_time_end timestamptz,
  parameters jsonb,
  datastream_id bigint references sensors_datastreams (id) on delete cascade,
  multi_datastream_id bigint references sensors_multi_datastreams (id) on delete cascade,
  feature_of_interest_id bigint not null references sensors_features_of_interest (id) on delete cascade,
  constraint sensors_observations_one_stream check ((datastream_id is null) <> (multi_datastream_id is null))
);
-- "Latest n of a datastream" and time-range reads are one backward/forward index range scan.
create index sensors_observations_ds_time on sensors_observations (datastream_id, phenomenon_time_start desc, id desc);
create index sensors_observations_mds_time on sensors_observations (multi_datastream_id, phenomenon_time_start desc, id desc)
  where multi_datastream_id is not null;
create index sensors_observations_foi on sensors_observations (feature_of_interest_id);
