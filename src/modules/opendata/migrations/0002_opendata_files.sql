-- Files staff upload as distributions of external datasets (CSV, JSON, GeoJSON, checked by content
-- before they get here). Kept in the database so a dataset and its files commit, back up and delete together.
create table opendata_files (
  dataset_id bigint not null references opendata_datasets (id) on delete cascade,
  key text not null,                 -- the distribution's key ("file-1")
  content bytea not null,
  media_type text not null,
  bytes integer not null,
  sha256 text not null,              -- strong ETag
  records integer not null,          -- data rows, items or features found by the check
  created_at timestamptz not null default now(),
  primary key (dataset_id, key)
);
