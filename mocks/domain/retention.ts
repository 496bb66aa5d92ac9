// Retention rules: policies with an ETag, shortened policies scheduled after a grace period, legal holds,
// the impact preview, and deletion runs that really remove the modelled items past the policy and not held.
import type { components } from '@contract/schema.gen'
import { listTenantMembers } from '../db/members'
import {
  dayIndex,
  RECENT_RUNS,
  RETENTION_KINDS,
  tenantVolume,
  unitsBetween,
  type RetentionKind,
  type StoredRetention,
  type TenantVolume,
} from '../db/retention-seed'
import type { MockDbState } from '../db/state'
import type { ActorContext } from './access'
import { recordAudit } from './audit'
import { etagFor, assertIfMatch } from './etag'
import { conflict, fieldError, notFound, validation, type FieldError } from './errors'
import { isRecord, readEnum, readInteger, requireObject } from './input'
import { decodeCursor, encodeCursor, readLimit } from './paging'
import { DAY_MS, isShorter, periodCutoff, readPeriod, samePeriod, type RetentionPeriod } from './retention-period'
import { hashString } from './rng'

type Schemas = components['schemas']
type Person = Schemas['RetentionPerson']

export const AUDIT_LOG_MINIMUM_DAYS = 180
export const MIN_GRACE_DAYS = 1
export const MAX_GRACE_DAYS = 90
/** Age buckets of the preview chart. */
export const BUCKET_DAYS = 30
/** A clock jump over many days replays at most this many daily runs; runs are cumulative, so the result is the same. */
const MAX_CATCH_UP_RUNS = 60
const MAX_REASON = 500

const iso = (ms: number) => new Date(ms).toISOString()
const person = (actor: ActorContext): Person => ({ id: actor.user.id, name: actor.user.name })

export function retentionOf(state: MockDbState, tenantId: string): StoredRetention {
  const retention = state.retention[tenantId]
  if (!retention) throw notFound('retention settings for tenant', tenantId)
  return retention
}

function volumeOf(state: MockDbState, tenantId: string): TenantVolume {
  const source = state.memberSources[tenantId]
  if (!source) throw notFound('tenant', tenantId)
  return tenantVolume(tenantId, source)
}

export function heldOwners(retention: StoredRetention): Set<string> {
  return new Set(retention.holds.filter((hold) => hold.releasedAt === null).map((hold) => hold.targetId))
}

const purgedFor = (retention: StoredRetention, ownerId: string, kind: RetentionKind): number =>
  retention.purgedExceptions[ownerId]?.[kind] ?? retention.purgedBefore[kind]

/** Owners grouped by (first stored day, held): a handful of classes instead of hundreds of owners. */
function ownerClasses(volume: TenantVolume, retention: StoredRetention, kind: RetentionKind, held: Set<string>) {
  const classes = new Map<string, { from: number; held: boolean; weight: number }>()
  for (const owner of volume.owners) {
    const from = purgedFor(retention, owner.id, kind)
    const isHeld = held.has(owner.id)
    const key = `${from}:${isHeld}`
    const entry = classes.get(key)
    if (entry) entry.weight += owner.weight
    else classes.set(key, { from, held: isHeld, weight: owner.weight })
  }
  return [...classes.values()]
}

const cutoffDay = (period: RetentionPeriod, atMs: number): number | null => {
  const cutoff = periodCutoff(period, atMs)
  return cutoff === null ? null : dayIndex(cutoff)
}

// ---- Deletion runs ------------------------------------------------------------------------------

