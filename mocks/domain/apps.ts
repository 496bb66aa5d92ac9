// Workbench apps: what each app receives, enable/disable/remove, who may use it, scope updates, members'
// requests and the emergency stop — every change audited in the same write.
import type { components } from '@contract/schema.gen'
import {
  APP_SCOPES,
  type AppScopeDefinition,
  type StoredApp,
  type StoredAppAvailability,
  type StoredAppRequest,
  type StoredEmergencyStop,
} from '../db/apps-seed'
import { listTenantMembers, memberIdPrefix } from '../db/members'
import type { MockDbState, StoredDepartment, StoredMember } from '../db/state'
import type { ActorContext } from './access'
import { recordAudit } from './audit'
import { conflict, fieldError, notFound, validation, type FieldError } from './errors'
import { assertIfMatch, etagFor } from './etag'
import { readEnum, requireObject } from './input'
import { departmentSubtree, tenantDepartments } from './members'

type Schemas = components['schemas']
type App = Schemas['App']

export const APP_STATUSES: readonly Schemas['AppStatus'][] = ['enabled', 'disabled', 'awaiting_scope_approval']
export const APP_CATEGORIES: readonly Schemas['AppCategory'][] = [
  'approval', 'crm', 'hr', 'finance', 'productivity', 'communication', 'analytics', 'legal',
]
const AVAILABILITY_MODES: readonly Schemas['AppAvailabilityMode'][] = ['all', 'departments', 'members']
const REQUEST_STATUSES: readonly Schemas['AppRequestStatus'][] = ['pending', 'approved', 'denied']
const MAX_TEXT = 500
const MAX_PEOPLE = 500

const scopeById = new Map(APP_SCOPES.map((definition) => [definition.id, definition]))

export function listScopes(): AppScopeDefinition[] {
  return APP_SCOPES.slice()
}

function scopesOf(ids: readonly string[]): AppScopeDefinition[] {
  return ids.flatMap((id) => {
    const definition = scopeById.get(id)
    return definition ? [definition] : []
  })
}

export function appStatus(app: StoredApp): Schemas['AppStatus'] {
  if (!app.enabled) return 'disabled'
  return app.scopeUpdate ? 'awaiting_scope_approval' : 'enabled'
}

/** What an update would change: scopes it adds and scopes it gives up, in catalogue order. */
export function scopeDiff(current: readonly string[], next: readonly string[]): { added: string[]; removed: string[] } {
  const order = (ids: string[]) => APP_SCOPES.map((s) => s.id).filter((id) => ids.includes(id))
  return {
    added: order(next.filter((id) => !current.includes(id))),
    removed: order(current.filter((id) => !next.includes(id))),
  }
}

export function sensitiveScopeIds(ids: readonly string[]): string[] {
  return ids.filter((id) => scopeById.get(id)?.sensitive === true)
}

/**
 * May this member use the app right now? A disabled app serves nobody; the deny list overrides every
 * allow rule; then the mode decides (named members count in `departments` mode as well).
 */
export function canMemberUse(
  app: Pick<StoredApp, 'enabled' | 'availability'>,
  member: Pick<StoredMember, 'id' | 'departmentId' | 'status'>,
  departments: readonly StoredDepartment[],
): boolean {
  if (!app.enabled || member.status !== 'active') return false
  const { mode, departmentIds, memberIds, deniedMemberIds } = app.availability
  if (deniedMemberIds.includes(member.id)) return false
  if (mode === 'all') return true
  if (memberIds.includes(member.id)) return true
  if (mode === 'departments') return departmentSubtree(departments, departmentIds).has(member.departmentId)
  return false
}

function findMember(state: MockDbState, tenantId: string, memberId: string): StoredMember | undefined {
  const prefix = memberIdPrefix(tenantId)
  if (!memberId.startsWith(prefix)) return undefined
  const index = Number(memberId.slice(prefix.length))
  const member = Number.isInteger(index) ? listTenantMembers(state, tenantId)[index] : undefined
  return member?.id === memberId ? member : undefined
}

function memberRef(state: MockDbState, tenantId: string, memberId: string): Schemas['MemberRef'] {
  const member = findMember(state, tenantId, memberId)
  const department = member ? tenantDepartments(state, tenantId).find((d) => d.id === member.departmentId) : undefined
  return { id: memberId, name: member?.name ?? memberId, departmentName: department?.name ?? '' }
}

