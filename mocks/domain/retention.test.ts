// Retention rules: preview counts, legal holds, scheduled changes with a grace period, deletion runs, ETags and audit.
import { describe, expect, it } from 'vitest'
import { seedState } from '../db/seeds'
import { MOCK_EPOCH_ISO } from '../db/members'
import type { MockDbState } from '../db/state'
import { authorize } from './access'
import { DomainError } from './errors'
import {
  cancelPendingRetention,
  impactOf,
  listRetentionHistory,
  placeLegalHold,
  previewRetention,
  releaseLegalHold,
  retentionView,
  runRetentionNow,
  settleRetention,
  updateRetention,
} from './retention'

const EPOCH = Date.parse(MOCK_EPOCH_ISO)
const DAY = 86_400_000
const threeYears = { mode: 'period', value: 3, unit: 'years' } as const
const fiveYears = { mode: 'period', value: 5, unit: 'years' } as const
const ninetyDays = { mode: 'period', value: 90, unit: 'days' } as const

function fresh(persona = 'admin-acme'): { state: MockDbState; actor: ReturnType<typeof authorize> } {
  const state = seedState('default', 0)
  state.session = { personaId: persona }
  return { state, actor: authorize(state, EPOCH, 't-acme', 'read') }
}

const etag = (state: MockDbState) => retentionView(state, 't-acme', EPOCH).etag

function problem(fn: () => unknown): DomainError {
  try {
    fn()
  } catch (error) {
    if (error instanceof DomainError) return error
    throw error
  }
  throw new Error('expected a DomainError')
}

describe('seeded retention', () => {
  it('has Acme’s policies, history and real last runs', () => {
    const { state } = fresh()
    const view = retentionView(state, 't-acme', EPOCH)
    expect(view.policies.chat.period).toEqual(threeYears)
    expect(view.policies.files.period).toEqual(fiveYears)
    expect(view.auditLog.minimumDays).toBe(180)
    expect(view.nextRunAt).toBe('2026-11-20T18:00:00.000Z')
    expect(view.recentRuns).toHaveLength(3)
    expect(view.recentRuns.some((run) => run.deletedMessages > 0)).toBe(true)
    expect(listRetentionHistory(state, 't-acme', {}).items.length).toBeGreaterThanOrEqual(6)
  })
})

describe('preview', () => {
  it('counts what a shorter chat period would delete, with a chart of volume by age', () => {
    const { state } = fresh()
    const preview = previewRetention(state, 't-acme', EPOCH, { chat: ninetyDays, files: fiveYears })
    expect(preview.chat.shortens).toBe(true)
    expect(preview.chat.toDelete).toBeGreaterThan(10_000)
    expect(preview.chat.toDelete).toBeLessThan(preview.chat.total)
    expect(preview.chat.cutoffDays).toBe(90)
    expect(preview.files.shortens).toBe(false)
    expect(preview.files.toDelete).toBe(0)
    const sum = preview.chat.buckets.reduce((acc, b) => acc + b.toDelete, 0)
    expect(sum).toBe(preview.chat.toDelete)
    const stored = preview.chat.buckets.reduce((acc, b) => acc + b.kept + b.toDelete + b.held, 0)
    expect(stored).toBe(preview.chat.total)
    // Nothing younger than the cut-off is marked for deletion.
    expect(preview.chat.buckets.filter((b) => b.toDays <= 90).every((b) => b.toDelete === 0)).toBe(true)
  })

  it('leaves held members and groups out of the deletion and says how much is held', () => {
    const { state, actor } = fresh()
    const before = impactOf(state, 't-acme', 'chat', ninetyDays, EPOCH)
    const groupId = 'g-acme-01'
    placeLegalHold(state, actor, EPOCH, { targetType: 'group', targetId: groupId, reason: '诉讼保全' })
    const after = impactOf(state, 't-acme', 'chat', ninetyDays, EPOCH)
    expect(after.held).toBeGreaterThan(0)
    expect(after.toDelete + after.held).toBe(before.toDelete)
    expect(after.total).toBe(before.total)
  })

  it('refuses invalid proposals with field errors', () => {
    const { state } = fresh()
    const error = problem(() => previewRetention(state, 't-acme', EPOCH, { chat: { mode: 'period', value: 0, unit: 'days' }, files: {} }))
    expect(error.status).toBe(400)
    expect(error.errors?.map((e) => `${e.field}:${e.code}`)).toEqual(['chat.value:too_small', 'files.mode:required'])
  })
})