/** Deletes, for every owner not under a hold, each kind's items from days before the policy's cut-off at `atMs`. */
export function executeRun(state: MockDbState, tenantId: string, atMs: number): Schemas['RetentionRun'] {
  const retention = retentionOf(state, tenantId)
  const volume = volumeOf(state, tenantId)
  const held = heldOwners(retention)
  const deleted: Record<RetentionKind, number> = { chat: 0, files: 0 }
  const kept: Record<RetentionKind, number> = { chat: 0, files: 0 }
  for (const kind of RETENTION_KINDS) {
    const cut = cutoffDay(retention.policies[kind].period, atMs)
    if (cut === null) continue
    const finalValue = new Map<string, number>()
    for (const owner of volume.owners) {
      const from = purgedFor(retention, owner.id, kind)
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
    const baseline = Math.max(retention.purgedBefore[kind], cut)
    retention.purgedBefore[kind] = baseline
    for (const [ownerId, value] of finalValue) {
      const exception = retention.purgedExceptions[ownerId]
      if (value !== baseline) {
        retention.purgedExceptions[ownerId] = { ...(exception ?? { chat: retention.purgedBefore.chat, files: retention.purgedBefore.files }), [kind]: value }
      } else if (exception) {
        exception[kind] = value
      }
    }
  }
  // Drop exceptions that no longer differ from the baseline.
  for (const [ownerId, exception] of Object.entries(retention.purgedExceptions)) {
    if (exception.chat === retention.purgedBefore.chat && exception.files === retention.purgedBefore.files) {
      delete retention.purgedExceptions[ownerId]
    }
  }
  const run: Schemas['RetentionRun'] = {
    at: iso(atMs),
    deletedMessages: deleted.chat,
    deletedFiles: deleted.files,
    heldMessages: kept.chat,
    heldFiles: kept.files,
  }
  retention.runs = [run, ...retention.runs].slice(0, RECENT_RUNS)
  return run
}

function applyPending(retention: StoredRetention, atMs: number): void {
  const pending = retention.pending
  if (!pending) return
  for (const kind of RETENTION_KINDS) {
    const period = pending.policies[kind]
    if (!period) continue
    const before = retention.policies[kind].period
    retention.policies[kind] = { period, updatedAt: iso(atMs), updatedBy: pending.requestedBy }
    addHistory(retention, {
      at: iso(atMs),
      by: pending.requestedBy,
      onBehalfOf: null,
      kind,
      event: 'took_effect',
      before,
      after: period,
      effectiveAt: pending.effectiveAt,
      reason: pending.reason,
    })
  }
  retention.updatedAt = iso(atMs)
  retention.updatedBy = pending.requestedBy
  retention.pending = null
  retention.version++
}

/** True when the clock has passed a scheduled run or the end of a grace period that has not been processed. */
export function retentionDue(state: MockDbState, tenantId: string, now: number): boolean {
  const retention = state.retention[tenantId]
  if (!retention) return false
  const pendingAt = retention.pending ? Date.parse(retention.pending.effectiveAt) : Infinity
  return Date.parse(retention.nextRunAt) <= now || pendingAt <= now
}

/**
 * Catches up with the clock, in time order: a grace period that ended applies its policies and runs at
 * once (deleting starts when the grace ends), then every daily run the clock has passed. Deterministic:
 * the same clock gives the same result however often state is read.
 */
export function settleRetention(state: MockDbState, tenantId: string, now: number): void {
  const retention = retentionOf(state, tenantId)
  let runAt = Date.parse(retention.nextRunAt)
  const due = Math.floor((now - runAt) / DAY_MS) + 1
  if (due > MAX_CATCH_UP_RUNS) runAt += (due - MAX_CATCH_UP_RUNS) * DAY_MS
  for (;;) {
    const pendingAt = retention.pending ? Date.parse(retention.pending.effectiveAt) : Infinity
    if (pendingAt <= now && pendingAt <= runAt) {
      applyPending(retention, pendingAt)
      executeRun(state, tenantId, pendingAt)
      continue
    }
    if (runAt > now) break
    executeRun(state, tenantId, runAt)
    runAt += DAY_MS
  }
  retention.nextRunAt = iso(runAt)
}

/** The mock control API's "run now": catch up first, then one extra run at `now`. */
export function runRetentionNow(state: MockDbState, tenantId: string, now: number): Schemas['RetentionRun'] {
  settleRetention(state, tenantId, now)
  return executeRun(state, tenantId, now)
}

// ---- Views --------------------------------------------------------------------------------------

export function retentionView(state: MockDbState, tenantId: string, now: number): Schemas['RetentionSettings'] {
  const retention = retentionOf(state, tenantId)
  return {
    tenantId,
    etag: etagFor(retention.version),
    asOf: iso(now),
    policies: retention.policies,
    auditLog: { minimumDays: AUDIT_LOG_MINIMUM_DAYS },
    graceDays: retention.graceDays,
    pending: retention.pending,
    nextRunAt: retention.nextRunAt,
    lastRun: retention.runs[0] ?? null,
    recentRuns: retention.runs,
    updatedAt: retention.updatedAt,
    updatedBy: retention.updatedBy,
  }
}

export const retentionEtag = (state: MockDbState, tenantId: string): string => etagFor(retentionOf(state, tenantId).version)

// ---- Preview ------------------------------------------------------------------------------------

function readPolicySet(body: unknown, errors: FieldError[]): Record<RetentionKind, RetentionPeriod | undefined> & { raw: Record<string, unknown> } {
  const raw = requireObject(body)
  return { raw, chat: readPeriod(raw.chat, 'chat', errors), files: readPeriod(raw.files, 'files', errors) }
}

/** What `period` would do to a kind if a run happened at `now`, with age buckets for the chart. */
export function impactOf(
  state: MockDbState,
  tenantId: string,
  kind: RetentionKind,
  period: RetentionPeriod,
  now: number,
): Schemas['RetentionImpact'] {
  const retention = retentionOf(state, tenantId)
  const volume = volumeOf(state, tenantId)
  const classes = ownerClasses(volume, retention, kind, heldOwners(retention))
  const today = dayIndex(now)
  const end = today + 1
  const cutoff = periodCutoff(period, now)
  const cut = cutoff === null ? null : dayIndex(cutoff)
  let total = 0
  let toDelete = 0
  let held = 0
  for (const group of classes) {
    total += group.weight * unitsBetween(volume, kind, group.from, end)
    if (cut === null) continue
    const past = group.weight * unitsBetween(volume, kind, group.from, cut)
    if (group.held) held += past
    else toDelete += past
  }
  const buckets: Schemas['RetentionAgeBucket'][] = []
  const oldestAge = today - volume.firstDay
  for (let fromDays = 0; fromDays <= oldestAge; fromDays += BUCKET_DAYS) {
    const toDays = fromDays + BUCKET_DAYS
    // Ages [fromDays, toDays) are the days (today - toDays, today - fromDays].
    const lo = today - toDays + 1
    const hi = today - fromDays + 1
    const bucket = { fromDays, toDays, kept: 0, toDelete: 0, held: 0 }
    for (const group of classes) {
      const start = Math.max(lo, group.from)
      const inBucket = group.weight * unitsBetween(volume, kind, start, hi)
      const past = cut === null ? 0 : group.weight * unitsBetween(volume, kind, start, Math.min(hi, cut))
      bucket.kept += inBucket - past
      if (group.held) bucket.held += past
      else bucket.toDelete += past
    }
    buckets.push(bucket)
  }
  return {
    kind,
    shortens: isShorter(period, retention.policies[kind].period, now),
    cutoff: cutoff === null ? null : iso(cutoff),
    cutoffDays: cut === null ? null : today - cut,
    total,
    toDelete,
    held,
    buckets,
  }
}

export function previewRetention(state: MockDbState, tenantId: string, now: number, body: unknown): Schemas['RetentionPreview'] {
  const errors: FieldError[] = []
  const proposed = readPolicySet(body, errors)
  if (errors.length > 0 || !proposed.chat || !proposed.files) throw validation(errors)
  return {
    asOf: iso(now),
    chat: impactOf(state, tenantId, 'chat', proposed.chat, now),
    files: impactOf(state, tenantId, 'files', proposed.files, now),
  }
}

// ---- Changing the policies ----------------------------------------------------------------------

function readReason(raw: unknown, errors: FieldError[], required: boolean): string | null {
  if (raw === undefined || raw === null || (typeof raw === 'string' && raw.trim() === '')) {
    if (required) errors.push(fieldError('reason', 'required', 'A reason is required.'))
    return null
  }
  if (typeof raw !== 'string') {
    errors.push(fieldError('reason', 'invalid', 'reason must be text.'))
    return null
  }
  if (raw.length > MAX_REASON) {
    errors.push(fieldError('reason', 'too_large', `reason must be at most ${MAX_REASON} characters.`, { max: MAX_REASON }))
    return null
  }
  return raw.trim()
}

function addHistory(retention: StoredRetention, entry: Omit<Schemas['RetentionHistoryEntry'], 'id'>): void {
  const seq = retention.nextHistorySeq++
  retention.history.push({ ...entry, id: `rh-${seq}`, seq })
}

const policySnapshot = (retention: StoredRetention) => ({
  chat: retention.policies.chat.period,
  files: retention.policies.files.period,
  pending: retention.pending ? { ...retention.pending.policies, effectiveAt: retention.pending.effectiveAt } : null,
})

/**
 * PUT: longer (or keep forever) applies at once; shorter is scheduled `graceDays` ahead (replacing any
 * scheduled value for that kind, and moving the whole scheduled change to the new end of grace);
 * setting a kind back to its current value cancels what was scheduled for it.
 */
export function updateRetention(
  state: MockDbState,
  actor: ActorContext,
  now: number,
  body: unknown,
  ifMatch: string | null,
): Schemas['RetentionSettings'] {
  const tenantId = actor.tenantId
  settleRetention(state, tenantId, now)
  const retention = retentionOf(state, tenantId)
  const errors: FieldError[] = []
  const proposed = readPolicySet(body, errors)
  const rawGrace = proposed.raw.graceDays
  let graceDays: number | undefined
  if (rawGrace !== undefined && rawGrace !== null && typeof rawGrace !== 'number') {
    errors.push(fieldError('graceDays', 'not_integer', 'graceDays must be a whole number.'))
  } else graceDays = readInteger(rawGrace, 'graceDays', errors, { min: MIN_GRACE_DAYS, max: MAX_GRACE_DAYS })
  const reason = readReason(proposed.raw.reason, errors, false)
  if ('auditLog' in proposed.raw) {
    errors.push(
      fieldError('auditLog', 'invalid', `The audit log is kept at least ${AUDIT_LOG_MINIMUM_DAYS} days by law; it cannot be changed.`, {
        min: AUDIT_LOG_MINIMUM_DAYS,
      }),
    )
  }
  if (errors.length > 0 || !proposed.chat || !proposed.files) throw validation(errors)
  assertIfMatch(ifMatch, retention.version, retentionView(state, tenantId, now))

  const before = policySnapshot(retention)
  const by = person(actor)
  const grace = graceDays ?? retention.graceDays
  const effectiveAt = iso(now + grace * DAY_MS)
  let changed = false
  let scheduled = false
  const pendingPolicies: Partial<Record<RetentionKind, RetentionPeriod>> = { ...(retention.pending?.policies ?? {}) }
  for (const kind of RETENTION_KINDS) {
    const next = kind === 'chat' ? proposed.chat : proposed.files
    const current = retention.policies[kind].period
    const waiting = pendingPolicies[kind]
    const common = { at: iso(now), by, onBehalfOf: actor.onBehalfOf, kind, before: current, reason }
    if (waiting && samePeriod(waiting, next)) continue
    if (samePeriod(next, current)) {
      if (waiting) {
        delete pendingPolicies[kind]
        addHistory(retention, { ...common, event: 'cancelled', after: waiting, effectiveAt: retention.pending?.effectiveAt ?? null })
        changed = true
      }
      continue
    }
    changed = true
    if (isShorter(next, current, now)) {
      pendingPolicies[kind] = next
      scheduled = true
      addHistory(retention, { ...common, event: 'scheduled', after: next, effectiveAt })
    } else {
      delete pendingPolicies[kind]
      retention.policies[kind] = { period: next, updatedAt: iso(now), updatedBy: by }
      addHistory(retention, { ...common, event: 'applied', after: next, effectiveAt: null })
    }
  }
  if (!changed) return retentionView(state, tenantId, now)

  const hasPending = RETENTION_KINDS.some((kind) => pendingPolicies[kind] !== undefined)
  if (!hasPending) retention.pending = null
  else if (scheduled || !retention.pending) {
    retention.pending = { policies: pendingPolicies, effectiveAt, requestedAt: iso(now), requestedBy: by, reason, graceDays: grace }
  } else retention.pending = { ...retention.pending, policies: pendingPolicies }
  recordRetentionChange(state, actor, now, retention, { action: scheduled ? 'retention.change_scheduled' : 'retention.changed', before, reason })
  return retentionView(state, tenantId, now)
}

/** Every administrator's change: a new version (so its ETag changes), who made it, and its audit event. */
function recordRetentionChange(
  state: MockDbState,
  actor: ActorContext,
  now: number,
  retention: StoredRetention,
  change: { action: string; before: ReturnType<typeof policySnapshot>; reason: string | null },
): void {
  retention.version++
  retention.updatedAt = iso(now)
  retention.updatedBy = person(actor)
  recordAudit(state, actor, now, {
    ...change,
    targetType: 'retention_policy',
    targetId: actor.tenantId,
    targetName: 'Retention policies',
    after: policySnapshot(retention),
  })
}

export function cancelPendingRetention(state: MockDbState, actor: ActorContext, now: number, body: unknown): Schemas['RetentionSettings'] {
  const tenantId = actor.tenantId
  settleRetention(state, tenantId, now)
  const retention = retentionOf(state, tenantId)
  const errors: FieldError[] = []
  const reason = readReason(isRecord(body) ? body.reason : undefined, errors, false)
  if (body !== undefined && !isRecord(body)) errors.push(fieldError('body', 'invalid', 'The request body must be a JSON object.'))
  if (errors.length > 0) throw validation(errors)
  const pending = retention.pending
  if (!pending) throw conflict('Nothing is scheduled: the change was cancelled already, or its grace period has ended.')
  const before = policySnapshot(retention)
  const by = person(actor)
  for (const kind of RETENTION_KINDS) {
    const period = pending.policies[kind]
    if (!period) continue
    addHistory(retention, {
      at: iso(now),
      by,
      onBehalfOf: actor.onBehalfOf,
      kind,
      event: 'cancelled',
      before: retention.policies[kind].period,
      after: period,
      effectiveAt: pending.effectiveAt,
      reason,
    })
  }
  retention.pending = null
  recordRetentionChange(state, actor, now, retention, { action: 'retention.scheduled_change_cancelled', before, reason })
  return retentionView(state, tenantId, now)
}

export function listRetentionHistory(
  state: MockDbState,
  tenantId: string,
  query: { cursor?: string | null; limit?: string | null },
): { items: Schemas['RetentionHistoryEntry'][]; nextCursor: string | null } {
  const errors: FieldError[] = []
  const limit = readLimit(query.limit, errors)
  if (errors.length > 0) throw validation(errors)
  const fingerprint = hashString(`retention-history:${tenantId}`)
  const below = decodeCursor(query.cursor, fingerprint) ?? Number.POSITIVE_INFINITY
  const entries = retentionOf(state, tenantId).history.filter((entry) => entry.seq < below).sort((a, b) => b.seq - a.seq)
  const page = entries.slice(0, limit)
  const last = page[page.length - 1]
  return {
    items: page.map(({ seq: _seq, ...entry }) => entry),
    nextCursor: entries.length > limit && last ? encodeCursor(last.seq, fingerprint) : null,
  }
}

// ---- Legal holds --------------------------------------------------------------------------------

const TARGET_TYPES = ['member', 'group'] as const

export function listLegalHolds(state: MockDbState, tenantId: string): { items: Schemas['LegalHold'][]; groups: Schemas['ChatGroup'][] } {
  const holds = [...retentionOf(state, tenantId).holds].sort((a, b) => {
    // Holds in force first, then the most recent.
    if ((a.releasedAt === null) !== (b.releasedAt === null)) return a.releasedAt === null ? -1 : 1
    return Date.parse(b.placedAt) - Date.parse(a.placedAt)
  })
  return { items: holds, groups: volumeOf(state, tenantId).groups }
}

export function placeLegalHold(state: MockDbState, actor: ActorContext, now: number, body: unknown): Schemas['LegalHold'] {
  const tenantId = actor.tenantId
  settleRetention(state, tenantId, now)
  const retention = retentionOf(state, tenantId)
  const input = requireObject(body)
  const errors: FieldError[] = []
  const targetType = readEnum(input.targetType, 'targetType', TARGET_TYPES, errors)
  if (input.targetType === undefined || input.targetType === null || input.targetType === '') {
    errors.push(fieldError('targetType', 'required', 'targetType is required.'))
  }
  const targetId = typeof input.targetId === 'string' ? input.targetId.trim() : ''
  if (targetId === '') errors.push(fieldError('targetId', 'required', 'Choose the member or group to hold.'))
  const reason = readReason(input.reason, errors, true)
  if (errors.length > 0 || !targetType || reason === null) throw validation(errors)

  let targetName: string | undefined
  if (targetType === 'member') targetName = listTenantMembers(state, tenantId).find((member) => member.id === targetId)?.name
  else targetName = volumeOf(state, tenantId).groups.find((group) => group.id === targetId)?.name
  if (targetName === undefined) throw validation([fieldError('targetId', 'invalid', `No ${targetType} "${targetId}" in this tenant.`)])
  if (retention.holds.some((hold) => hold.targetId === targetId && hold.releasedAt === null)) {
    throw conflict(`${targetName} is already under a legal hold.`)
  }
  const seq = retention.nextHoldSeq++
  const hold: Schemas['LegalHold'] = {
    id: `lh-${tenantId.replace(/^t-/, '')}-${seq}`,
    targetType,
    targetId,
    targetName,
    reason,
    placedAt: iso(now),
    placedBy: person(actor),
    releasedAt: null,
    releasedBy: null,
    releaseReason: null,
  }
  retention.holds.push(hold)
  recordAudit(state, actor, now, {
    action: 'legal_hold.placed',
    targetType: 'legal_hold',
    targetId: hold.id,
    targetName,
    before: null,
    after: { targetType, targetId, targetName },
    reason,
  })
  return hold
}

export function releaseLegalHold(state: MockDbState, actor: ActorContext, now: number, holdId: string, body: unknown): Schemas['LegalHold'] {
  const tenantId = actor.tenantId
  settleRetention(state, tenantId, now)
  const retention = retentionOf(state, tenantId)
  const hold = retention.holds.find((candidate) => candidate.id === holdId)
  if (!hold) throw notFound('legal hold', holdId)
  const errors: FieldError[] = []
  const reason = readReason(requireObject(body).reason, errors, true)
  if (errors.length > 0 || reason === null) throw validation(errors)
  if (hold.releasedAt !== null) throw conflict(`The hold on ${hold.targetName} was already lifted.`)
  hold.releasedAt = iso(now)
  hold.releasedBy = person(actor)
  hold.releaseReason = reason
  recordAudit(state, actor, now, {
    action: 'legal_hold.released',
    targetType: 'legal_hold',
    targetId: hold.id,
    targetName: hold.targetName,
    before: { releasedAt: null },
    after: { releasedAt: hold.releasedAt },
    reason,
  })
  return hold
}
