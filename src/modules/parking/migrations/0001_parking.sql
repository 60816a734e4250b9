-- Car parks (Parkhäuser, Tiefgaragen, Parkplätze). Static data follows the ParkAPI v3 ParkingSite
-- shape; every car park is also a SensorThings Thing with three Datastreams (free spaces, occupancy
-- rate, status), whose ids are kept here. The realtime_* columns hold the newest reading so the
-- public endpoints answer from one table.
create table parking_sites (
  id bigserial primary key,
  uid text not null unique,
  name text not null,
  type text not null,
  operator_name text,
  address text,
  description text,
  geom geometry(Point, 4326) not null,
  capacity integer not null check (capacity >= 0),
  capacity_estimated boolean not null default false,
  opening_hours text,
  has_fee boolean,
  fee_description text,
  max_height_cm integer,
  accessible_spaces integer,
  ev_chargers integer,
  entrances jsonb not null default '[]',
  public_url text,
  simulated boolean not null default false,
  thing_id bigint,
  ds_free bigint,
  ds_rate bigint,
  ds_status bigint,
  realtime_free integer,
  realtime_status text,
  realtime_updated_at timestamptz,
  realtime_simulated boolean not null default false,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);

-- Running sums per hour of the week (0 = Monday 00:00–00:59 local time … 167): the history the
-- profile and the forecast need, without rescanning every Observation.
create table parking_hourly (
  site_id bigint not null references parking_sites (id) on delete cascade,
  how smallint not null check (how between 0 and 167),
  samples integer not null,
  sum_free double precision not null,
  sum_rate double precision not null,
  primary key (site_id, how)
);

-- Rejected input (negative counts, counts above capacity, unknown car parks): kept for the back
-- office so a broken controller is noticed, never stored as a reading.
create table parking_rejections (
  id bigserial primary key,
  source text not null,
  site_uid text,
  field text not null,
  reason text not null,
  received_at timestamptz not null default now()
);
create index parking_rejections_received on parking_rejections (received_at desc);