describe('changing policies', () => {
  it('applies a longer period at once and records history and audit', () => {
    const { state, actor } = fresh()
    const auditBefore = state.audit.events.length
    const view = updateRetention(state, actor, EPOCH, { chat: fiveYears, files: { mode: 'forever' }, reason: '延长' }, etag(state))
    expect(view.policies.files.period).toEqual({ mode: 'forever' })
    expect(view.policies.chat.period).toEqual(fiveYears)
    expect(view.pending).toBeNull()
    expect(view.etag).not.toBe('W/"1"')
    expect(state.audit.events.length).toBe(auditBefore + 1)
    expect(listRetentionHistory(state, 't-acme', { limit: '2' }).items.map((e) => `${e.kind}:${e.event}`)).toEqual(['files:applied', 'chat:applied'])
  })

  it('schedules a shorter period after the grace period, deletes nothing until then, and then runs', () => {
    const { state, actor } = fresh()
    const stored = impactOf(state, 't-acme', 'chat', ninetyDays, EPOCH)
    const view = updateRetention(state, actor, EPOCH, { chat: ninetyDays, files: fiveYears, graceDays: 7 }, etag(state))
    expect(view.policies.chat.period).toEqual(threeYears)
    expect(view.pending?.policies.chat).toEqual(ninetyDays)
    expect(view.pending?.effectiveAt).toBe(new Date(EPOCH + 7 * DAY).toISOString())

    settleRetention(state, 't-acme', EPOCH + 6 * DAY)
    expect(retentionView(state, 't-acme', EPOCH + 6 * DAY).pending).not.toBeNull()
    expect(retentionView(state, 't-acme', EPOCH + 6 * DAY).recentRuns[0]?.deletedMessages).toBeLessThan(stored.toDelete / 100)

    const graceEnd = EPOCH + 7 * DAY
    settleRetention(state, 't-acme', graceEnd + 60_000)
    const after = retentionView(state, 't-acme', graceEnd + 60_000)
    expect(after.pending).toBeNull()
    expect(after.policies.chat.period).toEqual(ninetyDays)
    expect(after.lastRun?.at).toBe(new Date(graceEnd).toISOString())
    expect(after.lastRun?.deletedMessages).toBeGreaterThan(10_000)
    // What the run deleted is gone: a second look finds nothing more past the cut-off.
    expect(impactOf(state, 't-acme', 'chat', ninetyDays, graceEnd + 60_000).toDelete).toBe(0)
    expect(listRetentionHistory(state, 't-acme', { limit: '1' }).items[0]?.event).toBe('took_effect')
  })

  it('lets the scheduled change be cancelled until the grace period ends', () => {
    const { state, actor } = fresh()
    updateRetention(state, actor, EPOCH, { chat: ninetyDays, files: fiveYears }, etag(state))
    const view = cancelPendingRetention(state, actor, EPOCH + DAY, { reason: '误操作' })
    expect(view.pending).toBeNull()
    expect(view.policies.chat.period).toEqual(threeYears)
    expect(problem(() => cancelPendingRetention(state, actor, EPOCH + DAY, {})).status).toBe(409)
    settleRetention(state, 't-acme', EPOCH + 10 * DAY)
    expect(retentionView(state, 't-acme', EPOCH + 10 * DAY).policies.chat.period).toEqual(threeYears)
  })

  it('refuses a stale ETag with the current version, and invalid input with field errors', () => {
    const { state, actor } = fresh()
    const stale = etag(state)
    updateRetention(state, actor, EPOCH, { chat: fiveYears, files: fiveYears }, stale)
    const conflict = problem(() => updateRetention(state, actor, EPOCH, { chat: threeYears, files: { mode: 'forever' } }, stale))
    expect(conflict.status).toBe(412)
    expect((conflict.extra?.current as { policies: { chat: { period: unknown } } }).policies.chat.period).toEqual(fiveYears)
    const invalid = problem(() =>
      updateRetention(state, actor, EPOCH, { chat: { mode: 'period', value: 1.5, unit: 'days' }, files: fiveYears, auditLog: { days: 30 } }, etag(state)),
    )
    expect(invalid.errors?.map((e) => `${e.field}:${e.code}`)).toEqual(['chat.value:not_integer', 'auditLog:invalid'])
  })
})

describe('legal holds and runs', () => {
  it('keeps held data through a run and lets the next run delete it once the hold is lifted', () => {
    const { state, actor } = fresh()
    updateRetention(state, actor, EPOCH, { chat: fiveYears, files: fiveYears }, etag(state))
    const hold = placeLegalHold(state, actor, EPOCH, { targetType: 'group', targetId: 'g-acme-01', reason: '诉讼保全' })
    expect(problem(() => placeLegalHold(state, actor, EPOCH, { targetType: 'group', targetId: 'g-acme-01', reason: 'again' })).status).toBe(409)
    // Put a 90-day policy straight in force to drive runs.
    state.retention['t-acme']!.policies.chat.period = ninetyDays
    const first = runRetentionNow(state, 't-acme', EPOCH)
    expect(first.deletedMessages).toBeGreaterThan(0)
    expect(first.heldMessages).toBeGreaterThan(0)
    expect(impactOf(state, 't-acme', 'chat', ninetyDays, EPOCH).held).toBe(first.heldMessages)
    releaseLegalHold(state, actor, EPOCH, hold.id, { reason: '案件结束' })
    const second = runRetentionNow(state, 't-acme', EPOCH)
    expect(second.deletedMessages).toBe(first.heldMessages)
    expect(second.heldMessages).toBe(0)
    expect(state.retention['t-acme']!.purgedExceptions).toEqual({})
  })

  it('refuses a hold without a reason or on someone who is not in the tenant', () => {
    const { state, actor } = fresh()
    expect(problem(() => placeLegalHold(state, actor, EPOCH, { targetType: 'member', targetId: 'm-acme-000001', reason: ' ' })).errors?.[0]?.field).toBe('reason')
    expect(problem(() => placeLegalHold(state, actor, EPOCH, { targetType: 'member', targetId: 'nobody', reason: 'x' })).errors?.[0]?.code).toBe('invalid')
  })
})
