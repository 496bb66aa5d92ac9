-- Next-of-kin requests (PIPL art. 49): one row per request (the record as jsonb), their files (evidence uploads and
-- the requester's archives, as bytes — served to nobody outside the case), and each tenant's deadline rule.
CREATE TABLE kin_requests (
  id text PRIMARY KEY,
  tenant_id text NOT NULL REFERENCES tenants (id),
  member_id text NOT NULL,
  status text NOT NULL,
  received_at timestamptz NOT NULL,
  record jsonb NOT NULL
);
CREATE INDEX kin_requests_by_tenant ON kin_requests (tenant_id, received_at);

CREATE TABLE kin_files (
  request_id text NOT NULL REFERENCES kin_requests (id),
  id text NOT NULL,
  content_type text NOT NULL,
  content bytea NOT NULL,
  PRIMARY KEY (request_id, id)
);

CREATE TABLE kin_settings (
  tenant_id text PRIMARY KEY REFERENCES tenants (id),
  record jsonb NOT NULL
);
