-- Schadensmelder: offices, categories (Open311 services), reports (Open311 service requests),
-- notes, photos, supporters, API clients and the bookkeeping for abuse limits.

-- Offices (Ämter, Eigenbetriebe) that handle reports.
create table reports_offices (
  id bigserial primary key,
  code text not null unique,
  name text not null,
  email text
);

-- Categories are the Open311 services. `attributes` holds the Open311 attribute definitions.
create table reports_categories (
  id bigserial primary key,
  code text not null unique,
  name text not null,
  name_en text not null,
  description text not null,
  keywords text not null default '',
  group_name text not null,
  office_id bigint not null references reports_offices(id),
  target_days integer not null default 10 check (target_days between 1 and 365),
  attributes jsonb not null default '[]',
  active boolean not null default true,
  sort integer not null default 0,
  updated_at timestamptz not null default now()
);

-- Where a district has another responsible office than the category's default.
create table reports_category_districts (
  category_id bigint not null references reports_categories(id) on delete cascade,
  district text not null,
  office_id bigint not null references reports_offices(id),
  primary key (category_id, district)
);

-- API clients (e.g. the Koblenz App). Only a hash of the key is stored.
create table reports_api_keys (
  id bigserial primary key,
  name text not null,
  key_hash text not null unique,
  key_prefix text not null,
  per_hour integer not null default 1000 check (per_hour > 0),
  created_at timestamptz not null default now(),
  revoked_at timestamptz
);

create table reports_requests (
  id bigserial primary key,
  -- Open311 identifiers are strings; ours is the row id, kept as its own column for imports.
  service_request_id text generated always as (id::text) stored,
  token text not null unique,
  category_id bigint not null references reports_categories(id),
  office_id bigint not null references reports_offices(id),
  district text,
  -- Null when a client sent only an address (Open311 address_string): there is no geocoder yet.
  location geometry(Point, 4326),
  address text,
  description text not null,
  -- The text is public after the automatic checks, unless they flagged it or pre-moderation is on.
  description_public boolean not null default true,
  -- The whole report is public (false only under full pre-moderation until staff release it).
  published boolean not null default true,
  status text not null default 'new'
    check (status in ('new', 'accepted', 'in_progress', 'waiting_third_party', 'resolved', 'rejected', 'duplicate')),
  duplicate_of bigint references reports_requests(id),
  attributes jsonb not null default '{}',
  media_url text,
  channel text not null check (channel in ('web', 'open311', 'staff', 'demo')),
  api_key_id bigint references reports_api_keys(id),
  -- Personal data: never public; anonymised by the retention job.
  email text,
  email_confirmed_at timestamptz,
  confirm_token_hash text unique,
  ip text,
  ip_hash text,
  anonymised_at timestamptz,
  suggested_category_id bigint references reports_categories(id),
  supporters integer not null default 0,
  demo boolean not null default false,
  due_at timestamptz not null,
  requested_at timestamptz not null,
  updated_at timestamptz not null,
  closed_at timestamptz
);
create index reports_requests_location_idx on reports_requests using gist (location);
create index reports_requests_requested_idx on reports_requests (requested_at);
create index reports_requests_updated_idx on reports_requests (updated_at);
create index reports_requests_office_status_idx on reports_requests (office_id, status);

create table reports_notes (
  id bigserial primary key,
  request_id bigint not null references reports_requests(id) on delete cascade,
  visibility text not null check (visibility in ('public', 'internal')),
  status text,
  body text not null,
  author text not null,
  created_at timestamptz not null
);
create index reports_notes_request_idx on reports_notes (request_id);

-- Photos are stored re-encoded (metadata removed). `data` is what the public sees (after any
-- redaction); `original` keeps the re-encoded upload for staff.
create table reports_photos (
  id bigserial primary key,
  request_id bigint not null references reports_requests(id) on delete cascade,
  mime text not null,
  width integer not null,
  height integer not null,
  data bytea not null,
  original bytea not null,
  thumb bytea not null,
  thumb_mime text not null,
  released boolean not null default false,
  hidden boolean not null default false,
  redacted boolean not null default false,
  created_at timestamptz not null
);
create index reports_photos_request_idx on reports_photos (request_id);

-- One support per person and report; the supporter is kept only as a hash.
create table reports_supporters (
  request_id bigint not null references reports_requests(id) on delete cascade,
  supporter_hash text not null,
  created_at timestamptz not null,
  primary key (request_id, supporter_hash)
);

create table reports_canned_replies (
  id bigserial primary key,
  title text not null,
  body text not null,
  status text,
  updated_at timestamptz not null default now()
);

-- Blocked e-mail addresses ("x@y.de"), whole domains ("@y.de") or words in descriptions ("word:…").
create table reports_blocklist (
  id bigserial primary key,
  pattern text not null unique,
  reason text not null default '',
  created_at timestamptz not null default now()
);

-- Submissions counted for rate limits (per IP hash, e-mail hash, API key); purged after a day.
create table reports_rate_events (
  kind text not null,
  key text not null,
  created_at timestamptz not null
);
create index reports_rate_events_idx on reports_rate_events (kind, key, created_at);
