-- Support grants say how they ended (revoked, superseded by a new grant, or expired), when, and by whom.
ALTER TABLE grants ADD COLUMN ended jsonb;
UPDATE grants
  SET ended = jsonb_build_object('reason', 'revoked', 'at', to_char(revoked_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'), 'by', NULL)
  WHERE revoked_at IS NOT NULL;
ALTER TABLE grants DROP COLUMN revoked_at;
-- The worker's look for grants whose time ran out and whose expiry is not yet recorded.
CREATE INDEX grants_unended ON grants (expires_at) WHERE ended IS NULL;
