// Support access: an administrator grants, supersedes and revokes the platform's support access and sees what was
// done under each grant (from the audit log); support agents find tenants here, whether or not they grant access.
import type { components } from '@contract/schema.gen'
import { grantSummary, activeGrant } from '../../rules/access'
import { notFound } from '../../rules/errors'
import type { GrantRecord } from '../../rules/records'
import { createGrant, expireGrants, GRANT_MAX_HOURS, GRANT_MIN_HOURS, grantEnd, grantEndsAt, grantStatus, revokeGrant, sortGrants } from '../../rules/support-grants'
import type { AuditFilter, GovernanceStore, Transaction } from '../../store/port'
import { recordAudit, recordSystemAudit } from '../audit-trail'
import { created, ok, route, tenantRoute } from '../route'

type Schemas = components['schemas']

const base = '/api/v1/tenants/:tenantId/support-grants'
/** Changes under a grant are counted up to this many. */
const USAGE_CAP = 1_000
/** The grants page lists this many, the active one first. */
const LISTED_GRANTS = 50

/** The audit filter for what support did under a grant: its window, only entries made on the tenant's behalf. */
export function grantActivityFilter(grant: GrantRecord): Pick<AuditFilter, 'from' | 'to' | 'supportOnly'> {
  return { from: grant.createdAt, to: grantEndsAt(grant), supportOnly: true }
}

const EVERYTHING = { targetType: null, targetId: null, actorId: null, action: null, maxSeq: null, before: null }

async function grantView(tx: Transaction, grant: GrantRecord, now: number): Promise<Schemas['SupportGrant']> {
  const entries = await tx.audit.list(grant.tenantId, { ...EVERYTHING, ...grantActivityFilter(grant), limit: USAGE_CAP })
  const agents = new Map<string, Schemas['RetentionPerson']>()
  for (const entry of entries) agents.set(entry.actor.id, { id: entry.actor.id, name: entry.actor.name })
  const { tenantId: _tenantId, ...rest } = grant
  return {
    ...rest,
    status: grantStatus(grant, now),
    // An expiry the worker has not recorded yet is shown as what it is.
    ended: grantEnd(grant, now),
    usage: { changes: entries.length, agents: [...agents.values()].sort((a, b) => a.name.localeCompare(b.name)) },
  }
}

/** Records the expiry of grants whose time ran out (one tenant, or all): the platform's doing, audited as such. */
export async function settleGrantExpiries(tx: Transaction, tenantId: string | null, now: number): Promise<number> {
  const expired = expireGrants(await tx.access.grants(tenantId), now)
  for (const { grant, audit } of expired) {
    await tx.access.saveGrant(grant)
    await recordSystemAudit(tx, grant.tenantId, now, [audit])
  }
  return expired.length
}

/** The worker's and the mock's tick: one read when nothing ran out. */
export const expireSupportGrants = (store: GovernanceStore, clock: { now(): number }): Promise<number> =>
  store.transaction((tx) => settleGrantExpiries(tx, null, clock.now()))

export const supportRoutes = [
  tenantRoute({ method: 'get', path: base, operationId: 'listSupportGrants', access: 'tenant:read' }, async ({ tx, tenantId, now }) => {
    await settleGrantExpiries(tx, tenantId, now)
    const grants = sortGrants(await tx.access.grants(tenantId), now).slice(0, LISTED_GRANTS)
    const items = []
    for (const grant of grants) items.push(await grantView(tx, grant, now))
    return ok({ items, minHours: GRANT_MIN_HOURS, maxHours: GRANT_MAX_HOURS })
  }),

  tenantRoute(
    { method: 'post', path: base, operationId: 'createSupportGrant', access: 'tenant:admin', idempotent: true },
    async ({ tx, tenantId, now, body, actor }) => {
      await settleGrantExpiries(tx, tenantId, now)
      const result = createGrant(await tx.access.grants(tenantId), body, {
        id: await tx.ids.next(`sg-${tenantId.replace(/^t-/, '')}`),
        tenantId,
        now,
        by: { id: actor.user.id, name: actor.user.name },
      })
      if (result.superseded) await tx.access.saveGrant(result.superseded)
      await tx.access.saveGrant(result.grant)
      await recordAudit(tx, actor, now, result.audit)
      return created({
        grant: await grantView(tx, result.grant, now),
        superseded: result.superseded ? await grantView(tx, result.superseded, now) : null,
      })
    },
  ),

  tenantRoute(
    { method: 'post', path: `${base}/:grantId/revoke`, operationId: 'revokeSupportGrant', access: 'tenant:admin', idempotent: true },
    async ({ tx, tenantId, now, body, actor, params }) => {
      await settleGrantExpiries(tx, tenantId, now)
      const grant = (await tx.access.grants(tenantId)).find((candidate) => candidate.id === params.grantId)
      if (!grant) throw notFound('support grant', params.grantId ?? '')
      const result = revokeGrant(grant, now, { id: actor.user.id, name: actor.user.name }, body.reason?.trim() || null)
      await tx.access.saveGrant(result.grant)
      await recordAudit(tx, actor, now, result.audit)
      return ok(await grantView(tx, result.grant, now))
    },
  ),

  route({ method: 'get', path: '/api/v1/support/tenants', operationId: 'listSupportTenants', access: 'platform' }, async ({ tx, query, now }) => {
    const [tenants, grants] = await Promise.all([tx.tenants.list(), tx.access.grants(null)])
    const q = (query.q ?? '').trim().toLowerCase()
    const items = tenants
      .filter((tenant) => !q || tenant.name.toLowerCase().includes(q) || tenant.id.toLowerCase().includes(q))
      .map((tenant) => {
        const grant = activeGrant(grants, tenant.id, now)
        return { id: tenant.id, name: tenant.name, supportGrant: grant ? grantSummary(grant) : null }
      })
      .sort((a, b) => a.name.localeCompare(b.name))
    return ok({ items })
  }),
]
