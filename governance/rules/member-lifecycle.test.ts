// The member state machine: every move from every state, allowed or refused, and the dates it sets.
import { memberStatusValues } from '@contract/schema.gen'
import { describe, expect, it } from 'vitest'
import type { RuleError } from './errors'
import {
  assertMove,
  cancelRemoval,
  completeRemoval,
  currentHoldings,
  emptyLifecycle,
  removalBlock,
  removalDue,
  scheduleRemoval,
  type MemberMove,
} from './member-lifecycle'
import type { MemberRecord } from './records'

const ALLOWED: Record<MemberMove, string[]> = {
  deactivate: ['active'],
  reactivate: ['deactivated'],
  remove: ['active', 'deactivated'],
  undo: ['pending_removal'],
  complete: ['pending_removal'],
}

const member = (patch: Partial<MemberRecord> = {}): MemberRecord => ({
  id: 'm-1',
  tenantId: 't-1',
  name: '张伟',
  email: 'wei.zhang@acme.example',
  employeeNo: 'AC000002',
  phone: '13812345678',
  departmentId: 'd-1',
  role: 'member',
  status: 'active',
  joinedAt: '2020-01-01T00:00:00.000Z',
  ...patch,
})
const seeded = { driveFiles: 5, documents: 3, crmCustomers: 2, approvalsInProgress: 1, approvalRecords: 9, ownedGroups: 1, paidCalls: 4, clockIns: 100 }
const NOW = Date.parse('2026-11-20T01:00:00.000Z')
const context = { now: NOW, by: { id: 'admin', name: '王芳' }, onBehalfOf: null, seeded, apps: [{ id: 'a', name: 'App', vendor: 'V', kind: 'third_party' as const, thirdParty: true }, { id: 'b', name: 'Own', vendor: 'P', kind: 'basic' as const, thirdParty: false }] }
const request = { handoverTo: member({ id: 'm-2', name: '李娜' }), handoverDepartmentName: '销售部', dataHandling: 'anonymise' as const, graceDays: 30, reason: '离职' }

describe('member state machine', () => {
  for (const [move, from] of Object.entries(ALLOWED) as [MemberMove, string[]][]) {
    for (const status of memberStatusValues) {
      const allowed = from.includes(status)
      it(`${allowed ? 'allows' : 'refuses'} ${move} from ${status}`, () => {
        if (allowed) expect(() => assertMove(status, move)).not.toThrow()
        else expect(() => assertMove(status, move)).toThrow(expect.objectContaining({ kind: 'member-state' }) as RuleError)
      })
    }
  }

  it('schedules a removal at the end of the grace period, moves the handover items and notices third-party vendors only', () => {
    const result = scheduleRemoval(member(), emptyLifecycle('t-1', 'm-1'), emptyLifecycle('t-1', 'm-2'), request, context)
    expect(result.member.status).toBe('pending_removal')
    expect(result.lifecycle.removal).toMatchObject({ removeAt: '2026-12-20T01:00:00.000Z', statusBefore: 'active' })
    expect(result.lifecycle.removal?.vendorNotices.map((notice) => notice.appId)).toEqual(['a'])
    expect(result.target?.received).toEqual({ driveFiles: 5, documents: 3, crmCustomers: 2, approvalsInProgress: 1, ownedGroups: 1 })
    expect(currentHoldings(seeded, result.lifecycle)).toMatchObject({ documents: 0, approvalRecords: 9, clockIns: 100 })
  })

  it('undo restores the state before (deactivated stays deactivated) and keeps the handover', () => {
    const scheduled = scheduleRemoval(member({ status: 'deactivated' }), emptyLifecycle('t-1', 'm-1'), emptyLifecycle('t-1', 'm-2'), request, context)
    const undone = cancelRemoval(scheduled.member, scheduled.lifecycle)
    expect(undone.member.status).toBe('deactivated')
    expect(undone.lifecycle.removal).toBeNull()
    expect(undone.lifecycle.handedOver).toBe(true)
  })

  it('is due at the date, not before; a hold keeps everything; completion erases the profile and sets the backup purge date', () => {
    const scheduled = scheduleRemoval(member(), emptyLifecycle('t-1', 'm-1'), null, { ...request, handoverTo: null, graceDays: 2 }, context)
    const at = Date.parse('2026-11-22T01:00:00.000Z')
    expect(removalDue(scheduled.lifecycle, at - 1)).toBe(false)
    expect(removalDue(scheduled.lifecycle, at)).toBe(true)
    const held = completeRemoval(scheduled.member, scheduled.lifecycle, at, { legalHold: true, kinRequestId: null })
    expect(held.member.status).toBe('pending_removal')
    expect(held.lifecycle.removal?.keptByLegalHold).toBe(true)
    expect(completeRemoval(held.member, held.lifecycle, at + 1, { legalHold: true, kinRequestId: null }).audit).toEqual([])
    const done = completeRemoval(held.member, held.lifecycle, at + 1000, { legalHold: false, kinRequestId: null })
    expect(done.member).toMatchObject({ status: 'removed', name: 'AC000002', email: '', phone: '' })
    expect(done.lifecycle.removal).toMatchObject({ completedAt: '2026-11-22T01:00:01.000Z', backupsPurgeAt: '2026-12-22T01:00:01.000Z', keptByLegalHold: false })
    expect(currentHoldings(seeded, done.lifecycle)).toMatchObject({ documents: 0, clockIns: 0 })
  })

  it('keeps the data while a next-of-kin request about the member is open, and erases it once that is closed', () => {
    const scheduled = scheduleRemoval(member(), emptyLifecycle('t-1', 'm-1'), null, { ...request, handoverTo: null, graceDays: 2 }, context)
    const at = Date.parse('2026-11-22T01:00:00.000Z')
    const kept = completeRemoval(scheduled.member, scheduled.lifecycle, at, { legalHold: false, kinRequestId: 'kin-1' })
    expect(kept.member.status).toBe('pending_removal')
    expect(kept.lifecycle.removal).toMatchObject({ keptByKinRequest: 'kin-1', keptByLegalHold: false, completedAt: null })
    expect(kept.audit.map((entry) => entry.action)).toEqual(['member.removal_kept_for_kin_request'])
    // The next run while it is still open changes nothing and records nothing.
    expect(completeRemoval(kept.member, kept.lifecycle, at + 1, { legalHold: false, kinRequestId: 'kin-1' }).audit).toEqual([])
    const done = completeRemoval(kept.member, kept.lifecycle, at + 1000, { legalHold: false, kinRequestId: null })
    expect(done.member.status).toBe('removed')
    expect(done.lifecycle.removal).not.toHaveProperty('keptByKinRequest')
  })

  it.each([0, 61, 2.5])('refuses a grace period of %s days', (graceDays) => {
    expect(() => scheduleRemoval(member(), emptyLifecycle('t-1', 'm-1'), null, { ...request, handoverTo: null, graceDays }, context)).toThrow(
      expect.objectContaining({ kind: 'validation' }) as RuleError,
    )
  })

  it('blocks yourself and the last active administrator, nobody else', () => {
    expect(removalBlock(member(), 'm-1', 3)).toBe('self')
    expect(removalBlock(member({ role: 'admin' }), 'm-9', 1)).toBe('last_admin')
    expect(removalBlock(member({ role: 'admin', status: 'deactivated' }), 'm-9', 1)).toBeNull()
    expect(removalBlock(member({ role: 'admin' }), 'm-9', 2)).toBeNull()
    expect(removalBlock(member(), null, 1)).toBeNull()
  })
})
