// Every mock API handler, for the browser worker, Vitest and anything else that mocks the API.
import type { HttpHandler } from 'msw'
import type { MockStore } from '../db/store'
import { appHandlers } from './apps'
import { auditHandlers } from './audit'
import { controlHandlers } from './control'
import { memberHandlers } from './members'
import { retentionHandlers } from './retention'
import { route, type RouteOptions } from './route'
import { sessionHandlers } from './session'
import { tenantHandlers } from './tenants'

export function createHandlers(store: MockStore, options: RouteOptions): HttpHandler[] {
  const define = route(store, options)
  return [
    ...controlHandlers(define),
    ...sessionHandlers(define),
    ...tenantHandlers(define),
    ...memberHandlers(define),
    ...auditHandlers(define),
    ...retentionHandlers(define),
    ...appHandlers(define),
  ]
}
