-- A version of everything the public (Open311 lists) can see of reports. Statement triggers move it
-- in the writing transaction, whoever writes (this process, another instance, the retention job,
-- an import), so cached public answers are replaced as soon as the version they were built at is old.
create table reports_state (
  id smallint primary key check (id = 1),
  version bigint not null,
  updated_at timestamptz not null
);
insert into reports_state (id, version, updated_at) values (1, 1, now());

create function reports_bump_version() returns trigger language plpgsql as $$
begin
  update reports_state set version = version + 1, updated_at = now() where id = 1;
  return null;
end;
$$;

create trigger reports_requests_version after insert or update or delete on reports_requests
  for each statement execute function reports_bump_version();
create trigger reports_notes_version after insert or update or delete on reports_notes
  for each statement execute function reports_bump_version();
create trigger reports_photos_version after insert or update or delete on reports_photos
  for each statement execute function reports_bump_version();
create trigger reports_categories_version after insert or update or delete on reports_categories
  for each statement execute function reports_bump_version();
create trigger reports_offices_version after insert or update or delete on reports_offices
  for each statement execute function reports_bump_version();
