// Who may open which tenant, and how: administrators their own tenants, support agents only under an active,
// time-boxed grant (read-only or read-write), with personal data masked for them.
import type { components } from '@contract/schema.gen'
import { forbidden, RuleError } from './errors'
import { grantStatus, lastGrantEnd } from './support-grants'
import type { GrantRecord, TenantRecord, UserRecord } from './records'

type Schemas = components['schemas']

/** What a tenant route may do, declared on the route. */
export type TenantNeed = 'read' | 'write' | 'admin'

/** The person acting in a tenant, and on whose behalf: every change is recorded with this. */
export interface Actor {
  user: Schemas['User']
  tenantId: string
  /** For a support agent, the tenant they act for; null for the tenant's own administrators. */
  onBehalfOf: string | null
  ticketRef: string | null
  /** Personal data is masked for support agents by the API itself, not only in the UI. */
  masked: boolean
  grant: GrantRecord | null
}

export const toUser = (user: UserRecord): Schemas['User'] => ({ id: user.id, name: user.name, email: user.email, role: user.role })

/** The grant that keeps an agent in now: several may overlap, and the one lasting longest wins. */
export function activeGrant(grants: readonly GrantRecord[], tenantId: string, now: number): GrantRecord | null {
  let best: GrantRecord | null = null
  for (const grant of grants) {
    if (grant.tenantId !== tenantId || grantStatus(grant, now) !== 'active') continue
    if (!best || Date.parse(grant.expiresAt) > Date.parse(best.expiresAt)) best = grant
  }
  return best
}

export const grantSummary = (grant: GrantRecord): Schemas['SupportGrantSummary'] => ({
  id: grant.id,
  mode: grant.mode,
  ticketRef: grant.ticketRef,
  expiresAt: grant.expiresAt,
})

/** Decides whether `user` may do `need` in `tenant`, given the tenant's grants; throws a problem when not. */
export function authorizeTenant(user: UserRecord, tenant: TenantRecord, grants: readonly GrantRecord[], need: TenantNeed, now: number): Actor {
  if (user.role === 'tenant_admin') {
    if (!user.tenantIds.includes(tenant.id)) throw forbidden(`You are not an administrator of ${tenant.name}.`)
    return { user: toUser(user), tenantId: tenant.id, onBehalfOf: null, ticketRef: null, masked: false, grant: null }
  }
  const grant = activeGrant(grants, tenant.id, now)
  if (!grant) {
    // Says how the last grant ended (revoked, superseded, expired), so an agent mid-session learns why.
    const grantEnded = lastGrantEnd(grants.filter((candidate) => candidate.tenantId === tenant.id), now)
    const detail = grantEnded
      ? `${tenant.name}'s support grant ended at ${grantEnded.at} (${grantEnded.reason}).`
      : `${tenant.name} has not granted support access.`
    throw new RuleError({ kind: 'no-support-grant', title: 'Not allowed', detail, extra: { grantEnded } })
  }
  if (need === 'admin') throw forbidden(`Only administrators of ${tenant.name} can do this.`, 'admins-only')
  if (need === 'write' && grant.mode === 'read_only') {
    throw forbidden(`The support grant from ${tenant.name} (ticket ${grant.ticketRef}) is read-only.`, 'read-only-grant')
  }
  return { user: toUser(user), tenantId: tenant.id, onBehalfOf: tenant.id, ticketRef: grant.ticketRef, masked: true, grant }
}

/** The tenants a user may open: an administrator's own, or those that granted a support agent access now. */
export function openableTenants(user: UserRecord, tenants: readonly TenantRecord[], grants: readonly GrantRecord[], now: number): Schemas['TenantSummary'][] {
  if (user.role === 'tenant_admin') {
    return tenants.filter((tenant) => user.tenantIds.includes(tenant.id)).map((tenant) => ({ id: tenant.id, name: tenant.name, supportGrant: null }))
  }
  return tenants.flatMap((tenant) => {
    const grant = activeGrant(grants, tenant.id, now)
    return grant ? [{ id: tenant.id, name: tenant.name, supportGrant: grantSummary(grant) }] : []
  })
}
