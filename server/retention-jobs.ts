// Deletion runs and grace-period ends on the server's own schedule, so they happen on time even when nobody opens
// the tenant. Each tick catches every tenant up with the clock in its own transaction (SERIALIZABLE: two server
// instances ticking at once cannot both run a tenant's run; the loser re-reads and finds nothing due). A run that
// fails is recorded as a failed run with the time of its next try (1, 2, 4 … 60 minutes after each failure in a
// row), shown on the tenant's retention page, logged, and tried again then: the due work stays in the database.
import { recordFailedRun, settled } from '@governance/http/routes/retention'
import { retentionDue, type RetentionJobHooks } from '@governance/rules/retention/runs'
import type { GovernanceStore } from '@governance/store/port'

export interface RetentionTick {
  /** Tenants whose due runs or grace-period ends were carried out. */
  settled: string[]
  failed: { tenantId: string; error: string }[]
}

export async function runDueRetention(store: GovernanceStore, now: number, jobs?: RetentionJobHooks): Promise<RetentionTick> {
  const tenants = await store.transaction((tx) => tx.tenants.list())
  const tick: RetentionTick = { settled: [], failed: [] }
  for (const tenant of tenants) {
    try {
      const outcome = await store.transaction(async (tx) => {
        const record = await tx.retention.get(tenant.id)
        if (!record || !retentionDue(record, now)) return 'nothing due'
        return (await settled(tx, tenant.id, now, jobs)).run
      })
      if (outcome === 'completed') tick.settled.push(tenant.id)
      if (outcome === 'failed') tick.failed.push({ tenantId: tenant.id, error: 'deleting the data failed' })
    } catch (error) {
      // The run's transaction rolled back: record the failure in one of its own, so it shows and is retried later.
      tick.failed.push({ tenantId: tenant.id, error: error instanceof Error ? error.message : String(error) })
      await store.transaction((tx) => recordFailedRun(tx, tenant.id, now)).catch(() => undefined)
    }
  }
  return tick
}

/** Ticks every `intervalMs` (and once at start) until stopped. */
export function startRetentionScheduler(
  store: GovernanceStore,
  clock: { now(): number },
  log: (line: string) => void,
  intervalMs = 60_000,
  jobs?: RetentionJobHooks,
): () => void {
  let running = false
  const tick = async () => {
    if (running) return
    running = true
    try {
      const result = await runDueRetention(store, clock.now(), jobs)
      if (result.settled.length > 0) log(`retention: ran what was due for ${result.settled.join(', ')}`)
      for (const failure of result.failed) log(`retention: run for ${failure.tenantId} failed (${failure.error}); recorded, and tried again after a wait`)
    } finally {
      running = false
    }
  }
  void tick()
  const timer = setInterval(() => void tick(), intervalMs)
  return () => clearInterval(timer)
}
