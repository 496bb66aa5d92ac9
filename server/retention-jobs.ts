// Deletion runs and grace-period ends on the server's own schedule, so they happen on time even when nobody opens
// the tenant. Each tick catches every tenant up with the clock in its own transaction (SERIALIZABLE: two server
// instances ticking at once cannot both run a tenant's run; the loser re-reads and finds nothing due). A tick that
// fails is logged and the next one retries: the state it works from is in the database, so nothing is lost.
import { settled } from '@governance/http/routes/retention'
import { retentionDue } from '@governance/rules/retention/runs'
import type { GovernanceStore } from '@governance/store/port'

export interface RetentionTick {
  /** Tenants whose due runs or grace-period ends were carried out. */
  settled: string[]
  failed: { tenantId: string; error: string }[]
}

export async function runDueRetention(store: GovernanceStore, now: number): Promise<RetentionTick> {
  const tenants = await store.transaction((tx) => tx.tenants.list())
  const tick: RetentionTick = { settled: [], failed: [] }
  for (const tenant of tenants) {
    try {
      const ran = await store.transaction(async (tx) => {
        const record = await tx.retention.get(tenant.id)
        if (!record || !retentionDue(record, now)) return false
        await settled(tx, tenant.id, now)
        return true
      })
      if (ran) tick.settled.push(tenant.id)
    } catch (error) {
      tick.failed.push({ tenantId: tenant.id, error: error instanceof Error ? error.message : String(error) })
    }
  }
  return tick
}

/** Ticks every `intervalMs` (and once at start) until stopped. */
export function startRetentionScheduler(store: GovernanceStore, clock: { now(): number }, log: (line: string) => void, intervalMs = 60_000): () => void {
  let running = false
  const tick = async () => {
    if (running) return
    running = true
    try {
      const result = await runDueRetention(store, clock.now())
      if (result.settled.length > 0) log(`retention: ran what was due for ${result.settled.join(', ')}`)
      for (const failure of result.failed) log(`retention: run for ${failure.tenantId} failed, retrying next tick: ${failure.error}`)
    } finally {
      running = false
    }
  }
  void tick()
  const timer = setInterval(() => void tick(), intervalMs)
  return () => clearInterval(timer)
}
