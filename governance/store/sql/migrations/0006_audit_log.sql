-- The audit log as a log. Every entry is linked into its tenant's hash chain (prev_hash, hash: rules/audit-chain.ts);
-- entries older than this migration are linked when the store opens (backfillAuditChain). The log lists newest first
-- by time, then number, and each filter (time, person, action, target) has an index in that order, so a page deep in
-- a million entries costs what the first does. The filters' choices are kept as they are written (audit_facets),
-- exports run as jobs with their file in chunks, and no statement may change or delete an entry.
ALTER TABLE audit_events
  ADD COLUMN prev_hash text,
  ADD COLUMN hash text,
  ADD COLUMN actor_id text GENERATED ALWAYS AS (actor ->> 'id') STORED;

DROP INDEX IF EXISTS audit_by_target;
CREATE INDEX audit_by_time ON audit_events (tenant_id, at, seq);
CREATE INDEX audit_by_actor ON audit_events (tenant_id, actor_id, at, seq);
CREATE INDEX audit_by_action ON audit_events (tenant_id, action, at, seq);
CREATE INDEX audit_by_target ON audit_events (tenant_id, target_type, target_id, at, seq);

CREATE TABLE audit_facets (
  tenant_id text NOT NULL,
  kind text NOT NULL CHECK (kind IN ('actor', 'action', 'target_type')),
  value text NOT NULL,
  -- For a person: how they appear ({id, name, role}).
  label jsonb,
  PRIMARY KEY (tenant_id, kind, value)
);
INSERT INTO audit_facets (tenant_id, kind, value, label)
  SELECT DISTINCT ON (tenant_id, actor ->> 'id') tenant_id, 'actor', actor ->> 'id', actor FROM audit_events ORDER BY tenant_id, actor ->> 'id', seq DESC;
INSERT INTO audit_facets (tenant_id, kind, value) SELECT DISTINCT tenant_id, 'action', action FROM audit_events;
INSERT INTO audit_facets (tenant_id, kind, value) SELECT DISTINCT tenant_id, 'target_type', target_type FROM audit_events;

CREATE TABLE audit_exports (
  tenant_id text NOT NULL REFERENCES tenants (id),
  id text NOT NULL,
  status text NOT NULL,
  created_at timestamptz NOT NULL,
  record jsonb NOT NULL,
  PRIMARY KEY (tenant_id, id)
);
CREATE INDEX audit_exports_running ON audit_exports (created_at) WHERE status = 'running';

CREATE TABLE audit_export_chunks (
  tenant_id text NOT NULL,
  export_id text NOT NULL,
  position integer NOT NULL,
  body text NOT NULL,
  PRIMARY KEY (tenant_id, export_id, position),
  FOREIGN KEY (tenant_id, export_id) REFERENCES audit_exports (tenant_id, id)
);

-- Append-only: UPDATE and DELETE are refused, whatever path they come from. Only a maintenance step that says so
-- (SET LOCAL tdgc.maintenance = 'on': linking old entries, the test controls' tampering) gets past; TRUNCATE, which
-- resets a demo database, is a statement of its own and not stopped here.
CREATE FUNCTION audit_events_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF current_setting('tdgc.maintenance', true) = 'on' THEN
    RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
  END IF;
  RAISE EXCEPTION 'audit entries cannot be changed or deleted (% refused)', TG_OP USING ERRCODE = '42501';
END
$$;
CREATE TRIGGER audit_events_append_only BEFORE UPDATE OR DELETE ON audit_events
  FOR EACH ROW EXECUTE FUNCTION audit_events_append_only();
