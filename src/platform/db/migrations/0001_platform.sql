-- Which modules have loaded their demo data, so a restart never loads it twice.
create table platform_seeds (
  module text primary key,
  seeded_at timestamptz not null default now()
);
