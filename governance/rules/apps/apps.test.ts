// The workbench-app rules on plain records: acknowledgement of sensitive scopes, disable/remove, deny-overrides-
// allow, availability checks, scope updates, members' requests, and an emergency stop that restores exactly.
import { describe, expect, it } from 'vitest'
import { expectRule } from '../expect-rule'
import type { AppAvailabilityRecord, AppRecord, AppRequestRecord, AppScopeRecord, DepartmentRecord } from '../records'
import { appStatus, canMemberUse, disableApp, enableApp, filterApps, removeApp, scopeDiff } from './catalogue'
import { availabilityChanged, nextAvailability } from './availability'
import { approveRequest, denyRequest } from './requests'
import { restoreEmergencyStop, startEmergencyStop } from './emergency'
import { approveScopeUpdate, declineScopeUpdate } from './scope-update'

const AT = '2026-11-20T01:00:00.000Z'
const scope = (id: string, sensitive: boolean): AppScopeRecord => ({ id, sensitive, label: { 'en-US': id, 'zh-CN': id }, explanation: { 'en-US': id, 'zh-CN': id } })
const catalogue = [
  scope('member.userid', false),
  scope('contacts.read', true),
  scope('contacts.phone', true),
  scope('files.read', true),
  scope('crm.customers', true),
  scope('finance.invoices', true),
]
const availability = (over: Partial<AppAvailabilityRecord> = {}): AppAvailabilityRecord => ({
  mode: 'all',
  departmentIds: [],
  memberIds: [],
  deniedMemberIds: [],
  version: 1,
  ...over,
})
const app = (id: string, over: Partial<AppRecord> = {}): AppRecord => ({
  id,
  tenantId: 't',
  name: `App ${id}`,
  vendor: 'Vendor',
  category: 'crm',
  description: 'Does things',
  kind: 'third_party',
  version: '1.0.0',
  enabled: true,
  scopeIds: ['member.userid'],
  scopeUpdate: null,
  availability: availability(),
  lastDataAccessAt: null,
  installedAt: AT,
  disabledReason: null,
  vendorDeletionRequests: [],
  ...over,
})
const request = (over: Partial<AppRequestRecord> = {}): AppRequestRecord => ({
  id: 'ar-1',
  tenantId: 't',
  appId: 'crm',
  memberId: 'm-7',
  message: 'Please',
  requestedAt: AT,
  status: 'pending',
  decidedAt: null,
  decidedBy: null,
  note: null,
  ...over,
})
const member = { id: 'm-7', name: 'Seven', departmentName: 'Sales' }
const describeAvailability = (value: AppAvailabilityRecord) => ({
  mode: value.mode,
  departments: value.departmentIds.map((id) => ({ id, name: id })),
  members: value.memberIds.map((id) => ({ id, name: id, departmentName: '' })),
  deniedMembers: value.deniedMemberIds.map((id) => ({ id, name: id, departmentName: '' })),
})

describe('the catalogue', () => {
  const apps = [
    app('crm', { name: 'SalesLink CRM', scopeIds: ['member.userid', 'crm.customers'] }),
    app('exp', { name: 'Expense', category: 'finance', enabled: false, disabledReason: 'Off' }),
    app('esign', { name: 'E-sign', category: 'legal', scopeUpdate: { version: '2', requestedAt: AT, scopeIds: ['member.userid', 'contacts.read'] } }),
  ]

  it('tells the three states apart', () => {
    expect(apps.map(appStatus)).toEqual(['enabled', 'disabled', 'awaiting_scope_approval'])
  })

  it('filters by status, category, scope and text, sorted by name', () => {
    const all = { q: '', status: null, category: null, scope: null, kind: null }
    expect(filterApps(apps, catalogue, all).map((a) => a.id)).toEqual(['esign', 'exp', 'crm'])
    expect(filterApps(apps, catalogue, { ...all, status: 'disabled' }).map((a) => a.id)).toEqual(['exp'])
    expect(filterApps(apps, catalogue, { ...all, category: 'legal' }).map((a) => a.id)).toEqual(['esign'])
    expect(filterApps(apps, catalogue, { ...all, scope: 'crm.customers' }).map((a) => a.id)).toEqual(['crm'])
    expect(filterApps(apps, catalogue, { ...all, q: ' saleslink ' }).map((a) => a.id)).toEqual(['crm'])
    expect(filterApps(apps, catalogue, { ...all, kind: 'basic' }).map((a) => a.id)).toEqual([])
    expect(filterApps(apps, catalogue, { ...all, kind: 'third_party' }).map((a) => a.id)).toEqual(['esign', 'exp', 'crm'])
    expect(expectRule(() => filterApps(apps, catalogue, { ...all, scope: 'nope' }), 'validation').errors?.[0]).toMatchObject({ field: 'scope' })
  })

  it('computes the difference between held and requested scopes, in catalogue order', () => {
    expect(scopeDiff(catalogue, ['member.userid', 'files.read'], ['member.userid', 'contacts.phone', 'contacts.read'])).toEqual({
      added: ['contacts.read', 'contacts.phone'],
      removed: ['files.read'],
    })
  })
})

