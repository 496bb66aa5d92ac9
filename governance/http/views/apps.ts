// Workbench apps as the contract shows them: records joined with the scope catalogue, member names and
// pending requests. Building them needs the store; deciding anything does not happen here.
import type { components } from '@contract/schema.gen'
import { appStatus, scopeDiff } from '../../rules/apps/catalogue'
import type { AppRecord, AppRequestRecord, AppScopeRecord, EmergencyStopRecord } from '../../rules/records'
import type { Transaction } from '../../store/port'

type Schemas = components['schemas']

const scopesOf = (catalogue: readonly AppScopeRecord[], ids: readonly string[]): AppScopeRecord[] =>
  ids.flatMap((id) => catalogue.filter((scope) => scope.id === id))

export function appView(app: AppRecord, catalogue: readonly AppScopeRecord[], pendingRequestCount: number): Schemas['App'] {
  const diff = app.scopeUpdate ? scopeDiff(catalogue, app.scopeIds, app.scopeUpdate.scopeIds) : null
  const { availability } = app
  return {
    id: app.id,
    name: app.name,
    vendor: app.vendor,
    category: app.category,
    description: app.description,
    kind: app.kind,
    thirdParty: app.kind === 'third_party',
    version: app.version,
    status: appStatus(app),
    scopes: scopesOf(catalogue, app.scopeIds),
    scopeUpdate:
      app.scopeUpdate && diff
        ? {
            version: app.scopeUpdate.version,
            requestedAt: app.scopeUpdate.requestedAt,
            added: scopesOf(catalogue, diff.added),
            removed: scopesOf(catalogue, diff.removed),
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
    pendingRequestCount,
    // Requests recorded before answers were tracked carry no answer field.
    vendorDeletionRequests: app.vendorDeletionRequests.map((request) => ({ ...request, answer: request.answer ?? null })),
  }
}

/** Views of several apps of one tenant, with one read of the catalogue and the requests. */
export async function appViews(tx: Transaction, tenantId: string, apps: readonly AppRecord[]): Promise<Schemas['App'][]> {
  const [catalogue, requests] = await Promise.all([tx.apps.scopes(), tx.apps.requests(tenantId)])
  const pending = new Map<string, number>()
  for (const request of requests) if (request.status === 'pending') pending.set(request.appId, (pending.get(request.appId) ?? 0) + 1)
  return apps.map((app) => appView(app, catalogue, pending.get(app.id) ?? 0))
}

export async function oneAppView(tx: Transaction, app: AppRecord): Promise<Schemas['App']> {
  const [view] = await appViews(tx, app.tenantId, [app])
  if (!view) throw new Error('appViews lost an app')
  return view
}

/** Member references by id, with names and departments; an id the store no longer knows shows as itself. */
export async function memberRefs(tx: Transaction, tenantId: string, memberIds: readonly string[]): Promise<Map<string, Schemas['MemberRef']>> {
  const [members, departments] = await Promise.all([tx.members.getMany(tenantId, memberIds), tx.members.departments(tenantId)])
  const names = new Map(departments.map((department) => [department.id, department.name]))
  return new Map(
    memberIds.map((id) => {
      const member = members.get(id)
      return [id, { id, name: member?.name ?? id, departmentName: member ? (names.get(member.departmentId) ?? '') : '' }]
    }),
  )
}

export async function availabilityView(tx: Transaction, app: AppRecord): Promise<Schemas['AppAvailability']> {
  const { availability } = app
  const [departments, refs] = await Promise.all([
    tx.members.departments(app.tenantId),
    memberRefs(tx, app.tenantId, [...availability.memberIds, ...availability.deniedMemberIds]),
  ])
  const ref = (id: string) => refs.get(id) ?? { id, name: id, departmentName: '' }
  return {
    mode: availability.mode,
    departments: availability.departmentIds.map((id) => ({ id, name: departments.find((department) => department.id === id)?.name ?? id })),
    members: availability.memberIds.map(ref),
    deniedMembers: availability.deniedMemberIds.map(ref),
  }
}

export async function requestViews(tx: Transaction, tenantId: string, requests: readonly AppRequestRecord[]): Promise<Schemas['AppRequest'][]> {
  const [apps, refs] = await Promise.all([tx.apps.list(tenantId), memberRefs(tx, tenantId, requests.map((request) => request.memberId))])
  return requests.map((request) => ({
    id: request.id,
    appId: request.appId,
    appName: apps.find((app) => app.id === request.appId)?.name ?? request.appId,
    member: refs.get(request.memberId) ?? { id: request.memberId, name: request.memberId, departmentName: '' },
    message: request.message,
    requestedAt: request.requestedAt,
    status: request.status,
    decidedAt: request.decidedAt,
    decidedBy: request.decidedBy,
    note: request.note,
  }))
}

export async function stopView(tx: Transaction, stop: EmergencyStopRecord): Promise<Schemas['AppEmergencyStop']> {
  const apps = await tx.apps.list(stop.tenantId)
  return {
    snapshotId: stop.snapshotId,
    target: stop.target,
    scopeId: stop.scopeId,
    reason: stop.reason,
    startedAt: stop.startedAt,
    startedBy: stop.startedBy,
    disabledApps: stop.snapshot.map((entry) => ({ id: entry.appId, name: apps.find((app) => app.id === entry.appId)?.name ?? entry.appId })),
  }
}