export function toAppView(state: MockDbState, app: StoredApp): App {
  const diff = app.scopeUpdate ? scopeDiff(app.scopeIds, app.scopeUpdate.scopeIds) : null
  const { availability } = app
  return {
    id: app.id,
    name: app.name,
    vendor: app.vendor,
    category: app.category,
    description: app.description,
    thirdParty: app.thirdParty,
    version: app.version,
    status: appStatus(app),
    scopes: scopesOf(app.scopeIds),
    scopeUpdate:
      app.scopeUpdate && diff
        ? {
            version: app.scopeUpdate.version,
            requestedAt: app.scopeUpdate.requestedAt,
            added: scopesOf(diff.added),
            removed: scopesOf(diff.removed),
          }
        : null,
    availability: {
      mode: availability.mode,
      departmentCount: availability.mode === 'departments' ? availability.departmentIds.length : 0,
      memberCount: availability.mode === 'all' ? 0 : availability.memberIds.length,
      deniedCount: availability.deniedMemberIds.length,
    },
    lastDataAccessAt: app.lastDataAccessAt,
    installedAt: app.installedAt,
    disabledReason: app.enabled ? null : app.disabledReason,
    pendingRequestCount: state.apps.requests.filter((r) => r.appId === app.id && r.status === 'pending').length,
  }
}

export interface AppQuery {
  q?: string | null
  status?: string | null
  category?: string | null
  scope?: string | null
}

export function listApps(state: MockDbState, ctx: ActorContext, query: AppQuery): { items: App[] } {
  const errors: FieldError[] = []
  const q = (query.q ?? '').trim().toLowerCase()
  if (q.length > 100) errors.push(fieldError('q', 'too_large', 'q must be at most 100 characters.', { max: 100 }))
  const status = readEnum(query.status, 'status', APP_STATUSES, errors)
  const category = readEnum(query.category, 'category', APP_CATEGORIES, errors)
  const scope = query.scope || null
  if (scope !== null && !scopeById.has(scope)) errors.push(fieldError('scope', 'invalid', `No scope "${scope}".`))
  if (errors.length > 0) throw validation(errors)
  const items = state.apps.items
    .filter((app) => app.tenantId === ctx.tenantId)
    .filter((app) => status === undefined || appStatus(app) === status)
    .filter((app) => category === undefined || app.category === category)
    .filter((app) => scope === null || app.scopeIds.includes(scope))
    .filter((app) => q === '' || `${app.name}\n${app.vendor}\n${app.description}`.toLowerCase().includes(q))
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
  return { items: items.map((app) => toAppView(state, app)) }
}

function findApp(state: MockDbState, tenantId: string, appId: string): StoredApp {
  const app = state.apps.items.find((candidate) => candidate.id === appId && candidate.tenantId === tenantId)
  if (!app) throw notFound('app', appId)
  return app
}

export function getApp(state: MockDbState, ctx: ActorContext, appId: string): App {
  return toAppView(state, findApp(state, ctx.tenantId, appId))
}

function readReason(body: unknown, field: 'reason' | 'note', required: boolean): string | null {
  const input = body === undefined && !required ? {} : requireObject(body)
  const raw = input[field]
  if (raw !== undefined && raw !== null && typeof raw !== 'string') {
    throw validation([fieldError(field, 'invalid', `${field} must be text.`)])
  }
  const text = typeof raw === 'string' ? raw.trim() : ''
  if (required && text === '') throw validation([fieldError(field, 'required', `Give a ${field}; it is recorded in the audit log.`)])
  if (text.length > MAX_TEXT) throw validation([fieldError(field, 'too_large', `${field} must be at most ${MAX_TEXT} characters.`, { max: MAX_TEXT })])
  return text === '' ? null : text
}

function readAcknowledged(body: unknown): string[] {
  const { acknowledgedScopes } = requireObject(body)
  if (!Array.isArray(acknowledgedScopes) || !acknowledgedScopes.every((id) => typeof id === 'string')) {
    throw validation([fieldError('acknowledgedScopes', 'required', 'List the sensitive scopes you acknowledge.')])
  }
  return acknowledgedScopes
}

