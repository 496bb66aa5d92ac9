// Retention rules on a small, exact volume model: runs delete what is past the cut-off except for held owners,
// grace periods take effect and run, policy changes apply or schedule, holds conflict and lift.
import { describe, expect, it } from 'vitest'
import { expectRule } from '../expect-rule'
import type { LegalHoldRecord, RetentionRecord, VolumeModel } from '../records'
import { placeHold, releaseHold, sortHolds } from './holds'
import { cancelPending, changePolicies } from './policy'
import { impactOf } from './preview'
import { DAY_MS } from './period'
import { executeRun, retentionDue, settle } from './runs'
import { dayIndex, DAY_ZERO_MS, heldOwners } from './volume'

const EPOCH = Date.parse('2026-11-20T01:00:00.000Z')
const RUN = DAY_ZERO_MS + 18 * 3_600_000
const ninetyDays = { mode: 'period', value: 90, unit: 'days' } as const
const oneYear = { mode: 'period', value: 1, unit: 'years' } as const
const by = { person: { id: 'admin', name: 'Admin' }, onBehalfOf: null }

/** One chat message per owner weight and day over 1 000 days before day 0 and 100 after; one file every day. */
function volume(): VolumeModel {
  const firstDay = -1_000
  const endDay = 100
  const days = endDay - firstDay
  const prefix = { chat: new Float64Array(days + 1), files: new Float64Array(days + 1) }
  for (let i = 0; i < days; i++) {
    prefix.chat[i + 1] = (prefix.chat[i] ?? 0) + 1
    prefix.files[i + 1] = (prefix.files[i] ?? 0) + 1
  }
  return { owners: [{ id: 'm-1', weight: 1 }, { id: 'g-1', weight: 2 }], groups: [{ id: 'g-1', name: 'All hands' }], firstDay, endDay, prefix }
}

function record(over: Partial<RetentionRecord> = {}): RetentionRecord {
  return {
    tenantId: 't',
    version: 1,
    policies: {
      chat: { period: oneYear, updatedAt: '2025-01-01T00:00:00.000Z', updatedBy: by.person },
      files: { period: { mode: 'forever' }, updatedAt: '2025-01-01T00:00:00.000Z', updatedBy: by.person },
    },
    graceDays: 7,
    updatedAt: '2025-01-01T00:00:00.000Z',
    updatedBy: by.person,
    pending: null,
    nextRunAt: new Date(RUN).toISOString(),
    purgedBefore: { chat: -1_000, files: -1_000 },
    purgedExceptions: {},
    ...over,
  }
}

const hold = (targetId: string, releasedAt: string | null = null): LegalHoldRecord => ({
  id: `lh-${targetId}`,
  tenantId: 't',
  targetType: targetId.startsWith('g-') ? 'group' : 'member',
  targetId,
  targetName: targetId,
  reason: 'Litigation',
  placedAt: '2026-11-01T00:00:00.000Z',
  placedBy: by.person,
  releasedAt,
  releasedBy: null,
  releaseReason: null,
})