describe('enable, disable, remove', () => {
  it('refuses to enable until every sensitive scope is acknowledged, then audits', () => {
    const off = app('exp', { enabled: false, disabledReason: 'Off', scopeIds: ['member.userid', 'finance.invoices'] })
    const error = expectRule(() => enableApp(off, catalogue, []), 'validation')
    expect(error.errors?.[0]).toMatchObject({ field: 'acknowledgedScopes', code: 'required', params: { missing: 'finance.invoices' } })
    const { app: on, audit } = enableApp(off, catalogue, ['finance.invoices'])
    expect(on).toMatchObject({ enabled: true, disabledReason: null })
    expect(audit).toEqual([
      expect.objectContaining({
        action: 'app.enabled',
        targetId: 'exp',
        before: { status: 'disabled', scopes: off.scopeIds },
        after: { status: 'enabled', scopes: off.scopeIds, acknowledgedScopes: ['finance.invoices'] },
      }),
    ])
    expectRule(() => enableApp(on, catalogue, ['finance.invoices']), 'conflict')
  })

  it('disables with the reason recorded, once', () => {
    const { app: off, audit } = disableApp(app('bi'), 'Vendor breach')
    expect(off).toMatchObject({ enabled: false, disabledReason: 'Vendor breach' })
    expect(audit[0]).toMatchObject({ action: 'app.disabled', reason: 'Vendor breach', before: { status: 'enabled' }, after: { status: 'disabled' } })
    expectRule(() => disableApp(off, 'again'), 'conflict')
  })

  it('removes only a disabled app, closing its open requests', () => {
    expectRule(() => removeApp(app('crm'), [], null, AT, 'Admin'), 'conflict')
    const requests = [request(), request({ id: 'ar-2', status: 'approved' }), request({ id: 'ar-3', appId: 'other' })]
    const removed = removeApp(app('crm', { enabled: false }), requests, 'Unused', AT, 'Admin')
    expect(removed.closedRequests).toEqual([
      expect.objectContaining({ id: 'ar-1', status: 'denied', decidedAt: AT, decidedBy: 'Admin', note: 'The app was removed from the workbench.' }),
    ])
    expect(removed.audit[0]).toMatchObject({ action: 'app.removed', after: null, reason: 'Unused' })
  })
})