/** Every sensitive scope among `ids` must be acknowledged; a missing one is a field error naming it. */
function assertAcknowledged(ids: readonly string[], acknowledged: readonly string[]): void {
  const missing = sensitiveScopeIds(ids).filter((id) => !acknowledged.includes(id))
  if (missing.length > 0) {
    throw validation(
      [fieldError('acknowledgedScopes', 'required', `Acknowledge every sensitive scope first: ${missing.join(', ')}.`, { missing: missing.join(',') })],
      'Sensitive scopes must be acknowledged before the app can receive them.',
    )
  }
}

const statusSnapshot = (app: StoredApp) => ({ status: appStatus(app), scopes: app.scopeIds.slice() })

export function enableApp(state: MockDbState, ctx: ActorContext, now: number, appId: string, body: unknown): App {
  const app = findApp(state, ctx.tenantId, appId)
  const acknowledged = readAcknowledged(body)
  if (app.enabled) throw conflict('The app is already enabled.')
  assertAcknowledged(app.scopeIds, acknowledged)
  const before = statusSnapshot(app)
  app.enabled = true
  app.disabledReason = null
  recordAudit(state, ctx, now, {
    action: 'app.enabled',
    targetType: 'app',
    targetId: app.id,
    targetName: app.name,
    before,
    after: { ...statusSnapshot(app), acknowledgedScopes: sensitiveScopeIds(app.scopeIds) },
  })
  return toAppView(state, app)
}

export function disableApp(state: MockDbState, ctx: ActorContext, now: number, appId: string, body: unknown): App {
  const app = findApp(state, ctx.tenantId, appId)
  const reason = readReason(body, 'reason', true)
  if (!app.enabled) throw conflict('The app is already disabled.')
  const before = statusSnapshot(app)
  app.enabled = false
  app.disabledReason = reason
  recordAudit(state, ctx, now, { action: 'app.disabled', targetType: 'app', targetId: app.id, targetName: app.name, before, after: statusSnapshot(app), reason })
  return toAppView(state, app)
}

export function removeApp(state: MockDbState, ctx: ActorContext, now: number, appId: string, body: unknown): void {
  const app = findApp(state, ctx.tenantId, appId)
  const reason = readReason(body, 'reason', false)
  if (app.enabled) throw conflict('Disable the app before removing it from the workbench.')
  state.apps.items = state.apps.items.filter((candidate) => candidate !== app)
  // Open requests for an app that is gone can no longer be granted.
  for (const request of state.apps.requests) {
    if (request.appId === app.id && request.status === 'pending') {
      request.status = 'denied'
      request.decidedAt = new Date(now).toISOString()
      request.decidedBy = ctx.user.name
      request.note = 'The app was removed from the workbench.'
    }
  }
  recordAudit(state, ctx, now, {
    action: 'app.removed',
    targetType: 'app',
    targetId: app.id,
    targetName: app.name,
    before: statusSnapshot(app),
    after: null,
    reason,
  })
}

function availabilityView(state: MockDbState, app: StoredApp): Schemas['AppAvailability'] {
  const departments = tenantDepartments(state, app.tenantId)
  const { availability } = app
  return {
    mode: availability.mode,
    departments: availability.departmentIds.map((id) => ({ id, name: departments.find((d) => d.id === id)?.name ?? id })),
    members: availability.memberIds.map((id) => memberRef(state, app.tenantId, id)),
    deniedMembers: availability.deniedMemberIds.map((id) => memberRef(state, app.tenantId, id)),
  }
}

export function getAvailability(state: MockDbState, ctx: ActorContext, appId: string): { body: Schemas['AppAvailability']; etag: string } {
  const app = findApp(state, ctx.tenantId, appId)
  return { body: availabilityView(state, app), etag: etagFor(app.availability.version) }
}

function readIdList(input: Record<string, unknown>, field: string, errors: FieldError[]): string[] {
  const raw = input[field]
  if (!Array.isArray(raw) || !raw.every((id) => typeof id === 'string')) {
    errors.push(fieldError(field, 'required', `${field} must be a list of ids.`))
    return []
  }
  if (raw.length > MAX_PEOPLE) errors.push(fieldError(field, 'too_large', `At most ${MAX_PEOPLE}.`, { max: MAX_PEOPLE }))
  return [...new Set(raw)]
}

