// The workbench catalogue: what state an app is in, what its scopes give away, who may use it, and the rules
// for enabling, disabling and removing it. Plain functions over records; the caller stores what they return.
import type { components } from '@contract/schema.gen'
import { departmentSubtree } from '../departments'
import { conflict, fieldError, notFound, RuleError, validation } from '../errors'
import type { AppRecord, AppRequestRecord, AppScopeRecord, AuditInput, DepartmentRecord, MemberRecord } from '../records'

type Schemas = components['schemas']

export function appStatus(app: Pick<AppRecord, 'enabled' | 'scopeUpdate'>): Schemas['AppStatus'] {
  if (!app.enabled) return 'disabled'
  return app.scopeUpdate ? 'awaiting_scope_approval' : 'enabled'
}

/** What an update would change: scopes it adds and scopes it gives up, in catalogue order. */
export function scopeDiff(
  catalogue: readonly AppScopeRecord[],
  current: readonly string[],
  next: readonly string[],
): { added: string[]; removed: string[] } {
  const order = (ids: string[]) => catalogue.map((scope) => scope.id).filter((id) => ids.includes(id))
  return {
    added: order(next.filter((id) => !current.includes(id))),
    removed: order(current.filter((id) => !next.includes(id))),
  }
}

export function sensitiveScopeIds(catalogue: readonly AppScopeRecord[], ids: readonly string[]): string[] {
  return ids.filter((id) => catalogue.find((scope) => scope.id === id)?.sensitive === true)
}

/**
 * May this member use the app right now? A disabled app serves nobody; the deny list overrides every
 * allow rule; then the mode decides (named members count in `departments` mode as well).
 */
export function canMemberUse(
  app: Pick<AppRecord, 'enabled' | 'availability'>,
  member: Pick<MemberRecord, 'id' | 'departmentId' | 'status'>,
  departments: readonly DepartmentRecord[],
): boolean {
  if (!app.enabled || member.status !== 'active') return false
  const { mode, departmentIds, memberIds, deniedMemberIds } = app.availability
  if (deniedMemberIds.includes(member.id)) return false
  if (mode === 'all') return true
  if (memberIds.includes(member.id)) return true
  if (mode === 'departments') return departmentSubtree(departments, departmentIds).has(member.departmentId)
  return false
}

export interface AppFilter {
  q: string
  status: Schemas['AppStatus'] | null
  category: Schemas['AppCategory'] | null
  scope: string | null
  kind: Schemas['AppKind'] | null
}

/** The catalogue as filtered on the apps page, by name. */
export function filterApps(apps: readonly AppRecord[], catalogue: readonly AppScopeRecord[], filter: AppFilter): AppRecord[] {
  if (filter.scope !== null && !catalogue.some((scope) => scope.id === filter.scope)) {
    throw validation([fieldError('scope', 'invalid', `No scope "${filter.scope}".`)])
  }
  const q = filter.q.trim().toLowerCase()
  return apps
    .filter((app) => filter.status === null || appStatus(app) === filter.status)
    .filter((app) => filter.category === null || app.category === filter.category)
    .filter((app) => filter.kind === null || app.kind === filter.kind)
    .filter((app) => filter.scope === null || app.scopeIds.includes(filter.scope))
    .filter((app) => q === '' || `${app.name}\n${app.vendor}\n${app.description}`.toLowerCase().includes(q))
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
}

/** Every sensitive scope among `ids` must be acknowledged; a missing one is a field error naming it. */
export function assertAcknowledged(catalogue: readonly AppScopeRecord[], ids: readonly string[], acknowledged: readonly string[]): void {
  const missing = sensitiveScopeIds(catalogue, ids).filter((id) => !acknowledged.includes(id))
  if (missing.length > 0) {
    throw validation(
      [fieldError('acknowledgedScopes', 'required', `Acknowledge every sensitive scope first: ${missing.join(', ')}.`, { missing: missing.join(',') })],
      'Sensitive scopes must be acknowledged before the app can receive them.',
    )
  }
}

export const statusSnapshot = (app: AppRecord) => ({ status: appStatus(app), scopes: app.scopeIds.slice() })

const appAudit = (app: AppRecord, entry: Omit<AuditInput, 'targetType' | 'targetId' | 'targetName'>): AuditInput => ({
  targetType: 'app',
  targetId: app.id,
  targetName: app.name,
  ...entry,
})

export function enableApp(app: AppRecord, catalogue: readonly AppScopeRecord[], acknowledged: readonly string[]): { app: AppRecord; audit: AuditInput[] } {
  if (app.enabled) throw conflict('The app is already enabled.')
  assertAcknowledged(catalogue, app.scopeIds, acknowledged)
  const next: AppRecord = { ...app, enabled: true, disabledReason: null }
  return {
    app: next,
    audit: [
      appAudit(app, {
        action: 'app.enabled',
        before: statusSnapshot(app),
        after: { ...statusSnapshot(next), acknowledgedScopes: sensitiveScopeIds(catalogue, app.scopeIds) },
      }),
    ],
  }
}

export function disableApp(app: AppRecord, reason: string): { app: AppRecord; audit: AuditInput[] } {
  if (!app.enabled) throw conflict('The app is already disabled.')
  const next: AppRecord = { ...app, enabled: false, disabledReason: reason }
  return { app: next, audit: [appAudit(app, { action: 'app.disabled', before: statusSnapshot(app), after: statusSnapshot(next), reason })] }
}

