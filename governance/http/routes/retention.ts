// Retention over HTTP: policies (ETag/If-Match), preview, cancelling a scheduled change, history, legal holds.
// Runs and grace-period ends the clock has passed happen in the server's scheduled job or, whichever comes first,
// in the request that next looks at the tenant (the browser mock has no jobs, so only the latter).
import type { components } from '@contract/schema.gen'
import { notFound, staleVersion } from '../../rules/errors'
import { cancelPending, changePolicies, checkProposal, AUDIT_LOG_MINIMUM_DAYS, type ChangedBy } from '../../rules/retention/policy'
import { impactOf } from '../../rules/retention/preview'
import { placeHold, releaseHold, sortHolds } from '../../rules/retention/holds'
import { executeRun, failedRun, retentionDue, runAudit, RunFailure, settle, waitingToRetry, type HistoryInput, type RetentionJobHooks } from '../../rules/retention/runs'
import { heldOwners, RECENT_RUNS } from '../../rules/retention/volume'
import type { Actor } from '../../rules/access'
import type { LegalHoldRecord, RetentionRecord, VolumeModel } from '../../rules/records'
import { givenText } from '../../rules/text'
import type { GovernanceStore, Transaction } from '../../store/port'
import { recordAudit, recordSystemAudit } from '../audit-trail'
import { settleRemovals } from '../member-removals'
import { decodeCursor, DEFAULT_LIMIT, encodeCursor, hashText } from '../paging'
import { created, etagOf, ok, tenantRoute } from '../route'

type Schemas = components['schemas']
const base = '/api/v1/tenants/:tenantId'
const iso = (ms: number) => new Date(ms).toISOString()

interface Loaded {
  record: RetentionRecord
  volume: VolumeModel
  holds: LegalHoldRecord[]
}

async function load(tx: Transaction, tenantId: string): Promise<Loaded> {
  const [record, volume, holds] = await Promise.all([tx.retention.get(tenantId), tx.retention.volume(tenantId), tx.retention.holds(tenantId)])
  if (!record || !volume) throw notFound('retention settings for tenant', tenantId)
  return { record, volume, holds }
}

async function saveHistory(tx: Transaction, tenantId: string, history: readonly HistoryInput[]): Promise<void> {
  if (history.length > 0) await tx.retention.appendHistory(tenantId, [...history])
}

export type RunOutcome = 'nothing due' | 'completed' | 'failed' | 'waiting to retry'

/** Enough of the newest runs to count the failures in a row (the wait doubles with each, capped). */
const RUNS_FOR_BACKOFF = 12

/**
 * The tenant's retention caught up with the clock: runs and grace-period ends that are due happen now — in the
 * server's scheduled job, or in whichever request looks at the tenant first. A run that fails is recorded as failed
 * with the time of its next try; until then nothing retries it, and the settings show the failure.
 */
export async function settled(tx: Transaction, tenantId: string, now: number, jobs?: RetentionJobHooks): Promise<Loaded & { run: RunOutcome }> {
  // Removed members whose date has passed lose their data first: the figures below count without it.
  await settleRemovals(tx, tenantId, now)
  const loaded = await load(tx, tenantId)
  if (!retentionDue(loaded.record, now)) return { ...loaded, run: 'nothing due' }
  const recent = await tx.retention.runs(tenantId, RUNS_FOR_BACKOFF)
  if (waitingToRetry(recent, now)) return { ...loaded, run: 'waiting to retry' }
  try {
    jobs?.beforeRun(tenantId)
  } catch (error) {
    if (!(error instanceof RunFailure)) throw error
    await recordFailedRun(tx, tenantId, now)
    return { ...loaded, run: 'failed' }
  }
  const result = settle(loaded.record, loaded.volume, heldOwners(loaded.holds), now)
  await tx.retention.save(result.record)
  for (const run of result.runs) await tx.retention.addRun({ ...run, tenantId })
  await saveHistory(tx, tenantId, result.history)
  await recordSystemAudit(tx, tenantId, now, runAudit(result.runs, result.history, tenantId))
  return { ...loaded, record: result.record, run: 'completed' }
}