export function setAvailability(
  state: MockDbState,
  ctx: ActorContext,
  now: number,
  appId: string,
  ifMatch: string | null,
  body: unknown,
): { body: Schemas['AppAvailability']; etag: string } {
  const app = findApp(state, ctx.tenantId, appId)
  assertIfMatch(ifMatch, app.availability.version, availabilityView(state, app))
  const input = requireObject(body)
  const errors: FieldError[] = []
  const mode = readEnum(input.mode, 'mode', AVAILABILITY_MODES, errors)
  if (mode === undefined && !errors.some((e) => e.field === 'mode')) errors.push(fieldError('mode', 'required', 'Choose who may use the app.'))
  const departmentIds = readIdList(input, 'departmentIds', errors)
  const memberIds = readIdList(input, 'memberIds', errors)
  const deniedMemberIds = readIdList(input, 'deniedMemberIds', errors)
  const known = new Set(tenantDepartments(state, ctx.tenantId).map((d) => d.id))
  const unknownDepartment = departmentIds.find((id) => !known.has(id))
  if (unknownDepartment) errors.push(fieldError('departmentIds', 'invalid', `No department "${unknownDepartment}" in this tenant.`))
  for (const [field, ids] of [['memberIds', memberIds], ['deniedMemberIds', deniedMemberIds]] as const) {
    const unknownMember = ids.find((id) => !findMember(state, ctx.tenantId, id))
    if (unknownMember) errors.push(fieldError(field, 'invalid', `No member "${unknownMember}" in this tenant.`))
  }
  if (mode === 'departments' && departmentIds.length === 0) errors.push(fieldError('departmentIds', 'required', 'Choose at least one department.'))
  if (mode === 'members' && memberIds.length === 0) errors.push(fieldError('memberIds', 'required', 'Choose at least one member.'))
  if (errors.length > 0 || mode === undefined) throw validation(errors)

  const before = availabilityView(state, app)
  const next: StoredAppAvailability = {
    mode,
    departmentIds: mode === 'departments' ? departmentIds : [],
    memberIds: mode === 'all' ? [] : memberIds,
    deniedMemberIds,
    version: app.availability.version + 1,
  }
  app.availability = next
  const after = availabilityView(state, app)
  recordAudit(state, ctx, now, { action: 'app.availability_changed', targetType: 'app', targetId: app.id, targetName: app.name, before, after })
  return { body: after, etag: etagFor(next.version) }
}

export function approveScopeUpdate(state: MockDbState, ctx: ActorContext, now: number, appId: string, body: unknown): App {
  const app = findApp(state, ctx.tenantId, appId)
  const acknowledged = readAcknowledged(body)
  const update = app.scopeUpdate
  if (!update) throw conflict('The app has no scope update waiting for approval.')
  assertAcknowledged(scopeDiff(app.scopeIds, update.scopeIds).added, acknowledged)
  const before = { version: app.version, scopes: app.scopeIds.slice() }
  app.scopeIds = update.scopeIds.slice()
  app.version = update.version
  app.scopeUpdate = null
  recordAudit(state, ctx, now, {
    action: 'app.scope_update_approved',
    targetType: 'app',
    targetId: app.id,
    targetName: app.name,
    before,
    after: { version: app.version, scopes: app.scopeIds.slice() },
  })
  return toAppView(state, app)
}

export function declineScopeUpdate(state: MockDbState, ctx: ActorContext, now: number, appId: string, body: unknown): App {
  const app = findApp(state, ctx.tenantId, appId)
  const reason = readReason(body, 'reason', true)
  const update = app.scopeUpdate
  if (!update) throw conflict('The app has no scope update waiting for approval.')
  app.scopeUpdate = null
  recordAudit(state, ctx, now, {
    action: 'app.scope_update_declined',
    targetType: 'app',
    targetId: app.id,
    targetName: app.name,
    before: { version: app.version, scopes: app.scopeIds.slice(), requested: { version: update.version, scopes: update.scopeIds } },
    after: { version: app.version, scopes: app.scopeIds.slice() },
    reason,
  })
  return toAppView(state, app)
}

function toRequestView(state: MockDbState, request: StoredAppRequest): Schemas['AppRequest'] {
  const app = state.apps.items.find((candidate) => candidate.id === request.appId)
  return {
    id: request.id,
    appId: request.appId,
    appName: app?.name ?? request.appId,
    member: memberRef(state, request.tenantId, request.memberId),
    message: request.message,
    requestedAt: request.requestedAt,
    status: request.status,
    decidedAt: request.decidedAt,
    decidedBy: request.decidedBy,
    note: request.note,
  }
}

