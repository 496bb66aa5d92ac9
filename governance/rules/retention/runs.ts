// Deletion runs: every day at RUN_HOUR_UTC, and at the end of a grace period (after its policies take effect),
// each kind's items older than the policy's cut-off are deleted for every owner not under a legal hold.
import { retentionPolicyKindValues, type components } from '@contract/schema.gen'
import type { AuditInput, RetentionHistoryRecord, RetentionKind, RetentionRecord, VolumeModel } from '../records'
import { DAY_MS, periodCutoff } from './period'
import { dayIndex, purgedFor, unitsBetween } from './volume'

type Schemas = components['schemas']
export type HistoryInput = Omit<RetentionHistoryRecord, 'seq' | 'id' | 'tenantId'>

/** A clock jump over many days replays at most this many daily runs; runs are cumulative, so the result is the same. */
const MAX_CATCH_UP_RUNS = 60
const iso = (ms: number) => new Date(ms).toISOString()

const cutoffDay = (period: Schemas['RetentionPeriod'], atMs: number): number | null => {
  const cutoff = periodCutoff(period, atMs)
  return cutoff === null ? null : dayIndex(cutoff)
}

/** One run at `atMs`: what it deleted and kept for holds, and the purge state it leaves. */
export function executeRun(record: RetentionRecord, volume: VolumeModel, held: ReadonlySet<string>, atMs: number): { record: RetentionRecord; run: Schemas['RetentionRun'] } {
  const purgedBefore = { ...record.purgedBefore }
  const exceptions: Record<string, Record<RetentionKind, number>> = Object.fromEntries(
    Object.entries(record.purgedExceptions).map(([owner, value]) => [owner, { ...value }]),
  )
  const deleted: Record<RetentionKind, number> = { chat: 0, files: 0 }
  const kept: Record<RetentionKind, number> = { chat: 0, files: 0 }
  for (const kind of retentionPolicyKindValues) {
    const cut = cutoffDay(record.policies[kind].period, atMs)
    if (cut === null) continue
    const finalValue = new Map<string, number>()
    for (const owner of volume.owners) {
      const from = purgedFor(record, owner.id, kind)
      if (cut <= from) {
        finalValue.set(owner.id, from)
        continue
      }
      const amount = owner.weight * unitsBetween(volume, kind, from, cut)
      if (held.has(owner.id)) {
        kept[kind] += amount
        finalValue.set(owner.id, from)
      } else {
        deleted[kind] += amount
        finalValue.set(owner.id, cut)
      }
    }
    const baseline = Math.max(purgedBefore[kind], cut)
    purgedBefore[kind] = baseline
    for (const [ownerId, value] of finalValue) {
      const exception = exceptions[ownerId]
      if (value !== baseline) exceptions[ownerId] = { ...(exception ?? { chat: purgedBefore.chat, files: purgedBefore.files }), [kind]: value }
      else if (exception) exception[kind] = value
    }
  }
  // Drop exceptions that no longer differ from the baseline.
  for (const [ownerId, exception] of Object.entries(exceptions)) {
    if (exception.chat === purgedBefore.chat && exception.files === purgedBefore.files) delete exceptions[ownerId]
  }
  return {
    record: { ...record, purgedBefore, purgedExceptions: exceptions },
    run: { at: iso(atMs), outcome: 'completed', retryAt: null, deletedMessages: deleted.chat, deletedFiles: deleted.files, heldMessages: kept.chat, heldFiles: kept.files },
  }
}

/** Thrown by `RetentionJobHooks.beforeRun` when deleting the data fails: the run is recorded as failed, and retried. */
export class RunFailure extends Error {}

/** Where deleting a tenant's data can fail outside the database; the test controls inject failures here. */
export interface RetentionJobHooks {
  beforeRun(tenantId: string): void
}

/** The first retry waits a minute; each further failure in a row doubles the wait, up to an hour. */
export const FIRST_RETRY_MS = 60_000
export const MAX_RETRY_MS = 60 * 60_000

/**
 * A run that failed at `atMs`: it deleted nothing, and says when it is tried again — later after each failure in a
 * row, so a lasting fault neither hammers the database nor pushes the completed runs out of the kept history.
 */
export function failedRun(recentRuns: readonly Schemas['RetentionRun'][], atMs: number): Schemas['RetentionRun'] {
  let failuresInARow = 0
  for (const run of recentRuns) {
    if (run.outcome !== 'failed') break
    failuresInARow++
  }
  const wait = Math.min(MAX_RETRY_MS, FIRST_RETRY_MS * 2 ** Math.min(failuresInARow, 10))
  return { at: iso(atMs), outcome: 'failed', retryAt: iso(atMs + wait), deletedMessages: 0, deletedFiles: 0, heldMessages: 0, heldFiles: 0 }
}

