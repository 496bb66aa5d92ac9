// The tenant's audit trail, newest first.
import type { HttpHandler } from 'msw'
import { authorize } from '../domain/access'
import { listAudit } from '../domain/audit'
import { ok, type DefineRoute } from './route'

export const auditHandlers = (define: DefineRoute): HttpHandler[] => [
  define('get', '/api/v1/tenants/:tenantId/audit-events', (ctx) => {
    const actor = authorize(ctx.state, ctx.now, ctx.param('tenantId'), 'read')
    const q = ctx.query
    return ok(
      listAudit(ctx.state, actor.tenantId, {
        targetType: q.get('targetType'),
        targetId: q.get('targetId'),
        cursor: q.get('cursor'),
        limit: q.get('limit'),
      }),
    )
  }),
]