/**
 * Every tenant caught up with the clock, one transaction each: the test controls' reset does this at once, so the
 * runs the clock has already passed (and their audit entries) are done before anyone acts, not at some later tick.
 */
export async function catchUpRetention(store: GovernanceStore, now: number): Promise<void> {
  const tenants = await store.transaction((tx) => tx.tenants.list())
  for (const tenant of tenants) await store.transaction((tx) => settled(tx, tenant.id, now))
}

/** A failed attempt, in the tenant's run history with the time of the next try. */
export async function recordFailedRun(tx: Transaction, tenantId: string, now: number): Promise<void> {
  const run = failedRun(await tx.retention.runs(tenantId, RUNS_FOR_BACKOFF), now)
  await tx.retention.addRun({ ...run, tenantId })
  await recordSystemAudit(tx, tenantId, now, runAudit([run], [], tenantId))
}

async function settingsView(tx: Transaction, record: RetentionRecord, now: number): Promise<Schemas['RetentionSettings']> {
  const runs = (await tx.retention.runs(record.tenantId, RECENT_RUNS)).map(({ tenantId: _tenantId, ...run }) => run)
  return {
    tenantId: record.tenantId,
    etag: etagOf(record.version),
    asOf: iso(now),
    policies: record.policies,
    auditLog: { minimumDays: AUDIT_LOG_MINIMUM_DAYS },
    graceDays: record.graceDays,
    pending: record.pending,
    nextRunAt: record.nextRunAt,
    lastRun: runs[0] ?? null,
    recentRuns: runs,
    updatedAt: record.updatedAt,
    updatedBy: record.updatedBy,
  }
}

const settingsReply = (view: Schemas['RetentionSettings']) => ok(view, { ETag: view.etag })
const holdView = ({ tenantId: _tenantId, ...hold }: LegalHoldRecord): Schemas['LegalHold'] => hold
const changedBy = (actor: Actor): ChangedBy => ({ person: { id: actor.user.id, name: actor.user.name }, onBehalfOf: actor.onBehalfOf })

/** The mock's and the test controls' "run now": catch up first, then one extra run at `now`. */
export async function runRetentionNow(tx: Transaction, tenantId: string, now: number, jobs?: RetentionJobHooks): Promise<Schemas['RetentionRun']> {
  const loaded = await settled(tx, tenantId, now, jobs)
  const { record, run } = executeRun(loaded.record, loaded.volume, heldOwners(loaded.holds), now)
  await tx.retention.save(record)
  await tx.retention.addRun({ ...run, tenantId })
  await recordSystemAudit(tx, tenantId, now, runAudit([run], [], tenantId))
  return run
}

