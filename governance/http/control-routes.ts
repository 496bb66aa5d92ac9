// Control routes shared by the browser mock and a server started with --test-controls (never mounted otherwise).
import { notFound } from '@governance/rules/errors'
import { noContent, ok, route, type RouteDefinition } from './route'
import { runRetentionNow } from './routes/retention'

export { injectDeregistrationRoute } from './routes/deregistrations'

/** "Run retention now" for one tenant or all: what the daily job does, on demand. */
export const retentionRunRoute: RouteDefinition = route(
  { method: 'post', path: '/api/v1/mock/retention-run', operationId: 'runMockRetention', access: 'public' },
  async ({ tx, body, now, deps }) => {
    const tenants = await tx.tenants.list()
    const tenantId = body?.tenantId
    if (tenantId !== undefined && !tenants.some((tenant) => tenant.id === tenantId)) throw notFound('tenant', tenantId)
    const ids = tenantId !== undefined ? [tenantId] : tenants.map((tenant) => tenant.id)
    const items = []
    for (const id of ids) items.push({ tenantId: id, run: await runRetentionNow(tx, id, now, deps.retentionJobs) })
    return ok({ items })
  },
)

/** Changes or deletes one stored audit entry behind the application's back (for tests of the chain check). */
export const auditTamperRoute: RouteDefinition = route(
  { method: 'post', path: '/api/v1/mock/audit-tamper', operationId: 'tamperAuditEvent', access: 'public' },
  async ({ tx, body }) => {
    const tenant = await tx.tenants.get(body.tenantId)
    if (!tenant) throw notFound('tenant', body.tenantId)
    const change = body.change === 'delete' ? ({ kind: 'delete' } as const) : ({ kind: 'edit_reason', reason: body.reason ?? 'changed afterwards' } as const)
    if (!(await tx.audit.tamper(tenant.id, body.seq, change))) throw notFound('stored audit entry', String(body.seq))
    return noContent()
  },
)
