// The server's background jobs — bulk removals, audit exports, and recording support grants that ran out: the worker takes the running jobs (also those a
// restart interrupted: their state is in the database) and works through them, one member or one stretch of entries
// per transaction, in slices so a tick never runs for long.
import { advanceAuditExports } from '@governance/http/audit-exports'
import { advanceRemovalJobs, type RemovalJobHooks } from '@governance/http/removal-jobs'
import { expireSupportGrants } from '@governance/http/routes/support'
import type { GovernanceStore } from '@governance/store/port'

export function startRemovalJobWorker(store: GovernanceStore, clock: { now(): number }, log: (line: string) => void, hooks?: RemovalJobHooks, intervalMs = 250): () => void {
  let running = false
  const tick = async () => {
    if (running) return
    running = true
    try {
      await advanceRemovalJobs(store, clock, 2_000, hooks)
      await advanceAuditExports(store, clock, 2_000)
      await expireSupportGrants(store, clock)
    } catch (error) {
      log(`background jobs: ${error instanceof Error ? error.message : String(error)}; tried again on the next tick`)
    } finally {
      running = false
    }
  }
  const timer = setInterval(() => void tick(), intervalMs)
  return () => clearInterval(timer)
}
