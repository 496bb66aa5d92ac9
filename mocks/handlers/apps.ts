// Workbench apps over HTTP: thin routes that authorize, call the domain rules and answer JSON.
import type { HttpHandler } from 'msw'
import { authorize } from '../domain/access'
import {
  approveRequest,
  approveScopeUpdate,
  declineScopeUpdate,
  denyRequest,
  disableApp,
  emergencyState,
  enableApp,
  getApp,
  getAvailability,
  listApps,
  listRequests,
  listScopes,
  removeApp,
  restoreEmergencyStop,
  setAvailability,
  startEmergencyStop,
} from '../domain/apps'
import { created, noContent, ok, type DefineRoute } from './route'

const base = '/api/v1/tenants/:tenantId'

export const appHandlers = (define: DefineRoute): HttpHandler[] => [
  define('get', `${base}/apps`, (ctx) => {
    const actor = authorize(ctx.state, ctx.now, ctx.param('tenantId'), 'read')
    const q = ctx.query
    return ok(listApps(ctx.state, actor, { q: q.get('q'), status: q.get('status'), category: q.get('category'), scope: q.get('scope') }))
  }),
  define('get', `${base}/apps/:appId`, (ctx) => {
    const actor = authorize(ctx.state, ctx.now, ctx.param('tenantId'), 'read')
    return ok(getApp(ctx.state, actor, ctx.param('appId')))
  }),
  define(
    'post',
    `${base}/apps/:appId/enable`,
    (ctx) => {
      const actor = authorize(ctx.state, ctx.now, ctx.param('tenantId'), 'write')
      return ok(ctx.write((draft, now) => enableApp(draft, actor, now, ctx.param('appId'), ctx.body)))
    },
    { idempotent: true },
  ),
  define(
    'post',
    `${base}/apps/:appId/disable`,
    (ctx) => {
      const actor = authorize(ctx.state, ctx.now, ctx.param('tenantId'), 'write')
      return ok(ctx.write((draft, now) => disableApp(draft, actor, now, ctx.param('appId'), ctx.body)))
    },
    { idempotent: true },
  ),
  define(
    'post',
    `${base}/apps/:appId/remove`,
    (ctx) => {
      const actor = authorize(ctx.state, ctx.now, ctx.param('tenantId'), 'write')
      ctx.write((draft, now) => removeApp(draft, actor, now, ctx.param('appId'), ctx.body))
      return noContent()
    },
    { idempotent: true },
  ),
  define('get', `${base}/apps/:appId/availability`, (ctx) => {
    const actor = authorize(ctx.state, ctx.now, ctx.param('tenantId'), 'read')
    const { body, etag } = getAvailability(ctx.state, actor, ctx.param('appId'))
    return ok(body, { ETag: etag })
  }),
  define('put', `${base}/apps/:appId/availability`, (ctx) => {
    const actor = authorize(ctx.state, ctx.now, ctx.param('tenantId'), 'write')
    const ifMatch = ctx.request.headers.get('If-Match')
    const { body, etag } = ctx.write((draft, now) => setAvailability(draft, actor, now, ctx.param('appId'), ifMatch, ctx.body))
    return ok(body, { ETag: etag })
  }),
  define(
    'post',
    `${base}/apps/:appId/scope-update/approve`,
    (ctx) => {
      const actor = authorize(ctx.state, ctx.now, ctx.param('tenantId'), 'write')
      return ok(ctx.write((draft, now) => approveScopeUpdate(draft, actor, now, ctx.param('appId'), ctx.body)))
    },
    { idempotent: true },
  ),
  define(
    'post',
    `${base}/apps/:appId/scope-update/decline`,
    (ctx) => {
      const actor = authorize(ctx.state, ctx.now, ctx.param('tenantId'), 'write')
      return ok(ctx.write((draft, now) => declineScopeUpdate(draft, actor, now, ctx.param('appId'), ctx.body)))
    },
    { idempotent: true },
  ),
  define('get', `${base}/app-scopes`, (ctx) => {
    authorize(ctx.state, ctx.now, ctx.param('tenantId'), 'read')
    return ok({ items: listScopes() })
  }),
  define('get', `${base}/app-requests`, (ctx) => {
    const actor = authorize(ctx.state, ctx.now, ctx.param('tenantId'), 'read')
    return ok(listRequests(ctx.state, actor, { status: ctx.query.get('status'), appId: ctx.query.get('appId') }))
  }),
  define(
    'post',
    `${base}/app-requests/:requestId/approve`,
    (ctx) => {
      const actor = authorize(ctx.state, ctx.now, ctx.param('tenantId'), 'write')
      return ok(ctx.write((draft, now) => approveRequest(draft, actor, now, ctx.param('requestId'), ctx.body)))
    },
    { idempotent: true },
  ),
  define(
    'post',
    `${base}/app-requests/:requestId/deny`,
    (ctx) => {
      const actor = authorize(ctx.state, ctx.now, ctx.param('tenantId'), 'write')
      return ok(ctx.write((draft, now) => denyRequest(draft, actor, now, ctx.param('requestId'), ctx.body)))
    },
    { idempotent: true },
  ),
  define('get', `${base}/app-emergency-stop`, (ctx) => {
    const actor = authorize(ctx.state, ctx.now, ctx.param('tenantId'), 'read')
    return ok(emergencyState(ctx.state, actor))
  }),
  define(
    'post',
    `${base}/app-emergency-stop`,
    (ctx) => {
      const actor = authorize(ctx.state, ctx.now, ctx.param('tenantId'), 'write')
      return created(ctx.write((draft, now) => startEmergencyStop(draft, actor, now, ctx.body)))
    },
    { idempotent: true },
  ),
  define(
    'post',
    `${base}/app-emergency-stop/:snapshotId/restore`,
    (ctx) => {
      const actor = authorize(ctx.state, ctx.now, ctx.param('tenantId'), 'write')
      return ok(ctx.write((draft, now) => restoreEmergencyStop(draft, actor, now, ctx.param('snapshotId'))))
    },
    { idempotent: true },
  ),
]
