// A tenant's overview as the console's home page shows it.
import type { components } from '@contract/schema.gen'
import type { MockDbState } from '../db/state'
import { activeGrant, grantSummary, type ActorContext } from './access'
import { notFound } from './errors'
import { memberCounts, tenantDepartments } from './members'

export function tenantOverview(state: MockDbState, now: number, ctx: ActorContext): components['schemas']['Tenant'] {
  const tenant = state.tenants.find((candidate) => candidate.id === ctx.tenantId)
  if (!tenant) throw notFound('tenant', ctx.tenantId)
  const counts = memberCounts(state, tenant.id)
  const grant = activeGrant(state, tenant.id, now)
  return {
    id: tenant.id,
    name: tenant.name,
    plan: tenant.plan,
    region: tenant.region,
    createdAt: tenant.createdAt,
    memberCount: counts.members,
    activeMemberCount: counts.active,
    adminCount: counts.admins,
    departmentCount: tenantDepartments(state, tenant.id).length,
    supportGrant: grant ? grantSummary(grant) : null,
  }
}
