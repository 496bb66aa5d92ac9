// Changing the retention policies: longer (or keep forever) applies at once; shorter is scheduled a grace period
// ahead (replacing any scheduled value for that kind, and moving the whole scheduled change to the new end of
// grace); setting a kind back to its current value cancels what was scheduled for it. The scheduled change can be
// cancelled until its grace period ends.
import { retentionPolicyKindValues, type components } from '@contract/schema.gen'
import { conflict, fieldError, validation, type FieldError } from '../errors'
import type { AuditInput, RetentionKind, RetentionRecord } from '../records'
import { checkPeriodLimit, DAY_MS, isShorter, samePeriod, type RetentionPeriod } from './period'
import type { HistoryInput } from './runs'

type Schemas = components['schemas']

export const AUDIT_LOG_MINIMUM_DAYS = 180

export interface ChangedBy {
  person: Schemas['RetentionPerson']
  /** The tenant a support agent acts for (null for the tenant's own administrators). */
  onBehalfOf: string | null
}

export interface PolicyChange {
  chat: RetentionPeriod
  files: RetentionPeriod
  graceDays?: number
  reason: string | null
  /** True when the request tried to set the audit log's retention (which the law fixes). */
  touchesAuditLog: boolean
}

const iso = (ms: number) => new Date(ms).toISOString()

/** The semantic checks of a proposal (the contract has checked its shape). */
export function checkProposal(proposal: { chat: RetentionPeriod; files: RetentionPeriod }, touchesAuditLog = false): void {
  const errors: FieldError[] = []
  checkPeriodLimit(proposal.chat, 'chat', errors)
  checkPeriodLimit(proposal.files, 'files', errors)
  if (touchesAuditLog) {
    errors.push(
      fieldError('auditLog', 'invalid', `The audit log is kept at least ${AUDIT_LOG_MINIMUM_DAYS} days by law; it cannot be changed.`, {
        min: AUDIT_LOG_MINIMUM_DAYS,
      }),
    )
  }
  if (errors.length > 0) throw validation(errors)
}

const policySnapshot = (record: RetentionRecord) => ({
  chat: record.policies.chat.period,
  files: record.policies.files.period,
  pending: record.pending ? { ...record.pending.policies, effectiveAt: record.pending.effectiveAt } : null,
})

/** Every administrator's change: a new version (so its ETag changes), who made it, and its audit event. */
function recorded(
  before: RetentionRecord,
  after: RetentionRecord,
  by: ChangedBy,
  now: number,
  action: string,
  reason: string | null,
): { record: RetentionRecord; audit: AuditInput[] } {
  const record = { ...after, version: before.version + 1, updatedAt: iso(now), updatedBy: by.person }
  return {
    record,
    audit: [
      {
        action,
        targetType: 'retention_policy',
        targetId: before.tenantId,
        targetName: 'Retention policies',
        before: policySnapshot(before),
        after: policySnapshot(record),
        reason,
      },
    ],
  }
}

/** Applies or schedules a proposal; `changed: false` when it changes nothing (nothing is written then). */
export function changePolicies(
  current: RetentionRecord,
  change: PolicyChange,
  by: ChangedBy,
  now: number,
): { changed: boolean; record: RetentionRecord; history: HistoryInput[]; audit: AuditInput[] } {
  checkProposal(change, change.touchesAuditLog)
  const grace = change.graceDays ?? current.graceDays
  const effectiveAt = iso(now + grace * DAY_MS)
  const policies = { ...current.policies }
  const pendingPolicies: Partial<Record<RetentionKind, RetentionPeriod>> = { ...(current.pending?.policies ?? {}) }
  const history: HistoryInput[] = []
  let changed = false
  let scheduled = false
  for (const kind of retentionPolicyKindValues) {
    const next = change[kind]
    const held = policies[kind].period
    const waiting = pendingPolicies[kind]
    const common = { at: iso(now), by: by.person, onBehalfOf: by.onBehalfOf, kind, before: held, reason: change.reason }
    if (waiting && samePeriod(waiting, next)) continue
    if (samePeriod(next, held)) {
      if (waiting) {
        delete pendingPolicies[kind]
        history.push({ ...common, event: 'cancelled', after: waiting, effectiveAt: current.pending?.effectiveAt ?? null })
        changed = true
      }
      continue
    }
    changed = true
    // A waiting shortening that another change replaces is withdrawn, and the history says so (never reads as pending).
    if (waiting) history.push({ ...common, event: 'withdrawn', after: waiting, effectiveAt: current.pending?.effectiveAt ?? null })
    if (isShorter(next, held, now)) {
      pendingPolicies[kind] = next
      scheduled = true
      history.push({ ...common, event: 'scheduled', after: next, effectiveAt })
    } else {
      delete pendingPolicies[kind]
      policies[kind] = { period: next, updatedAt: iso(now), updatedBy: by.person }
      history.push({ ...common, event: 'applied', after: next, effectiveAt: null })
    }
  }
  if (!changed) return { changed, record: current, history: [], audit: [] }

  const hasPending = retentionPolicyKindValues.some((kind) => pendingPolicies[kind] !== undefined)
  let pending: Schemas['PendingRetentionChange'] | null
  if (!hasPending) pending = null
  else if (scheduled || !current.pending) {
    pending = { policies: pendingPolicies, effectiveAt, requestedAt: iso(now), requestedBy: by.person, reason: change.reason, graceDays: grace }
  } else pending = { ...current.pending, policies: pendingPolicies }
  const result = recorded(current, { ...current, policies, pending }, by, now, scheduled ? 'retention.change_scheduled' : 'retention.changed', change.reason)
  return { changed, ...result, history }
}

export function cancelPending(
  current: RetentionRecord,
  reason: string | null,
  by: ChangedBy,
  now: number,
): { record: RetentionRecord; history: HistoryInput[]; audit: AuditInput[] } {
  const pending = current.pending
  if (!pending) throw conflict('Nothing is scheduled: the change was cancelled already, or its grace period has ended.')
  const history: HistoryInput[] = []
  for (const kind of retentionPolicyKindValues) {
    const period = pending.policies[kind]
    if (!period) continue
    history.push({
      at: iso(now),
      by: by.person,
      onBehalfOf: by.onBehalfOf,
      kind,
      event: 'cancelled',
      before: current.policies[kind].period,
      after: period,
      effectiveAt: pending.effectiveAt,
      reason,
    })
  }
  return { ...recorded(current, { ...current, pending: null }, by, now, 'retention.scheduled_change_cancelled', reason), history }
}
