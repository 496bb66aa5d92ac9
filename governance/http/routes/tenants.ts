// The tenants a caller may open, and one tenant's overview.
import { activeGrant, grantSummary, openableTenants } from '../../rules/access'
import { notFound } from '../../rules/errors'
import { urgencyOf } from '../../rules/deregistration'
import { trackDeadline } from '../../rules/kin-requests'
import { ok, route, tenantRoute } from '../route'

export const tenantRoutes = [
  route({ method: 'get', path: '/api/v1/tenants', operationId: 'listTenants', access: 'session' }, async ({ tx, user, now }) => {
    const [tenants, grants] = await Promise.all([tx.tenants.list(), tx.access.grants(null)])
    return ok({ items: openableTenants(user, tenants, grants, now) })
  }),
  tenantRoute({ method: 'get', path: '/api/v1/tenants/:tenantId', operationId: 'getTenant', access: 'tenant:read' }, async ({ tx, tenantId, now }) => {
    const tenant = await tx.tenants.get(tenantId)
    if (!tenant) throw notFound('tenant', tenantId)
    const [counts, departments, grants, apps, requests, retention, deregistrations] = await Promise.all([
      tx.members.counts(tenantId),
      tx.members.departments(tenantId),
      tx.access.grants(tenantId),
      tx.apps.list(tenantId),
      tx.apps.requests(tenantId),
      tx.retention.get(tenantId),
      tx.deregistrations.list(tenantId),
    ])
    const kin = (await tx.kin.list([tenantId])).map((request) => trackDeadline(request, 'enterprise', now).urgency)
    const grant = activeGrant(grants, tenantId, now)
    const urgencies = deregistrations.map((request) => urgencyOf(request, now))
    return ok({
      id: tenant.id,
      name: tenant.name,
      plan: tenant.plan,
      region: tenant.region,
      createdAt: tenant.createdAt,
      memberCount: counts.members,
      activeMemberCount: counts.active,
      adminCount: counts.admins,
      departmentCount: departments.length,
      supportGrant: grant ? grantSummary(grant) : null,
      attention: {
        pendingAppRequests: requests.filter((request) => request.status === 'pending').length,
        scopeUpdates: apps.filter((app) => app.scopeUpdate !== null).length,
        // A change whose time has passed has taken effect (the next look at retention settles it).
        retentionChangeAt: retention?.pending && Date.parse(retention.pending.effectiveAt) > now ? retention.pending.effectiveAt : null,
        openDeregistrations: urgencies.filter((urgency) => urgency !== null).length,
        deregistrationsDueSoon: urgencies.filter((urgency) => urgency === 'due_soon').length,
        deregistrationsOverdue: urgencies.filter((urgency) => urgency === 'overdue').length,
        kinDueSoon: kin.filter((urgency) => urgency === 'due_soon').length,
        kinOverdue: kin.filter((urgency) => urgency === 'overdue').length,
      },
    })
  }),
]
