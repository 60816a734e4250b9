-- Append-only, hash-chained log of every state change. Rows are never updated or deleted by the
-- application; each row's hash covers its content and the previous row's hash.
create table audit_log (
  id bigserial primary key,
  at timestamptz not null default now(),
  actor text not null,
  module text not null,
  entity text not null,
  entity_id text,
  action text not null,
  before jsonb,
  after jsonb,
  prev_hash text not null,
  hash text not null
);
create index audit_log_module_at on audit_log (module, at desc);
create index audit_log_at on audit_log (at desc);
create index audit_log_entity on audit_log (entity, entity_id);