export const retentionRoutes = [
  tenantRoute({ method: 'get', path: `${base}/retention`, operationId: 'getRetention', access: 'tenant:read' }, async ({ tx, tenantId, now, deps }) =>
    settingsReply(await settingsView(tx, (await settled(tx, tenantId, now, deps.retentionJobs)).record, now)),
  ),

  tenantRoute(
    { method: 'put', path: `${base}/retention`, operationId: 'putRetention', access: 'tenant:write', ifMatch: true },
    async ({ tx, tenantId, now, deps, body, actor, ifMatch }) => {
      const { record } = await settled(tx, tenantId, now, deps.retentionJobs)
      const touchesAuditLog = typeof body === 'object' && body !== null && 'auditLog' in body
      checkProposal(body, touchesAuditLog)
      if (ifMatch !== record.version) throw staleVersion(await settingsView(tx, record, now))
      const result = changePolicies(
        record,
        { chat: body.chat, files: body.files, ...(body.graceDays !== undefined ? { graceDays: body.graceDays } : {}), reason: givenText(body.reason, 'reason', false), touchesAuditLog },
        changedBy(actor),
        now,
      )
      if (!result.changed) return settingsReply(await settingsView(tx, record, now))
      await tx.retention.save(result.record)
      await saveHistory(tx, tenantId, result.history)
      await recordAudit(tx, actor, now, result.audit)
      return settingsReply(await settingsView(tx, result.record, now))
    },
  ),

  tenantRoute({ method: 'post', path: `${base}/retention/preview`, operationId: 'previewRetention', access: 'tenant:read' }, async ({ tx, tenantId, now, deps, body }) => {
    checkProposal(body)
    const { record, volume, holds } = await settled(tx, tenantId, now, deps.retentionJobs)
    const held = heldOwners(holds)
    return ok({
      asOf: iso(now),
      chat: impactOf(record, volume, held, 'chat', body.chat, now),
      files: impactOf(record, volume, held, 'files', body.files, now),
    })
  }),

  tenantRoute(
    { method: 'post', path: `${base}/retention/pending/cancel`, operationId: 'cancelPendingRetention', access: 'tenant:write', idempotent: true },
    async ({ tx, tenantId, now, deps, body, actor }) => {
      const { record } = await settled(tx, tenantId, now, deps.retentionJobs)
      const result = cancelPending(record, givenText(body?.reason, 'reason', false), changedBy(actor), now)
      await tx.retention.save(result.record)
      await saveHistory(tx, tenantId, result.history)
      await recordAudit(tx, actor, now, result.audit)
      return settingsReply(await settingsView(tx, result.record, now))
    },
  ),

  tenantRoute(
    { method: 'get', path: `${base}/retention/history`, operationId: 'listRetentionHistory', access: 'tenant:read' },
    async ({ tx, tenantId, now, deps, query }) => {
      await settled(tx, tenantId, now, deps.retentionJobs)
      const limit = query.limit ?? DEFAULT_LIMIT
      const fingerprint = hashText(`retention-history:${tenantId}`)
      const beforeSeq = decodeCursor(query.cursor, fingerprint)
      const entries = await tx.retention.history(tenantId, beforeSeq, limit + 1)
      const page = entries.slice(0, limit)
      const last = page[page.length - 1]
      return ok({
        items: page.map(({ tenantId: _tenantId, seq: _seq, ...entry }) => entry),
        nextCursor: entries.length > limit && last ? encodeCursor(last.seq, fingerprint) : null,
      })
    },
  ),

  tenantRoute({ method: 'get', path: `${base}/legal-holds`, operationId: 'listLegalHolds', access: 'tenant:read' }, async ({ tx, tenantId, now, deps }) => {
    const { holds, volume } = await settled(tx, tenantId, now, deps.retentionJobs)
    return ok({ items: sortHolds(holds).map(holdView), groups: volume.groups })
  }),

  tenantRoute(
    { method: 'post', path: `${base}/legal-holds`, operationId: 'placeLegalHold', access: 'tenant:write', idempotent: true },
    async ({ tx, tenantId, now, deps, body, actor }) => {
      const reason = givenText(body.reason, 'reason', true) ?? ''
      const { holds, volume } = await settled(tx, tenantId, now, deps.retentionJobs)
      const targetId = body.targetId.trim()
      const targetName =
        body.targetType === 'member' ? (await tx.members.get(tenantId, targetId))?.name : volume.groups.find((group) => group.id === targetId)?.name
      const result = placeHold(holds, { targetType: body.targetType, targetId, reason }, targetName, {
        id: await tx.ids.next(`lh-${tenantId.replace(/^t-/, '')}`),
        tenantId,
        at: iso(now),
        by: changedBy(actor).person,
      })
      await tx.retention.saveHold(result.hold)
      await recordAudit(tx, actor, now, result.audit)
      return created(holdView(result.hold))
    },
  ),

  tenantRoute(
    { method: 'post', path: `${base}/legal-holds/:holdId/release`, operationId: 'releaseLegalHold', access: 'tenant:write', idempotent: true },
    async ({ tx, tenantId, now, deps, body, actor, params }) => {
      const { holds } = await settled(tx, tenantId, now, deps.retentionJobs)
      const hold = holds.find((candidate) => candidate.id === params.holdId)
      if (!hold) throw notFound('legal hold', params.holdId ?? '')
      const result = releaseHold(hold, givenText(body.reason, 'reason', true) ?? '', iso(now), changedBy(actor).person)
      await tx.retention.saveHold(result.hold)
      await recordAudit(tx, actor, now, result.audit)
      return ok(holdView(result.hold))
    },
  ),
]
