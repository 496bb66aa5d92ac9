// Workbench apps over HTTP: load the records, let the rules decide, store what changed and record the audit.
import type { components } from '@contract/schema.gen'
import { assertPending, approveRequest, denyRequest } from '../../rules/apps/requests'
import { availabilityChanged, nextAvailability } from '../../rules/apps/availability'
import { answerVendorDeletion, disableApp, enableApp, filterApps, registerCustomApp, removeApp, requestVendorDeletion, type AppChangeBy } from '../../rules/apps/catalogue'
import { restoreEmergencyStop, startEmergencyStop } from '../../rules/apps/emergency'
import { approveScopeUpdate, declineScopeUpdate } from '../../rules/apps/scope-update'
import { notFound, staleVersion } from '../../rules/errors'
import { givenText } from '../../rules/text'
import type { Actor } from '../../rules/access'
import type { AppAvailabilityRecord, AppRecord, AppRequestRecord, AppScopeRecord, AuditInput } from '../../rules/records'
import type { Transaction } from '../../store/port'
import { recordAudit } from '../audit-trail'
import { created, etagOf, noContent, ok, tenantRoute } from '../route'
import { appViews, availabilityView, memberRefs, oneAppView, requestViews, stopView } from '../views/apps'

type Schemas = components['schemas']

const base = '/api/v1/tenants/:tenantId'

async function findApp(tx: Transaction, tenantId: string, appId: string): Promise<AppRecord> {
  const app = await tx.apps.get(tenantId, appId)
  if (!app) throw notFound('app', appId)
  return app
}

async function findRequest(tx: Transaction, tenantId: string, requestId: string): Promise<AppRequestRecord> {
  const request = await tx.apps.request(tenantId, requestId)
  if (!request) throw notFound('app request', requestId)
  return request
}

/** Turns availabilities of one app into readable views, with one read of the names they mention. */
async function availabilityDescriber(tx: Transaction, app: AppRecord, others: readonly AppAvailabilityRecord[]) {
  const all = [app.availability, ...others]
  const [departments, refs] = await Promise.all([
    tx.members.departments(app.tenantId),
    memberRefs(tx, app.tenantId, [...new Set(all.flatMap((availability) => [...availability.memberIds, ...availability.deniedMemberIds]))]),
  ])
  const ref = (id: string) => refs.get(id) ?? { id, name: id, departmentName: '' }
  return (availability: AppAvailabilityRecord): Schemas['AppAvailability'] => ({
    mode: availability.mode,
    departments: availability.departmentIds.map((id) => ({ id, name: departments.find((department) => department.id === id)?.name ?? id })),
    members: availability.memberIds.map(ref),
    deniedMembers: availability.deniedMemberIds.map(ref),
  })
}

/** The shape of most app writes: load the app, let a rule decide, store the app, record the audit, answer the app. */
async function changeApp(
  tx: Transaction,
  actor: Actor,
  now: number,
  appId: string,
  decide: (app: AppRecord, catalogue: AppScopeRecord[]) => { app: AppRecord; audit: AuditInput[] },
) {
  const app = await findApp(tx, actor.tenantId, appId)
  const result = decide(app, await tx.apps.scopes())
  await tx.apps.save(result.app)
  await recordAudit(tx, actor, now, result.audit)
  return ok(await oneAppView(tx, result.app))
}

const changedBy = (actor: Actor, now: number): AppChangeBy => ({ person: { id: actor.user.id, name: actor.user.name }, onBehalfOf: actor.onBehalfOf, at: new Date(now).toISOString() })

async function activeStop(tx: Transaction, tenantId: string) {
  return (await tx.apps.emergencyStops(tenantId)).find((stop) => stop.restoredAt === null) ?? null
}

