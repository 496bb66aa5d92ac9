// The governance server as one Fetch-API app: the console's built files and config.json, the governance API with
// password sign-in, a CSRF check on every state-changing request, and security headers on every answer.
import { Hono, type MiddlewareHandler } from 'hono'
import type { HttpBindings } from '@hono/node-server'
import { serveStatic } from '@hono/node-server/serve-static'
import { createGovernanceApp, type GovernanceDeps } from '@governance/http/app'
import { problemBody, problemJson } from '@governance/http/problem'
import type { RouteDefinition } from '@governance/http/route'
import { securityHeaders } from './security'
import { signInRoute } from './sign-in'

export interface ServerAppOptions extends GovernanceDeps {
  /** The built console (vite build output); none = API only. */
  staticDir: string | null
  /** Origins allowed to make state-changing requests besides the server's own (e.g. https://console.example.com). */
  allowedOrigins: readonly string[]
  /** More routes, e.g. the test controls when started with --test-controls. */
  extraRoutes?: readonly RouteDefinition[]
  /** Runs before every API request past the CSRF check, e.g. the test controls' injected faults. */
  apiMiddleware?: MiddlewareHandler<ServerEnv>
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS'])

/** The console's runtime configuration when served by this server: the API on the same origin, our own sign-in. */
export const realModeConfig = { apiBaseUrl: '', mock: false, loginUrl: '/sign-in', mockLatencyMs: 0, mockStrict: false }

export type ServerEnv = { Bindings: Partial<HttpBindings> }
export type ServerApp = Hono<ServerEnv>

export function createServerApp(options: ServerAppOptions): ServerApp {
  const governance = createGovernanceApp(options, [signInRoute, ...(options.extraRoutes ?? [])])
  const app: ServerApp = new Hono<ServerEnv>()
  const headers = securityHeaders(options.secureCookies)

  app.use('*', async (c, next) => {
    await next()
    for (const [name, value] of Object.entries(headers)) c.res.headers.set(name, value)
  })

  // CSRF: a state-changing request must come from a page of an allowed origin. Browsers always send Origin with
  // such requests; a cross-site form or fetch carries its own origin and is refused before anything runs.
  app.use('/api/*', async (c, next) => {
    if (SAFE_METHODS.has(c.req.method)) return next()
    const origin = c.req.header('Origin')
    const own = new URL(c.req.url).origin
    if (!origin || (origin !== own && !options.allowedOrigins.includes(origin))) {
      return problemJson(403, problemBody(403, 'csrf', 'Cross-site request refused', 'State-changing requests must come from the console’s own origin.'))
    }
    return next()
  })

  if (options.apiMiddleware) app.use('/api/*', options.apiMiddleware)
  app.all('/api/*', (c) => governance.fetch(c.req.raw))
  app.get('/config.json', (c) => c.json(realModeConfig, 200, { 'Cache-Control': 'no-store' }))

  if (options.staticDir) {
    const root = options.staticDir
    app.use('/assets/*', serveStatic({ root, onFound: (_path, c) => void c.header('Cache-Control', 'public, max-age=31536000, immutable') }))
    app.use('*', serveStatic({ root }))
    // Every other path is a route of the single-page console.
    app.get('*', serveStatic({ root, path: 'index.html', onFound: (_path, c) => void c.header('Cache-Control', 'no-cache') }))
  }
  app.notFound((c) => problemJson(404, problemBody(404, 'not-found', 'Not found', `Nothing at ${new URL(c.req.url).pathname}.`)))
  return app
}
