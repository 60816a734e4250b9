-- A counter every committed change of SensorThings entities moves (Observations added by group
-- commit move max(id) instead, so ingestion does not contend for this row). Together they are the
-- version behind the read cache of /sta (src/platform/http/versioned-cache.ts).
create table sensors_state (
  id integer primary key check (id = 1),
  version bigint not null default 0
);
insert into sensors_state (id, version) values (1, 0);
