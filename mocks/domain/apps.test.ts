// The workbench-app rules: acknowledgement of sensitive scopes, disable/remove, deny-overrides-allow,
// scope updates, members' requests, and an emergency stop that restores exactly what it changed.
import { beforeEach, describe, expect, it } from 'vitest'
import { seedState } from '../db/seeds'
import type { MockDbState, StoredDepartment } from '../db/state'
import type { StoredApp } from '../db/apps-seed'
import type { ActorContext } from './access'
import {
  approveRequest,
  approveScopeUpdate,
  canMemberUse,
  declineScopeUpdate,
  denyRequest,
  disableApp,
  emergencyState,
  enableApp,
  getAvailability,
  listApps,
  removeApp,
  restoreEmergencyStop,
  scopeDiff,
  setAvailability,
  startEmergencyStop,
} from './apps'
import { DomainError } from './errors'

const NOW = Date.parse('2026-11-20T01:00:00.000Z')
const admin: ActorContext = {
  user: { id: 'admin-acme', name: '王芳', email: 'wang.fang@acme.example', role: 'tenant_admin' },
  tenantId: 't-acme',
  onBehalfOf: null,
  ticketRef: null,
  masked: false,
  grant: null,
}

let state: MockDbState
beforeEach(() => {
  state = seedState('default', 0)
})

const app = (id: string): StoredApp => {
  const found = state.apps.items.find((candidate) => candidate.id === id)
  if (!found) throw new Error(`no app ${id}`)
  return found
}
const lastAudit = () => state.audit.events.at(-1)

function expectDomainError(run: () => unknown, status: number, type: string): DomainError {
  try {
    run()
  } catch (error) {
    expect(error).toBeInstanceOf(DomainError)
    const domainError = error as DomainError
    expect(domainError.status).toBe(status)
    expect(domainError.type).toBe(`urn:problem:${type}`)
    return domainError
  }
  throw new Error('expected a DomainError')
}

describe('the catalogue', () => {
  it('seeds at least 12 Acme apps, including hostile and long names', () => {
    const { items } = listApps(state, admin, {})
    expect(items.length).toBeGreaterThanOrEqual(12)
    expect(items.map((a) => a.name)).toEqual(expect.arrayContaining(['<img src=x onerror=alert(1)>Expense Helper', '<script>alert("x")</script> Survey']))
    expect(items.some((a) => a.name.length > 80)).toBe(true)
    expect(items.every((a) => a.scopes.some((s) => s.id === 'member.userid') && a.scopes.some((s) => s.id === 'member.avatar'))).toBe(true)
  })

  it('filters by status, category, scope and text on the server', () => {
    expect(listApps(state, admin, { status: 'disabled' }).items.every((a) => a.status === 'disabled')).toBe(true)
    expect(listApps(state, admin, { status: 'awaiting_scope_approval' }).items.map((a) => a.id)).toEqual(
      expect.arrayContaining(['app-acme-esign', 'app-acme-attendance']),
    )
    expect(listApps(state, admin, { category: 'crm' }).items.every((a) => a.category === 'crm')).toBe(true)
    expect(listApps(state, admin, { scope: 'chat.messages' }).items.every((a) => a.scopes.some((s) => s.id === 'chat.messages'))).toBe(true)
    expect(listApps(state, admin, { q: 'saleslink' }).items.map((a) => a.id)).toEqual(['app-acme-crm-sync'])
    expectDomainError(() => listApps(state, admin, { status: 'sleeping' }), 400, 'validation')
  })
})

describe('enable, disable, remove', () => {
  it('refuses to enable until every sensitive scope is acknowledged, then audits', () => {
    const error = expectDomainError(() => enableApp(state, admin, NOW, 'app-acme-expense', { acknowledgedScopes: [] }), 400, 'validation')
    expect(error.errors?.[0]).toMatchObject({ field: 'acknowledgedScopes', code: 'required' })
    expect(app('app-acme-expense').enabled).toBe(false)
    const view = enableApp(state, admin, NOW, 'app-acme-expense', { acknowledgedScopes: ['finance.invoices'] })
    expect(view.status).toBe('enabled')
    expect(lastAudit()).toMatchObject({ action: 'app.enabled', targetId: 'app-acme-expense', before: { status: 'disabled' }, after: { status: 'enabled' } })
    expectDomainError(() => enableApp(state, admin, NOW, 'app-acme-expense', { acknowledgedScopes: ['finance.invoices'] }), 409, 'conflict')
  })

  it('disables only with a reason, and records it', () => {
    expectDomainError(() => disableApp(state, admin, NOW, 'app-acme-bi', { reason: '  ' }), 400, 'validation')
    const view = disableApp(state, admin, NOW, 'app-acme-bi', { reason: 'Vendor breach' })
    expect(view).toMatchObject({ status: 'disabled', disabledReason: 'Vendor breach' })
    expect(lastAudit()).toMatchObject({ action: 'app.disabled', reason: 'Vendor breach', actor: { id: 'admin-acme' } })
    expectDomainError(() => disableApp(state, admin, NOW, 'app-acme-bi', { reason: 'again' }), 409, 'conflict')
  })

  it('removes only a disabled app', () => {
    expectDomainError(() => removeApp(state, admin, NOW, 'app-acme-bi', undefined), 409, 'conflict')
    removeApp(state, admin, NOW, 'app-acme-expense', undefined)
    expect(state.apps.items.some((a) => a.id === 'app-acme-expense')).toBe(false)
    expect(lastAudit()).toMatchObject({ action: 'app.removed', after: null })
    expectDomainError(() => removeApp(state, admin, NOW, 'app-acme-expense', undefined), 404, 'not-found')
  })

  it('keeps another tenant’s apps out of reach', () => {
    expectDomainError(() => disableApp(state, admin, NOW, 'app-northwind-fleet', { reason: 'x' }), 404, 'not-found')
  })
})

