-- Reference catalogue (OZG-Umsetzungskatalog / LeiKa), loaded from data/ozg on first start and
-- updated by `catalog import`. Entries are never deleted: a service that leaves the official catalogue
-- is marked inactive (and, when merged, points to its successor) so the city's links keep working.
create table catalog_themenfelder (
  id serial primary key,
  name text not null unique
);

create table catalog_lebenslagen (
  id serial primary key,
  themenfeld_id integer not null references catalog_themenfelder (id),
  name text not null,
  unique (themenfeld_id, name)
);

create table catalog_ozg_services (
  ozg_id text primary key check (ozg_id ~ '^[0-9]{5}$'),
  name text not null,
  lebenslage_id integer references catalog_lebenslagen (id),
  active boolean not null default true,
  successor_ozg_id text,
  updated_at timestamptz not null default now()
);

create table catalog_leika_services (
  id serial primary key,
  -- null: the catalogue lists the service as "nicht im LeiKa"
  leika_key text unique check (leika_key ~ '^[0-9]{14}$'),
  name text not null,
  leika_type text not null default '',
  ozg_id text references catalog_ozg_services (ozg_id),
  law_shortcuts text not null default '',
  legal_basis text not null default '',
  active boolean not null default true
);
create index catalog_leika_services_ozg on catalog_leika_services (ozg_id);

create table catalog_reference_imports (
  id bigserial primary key,
  source text not null,
  imported_at timestamptz not null default now(),
  imported_by text not null,
  summary jsonb not null
);

-- Catalogue restructurings of the city's list (merges n→1, splits 1→n) with their effect on the counts.
create table catalog_restructures (
  id bigserial primary key,
  kind text not null check (kind in ('merge', 'split')),
  effective_date date not null,
  note text not null,
  catalog_reference text not null default '',
  source_ids bigint[] not null,
  target_ids bigint[] not null,
  -- per status: count after minus count before, e.g. {"online": -1}
  effect jsonb not null,
  -- [{id, ref, name, status}] as they were before (sources) and after (targets) the change
  sources jsonb not null,
  targets jsonb not null,
  author text not null,
  recorded_at timestamptz not null default now()
);
create index catalog_restructures_date on catalog_restructures (effective_date);

-- The city's services: the current state of each (a projection of its history) plus search columns.
create table catalog_services (
  id bigserial primary key,
  ref text not null unique,
  name text not null,
  description text not null default '',
  ozg_id text references catalog_ozg_services (ozg_id),
  leika_key text check (leika_key ~ '^[0-9]{14}$'),
  local boolean not null default false,
  themenfeld_id integer references catalog_themenfelder (id),
  lebenslage_id integer references catalog_lebenslagen (id),
  -- null once the service left the list (merged into another, retired)
  status text check (status in ('online', 'in_umsetzung', 'geplant', 'nicht_online')),
  status_since date not null,
  reason_not_online text not null default '',
  maturity_level smallint check (maturity_level >= 0),
  maturity_model text not null default '',
  efa boolean not null default false,
  efa_provider_state text not null default '',
  online_url text not null default '',
  epaybl boolean not null default false,
  payment_methods text[] not null default '{}',
  office text not null default '',
  planned_go_live date,
  rollout_project text not null default '',
  notes text not null default '',
  demo boolean not null default false,
  -- lower-case, umlauts folded (ä/ae → a, ß → ss): "Führerschein", "fuhrerschein", "Fuehrerschein" all match
  search_text text not null,
  sort_name text not null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create index catalog_services_listed_sort on catalog_services (sort_name, id) where status is not null;
create index catalog_services_status_sort on catalog_services (status, sort_name, id);
create index catalog_services_themenfeld on catalog_services (themenfeld_id, sort_name, id);
create index catalog_services_lebenslage on catalog_services (lebenslage_id, sort_name, id);
create index catalog_services_ozg on catalog_services (ozg_id);

-- Every change with its effective date and author. The status of a service on a date is the status
-- of its latest row with effective_date <= that date; status null means "not in the list".
create table catalog_service_history (
  id bigserial primary key,
  service_id bigint not null references catalog_services (id),
  effective_date date not null,
  status text check (status in ('online', 'in_umsetzung', 'geplant', 'nicht_online')),
  kind text not null check (kind in ('create', 'status', 'edit', 'merge', 'split', 'import')),
  changes jsonb not null default '{}',
  note text not null default '',
  restructure_id bigint references catalog_restructures (id),
  author text not null,
  recorded_at timestamptz not null default now()
);
create index catalog_history_service_date on catalog_service_history (service_id, effective_date desc, id desc);
create index catalog_history_date on catalog_service_history (effective_date);

-- One row: bumped by every write, drives ETag/Last-Modified and the response cache.
create table catalog_state (
  id smallint primary key check (id = 1),
  version bigint not null,
  updated_at timestamptz not null
);
insert into catalog_state (id, version, updated_at) values (1, 1, now());