export function listRequests(
  state: MockDbState,
  ctx: ActorContext,
  query: { status?: string | null; appId?: string | null },
): { items: Schemas['AppRequest'][] } {
  const errors: FieldError[] = []
  const status = readEnum(query.status, 'status', REQUEST_STATUSES, errors)
  if (errors.length > 0) throw validation(errors)
  const appId = query.appId || null
  const items = state.apps.requests
    .filter((r) => r.tenantId === ctx.tenantId)
    .filter((r) => status === undefined || r.status === status)
    .filter((r) => appId === null || r.appId === appId)
    .sort((a, b) => Date.parse(b.requestedAt) - Date.parse(a.requestedAt))
  return { items: items.map((r) => toRequestView(state, r)) }
}

function findPendingRequest(state: MockDbState, tenantId: string, requestId: string): StoredAppRequest {
  const request = state.apps.requests.find((candidate) => candidate.id === requestId && candidate.tenantId === tenantId)
  if (!request) throw notFound('app request', requestId)
  if (request.status !== 'pending') throw conflict(`The request was already ${request.status}.`)
  return request
}

export function approveRequest(state: MockDbState, ctx: ActorContext, now: number, requestId: string, body: unknown): Schemas['AppRequest'] {
  const note = readReason(body, 'note', false)
  const request = findPendingRequest(state, ctx.tenantId, requestId)
  const app = findApp(state, ctx.tenantId, request.appId)
  if (!app.enabled) throw conflict('Enable the app before granting requests for it.')
  const before = availabilityView(state, app)
  const availability = app.availability
  availability.deniedMemberIds = availability.deniedMemberIds.filter((id) => id !== request.memberId)
  if (availability.mode !== 'all' && !availability.memberIds.includes(request.memberId)) availability.memberIds.push(request.memberId)
  availability.version++
  request.status = 'approved'
  request.decidedAt = new Date(now).toISOString()
  request.decidedBy = ctx.user.name
  request.note = note
  const member = memberRef(state, ctx.tenantId, request.memberId)
  recordAudit(state, ctx, now, {
    action: 'app.request_approved',
    targetType: 'app',
    targetId: app.id,
    targetName: app.name,
    before: { request: request.id, member, availability: before },
    after: { request: request.id, member, availability: availabilityView(state, app) },
    reason: note,
  })
  return toRequestView(state, request)
}

export function denyRequest(state: MockDbState, ctx: ActorContext, now: number, requestId: string, body: unknown): Schemas['AppRequest'] {
  const note = readReason(body, 'note', true)
  const request = findPendingRequest(state, ctx.tenantId, requestId)
  request.status = 'denied'
  request.decidedAt = new Date(now).toISOString()
  request.decidedBy = ctx.user.name
  request.note = note
  const app = state.apps.items.find((candidate) => candidate.id === request.appId)
  recordAudit(state, ctx, now, {
    action: 'app.request_denied',
    targetType: 'app',
    targetId: request.appId,
    targetName: app?.name ?? request.appId,
    before: { request: request.id, member: memberRef(state, ctx.tenantId, request.memberId), status: 'pending' },
    after: { request: request.id, status: 'denied' },
    reason: note,
  })
  return toRequestView(state, request)
}

function activeStop(state: MockDbState, tenantId: string): StoredEmergencyStop | undefined {
  return state.apps.emergencyStops.find((stop) => stop.tenantId === tenantId && stop.restoredAt === null)
}

function toStopView(state: MockDbState, stop: StoredEmergencyStop): Schemas['AppEmergencyStop'] {
  return {
    snapshotId: stop.snapshotId,
    target: stop.target,
    scopeId: stop.scopeId,
    reason: stop.reason,
    startedAt: stop.startedAt,
    startedBy: stop.startedBy,
    disabledApps: stop.snapshot.map((entry) => ({
      id: entry.appId,
      name: state.apps.items.find((app) => app.id === entry.appId)?.name ?? entry.appId,
    })),
  }
}

