-- What a member has been through beyond their directory row (removal, handover, erasure), one row per member who
-- has been through anything. remove_at is the removal's date while it is not carried out, so the deletion run finds
-- the due removals by index instead of reading every row.
CREATE TABLE member_lifecycles (
  tenant_id text NOT NULL,
  member_id text NOT NULL,
  record jsonb NOT NULL,
  remove_at timestamptz,
  PRIMARY KEY (tenant_id, member_id),
  FOREIGN KEY (tenant_id, member_id) REFERENCES members (tenant_id, id)
);
CREATE INDEX member_lifecycles_due ON member_lifecycles (tenant_id, remove_at) WHERE remove_at IS NOT NULL;

-- Members' requests to leave, forwarded by the platform (a handful a month per tenant).
CREATE TABLE deregistration_requests (
  tenant_id text NOT NULL,
  id text NOT NULL,
  member_id text NOT NULL,
  status text NOT NULL CHECK (status IN ('open', 'approved', 'declined')),
  record jsonb NOT NULL,
  PRIMARY KEY (tenant_id, id),
  FOREIGN KEY (tenant_id, member_id) REFERENCES members (tenant_id, id)
);
