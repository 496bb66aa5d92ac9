// The member directory: departments and the searchable, paged member list.
import type { HttpHandler } from 'msw'
import { authorize } from '../domain/access'
import { listDepartments, searchMembers } from '../domain/members'
import { ok, type DefineRoute } from './route'

export const memberHandlers = (define: DefineRoute): HttpHandler[] => [
  define('get', '/api/v1/tenants/:tenantId/departments', (ctx) => {
    const actor = authorize(ctx.state, ctx.now, ctx.param('tenantId'), 'read')
    return ok({ items: listDepartments(ctx.state, actor.tenantId) })
  }),
  define('get', '/api/v1/tenants/:tenantId/members', (ctx) => {
    const actor = authorize(ctx.state, ctx.now, ctx.param('tenantId'), 'read')
    const q = ctx.query
    return ok(
      searchMembers(ctx.state, actor, {
        q: q.get('q'),
        departmentId: q.get('departmentId'),
        status: q.get('status'),
        role: q.get('role'),
        cursor: q.get('cursor'),
        limit: q.get('limit'),
      }),
    )
  }),
]