describe('deletion runs', () => {
  it('deletes every owner’s items before the cut-off, once', () => {
    const cut = dayIndex(RUN - 90 * DAY_MS)
    const first = executeRun(record({ policies: { ...record().policies, chat: { ...record().policies.chat, period: ninetyDays } } }), volume(), new Set(), RUN)
    expect(first.run).toMatchObject({ deletedMessages: 3 * (cut + 1_000), heldMessages: 0, deletedFiles: 0 })
    expect(first.record.purgedBefore.chat).toBe(cut)
    expect(executeRun(first.record, volume(), new Set(), RUN).run.deletedMessages).toBe(0)
  })

  it('keeps a held owner’s items, and the next run after the hold is lifted deletes exactly those', () => {
    const start = record({ policies: { ...record().policies, chat: { ...record().policies.chat, period: ninetyDays } } })
    const held = executeRun(start, volume(), heldOwners([hold('g-1')]), RUN)
    expect(held.run.heldMessages).toBe(2 * (dayIndex(RUN - 90 * DAY_MS) + 1_000))
    expect(Object.keys(held.record.purgedExceptions)).toEqual(['g-1'])
    expect(impactOf(held.record, volume(), heldOwners([hold('g-1')]), 'chat', ninetyDays, RUN).held).toBe(held.run.heldMessages)
    const lifted = executeRun(held.record, volume(), heldOwners([hold('g-1', '2026-11-20T02:00:00.000Z')]), RUN)
    expect(lifted.run).toMatchObject({ deletedMessages: held.run.heldMessages, heldMessages: 0 })
    expect(lifted.record.purgedExceptions).toEqual({})
  })

  it('catches up with the clock: the grace period’s end applies the change and runs, then every daily run', () => {
    const graceEnd = RUN + 2 * DAY_MS + 3_600_000
    const pending = { policies: { chat: ninetyDays }, effectiveAt: new Date(graceEnd).toISOString(), requestedAt: new Date(EPOCH).toISOString(), requestedBy: by.person, reason: 'Shorter', graceDays: 2 }
    const start = record({ pending })
    expect(retentionDue(start, RUN - 1)).toBe(false)
    expect(retentionDue(start, RUN)).toBe(true)
    const result = settle(start, volume(), new Set(), RUN + 3 * DAY_MS)
    expect(result.runs.map((run) => run.at)).toEqual([
      new Date(RUN).toISOString(),
      new Date(RUN + DAY_MS).toISOString(),
      new Date(RUN + 2 * DAY_MS).toISOString(),
      new Date(graceEnd).toISOString(),
      new Date(RUN + 3 * DAY_MS).toISOString(),
    ])
    expect(result.runs[3]?.deletedMessages).toBeGreaterThan(0)
    expect(result.record).toMatchObject({ pending: null, version: 2, nextRunAt: new Date(RUN + 4 * DAY_MS).toISOString() })
    expect(result.record.policies.chat.period).toEqual(ninetyDays)
    expect(result.history).toEqual([expect.objectContaining({ event: 'took_effect', kind: 'chat', before: oneYear, after: ninetyDays, reason: 'Shorter' })])
  })
})

