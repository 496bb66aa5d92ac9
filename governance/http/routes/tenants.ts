// The tenants a caller may open, and one tenant's overview.
import { activeGrant, grantSummary, openableTenants } from '../../rules/access'
import { notFound } from '../../rules/errors'
import { ok, route, tenantRoute } from '../route'

export const tenantRoutes = [
  route({ method: 'get', path: '/api/v1/tenants', operationId: 'listTenants', access: 'session' }, async ({ tx, user, now }) => {
    const [tenants, grants] = await Promise.all([tx.tenants.list(), tx.access.grants(null)])
    return ok({ items: openableTenants(user, tenants, grants, now) })
  }),
  tenantRoute({ method: 'get', path: '/api/v1/tenants/:tenantId', operationId: 'getTenant', access: 'tenant:read' }, async ({ tx, tenantId, now }) => {
    const tenant = await tx.tenants.get(tenantId)
    if (!tenant) throw notFound('tenant', tenantId)
    const [counts, departments, grants] = await Promise.all([tx.members.counts(tenantId), tx.members.departments(tenantId), tx.access.grants(tenantId)])
    const grant = activeGrant(grants, tenantId, now)
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
    })
  }),
]
