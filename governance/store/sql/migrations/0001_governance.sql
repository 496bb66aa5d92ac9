-- The governance schema. tenant_id leads every key and index of tenant data, so a tenant's rows sit together and
-- the tables can be sharded by tenant (e.g. Citus) without changing a query. PostgreSQL 15 and PGlite (18).
CREATE EXTENSION IF NOT EXISTS pg_trgm;

CREATE TABLE tenants (
  id text PRIMARY KEY,
  name text NOT NULL,
  plan text NOT NULL,
  region text NOT NULL,
  created_at timestamptz NOT NULL
);

CREATE TABLE departments (
  tenant_id text NOT NULL REFERENCES tenants (id),
  id text NOT NULL,
  name text NOT NULL,
  parent_id text,
  PRIMARY KEY (tenant_id, id)
);

CREATE TABLE members (
  tenant_id text NOT NULL REFERENCES tenants (id),
  id text NOT NULL,
  name text NOT NULL,
  email text NOT NULL,
  employee_no text NOT NULL,
  phone text NOT NULL,
  department_id text NOT NULL,
  role text NOT NULL,
  status text NOT NULL,
  joined_at timestamptz NOT NULL,
  search text GENERATED ALWAYS AS (lower(name || chr(10) || email || chr(10) || employee_no)) STORED,
  PRIMARY KEY (tenant_id, id)
);
-- Keyset order of the directory: name in code-point order, then id.
CREATE INDEX members_by_name ON members (tenant_id, name COLLATE "C", id COLLATE "C");
CREATE INDEX members_search ON members USING gin (search gin_trgm_ops);
CREATE INDEX members_by_department ON members (tenant_id, department_id);

CREATE TABLE users (
  id text PRIMARY KEY,
  name text NOT NULL,
  email text NOT NULL UNIQUE,
  role text NOT NULL,
  tenant_ids text[] NOT NULL,
  member_id text,
  password_hash text
);

CREATE TABLE sessions (
  id text PRIMARY KEY,
  user_id text NOT NULL REFERENCES users (id),
  created_at timestamptz NOT NULL,
  expires_at timestamptz NOT NULL
);
CREATE INDEX sessions_by_expiry ON sessions (expires_at);

CREATE TABLE sign_in_failures (
  email text NOT NULL,
  at timestamptz NOT NULL
);
CREATE INDEX sign_in_failures_by_email ON sign_in_failures (email, at);

CREATE TABLE grants (
  tenant_id text NOT NULL REFERENCES tenants (id),
  id text NOT NULL,
  mode text NOT NULL,
  ticket_ref text NOT NULL,
  reason text,
  created_at timestamptz NOT NULL,
  expires_at timestamptz NOT NULL,
  created_by jsonb NOT NULL,
  revoked_at timestamptz,
  PRIMARY KEY (tenant_id, id)
);

-- Numbers handed out per scope (a tenant's audit sequence, id prefixes): one row per counter.
CREATE TABLE counters (
  scope text NOT NULL,
  name text NOT NULL,
  value bigint NOT NULL,
  PRIMARY KEY (scope, name)
);

CREATE TABLE audit_events (
  tenant_id text NOT NULL REFERENCES tenants (id),
  seq bigint NOT NULL,
  id text NOT NULL,
  at timestamptz NOT NULL,
  actor jsonb NOT NULL,
  on_behalf_of text,
  ticket_ref text,
  action text NOT NULL,
  target_type text NOT NULL,
  target_id text NOT NULL,
  target_name text NOT NULL,
  before jsonb,
  after jsonb,
  reason text,
  PRIMARY KEY (tenant_id, seq)
);
CREATE INDEX audit_by_target ON audit_events (tenant_id, target_type, target_id, seq);

CREATE TABLE app_scopes (
  id text PRIMARY KEY,
  position integer NOT NULL,
  sensitive boolean NOT NULL,
  label jsonb NOT NULL,
  explanation jsonb NOT NULL
);

CREATE TABLE apps (
  tenant_id text NOT NULL REFERENCES tenants (id),
  id text NOT NULL,
  name text NOT NULL,
  vendor text NOT NULL,
  category text NOT NULL,
  description text NOT NULL,
  third_party boolean NOT NULL,
  version text NOT NULL,
  enabled boolean NOT NULL,
  scope_ids text[] NOT NULL,
  scope_update jsonb,
  availability jsonb NOT NULL,
  last_data_access_at timestamptz,
  installed_at timestamptz NOT NULL,
  disabled_reason text,
  PRIMARY KEY (tenant_id, id)
);

CREATE TABLE app_requests (
  tenant_id text NOT NULL REFERENCES tenants (id),
  id text NOT NULL,
  app_id text NOT NULL,
  member_id text NOT NULL,
  message text NOT NULL,
  requested_at timestamptz NOT NULL,
  status text NOT NULL,
  decided_at timestamptz,
  decided_by text,
  note text,
  PRIMARY KEY (tenant_id, id)
);

CREATE TABLE emergency_stops (
  tenant_id text NOT NULL REFERENCES tenants (id),
  snapshot_id text NOT NULL,
  target text NOT NULL,
  scope_id text,
  reason text NOT NULL,
  started_at timestamptz NOT NULL,
  started_by jsonb NOT NULL,
  snapshot jsonb NOT NULL,
  restored_at timestamptz,
  PRIMARY KEY (tenant_id, snapshot_id)
);

CREATE TABLE retention (
  tenant_id text PRIMARY KEY REFERENCES tenants (id),
  version integer NOT NULL,
  policies jsonb NOT NULL,
  grace_days integer NOT NULL,
  updated_at timestamptz NOT NULL,
  updated_by jsonb NOT NULL,
  pending jsonb,
  next_run_at timestamptz NOT NULL,
  purged_before jsonb NOT NULL,
  purged_exceptions jsonb NOT NULL
);

CREATE TABLE retention_runs (
  tenant_id text NOT NULL REFERENCES tenants (id),
  seq bigint NOT NULL,
  at timestamptz NOT NULL,
  deleted_messages bigint NOT NULL,
  deleted_files bigint NOT NULL,
  held_messages bigint NOT NULL,
  held_files bigint NOT NULL,
  PRIMARY KEY (tenant_id, seq)
);

CREATE TABLE retention_history (
  tenant_id text NOT NULL REFERENCES tenants (id),
  seq bigint NOT NULL,
  id text NOT NULL,
  entry jsonb NOT NULL,
  PRIMARY KEY (tenant_id, seq)
);

CREATE TABLE legal_holds (
  tenant_id text NOT NULL REFERENCES tenants (id),
  id text NOT NULL,
  target_type text NOT NULL,
  target_id text NOT NULL,
  target_name text NOT NULL,
  reason text NOT NULL,
  placed_at timestamptz NOT NULL,
  placed_by jsonb NOT NULL,
  released_at timestamptz,
  released_by jsonb,
  release_reason text,
  PRIMARY KEY (tenant_id, id)
);

CREATE TABLE idempotency_keys (
  scope text NOT NULL,
  key text NOT NULL,
  fingerprint text NOT NULL,
  at timestamptz NOT NULL,
  reply jsonb,
  PRIMARY KEY (scope, key)
);

-- Which scenario the data was seeded from (the retention volume model and generated member sources follow it).
CREATE TABLE seed_info (
  singleton boolean PRIMARY KEY DEFAULT true CHECK (singleton),
  scenario text NOT NULL,
  member_sources jsonb NOT NULL
);