describe('changing policies', () => {
  it('applies a longer period at once, with history and audit, and a new version', () => {
    const result = changePolicies(record(), { chat: { mode: 'forever' }, files: { mode: 'forever' }, reason: 'Keep', touchesAuditLog: false }, by, EPOCH)
    expect(result.changed).toBe(true)
    expect(result.record).toMatchObject({ version: 2, pending: null })
    expect(result.record.policies.chat.period).toEqual({ mode: 'forever' })
    expect(result.history).toEqual([expect.objectContaining({ kind: 'chat', event: 'applied', effectiveAt: null })])
    expect(result.audit).toEqual([expect.objectContaining({ action: 'retention.changed', targetType: 'retention_policy', reason: 'Keep' })])
  })

  it('schedules a shorter period a grace period ahead; the same value again changes nothing; back to current cancels it', () => {
    const scheduled = changePolicies(record(), { chat: ninetyDays, files: { mode: 'forever' }, graceDays: 3, reason: null, touchesAuditLog: false }, by, EPOCH)
    expect(scheduled.record.policies.chat.period).toEqual(oneYear)
    expect(scheduled.record.pending).toMatchObject({ policies: { chat: ninetyDays }, effectiveAt: new Date(EPOCH + 3 * DAY_MS).toISOString(), graceDays: 3 })
    expect(scheduled.audit[0]?.action).toBe('retention.change_scheduled')
    expect(changePolicies(scheduled.record, { chat: ninetyDays, files: { mode: 'forever' }, reason: null, touchesAuditLog: false }, by, EPOCH).changed).toBe(false)
    const back = changePolicies(scheduled.record, { chat: oneYear, files: { mode: 'forever' }, reason: 'Oops', touchesAuditLog: false }, by, EPOCH + 1)
    expect(back.record.pending).toBeNull()
    expect(back.history).toEqual([expect.objectContaining({ event: 'cancelled', after: ninetyDays })])
  })

  it('a scheduled shortening replaced by a longer period, or by another shortening, is withdrawn in the history', () => {
    const scheduled = changePolicies(record(), { chat: ninetyDays, files: { mode: 'forever' }, graceDays: 3, reason: null, touchesAuditLog: false }, by, EPOCH)
    const longer = changePolicies(scheduled.record, { chat: { mode: 'forever' }, files: { mode: 'forever' }, reason: 'Keep it all', touchesAuditLog: false }, by, EPOCH + 1)
    expect(longer.record.pending).toBeNull()
    expect(longer.history.map((entry) => [entry.event, entry.after])).toEqual([
      ['withdrawn', ninetyDays],
      ['applied', { mode: 'forever' }],
    ])
    const thirty = { mode: 'period', value: 30, unit: 'days' } as const
    const other = changePolicies(scheduled.record, { chat: thirty, files: { mode: 'forever' }, reason: null, touchesAuditLog: false }, by, EPOCH + 1)
    expect(other.history.map((entry) => [entry.event, entry.after])).toEqual([
      ['withdrawn', ninetyDays],
      ['scheduled', thirty],
    ])
    expect(other.record.pending?.policies).toEqual({ chat: thirty })
  })

  it('refuses to touch the audit log and periods beyond 100 years', () => {
    const error = expectRule(() => changePolicies(record(), { chat: { mode: 'period', value: 1_201, unit: 'months' }, files: { mode: 'forever' }, reason: null, touchesAuditLog: true }, by, EPOCH), 'validation')
    expect(error.errors?.map((e) => `${e.field}:${e.code}`)).toEqual(['chat.value:too_large', 'auditLog:invalid'])
  })

  it('cancels a scheduled change once', () => {
    const scheduled = changePolicies(record(), { chat: ninetyDays, files: { mode: 'forever' }, reason: null, touchesAuditLog: false }, by, EPOCH)
    const cancelled = cancelPending(scheduled.record, 'Mistake', by, EPOCH + DAY_MS)
    expect(cancelled.record).toMatchObject({ pending: null, version: 3 })
    expect(cancelled.audit[0]).toMatchObject({ action: 'retention.scheduled_change_cancelled', reason: 'Mistake' })
    expectRule(() => cancelPending(cancelled.record, null, by, EPOCH + DAY_MS), 'conflict')
  })
})

describe('legal holds', () => {
  const info = { id: 'lh-1', tenantId: 't', at: '2026-11-20T01:00:00.000Z', by: by.person }

  it('holds a member or group once, refuses one that does not exist, and lifts once', () => {
    expectRule(() => placeHold([], { targetType: 'member', targetId: 'nobody', reason: 'x' }, undefined, info), 'validation')
    const placed = placeHold([], { targetType: 'group', targetId: 'g-1', reason: 'Litigation' }, 'All hands', info)
    expect(placed.audit[0]).toMatchObject({ action: 'legal_hold.placed', after: { targetType: 'group', targetId: 'g-1', targetName: 'All hands' } })
    expectRule(() => placeHold([placed.hold], { targetType: 'group', targetId: 'g-1', reason: 'again' }, 'All hands', info), 'conflict')
    const released = releaseHold(placed.hold, 'Case closed', '2026-11-21T00:00:00.000Z', by.person)
    expect(released.hold).toMatchObject({ releasedAt: '2026-11-21T00:00:00.000Z', releaseReason: 'Case closed' })
    expectRule(() => releaseHold(released.hold, 'again', '2026-11-21T00:00:00.000Z', by.person), 'conflict')
    expect(sortHolds([released.hold, hold('m-1')]).map((h) => h.id)).toEqual(['lh-m-1', 'lh-1'])
  })
})