describe('who may use an app', () => {
  const departments: DepartmentRecord[] = [
    { id: 'sales', tenantId: 't', name: 'Sales', parentId: null },
    { id: 'sales-east', tenantId: 't', name: 'East', parentId: 'sales' },
    { id: 'rd', tenantId: 't', name: 'R&D', parentId: null },
  ]
  const person = (id: string, departmentId: string) => ({ id, departmentId, status: 'active' as const })
  const rule = (over: Partial<AppAvailabilityRecord>, enabled = true) => ({ enabled, availability: availability(over) })

  it('lets everyone use an app open to all, except denied members', () => {
    expect(canMemberUse(rule({}), person('a', 'rd'), departments)).toBe(true)
    expect(canMemberUse(rule({ deniedMemberIds: ['a'] }), person('a', 'rd'), departments)).toBe(false)
  })

  it('includes sub-departments and named members, and the deny list overrides both', () => {
    const sales = rule({ mode: 'departments', departmentIds: ['sales'], memberIds: ['x'] })
    expect(canMemberUse(sales, person('b', 'sales-east'), departments)).toBe(true)
    expect(canMemberUse(sales, person('c', 'rd'), departments)).toBe(false)
    expect(canMemberUse(sales, person('x', 'rd'), departments)).toBe(true)
    const denied = rule({ mode: 'departments', departmentIds: ['sales'], memberIds: ['x'], deniedMemberIds: ['b', 'x'] })
    expect(canMemberUse(denied, person('b', 'sales-east'), departments)).toBe(false)
    expect(canMemberUse(denied, person('x', 'rd'), departments)).toBe(false)
  })

  it('serves nobody when disabled, nor a member who is not active, and only named members in members mode', () => {
    expect(canMemberUse(rule({}, false), person('a', 'rd'), departments)).toBe(false)
    expect(canMemberUse(rule({}), { id: 'a', departmentId: 'rd', status: 'deactivated' }, departments)).toBe(false)
    const named = rule({ mode: 'members', memberIds: ['a'] })
    expect(canMemberUse(named, person('a', 'rd'), departments)).toBe(true)
    expect(canMemberUse(named, person('b', 'rd'), departments)).toBe(false)
  })

  const references = { departmentIds: new Set(['sales', 'rd']), memberExists: (id: string) => id.startsWith('m-') }

  it('keeps only what the mode uses, without duplicates, one version on', () => {
    const next = nextAvailability(availability({ version: 4 }), { mode: 'departments', departmentIds: ['rd', 'rd'], memberIds: ['m-1'], deniedMemberIds: ['m-2'] }, references)
    expect(next).toEqual({ mode: 'departments', departmentIds: ['rd'], memberIds: ['m-1'], deniedMemberIds: ['m-2'], version: 5 })
    expect(nextAvailability(availability(), { mode: 'all', departmentIds: ['rd'], memberIds: ['m-1'], deniedMemberIds: [] }, references)).toMatchObject({
      departmentIds: [],
      memberIds: [],
    })
  })

  it('refuses unknown departments and members, and a mode without its choices', () => {
    const error = expectRule(
      () => nextAvailability(availability(), { mode: 'departments', departmentIds: [], memberIds: ['nobody'], deniedMemberIds: ['ghost'] }, references),
      'validation',
    )
    expect(error.errors?.map((e) => `${e.field}:${e.code}`)).toEqual(['memberIds:invalid', 'deniedMemberIds:invalid', 'departmentIds:required'])
    expect(expectRule(() => nextAvailability(availability(), { mode: 'members', departmentIds: ['x'], memberIds: [], deniedMemberIds: [] }, references), 'validation').errors?.map((e) => e.field)).toEqual([
      'departmentIds',
      'memberIds',
    ])
  })

  it('audits an availability change with readable before and after', () => {
    const before = app('survey')
    const next = availability({ mode: 'departments', departmentIds: ['rd'], version: 2 })
    expect(availabilityChanged(before, next, describeAvailability)).toMatchObject({
      action: 'app.availability_changed',
      before: { mode: 'all' },
      after: { mode: 'departments', departments: [{ id: 'rd', name: 'rd' }] },
    })
  })
})

describe('scope updates', () => {
  const esign = app('esign', { version: '2.4.0', scopeIds: ['member.userid', 'files.read'], scopeUpdate: { version: '2.5.0', requestedAt: AT, scopeIds: ['member.userid', 'files.read', 'contacts.read', 'contacts.phone'] } })

  it('keeps the old scopes until approved; approval needs the sensitive additions acknowledged', () => {
    expectRule(() => approveScopeUpdate(esign, catalogue, ['contacts.read']), 'validation')
    const { app: approved, audit } = approveScopeUpdate(esign, catalogue, ['contacts.read', 'contacts.phone'])
    expect(approved).toMatchObject({ version: '2.5.0', scopeUpdate: null })
    expect(approved.scopeIds).toContain('contacts.phone')
    expect(audit[0]).toMatchObject({ action: 'app.scope_update_approved', before: { version: '2.4.0' }, after: { version: '2.5.0' } })
    expectRule(() => approveScopeUpdate(approved, catalogue, []), 'conflict')
  })

  it('declining keeps the old scopes and is audited with the reason', () => {
    const { app: declined, audit } = declineScopeUpdate(esign, 'Phone numbers not needed')
    expect(declined).toMatchObject({ scopeIds: esign.scopeIds, version: '2.4.0', scopeUpdate: null })
    expect(audit[0]).toMatchObject({ action: 'app.scope_update_declined', reason: 'Phone numbers not needed', before: { requested: { version: '2.5.0' } } })
    expectRule(() => declineScopeUpdate(declined, 'again'), 'conflict')
  })
})

