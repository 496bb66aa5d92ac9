// The governance API as one Fetch-API app (Request → Response): the browser mock and the Node server both
// serve exactly this, over their own store.
import { Hono } from 'hono'
import { auditRoutes } from './routes/audit'
import { deregistrationRoutes } from './routes/deregistrations'
import { kinRoutes } from './routes/kin'
import { memberJobRoutes } from './routes/member-jobs'
import { memberLifecycleRoutes } from './routes/member-lifecycle'
import { memberRoutes } from './routes/members'
import { sessionRoutes } from './routes/session'
import { tenantRoutes } from './routes/tenants'
import { appRoutes } from './routes/apps'
import { retentionRoutes } from './routes/retention'
import { supportRoutes } from './routes/support'
import { problemBody, problemJson, problemResponse } from './problem'
import { register, type GovernanceDeps, type RouteDefinition, type SessionTransport } from './route'

export type { GovernanceDeps } from './route'

export const governanceRoutes: readonly RouteDefinition[] = [
  ...sessionRoutes,
  ...tenantRoutes,
  ...memberRoutes,
  ...memberLifecycleRoutes,
  ...deregistrationRoutes,
  ...kinRoutes,
  ...memberJobRoutes,
  ...auditRoutes,
  ...appRoutes,
  ...retentionRoutes,
  ...supportRoutes,
]

export interface GovernanceApp {
  /** `transport` carries the session when not by cookie (the browser mock's per-tab sessions). */
  fetch(request: Request, transport?: SessionTransport): Promise<Response>
}

/** `extra` mounts more routes on the same app (a deployment's sign-in, or the mock's test controls). */
export function createGovernanceApp(deps: GovernanceDeps, extra: readonly RouteDefinition[] = []): GovernanceApp {
  const app = new Hono()
  register(app, [...governanceRoutes, ...extra], deps)
  app.notFound((c) => problemJson(404, problemBody(404, 'not-found', 'Not found', `No endpoint ${c.req.method} ${new URL(c.req.url).pathname}.`)))
  app.onError((error) => problemResponse(error, deps.problems))
  return { fetch: async (request, transport) => app.fetch(request, transport) }
}
