-- ParkAPI v3 sources the platform polls (another city's or an operator's ParkAPI server). The
-- poll state (failures, next poll, last error) is kept here so the back office shows a broken
-- source and every instance continues the same backoff after a restart.
create table parking_sources (
  id bigserial primary key,
  name text not null,
  url text not null,
  interval_seconds integer not null check (interval_seconds between 30 and 86400),
  uid_prefix text not null default '',
  import_sites boolean not null default false,
  enabled boolean not null default true,
  consecutive_failures integer not null default 0,
  next_poll_at timestamptz not null default now(),
  last_polled_at timestamptz,
  last_success_at timestamptz,
  last_error text,
  last_error_at timestamptz,
  last_accepted integer,
  last_rejected integer,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
