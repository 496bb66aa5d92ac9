// The tenants a caller may open, and one tenant's overview.
import type { HttpHandler } from 'msw'
import { authorize, listTenantsFor } from '../domain/access'
import { tenantOverview } from '../domain/tenants'
import { ok, type DefineRoute } from './route'

export const tenantHandlers = (define: DefineRoute): HttpHandler[] => [
  define('get', '/api/v1/tenants', (ctx) => ok({ items: listTenantsFor(ctx.state, ctx.now) })),
  define('get', '/api/v1/tenants/:tenantId', (ctx) => {
    const actor = authorize(ctx.state, ctx.now, ctx.param('tenantId'), 'read')
    return ok(tenantOverview(ctx.state, ctx.now, actor))
  }),
]
