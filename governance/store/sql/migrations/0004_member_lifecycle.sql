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

-- Bulk removals: the job (whom it takes, in order, and its counters) and one row per member done, written in the
-- same transaction as that member's removal, so a resumed job knows exactly where it stopped.
CREATE TABLE member_removal_jobs (
  tenant_id text NOT NULL,
  id text NOT NULL,
  status text NOT NULL CHECK (status IN ('running', 'completed')),
  created_at timestamptz NOT NULL,
  record jsonb NOT NULL,
  PRIMARY KEY (tenant_id, id)
);
CREATE INDEX member_removal_jobs_running ON member_removal_jobs (created_at) WHERE status = 'running';

CREATE TABLE member_removal_job_results (
  tenant_id text NOT NULL,
  job_id text NOT NULL,
  position integer NOT NULL,
  member_id text NOT NULL,
  outcome text NOT NULL CHECK (outcome IN ('removed', 'skipped', 'failed')),
  result jsonb NOT NULL,
  PRIMARY KEY (tenant_id, job_id, position),
  FOREIGN KEY (tenant_id, job_id) REFERENCES member_removal_jobs (tenant_id, id)
);
CREATE INDEX member_removal_job_results_problems ON member_removal_job_results (tenant_id, job_id, position) WHERE outcome <> 'removed';

CREATE TABLE member_removal_job_members (
  tenant_id text NOT NULL,
  job_id text NOT NULL,
  position integer NOT NULL,
  member_id text NOT NULL,
  PRIMARY KEY (tenant_id, job_id, position),
  FOREIGN KEY (tenant_id, job_id) REFERENCES member_removal_jobs (tenant_id, id)
);
