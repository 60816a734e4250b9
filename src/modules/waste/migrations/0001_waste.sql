-- Waste containers with fill-level sensors. Field meanings follow the FIWARE WasteContainer model
-- (data/smart-waste/); each container is also a SensorThings Thing with Datastreams for fill
-- level, battery and temperature, whose ids are kept here. fill_* hold the newest reading.
create table waste_containers (
  id bigserial primary key,
  uid text not null unique,
  name text not null,
  kind text not null check (kind in ('glass', 'paper', 'residual', 'bio', 'textile')),
  category text not null check (category in ('fixed', 'ground', 'portable', 'underground', 'other')),
  volume_l integer not null check (volume_l > 0),
  district text,
  address text,
  geom geometry(Point, 4326) not null,
  threshold_pct smallint check (threshold_pct between 1 and 100),
  pickup_interval_days smallint not null default 14 check (pickup_interval_days between 1 and 365),
  date_last_emptying timestamptz,
  dev_eui text unique,
  decoder text,
  sensor_depth_mm integer check (sensor_depth_mm > 0),
  simulated boolean not null default false,
  thing_id bigint,
  ds_fill bigint,
  ds_battery bigint,
  ds_temperature bigint,
  fill_pct real,
  fill_at timestamptz,
  battery_pct real,
  temperature_c real,
  same_count integer not null default 0,
  fill_rate_per_day real,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create index waste_containers_district on waste_containers (district);

-- Alert rules (one row): fill threshold, stale sensor after N hours, stuck sensor after M equal values.
create table waste_rules (
  id smallint primary key default 1 check (id = 1),
  threshold_pct smallint not null default 80,
  stale_hours integer not null,
  same_value_count integer not null default 12,
  email text,
  updated_at timestamptz not null default now()
);

create table waste_alerts (
  id bigserial primary key,
  container_id bigint not null references waste_containers (id) on delete cascade,
  kind text not null check (kind in ('threshold', 'stale', 'stuck')),
  message text not null,
  created_at timestamptz not null,
  resolved_at timestamptz,
  notified_at timestamptz
);
-- At most one open alert per container and kind: a full container is reported once, not per reading.
create unique index waste_alerts_open on waste_alerts (container_id, kind) where resolved_at is null;

-- Rejected uplinks (malformed payloads, unknown devices): visible in the back office, never readings.
create table waste_rejections (
  id bigserial primary key,
  source text not null,
  dev_eui text,
  reason text not null,
  received_at timestamptz not null default now()
);
