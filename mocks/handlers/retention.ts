// Retention over HTTP: policies (ETag/If-Match), preview, scheduled-change cancel, history, legal holds, and the mock's "run now".
import type { HttpHandler } from 'msw'
import type { MockDbState } from '../db/state'
import { authorize } from '../domain/access'
import { notFound, validation, fieldError } from '../domain/errors'
import { isRecord } from '../domain/input'
import {
  cancelPendingRetention,
  listLegalHolds,
  listRetentionHistory,
  placeLegalHold,
  previewRetention,
  releaseLegalHold,
  retentionDue,
  retentionView,
  runRetentionNow,
  settleRetention,
  updateRetention,
} from '../domain/retention'
import { created, ok, type DefineRoute, type RouteContext } from './route'

const idempotent = { idempotent: true }

/** Runs and grace ends the mock clock has passed happen lazily, when the tenant's retention is next looked at. */
function settled(ctx: RouteContext, tenantId: string): MockDbState {
  if (!retentionDue(ctx.state, tenantId, ctx.now)) return ctx.state
  return ctx.write((draft, now) => {
    settleRetention(draft, tenantId, now)
    return draft
  })
}

export const retentionHandlers = (define: DefineRoute): HttpHandler[] => [
  define('get', '/api/v1/tenants/:tenantId/retention', (ctx) => {
    const actor = authorize(ctx.state, ctx.now, ctx.param('tenantId'), 'read')
    const view = retentionView(settled(ctx, actor.tenantId), actor.tenantId, ctx.now)
    return ok(view, { ETag: view.etag })
  }),
  define('put', '/api/v1/tenants/:tenantId/retention', (ctx) => {
    const actor = authorize(ctx.state, ctx.now, ctx.param('tenantId'), 'write')
    const view = ctx.write((draft, now) => updateRetention(draft, actor, now, ctx.body, ctx.request.headers.get('If-Match')))
    return ok(view, { ETag: view.etag })
  }),
  define('post', '/api/v1/tenants/:tenantId/retention/preview', (ctx) => {
    const actor = authorize(ctx.state, ctx.now, ctx.param('tenantId'), 'read')
    return ok(previewRetention(settled(ctx, actor.tenantId), actor.tenantId, ctx.now, ctx.body))
  }),
  define(
    'post',
    '/api/v1/tenants/:tenantId/retention/pending/cancel',
    (ctx) => {
      const actor = authorize(ctx.state, ctx.now, ctx.param('tenantId'), 'write')
      const view = ctx.write((draft, now) => cancelPendingRetention(draft, actor, now, ctx.body))
      return ok(view, { ETag: view.etag })
    },
    idempotent,
  ),
  define('get', '/api/v1/tenants/:tenantId/retention/history', (ctx) => {
    const actor = authorize(ctx.state, ctx.now, ctx.param('tenantId'), 'read')
    return ok(listRetentionHistory(settled(ctx, actor.tenantId), actor.tenantId, { cursor: ctx.query.get('cursor'), limit: ctx.query.get('limit') }))
  }),
  define('get', '/api/v1/tenants/:tenantId/legal-holds', (ctx) => {
    const actor = authorize(ctx.state, ctx.now, ctx.param('tenantId'), 'read')
    return ok(listLegalHolds(settled(ctx, actor.tenantId), actor.tenantId))
  }),
  define(
    'post',
    '/api/v1/tenants/:tenantId/legal-holds',
    (ctx) => {
      const actor = authorize(ctx.state, ctx.now, ctx.param('tenantId'), 'write')
      return created(ctx.write((draft, now) => placeLegalHold(draft, actor, now, ctx.body)))
    },
    idempotent,
  ),
  define(
    'post',
    '/api/v1/tenants/:tenantId/legal-holds/:holdId/release',
    (ctx) => {
      const actor = authorize(ctx.state, ctx.now, ctx.param('tenantId'), 'write')
      return ok(ctx.write((draft, now) => releaseLegalHold(draft, actor, now, ctx.param('holdId'), ctx.body)))
    },
    idempotent,
  ),
  define(
    'post',
    '/api/v1/mock/retention-run',
    (ctx) => {
      const raw = isRecord(ctx.body) ? ctx.body.tenantId : undefined
      if (raw !== undefined && typeof raw !== 'string') throw validation([fieldError('tenantId', 'invalid', 'tenantId must be text.')])
      if (raw !== undefined && !ctx.state.tenants.some((tenant) => tenant.id === raw)) throw notFound('tenant', raw)
      const tenantIds = raw !== undefined ? [raw] : ctx.state.tenants.map((tenant) => tenant.id)
      const items = ctx.write((draft, now) => tenantIds.map((tenantId) => ({ tenantId, run: runRetentionNow(draft, tenantId, now) })))
      return ok({ items })
    },
    { control: true },
  ),
]