/** Whether the newest run (runs newest first) failed and its retry time has not come yet. */
export function waitingToRetry(recentRuns: readonly Schemas['RetentionRun'][], nowMs: number): boolean {
  const newest = recentRuns[0]
  return newest?.outcome === 'failed' && newest.retryAt !== null && Date.parse(newest.retryAt) > nowMs
}

/** The scheduled (shortened) policies take effect at `atMs`. */
function applyPending(record: RetentionRecord, atMs: number): { record: RetentionRecord; history: HistoryInput[] } {
  const pending = record.pending
  if (!pending) return { record, history: [] }
  const policies = { ...record.policies }
  const history: HistoryInput[] = []
  for (const kind of retentionPolicyKindValues) {
    const period = pending.policies[kind]
    if (!period) continue
    history.push({
      at: iso(atMs),
      by: pending.requestedBy,
      onBehalfOf: null,
      kind,
      event: 'took_effect',
      before: policies[kind].period,
      after: period,
      effectiveAt: pending.effectiveAt,
      reason: pending.reason,
    })
    policies[kind] = { period, updatedAt: iso(atMs), updatedBy: pending.requestedBy }
  }
  return {
    record: { ...record, policies, updatedAt: iso(atMs), updatedBy: pending.requestedBy, pending: null, version: record.version + 1 },
    history,
  }
}

/** True when the clock has passed a scheduled run or the end of a grace period that has not been processed. */
export function retentionDue(record: RetentionRecord, now: number): boolean {
  const pendingAt = record.pending ? Date.parse(record.pending.effectiveAt) : Infinity
  return Date.parse(record.nextRunAt) <= now || pendingAt <= now
}

/**
 * Catches up with the clock, in time order: a grace period that ended applies its policies and runs at
 * once (deleting starts when the grace ends), then every daily run the clock has passed. Deterministic:
 * the same clock gives the same result however often it is looked at. Runs come back oldest first.
 */
export function settle(
  start: RetentionRecord,
  volume: VolumeModel,
  held: ReadonlySet<string>,
  now: number,
): { record: RetentionRecord; runs: Schemas['RetentionRun'][]; history: HistoryInput[] } {
  let record = start
  const runs: Schemas['RetentionRun'][] = []
  const history: HistoryInput[] = []
  let runAt = Date.parse(record.nextRunAt)
  const due = Math.floor((now - runAt) / DAY_MS) + 1
  if (due > MAX_CATCH_UP_RUNS) runAt += (due - MAX_CATCH_UP_RUNS) * DAY_MS
  for (;;) {
    const pendingAt = record.pending ? Date.parse(record.pending.effectiveAt) : Infinity
    if (pendingAt <= now && pendingAt <= runAt) {
      const applied = applyPending(record, pendingAt)
      history.push(...applied.history)
      const ran = executeRun(applied.record, volume, held, pendingAt)
      record = ran.record
      runs.push(ran.run)
      continue
    }
    if (runAt > now) break
    const ran = executeRun(record, volume, held, runAt)
    record = ran.record
    runs.push(ran.run)
    runAt += DAY_MS
  }
  return { record: { ...record, nextRunAt: iso(runAt) }, runs, history }
}

/**
 * What the platform did on its own, for the audit log: a scheduled change taking effect, each run that deleted or
 * held something (a run that found nothing to do stays in the run history only), and each failed run.
 */
export function runAudit(runs: readonly Schemas['RetentionRun'][], history: readonly HistoryInput[], tenantId: string): AuditInput[] {
  const changes: AuditInput[] = history
    .filter((entry) => entry.event === 'took_effect')
    .map((entry) => ({
      action: 'retention.change_took_effect',
      targetType: 'retention_policy',
      targetId: tenantId,
      targetName: 'Retention policies',
      before: { [entry.kind]: entry.before },
      after: { [entry.kind]: entry.after },
    }))
  const done: AuditInput[] = runs
    .filter((run) => run.outcome === 'failed' || run.deletedMessages + run.deletedFiles + run.heldMessages + run.heldFiles > 0)
    .map((run) => ({
      action: run.outcome === 'failed' ? 'retention.run_failed' : 'retention.run_completed',
      targetType: 'retention_run',
      targetId: run.at,
      targetName: run.at,
      before: null,
      after:
        run.outcome === 'failed'
          ? { retryAt: run.retryAt }
          : { deletedMessages: run.deletedMessages, deletedFiles: run.deletedFiles, heldMessages: run.heldMessages, heldFiles: run.heldFiles },
    }))
  return [...changes, ...done]
}