describe('who may use an app', () => {
  const departments: StoredDepartment[] = [
    { id: 'sales', tenantId: 't', name: 'Sales', parentId: null },
    { id: 'sales-east', tenantId: 't', name: 'East', parentId: 'sales' },
    { id: 'rd', tenantId: 't', name: 'R&D', parentId: null },
  ]
  const member = (id: string, departmentId: string) => ({ id, departmentId, status: 'active' as const })
  const rule = (availability: Partial<StoredApp['availability']>, enabled = true) => ({
    enabled,
    availability: { mode: 'all' as const, departmentIds: [], memberIds: [], deniedMemberIds: [], version: 1, ...availability },
  })

  it('lets everyone use an app open to all, except denied members', () => {
    expect(canMemberUse(rule({}), member('a', 'rd'), departments)).toBe(true)
    expect(canMemberUse(rule({ deniedMemberIds: ['a'] }), member('a', 'rd'), departments)).toBe(false)
  })

  it('includes sub-departments and named members, and the deny list overrides both', () => {
    const sales = rule({ mode: 'departments', departmentIds: ['sales'], memberIds: ['x'] })
    expect(canMemberUse(sales, member('b', 'sales-east'), departments)).toBe(true)
    expect(canMemberUse(sales, member('c', 'rd'), departments)).toBe(false)
    expect(canMemberUse(sales, member('x', 'rd'), departments)).toBe(true)
    const denied = rule({ mode: 'departments', departmentIds: ['sales'], memberIds: ['x'], deniedMemberIds: ['b', 'x'] })
    expect(canMemberUse(denied, member('b', 'sales-east'), departments)).toBe(false)
    expect(canMemberUse(denied, member('x', 'rd'), departments)).toBe(false)
  })

  it('serves nobody when disabled, and only named members in members mode', () => {
    expect(canMemberUse(rule({}, false), member('a', 'rd'), departments)).toBe(false)
    const named = rule({ mode: 'members', memberIds: ['a'] })
    expect(canMemberUse(named, member('a', 'rd'), departments)).toBe(true)
    expect(canMemberUse(named, member('b', 'rd'), departments)).toBe(false)
  })

  it('saves availability with an ETag and refuses a stale one', () => {
    const { etag } = getAvailability(state, admin, 'app-acme-survey')
    const saved = setAvailability(state, admin, NOW, 'app-acme-survey', etag, {
      mode: 'departments', departmentIds: ['d-acme-rd'], memberIds: [], deniedMemberIds: ['m-acme-000100'],
    })
    expect(saved.body.departments).toEqual([{ id: 'd-acme-rd', name: '研发中心' }])
    expect(saved.etag).not.toBe(etag)
    expect(lastAudit()).toMatchObject({ action: 'app.availability_changed', before: { mode: 'all' }, after: { mode: 'departments' } })
    expectDomainError(
      () => setAvailability(state, admin, NOW, 'app-acme-survey', etag, { mode: 'all', departmentIds: [], memberIds: [], deniedMemberIds: [] }),
      412,
      'stale-etag',
    )
    const invalid = expectDomainError(
      () => setAvailability(state, admin, NOW, 'app-acme-survey', saved.etag, { mode: 'departments', departmentIds: [], memberIds: ['nobody'], deniedMemberIds: [] }),
      400,
      'validation',
    )
    expect(invalid.errors?.map((e) => e.field)).toEqual(expect.arrayContaining(['departmentIds', 'memberIds']))
  })
})

