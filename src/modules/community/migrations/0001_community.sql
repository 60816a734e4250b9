-- Smart People: organisations (clubs, cultural institutions), their representatives, events with
-- recurrence, and the notice board between verified organisations.
create table community_organisations (
  id bigserial primary key,
  slug text not null unique,
  name text not null,
  category text not null check (category in ('sport', 'music', 'culture', 'social', 'youth', 'seniors', 'environment', 'education', 'religion', 'other')),
  description text not null default '',
  district text,
  address text not null default '',
  location geometry(Point, 4326),
  -- {email, phone, website}: shown to everyone
  public_contact jsonb not null default '{}',
  -- {name, email, phone}: only for the organisation's members and the city
  internal_contact jsonb not null default '{}',
  opening_times text not null default '',
  accessibility text not null default '',
  membership_fees text not null default '',
  languages text[] not null default '{}',
  logo_image_id bigint,
  links jsonb not null default '[]',
  verified boolean not null default false,
  verified_at timestamptz,
  demo boolean not null default false,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create index community_organisations_verified on community_organisations (verified, category);
create index community_organisations_location on community_organisations using gist (location);

-- Logos and event images, re-encoded by the platform's image intake (no EXIF).
create table community_images (
  id bigserial primary key,
  organisation_id bigint not null references community_organisations (id) on delete cascade,
  mime text not null,
  width integer not null,
  height integer not null,
  data bytea not null,
  thumb bytea not null,
  thumb_mime text not null,
  created_at timestamptz not null default now()
);
create index community_images_organisation on community_images (organisation_id);
alter table community_organisations add constraint community_organisations_logo
  foreign key (logo_image_id) references community_images (id) on delete set null;

-- Who may edit an organisation: identity accounts (role "organisation", or staff) with a role here.
create table community_memberships (
  organisation_id bigint not null references community_organisations (id) on delete cascade,
  user_id bigint not null references identity_users (id) on delete cascade,
  role text not null check (role in ('owner', 'editor')),
  created_at timestamptz not null default now(),
  primary key (organisation_id, user_id)
);
create index community_memberships_user on community_memberships (user_id);

create table community_invitations (
  id bigserial primary key,
  organisation_id bigint not null references community_organisations (id) on delete cascade,
  email text not null check (email = lower(email)),
  role text not null check (role in ('owner', 'editor')),
  token_hash text not null unique,
  invited_by bigint references identity_users (id) on delete set null,
  expires_at timestamptz not null,
  accepted_at timestamptz,
  created_at timestamptz not null default now()
);
create index community_invitations_organisation on community_invitations (organisation_id);

create table community_events (
  id bigserial primary key,
  organisation_id bigint not null references community_organisations (id) on delete cascade,
  title text not null,
  description text not null default '',
  starts_at timestamptz not null,
  ends_at timestamptz not null check (ends_at > starts_at),
  time_zone text not null default 'Europe/Berlin',
  -- RFC 5545 RRULE value (without "RRULE:"), UNTIL in UTC; bounded by the service (see README)
  rrule text,
  exdates timestamptz[] not null default '{}',
  venue_organisation_id bigint references community_organisations (id) on delete set null,
  venue_name text not null default '',
  venue_address text not null default '',
  venue_district text,
  venue_location geometry(Point, 4326),
  categories text[] not null default '{}',
  audience text not null default '',
  price text not null default '',
  free boolean not null default false,
  accessibility text not null default '',
  accessible_venue boolean not null default false,
  registration_url text,
  image_id bigint references community_images (id) on delete set null,
  status text not null default 'scheduled' check (status in ('scheduled', 'cancelled')),
  moderation text not null default 'approved' check (moderation in ('approved', 'pending', 'rejected')),
  demo boolean not null default false,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create index community_events_organisation on community_events (organisation_id);
-- The per-category iCalendar feed.
create index community_events_categories on community_events using gin (categories);

-- Every occurrence of every event, expanded when the event is written (recurrences are bounded to
-- 1,000 within 2 years), with the filter columns copied so the search reads one table by time.
-- "public": the organisation is verified and the event approved; kept current on every change.
create table community_occurrences (
  event_id bigint not null references community_events (id) on delete cascade,
  organisation_id bigint not null,
  starts_at timestamptz not null,
  ends_at timestamptz not null,
  categories text[] not null,
  district text,
  free boolean not null,
  accessible_venue boolean not null,
  public boolean not null,
  primary key (event_id, starts_at)
);
-- The search asks for public dates overlapping a range: exactly what a GiST index on the range answers.
create index community_occurrences_public_range on community_occurrences using gist (tstzrange(starts_at, ends_at)) where public;
create index community_occurrences_organisation on community_occurrences (organisation_id);

create table community_notices (
  id bigserial primary key,
  organisation_id bigint not null references community_organisations (id) on delete cascade,
  kind text not null check (kind in ('request', 'offer')),
  title text not null,
  body text not null default '',
  contact text not null default '',
  expires_on date,
  closed_at timestamptz,
  created_by bigint references identity_users (id) on delete set null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create index community_notices_open on community_notices (created_at desc) where closed_at is null;