/** Removes a disabled app; its open requests can no longer be granted and are closed with a note. */
export function removeApp(
  app: AppRecord,
  requests: readonly AppRequestRecord[],
  reason: string | null,
  at: string,
  decidedBy: string,
): { closedRequests: AppRequestRecord[]; audit: AuditInput[] } {
  if (app.kind === 'basic') throw new RuleError({ kind: 'app-kind', title: 'A basic app cannot be removed', detail: 'The platform’s basic apps can be disabled but not removed from the workbench.' })
  if (app.enabled) throw conflict('Disable the app before removing it from the workbench.')
  const closedRequests = requests
    .filter((request) => request.appId === app.id && request.status === 'pending')
    .map((request) => ({ ...request, status: 'denied' as const, decidedAt: at, decidedBy, note: 'The app was removed from the workbench.' }))
  return { closedRequests, audit: [appAudit(app, { action: 'app.removed', before: statusSnapshot(app), after: null, reason })] }
}

export interface AppChangeBy {
  person: Schemas['RetentionPerson']
  onBehalfOf: string | null
  at: string
}

/** A custom app the tenant made (its vendor is the tenant): registered disabled, enabled through the usual flow. */
export function registerCustomApp(
  input: Schemas['CustomAppInput'],
  catalogue: readonly AppScopeRecord[],
  context: { id: string; tenantId: string; vendor: string; by: AppChangeBy },
): { app: AppRecord; audit: AuditInput[] } {
  const name = input.name.trim()
  const errors: Schemas['FieldError'][] = []
  if (name === '') errors.push(fieldError('name', 'required', 'Give the app a name.'))
  const unknown = input.scopeIds.filter((id) => !catalogue.some((scope) => scope.id === id))
  if (unknown.length > 0) errors.push(fieldError('scopeIds', 'invalid', `No scope ${unknown.join(', ')}.`))
  if (new Set(input.scopeIds).size !== input.scopeIds.length) errors.push(fieldError('scopeIds', 'invalid', 'A scope is listed twice.'))
  if (errors.length > 0) throw validation(errors)
  const app: AppRecord = {
    id: context.id,
    tenantId: context.tenantId,
    name,
    vendor: context.vendor,
    category: 'productivity',
    description: input.description.trim(),
    kind: 'custom',
    version: '1.0.0',
    enabled: false,
    scopeIds: input.scopeIds.slice(),
    scopeUpdate: null,
    availability: { mode: 'all', departmentIds: [], memberIds: [], deniedMemberIds: [], version: 1 },
    lastDataAccessAt: null,
    installedAt: context.by.at,
    disabledReason: null,
    vendorDeletionRequests: [],
  }
  return { app, audit: [appAudit(app, { action: 'app.registered', before: null, after: { kind: 'custom', ...statusSnapshot(app) } })] }
}

/** A request to a third-party vendor to delete the tenant's data it already received; recorded with the app. */
export function requestVendorDeletion(app: AppRecord, reason: string, id: string, by: AppChangeBy): { app: AppRecord; audit: AuditInput[] } {
  if (app.kind !== 'third_party') {
    throw new RuleError({ kind: 'app-kind', title: 'Only a third-party vendor is asked to delete', detail: 'Basic apps are the platform’s and custom apps are your own: their data follows your retention settings.' })
  }
  const request: Schemas['AppVendorDeletionRequest'] = { id, requestedAt: by.at, requestedBy: by.person, onBehalfOf: by.onBehalfOf, reason, status: 'sent', answer: null }
  return {
    app: { ...app, vendorDeletionRequests: [request, ...app.vendorDeletionRequests] },
    audit: [appAudit(app, { action: 'app.vendor_deletion_requested', before: null, after: { request: id, vendor: app.vendor, status: 'sent' }, reason })],
  }
}

/**
 * Records the vendor's answer to a deletion request (once: a second answer is a conflict, the first stands). The
 * note carries the vendor's reference, so an auditor can follow it up.
 */
export function answerVendorDeletion(
  app: AppRecord,
  requestId: string,
  input: { outcome: 'confirmed' | 'refused'; note: string },
  by: AppChangeBy,
): { app: AppRecord; audit: AuditInput[] } {
  const request = app.vendorDeletionRequests.find((entry) => entry.id === requestId)
  if (!request) throw notFound('deletion request', requestId)
  if (request.status !== 'sent') throw conflict(`The vendor's answer to this request is recorded already (${request.status}).`)
  const note = input.note.trim()
  if (note === '') throw validation([fieldError('note', 'required', "Write the vendor's reference or what it said.")])
  const answered: Schemas['AppVendorDeletionRequest'] = { ...request, status: input.outcome, answer: { at: by.at, by: by.person, onBehalfOf: by.onBehalfOf, note } }
  return {
    app: { ...app, vendorDeletionRequests: app.vendorDeletionRequests.map((entry) => (entry.id === requestId ? answered : entry)) },
    audit: [
      appAudit(app, {
        action: 'app.vendor_deletion_answered',
        before: { request: requestId, status: 'sent' },
        after: { request: requestId, vendor: app.vendor, status: input.outcome },
        reason: note,
      }),
    ],
  }
}