export function emergencyState(state: MockDbState, ctx: ActorContext): Schemas['AppEmergencyState'] {
  const stop = activeStop(state, ctx.tenantId)
  return { active: stop ? toStopView(state, stop) : null }
}

export function startEmergencyStop(state: MockDbState, ctx: ActorContext, now: number, body: unknown): Schemas['AppEmergencyStop'] {
  const input = requireObject(body)
  const errors: FieldError[] = []
  const target = readEnum(input.target, 'target', ['third_party', 'scope'] as const, errors)
  if (target === undefined && !errors.length) errors.push(fieldError('target', 'required', 'Choose what to switch off.'))
  const scopeId = target === 'scope' ? input.scopeId : null
  if (target === 'scope' && (typeof scopeId !== 'string' || !scopeById.has(scopeId))) {
    errors.push(fieldError('scopeId', typeof scopeId === 'string' && scopeId !== '' ? 'invalid' : 'required', 'Choose a scope.'))
  }
  if (errors.length > 0 || target === undefined) throw validation(errors)
  const reason = readReason(body, 'reason', true) ?? ''
  if (activeStop(state, ctx.tenantId)) throw conflict('An emergency stop is already in force; restore it first.')
  const hit = state.apps.items.filter(
    (app) =>
      app.tenantId === ctx.tenantId &&
      app.enabled &&
      (target === 'third_party' ? app.thirdParty : typeof scopeId === 'string' && app.scopeIds.includes(scopeId)),
  )
  const stop: StoredEmergencyStop = {
    snapshotId: `snap-${String(state.apps.nextSeq++).padStart(5, '0')}`,
    tenantId: ctx.tenantId,
    target,
    scopeId: typeof scopeId === 'string' ? scopeId : null,
    reason,
    startedAt: new Date(now).toISOString(),
    startedBy: { id: ctx.user.id, name: ctx.user.name, role: ctx.user.role },
    snapshot: hit.map((app) => ({ appId: app.id, enabled: app.enabled, disabledReason: app.disabledReason })),
    restoredAt: null,
  }
  state.apps.emergencyStops.push(stop)
  for (const app of hit) {
    const before = statusSnapshot(app)
    app.enabled = false
    app.disabledReason = reason
    recordAudit(state, ctx, now, { action: 'app.disabled', targetType: 'app', targetId: app.id, targetName: app.name, before, after: { ...statusSnapshot(app), emergencyStop: stop.snapshotId }, reason })
  }
  recordAudit(state, ctx, now, {
    action: 'app.emergency_stop_started',
    targetType: 'app_emergency_stop',
    targetId: stop.snapshotId,
    targetName: target === 'third_party' ? 'All third-party apps' : `Apps holding ${String(scopeId)}`,
    before: { enabledApps: hit.map((app) => app.id) },
    after: { enabledApps: [] },
    reason,
  })
  return toStopView(state, stop)
}

export function restoreEmergencyStop(state: MockDbState, ctx: ActorContext, now: number, snapshotId: string): Schemas['AppEmergencyState'] {
  const stop = state.apps.emergencyStops.find((candidate) => candidate.snapshotId === snapshotId && candidate.tenantId === ctx.tenantId)
  if (!stop) throw notFound('emergency stop', snapshotId)
  if (stop.restoredAt !== null) throw conflict('This emergency stop was already restored.')
  const restored: string[] = []
  for (const entry of stop.snapshot) {
    // An app removed from the workbench since the stop stays removed.
    const app = state.apps.items.find((candidate) => candidate.id === entry.appId)
    if (!app) continue
    const before = statusSnapshot(app)
    app.enabled = entry.enabled
    app.disabledReason = entry.disabledReason
    restored.push(app.id)
    recordAudit(state, ctx, now, { action: 'app.enabled', targetType: 'app', targetId: app.id, targetName: app.name, before, after: { ...statusSnapshot(app), restoredFrom: stop.snapshotId }, reason: stop.reason })
  }
  stop.restoredAt = new Date(now).toISOString()
  recordAudit(state, ctx, now, {
    action: 'app.emergency_stop_restored',
    targetType: 'app_emergency_stop',
    targetId: stop.snapshotId,
    targetName: stop.target === 'third_party' ? 'All third-party apps' : `Apps holding ${String(stop.scopeId)}`,
    before: { enabledApps: [] },
    after: { enabledApps: restored },
  })
  return { active: null }
}