describe('member requests', () => {
  const decision = { at: AT, by: '王芳', note: 'OK for the supplier project' }

  it('approving names the member, lifts a denial and is audited', () => {
    const crm = app('crm', { availability: availability({ mode: 'departments', departmentIds: ['rd'], deniedMemberIds: ['m-7'], version: 3 }) })
    const result = approveRequest(request(), crm, decision, member, describeAvailability)
    expect(result.request).toMatchObject({ status: 'approved', decidedBy: '王芳', note: decision.note, decidedAt: AT })
    expect(result.app.availability).toMatchObject({ memberIds: ['m-7'], deniedMemberIds: [], version: 4 })
    expect(result.audit[0]).toMatchObject({ action: 'app.request_approved', targetId: 'crm', before: { member }, after: { member } })
    expectRule(() => approveRequest(result.request, result.app, decision, member, describeAvailability), 'conflict')
  })

  it('does not grant a disabled app', () => {
    expectRule(() => approveRequest(request(), app('crm', { enabled: false }), decision, member, describeAvailability), 'conflict')
  })

  it('denying records the note and touches no availability', () => {
    const result = denyRequest(request(), 'App crm', { ...decision, note: 'Use the monthly PDF' }, member)
    expect(result.request).toMatchObject({ status: 'denied', note: 'Use the monthly PDF' })
    expect(result.audit[0]).toMatchObject({ action: 'app.request_denied', reason: 'Use the monthly PDF', after: { status: 'denied' } })
  })
})

describe('emergency stop', () => {
  const apps = [
    app('own', { kind: 'basic' }),
    app('ours', { kind: 'custom' }),
    app('crm', { scopeIds: ['member.userid', 'crm.customers'] }),
    app('bi', { scopeIds: ['member.userid', 'crm.customers'] }),
    app('exp', { enabled: false, disabledReason: 'Already off' }),
  ]
  const stopInfo = { snapshotId: 'snap-00001', tenantId: 't', at: AT, by: { id: 'admin', name: 'Admin', role: 'tenant_admin' as const } }

  it('switches off every enabled third-party app, snapshots them and restores exactly that', () => {
    const started = startEmergencyStop(apps, catalogue, null, { target: 'third_party', scopeId: null, reason: 'Token leak' }, stopInfo)
    expect(started.apps.map((a) => [a.id, a.enabled, a.disabledReason])).toEqual([
      ['crm', false, 'Token leak'],
      ['bi', false, 'Token leak'],
    ])
    expect(started.stop.snapshot).toEqual([
      { appId: 'crm', enabled: true, disabledReason: null },
      { appId: 'bi', enabled: true, disabledReason: null },
    ])
    expect(started.audit.map((entry) => entry.action)).toEqual(['app.disabled', 'app.disabled', 'app.emergency_stop_started'])
    expectRule(() => startEmergencyStop(apps, catalogue, started.stop, { target: 'third_party', scopeId: null, reason: 'again' }, stopInfo), 'conflict')

    const now = apps.map((a) => started.apps.find((changed) => changed.id === a.id) ?? a)
    const restored = restoreEmergencyStop(started.stop, now, AT)
    expect(restored.apps.map((a) => [a.id, a.enabled, a.disabledReason])).toEqual([
      ['crm', true, null],
      ['bi', true, null],
    ])
    expect(restored.stop.restoredAt).toBe(AT)
    expect(restored.audit.at(-1)).toMatchObject({ action: 'app.emergency_stop_restored', after: { enabledApps: ['crm', 'bi'] } })
    expectRule(() => restoreEmergencyStop(restored.stop, now, AT), 'conflict')
  })

  it('can target only the apps holding one scope, and skips apps removed since', () => {
    const started = startEmergencyStop(apps, catalogue, null, { target: 'scope', scopeId: 'crm.customers', reason: 'CRM audit' }, stopInfo)
    expect(started.apps.map((a) => a.id)).toEqual(['crm', 'bi'])
    expect(started.audit.at(-1)).toMatchObject({ targetName: 'Apps holding crm.customers' })
    const withoutBi = started.apps.filter((a) => a.id !== 'bi')
    expect(restoreEmergencyStop(started.stop, withoutBi, AT).apps.map((a) => a.id)).toEqual(['crm'])
  })

  it('needs a known scope when targeting one', () => {
    expect(expectRule(() => startEmergencyStop(apps, catalogue, null, { target: 'scope', scopeId: null, reason: 'x' }, stopInfo), 'validation').errors?.[0]).toMatchObject({ field: 'scopeId', code: 'required' })
    expect(expectRule(() => startEmergencyStop(apps, catalogue, null, { target: 'scope', scopeId: 'nope', reason: 'x' }, stopInfo), 'validation').errors?.[0]).toMatchObject({ field: 'scopeId', code: 'invalid' })
  })
})
