-- A deletion run can fail (its work rolls back); the failure is kept with the time of the next try, so it is
-- visible in the console and retried, never lost.
ALTER TABLE retention_runs
  ADD COLUMN outcome text NOT NULL DEFAULT 'completed' CHECK (outcome IN ('completed', 'failed')),
  ADD COLUMN retry_at timestamptz;