describe('scope updates', () => {
  it('computes the difference between the held and the requested scopes', () => {
    expect(scopeDiff(['member.userid', 'files.read'], ['member.userid', 'contacts.phone', 'contacts.read'])).toEqual({
      added: ['contacts.read', 'contacts.phone'],
      removed: ['files.read'],
    })
  })

  it('keeps the old scopes until approved; approval needs the sensitive additions acknowledged', () => {
    const before = listApps(state, admin, { q: '契约锁' }).items[0]
    expect(before?.scopeUpdate?.added.map((s) => s.id)).toEqual(['contacts.read', 'contacts.phone'])
    expect(before?.scopes.map((s) => s.id)).not.toContain('contacts.phone')
    expectDomainError(() => approveScopeUpdate(state, admin, NOW, 'app-acme-esign', { acknowledgedScopes: ['contacts.read'] }), 400, 'validation')
    const after = approveScopeUpdate(state, admin, NOW, 'app-acme-esign', { acknowledgedScopes: ['contacts.read', 'contacts.phone'] })
    expect(after).toMatchObject({ status: 'enabled', version: '2.5.0', scopeUpdate: null })
    expect(after.scopes.map((s) => s.id)).toContain('contacts.phone')
    expect(lastAudit()).toMatchObject({ action: 'app.scope_update_approved' })
    expectDomainError(() => approveScopeUpdate(state, admin, NOW, 'app-acme-esign', { acknowledgedScopes: [] }), 409, 'conflict')
  })

  it('declining keeps the old scopes and is audited with the reason', () => {
    const held = app('app-acme-attendance').scopeIds.slice()
    const after = declineScopeUpdate(state, admin, NOW, 'app-acme-attendance', { reason: 'Calendar access not needed' })
    expect(after.status).toBe('enabled')
    expect(app('app-acme-attendance').scopeIds).toEqual(held)
    expect(lastAudit()).toMatchObject({ action: 'app.scope_update_declined', reason: 'Calendar access not needed' })
  })
})

describe('member requests', () => {
  it('approving adds the member to the named members and is audited', () => {
    const decided = approveRequest(state, admin, NOW, 'ar-acme-001', { note: 'OK for the supplier project' })
    expect(decided).toMatchObject({ status: 'approved', note: 'OK for the supplier project', decidedBy: '王芳' })
    expect(app('app-acme-translate').availability.memberIds).toContain('m-acme-000021')
    expect(lastAudit()).toMatchObject({ action: 'app.request_approved', targetId: 'app-acme-translate' })
    expectDomainError(() => approveRequest(state, admin, NOW, 'ar-acme-001', {}), 409, 'conflict')
  })

  it('denying needs a note and changes no availability', () => {
    const before = structuredClone(app('app-acme-bi').availability)
    expectDomainError(() => denyRequest(state, admin, NOW, 'ar-acme-002', {}), 400, 'validation')
    expect(denyRequest(state, admin, NOW, 'ar-acme-002', { note: 'Use the monthly PDF' })).toMatchObject({ status: 'denied' })
    expect(app('app-acme-bi').availability).toEqual(before)
    expect(lastAudit()).toMatchObject({ action: 'app.request_denied', reason: 'Use the monthly PDF' })
  })
})

describe('emergency stop', () => {
  const enabledFlags = () => state.apps.items.map((a) => [a.id, a.enabled, a.disabledReason] as const)

  it('switches off every enabled third-party app and restores exactly the previous state', () => {
    const before = enabledFlags()
    const stop = startEmergencyStop(state, admin, NOW, { target: 'third_party', reason: 'Suspected token leak' })
    const tenantApps = state.apps.items.filter((a) => a.tenantId === 't-acme')
    expect(tenantApps.filter((a) => a.thirdParty).every((a) => !a.enabled)).toBe(true)
    expect(app('app-acme-approvals').enabled).toBe(true)
    expect(app('app-northwind-fleet').enabled).toBe(true)
    expect(stop.disabledApps.map((a) => a.id)).not.toContain('app-acme-expense')
    expect(emergencyState(state, admin).active?.snapshotId).toBe(stop.snapshotId)
    expectDomainError(() => startEmergencyStop(state, admin, NOW, { target: 'third_party', reason: 'again' }), 409, 'conflict')

    restoreEmergencyStop(state, admin, NOW, stop.snapshotId)
    expect(enabledFlags()).toEqual(before)
    expect(emergencyState(state, admin).active).toBeNull()
    expectDomainError(() => restoreEmergencyStop(state, admin, NOW, stop.snapshotId), 409, 'conflict')
  })

  it('can target only the apps holding one scope, and skips apps removed since', () => {
    const stop = startEmergencyStop(state, admin, NOW, { target: 'scope', scopeId: 'crm.customers', reason: 'CRM audit' })
    expect(stop.disabledApps.map((a) => a.id).sort()).toEqual(['app-acme-bi', 'app-acme-crm-sync', 'app-acme-portal'])
    expect(app('app-acme-translate').enabled).toBe(true)
    removeApp(state, admin, NOW, 'app-acme-bi', undefined)
    restoreEmergencyStop(state, admin, NOW, stop.snapshotId)
    expect(app('app-acme-crm-sync').enabled).toBe(true)
    expect(state.apps.items.some((a) => a.id === 'app-acme-bi')).toBe(false)
    expectDomainError(() => startEmergencyStop(state, admin, NOW, { target: 'scope', reason: 'x' }), 400, 'validation')
  })
})