export const appRoutes = [
  tenantRoute({ method: 'get', path: `${base}/apps`, operationId: 'listApps', access: 'tenant:read' }, async ({ tx, tenantId, query }) => {
    const [apps, catalogue] = await Promise.all([tx.apps.list(tenantId), tx.apps.scopes()])
    const filtered = filterApps(apps, catalogue, {
      q: query.q ?? '',
      status: query.status ?? null,
      category: query.category ?? null,
      scope: query.scope || null,
      kind: query.kind ?? null,
    })
    return ok({ items: await appViews(tx, tenantId, filtered) })
  }),

  tenantRoute({ method: 'get', path: `${base}/apps/:appId`, operationId: 'getApp', access: 'tenant:read' }, async ({ tx, tenantId, params }) =>
    ok(await oneAppView(tx, await findApp(tx, tenantId, params.appId ?? ''))),
  ),

  tenantRoute(
    { method: 'post', path: `${base}/apps/:appId/enable`, operationId: 'enableApp', access: 'tenant:write', idempotent: true },
    async ({ tx, params, body, actor, now }) =>
      changeApp(tx, actor, now, params.appId ?? '', (app, catalogue) => enableApp(app, catalogue, body.acknowledgedScopes)),
  ),

  tenantRoute(
    { method: 'post', path: `${base}/apps/:appId/disable`, operationId: 'disableApp', access: 'tenant:write', idempotent: true },
    async ({ tx, params, body, actor, now }) => {
      const reason = givenText(body.reason, 'reason', true) ?? ''
      const requestId = body.askVendorToDelete ? await tx.ids.next('vdr') : null
      return changeApp(tx, actor, now, params.appId ?? '', (app) => {
        const disabled = disableApp(app, reason)
        if (requestId === null) return disabled
        // In the same change: the vendor is asked to delete what it already received.
        const asked = requestVendorDeletion(disabled.app, reason, requestId, changedBy(actor, now))
        return { app: asked.app, audit: [...disabled.audit, ...asked.audit] }
      })
    },
  ),

  tenantRoute(
    { method: 'post', path: `${base}/apps/:appId/vendor-deletion-requests`, operationId: 'requestVendorDeletion', access: 'tenant:write', idempotent: true },
    async ({ tx, params, body, actor, now }) => {
      const requestId = await tx.ids.next('vdr')
      const reply = await changeApp(tx, actor, now, params.appId ?? '', (app) => requestVendorDeletion(app, givenText(body.reason, 'reason', true) ?? '', requestId, changedBy(actor, now)))
      return { ...reply, status: 201 }
    },
  ),

  tenantRoute(
    { method: 'post', path: `${base}/apps/:appId/vendor-deletion-requests/:requestId/answer`, operationId: 'answerVendorDeletion', access: 'tenant:write', idempotent: true },
    async ({ tx, params, body, actor, now }) =>
      changeApp(tx, actor, now, params.appId ?? '', (app) => answerVendorDeletion(app, params.requestId ?? '', body, changedBy(actor, now))),
  ),

  tenantRoute(
    { method: 'post', path: `${base}/custom-apps`, operationId: 'registerCustomApp', access: 'tenant:write', idempotent: true },
    async ({ tx, tenantId, body, actor, now }) => {
      const tenant = await tx.tenants.get(tenantId)
      const result = registerCustomApp(body, await tx.apps.scopes(), { id: await tx.ids.next(`app-${tenantId.replace(/^t-/, '')}-custom`), tenantId, vendor: tenant?.name ?? tenantId, by: changedBy(actor, now) })
      await tx.apps.save(result.app)
      await recordAudit(tx, actor, now, result.audit)
      return created(await oneAppView(tx, result.app))
    },
  ),

  tenantRoute(
    { method: 'post', path: `${base}/apps/:appId/remove`, operationId: 'removeApp', access: 'tenant:write', idempotent: true },
    async ({ tx, tenantId, params, body, actor, now }) => {
      const app = await findApp(tx, tenantId, params.appId ?? '')
      const result = removeApp(app, await tx.apps.requests(tenantId), givenText(body?.reason, 'reason', false), new Date(now).toISOString(), actor.user.name)
      await tx.apps.delete(tenantId, app.id)
      for (const request of result.closedRequests) await tx.apps.saveRequest(request)
      await recordAudit(tx, actor, now, result.audit)
      return noContent()
    },
  ),

  tenantRoute(
    { method: 'get', path: `${base}/apps/:appId/availability`, operationId: 'getAppAvailability', access: 'tenant:read' },
    async ({ tx, tenantId, params }) => {
      const app = await findApp(tx, tenantId, params.appId ?? '')
      return ok(await availabilityView(tx, app), { ETag: etagOf(app.availability.version) })
    },
  ),

  tenantRoute(
    { method: 'put', path: `${base}/apps/:appId/availability`, operationId: 'setAppAvailability', access: 'tenant:write', ifMatch: true },
    async ({ tx, tenantId, params, body, actor, now, ifMatch }) => {
      const app = await findApp(tx, tenantId, params.appId ?? '')
      if (ifMatch !== app.availability.version) throw staleVersion(await availabilityView(tx, app))
      const departments = await tx.members.departments(tenantId)
      const named = await tx.members.getMany(tenantId, [...body.memberIds, ...body.deniedMemberIds])
      const next = nextAvailability(app.availability, body, {
        departmentIds: new Set(departments.map((department) => department.id)),
        memberExists: (id) => named.has(id),
      })
      const describe = await availabilityDescriber(tx, app, [next])
      const changed: AppRecord = { ...app, availability: next }
      await tx.apps.save(changed)
      await recordAudit(tx, actor, now, [availabilityChanged(app, next, describe)])
      return ok(describe(next), { ETag: etagOf(next.version) })
    },
  ),

  tenantRoute(
    { method: 'post', path: `${base}/apps/:appId/scope-update/approve`, operationId: 'approveAppScopeUpdate', access: 'tenant:write', idempotent: true },
    async ({ tx, params, body, actor, now }) =>
      changeApp(tx, actor, now, params.appId ?? '', (app, catalogue) => approveScopeUpdate(app, catalogue, body.acknowledgedScopes)),
  ),

  tenantRoute(
    { method: 'post', path: `${base}/apps/:appId/scope-update/decline`, operationId: 'declineAppScopeUpdate', access: 'tenant:write', idempotent: true },
    async ({ tx, params, body, actor, now }) =>
      changeApp(tx, actor, now, params.appId ?? '', (app) => declineScopeUpdate(app, givenText(body.reason, 'reason', true) ?? '')),
  ),

  tenantRoute({ method: 'get', path: `${base}/app-scopes`, operationId: 'listAppScopes', access: 'tenant:read' }, async ({ tx }) =>
    ok({ items: await tx.apps.scopes() }),
  ),

  tenantRoute({ method: 'get', path: `${base}/app-requests`, operationId: 'listAppRequests', access: 'tenant:read' }, async ({ tx, tenantId, query }) => {
    const appId = query.appId || null
    const requests = (await tx.apps.requests(tenantId))
      .filter((request) => query.status === undefined || request.status === query.status)
      .filter((request) => appId === null || request.appId === appId)
      .sort((a, b) => Date.parse(b.requestedAt) - Date.parse(a.requestedAt))
    return ok({ items: await requestViews(tx, tenantId, requests) })
  }),

  tenantRoute(
    { method: 'post', path: `${base}/app-requests/:requestId/approve`, operationId: 'approveAppRequest', access: 'tenant:write', idempotent: true },
    async ({ tx, tenantId, params, body, actor, now }) => {
      const note = givenText(body?.note, 'note', false)
      const request = await findRequest(tx, tenantId, params.requestId ?? '')
      assertPending(request)
      const app = await findApp(tx, tenantId, request.appId)
      const member = (await memberRefs(tx, tenantId, [request.memberId])).get(request.memberId) ?? { id: request.memberId, name: request.memberId, departmentName: '' }
      const describe = await availabilityDescriber(tx, app, [])
      const result = approveRequest(request, app, { at: new Date(now).toISOString(), by: actor.user.name, note }, member, describe)
      await tx.apps.saveRequest(result.request)
      await tx.apps.save(result.app)
      await recordAudit(tx, actor, now, result.audit)
      const [view] = await requestViews(tx, tenantId, [result.request])
      return ok(view)
    },
  ),

  tenantRoute(
    { method: 'post', path: `${base}/app-requests/:requestId/deny`, operationId: 'denyAppRequest', access: 'tenant:write', idempotent: true },
    async ({ tx, tenantId, params, body, actor, now }) => {
      const note = givenText(body?.note, 'note', true) ?? ''
      const request = await findRequest(tx, tenantId, params.requestId ?? '')
      const app = await tx.apps.get(tenantId, request.appId)
      const member = (await memberRefs(tx, tenantId, [request.memberId])).get(request.memberId) ?? { id: request.memberId, name: request.memberId, departmentName: '' }
      const result = denyRequest(request, app?.name ?? request.appId, { at: new Date(now).toISOString(), by: actor.user.name, note }, member)
      await tx.apps.saveRequest(result.request)
      await recordAudit(tx, actor, now, result.audit)
      const [view] = await requestViews(tx, tenantId, [result.request])
      return ok(view)
    },
  ),

  tenantRoute({ method: 'get', path: `${base}/app-emergency-stop`, operationId: 'getAppEmergencyStop', access: 'tenant:read' }, async ({ tx, tenantId }) => {
    const stop = await activeStop(tx, tenantId)
    return ok({ active: stop ? await stopView(tx, stop) : null })
  }),

  tenantRoute(
    { method: 'post', path: `${base}/app-emergency-stop`, operationId: 'startAppEmergencyStop', access: 'tenant:write', idempotent: true },
    async ({ tx, tenantId, body, actor, now }) => {
      const reason = givenText(body.reason, 'reason', true) ?? ''
      const [apps, catalogue, active] = await Promise.all([tx.apps.list(tenantId), tx.apps.scopes(), activeStop(tx, tenantId)])
      const result = startEmergencyStop(apps, catalogue, active, { target: body.target, scopeId: body.scopeId ?? null, reason }, {
        snapshotId: await tx.ids.next('snap'),
        tenantId,
        at: new Date(now).toISOString(),
        by: { id: actor.user.id, name: actor.user.name, role: actor.user.role },
      })
      await tx.apps.saveEmergencyStop(result.stop)
      for (const app of result.apps) await tx.apps.save(app)
      await recordAudit(tx, actor, now, result.audit)
      return created(await stopView(tx, result.stop))
    },
  ),

  tenantRoute(
    { method: 'post', path: `${base}/app-emergency-stop/:snapshotId/restore`, operationId: 'restoreAppEmergencyStop', access: 'tenant:write', idempotent: true },
    async ({ tx, tenantId, params, actor, now }) => {
      const snapshotId = params.snapshotId ?? ''
      const stop = (await tx.apps.emergencyStops(tenantId)).find((candidate) => candidate.snapshotId === snapshotId)
      if (!stop) throw notFound('emergency stop', snapshotId)
      const result = restoreEmergencyStop(stop, await tx.apps.list(tenantId), new Date(now).toISOString())
      await tx.apps.saveEmergencyStop(result.stop)
      for (const app of result.apps) await tx.apps.save(app)
      await recordAudit(tx, actor, now, result.audit)
      return ok({ active: null })
    },
  ),
]
