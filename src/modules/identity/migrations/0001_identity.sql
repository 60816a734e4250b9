-- Staff accounts, sessions, MFA and API tokens. Secrets are stored only as hashes, except the TOTP
-- seed, which the server must read to check codes.
create table identity_users (
  id bigserial primary key,
  email text not null unique check (email = lower(email)),
  display_name text not null default '',
  role text not null check (role in ('admin', 'editor', 'viewer')),
  modules text[] not null default '{}',
  password_hash text,
  totp_secret text,
  totp_pending_secret text,
  totp_last_step bigint not null default 0,
  failed_attempts integer not null default 0,
  locked_until timestamptz,
  disabled boolean not null default false,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);

create table identity_recovery_codes (
  id bigserial primary key,
  user_id bigint not null references identity_users (id) on delete cascade,
  code_hash text not null,
  used_at timestamptz
);
create index identity_recovery_codes_user on identity_recovery_codes (user_id);

create table identity_enrolment_tokens (
  token_hash text primary key,
  user_id bigint not null references identity_users (id) on delete cascade,
  expires_at timestamptz not null,
  used_at timestamptz
);

-- stage: 'mfa' (password ok, code missing), 'enrol' (must set up TOTP), 'full' (may work)
create table identity_sessions (
  id_hash text primary key,
  user_id bigint not null references identity_users (id) on delete cascade,
  stage text not null check (stage in ('mfa', 'enrol', 'full')),
  csrf_token text not null,
  created_at timestamptz not null default now(),
  last_seen_at timestamptz not null default now(),
  expires_at timestamptz not null
);
create index identity_sessions_user on identity_sessions (user_id);

create table identity_api_tokens (
  id bigserial primary key,
  name text not null,
  token_hash text not null unique,
  prefix text not null,
  scopes text[] not null,
  created_by bigint references identity_users (id) on delete set null,
  created_at timestamptz not null default now(),
  expires_at timestamptz,
  revoked_at timestamptz,
  last_used_at timestamptz
);
