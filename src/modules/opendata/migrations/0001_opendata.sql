-- Open-data catalog. "managed" datasets mirror what the platform's modules publish (synchronised from
-- their DatasetProviders); "external" ones are entered by staff. Governance fields belong to both.
create table opendata_datasets (
  id bigserial primary key,
  slug text not null unique,                 -- URI segment and CKAN name
  source text not null check (source in ('managed', 'external')),
  provider_id text,                          -- managed only
  title_de text not null,
  title_en text not null,
  description_de text not null,
  description_en text not null,
  keywords text[] not null default '{}',
  themes text[] not null default '{}',       -- EU data-theme codes
  bbox double precision[],                   -- [west, south, east, north]; null = the whole city
  temporal_start date,
  temporal_end date,
  accrual_periodicity text not null,         -- EU frequency code, as published
  landing_page text,
  licence text not null default 'dl-by-de/2.0', -- id in http://dcat-ap.de/def/licenses/
  attribution_text text not null,
  issued timestamptz not null,
  modified timestamptz not null,             -- last real change of the data (bumped only on change)
  content_hash text not null,                -- of the provider's description: detects real changes
  -- governance
  owning_office text,
  data_steward text,
  quality_notes text,
  source_system text,
  promised_frequency text,                   -- EU frequency code the office promised; drives "overdue"
  visibility text not null default 'public' check (visibility in ('internal', 'public')),
  withdrawn boolean not null default false,  -- a provider no longer describes it
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create index opendata_datasets_public on opendata_datasets (id) where visibility = 'public' and not withdrawn;

create table opendata_distributions (
  id bigserial primary key,
  dataset_id bigint not null references opendata_datasets (id) on delete cascade,
  key text not null,
  position integer not null,
  title_de text not null,
  title_en text not null,
  url text not null,
  format text not null,                      -- EU file-type code
  media_type text not null,
  is_service boolean not null default false,
  endpoint_description text,
  conforms_to text,
  unique (dataset_id, key)
);

-- Download counts per distribution and day: no IP, no user agent, no time of day.
create table opendata_downloads (
  distribution_id bigint not null references opendata_distributions (id) on delete cascade,
  day date not null,
  count bigint not null default 0,
  primary key (distribution_id, day)
);
