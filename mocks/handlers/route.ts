// The one way a handler is declared: faults, latency, idempotency, problem+json and persistence happen here, once.
import { delay, http, HttpResponse, type HttpHandler } from 'msw'
import type { MockStore } from '../db/store'
import type { MockDbState, StoredReply } from '../db/state'
import { DomainError, fieldError, problemType, validation } from '../domain/errors'
import { takeFault, type MockFault } from '../domain/faults'
import { checkIdempotency, readIdempotencyKey, rememberIdempotent } from '../domain/idempotency'
import { hashString } from '../domain/rng'

export interface RouteOptions {
  /** Added to every answer except mock-control; 0 in tests. */
  latencyMs: number
}

export interface RouteFlags {
  /** State-changing POSTs: require an Idempotency-Key and replay the first answer for a retried key. */
  idempotent?: boolean
  /** `/api/v1/mock/*`: never delayed, never faulted, so tests can always steer the mock. */
  control?: boolean
}

export type Reply = StoredReply

export interface RouteContext {
  request: Request
  url: URL
  query: URLSearchParams
  /** Parsed JSON body; undefined when there was none. */
  body: unknown
  /** State as of the start of the request; read-only (change it through `write`). */
  state: MockDbState
  /** Mock time (ms) at the start of the request. */
  now: number
  store: MockStore
  param(name: string): string
  /** Changes state atomically and persists it; a throw leaves the state untouched. */
  write<T>(mutator: (draft: MockDbState, now: number) => T): T
}

export type RouteHandler = (ctx: RouteContext) => Reply | Promise<Reply>
export type RouteMethod = 'get' | 'post' | 'put' | 'patch' | 'delete'
export type DefineRoute = (method: RouteMethod, path: string, handle: RouteHandler, flags?: RouteFlags) => HttpHandler

export const ok = (body: unknown, headers?: Record<string, string>): Reply => ({ status: 200, body, ...(headers ? { headers } : {}) })
export const created = (body: unknown, headers?: Record<string, string>): Reply => ({ status: 201, body, ...(headers ? { headers } : {}) })
export const noContent = (): Reply => ({ status: 204 })

const PROBLEM_JSON = { 'Content-Type': 'application/problem+json' }

function toResponse(reply: Reply, extraHeaders: Record<string, string> = {}): Response {
  const headers = { ...reply.headers, ...extraHeaders }
  if (reply.status === 204 || reply.body === undefined) return new HttpResponse(null, { status: reply.status, headers })
  return new HttpResponse(JSON.stringify(reply.body), {
    status: reply.status,
    headers: { 'Content-Type': 'application/json', ...headers },
  })
}

function problemResponse(error: unknown): Response {
  if (error instanceof DomainError) {
    const body = {
      ...error.extra,
      type: error.type,
      title: error.title,
      status: error.status,
      ...(error.detail !== undefined ? { detail: error.detail } : {}),
      ...(error.errors !== undefined ? { errors: error.errors } : {}),
    }
    return new HttpResponse(JSON.stringify(body), { status: error.status, headers: PROBLEM_JSON })
  }
  // A bug in the mock must look like a server failure, never like success or like a permission problem.
  const detail = error instanceof Error ? error.message : String(error)
  const body = { type: problemType('server-error'), title: 'Internal server error', status: 500, detail }
  return new HttpResponse(JSON.stringify(body), { status: 500, headers: PROBLEM_JSON })
}

async function applyFault(fault: MockFault, method: string, path: string): Promise<Response | null> {
  if (fault.delayMs) await delay(fault.delayMs)
  if (fault.networkError) return HttpResponse.error()
  if (fault.status === undefined) return null
  const body = {
    type: problemType('injected-fault'),
    title: 'Injected fault',
    status: fault.status,
    detail: `Fault ${fault.id} was injected into the mock for ${method} ${path}.`,
  }
  return new HttpResponse(JSON.stringify(body), { status: fault.status, headers: PROBLEM_JSON })
}

async function readBody(request: Request): Promise<unknown> {
  if (request.method === 'GET' || request.method === 'HEAD') return undefined
  const text = await request.text()
  if (text.trim() === '') return undefined
  try {
    return JSON.parse(text) as unknown
  } catch {
    throw validation([fieldError('body', 'invalid', 'The request body is not valid JSON.')])
  }
}

export function route(store: MockStore, options: RouteOptions): DefineRoute {
  return (method, path, handle, flags = {}) =>
    // `*` matches any origin: relative paths only resolve where there is a `location` (not in plain Node).
    http[method](`*${path}`, async ({ request, params }) => {
      const url = new URL(request.url)
      if (!flags.control) {
        if (store.read().faults.items.length > 0) {
          const fault = store.write((draft) => takeFault(draft, request.method, url.pathname))
          const faulted = fault ? await applyFault(fault, request.method, url.pathname) : null
          if (faulted) return faulted
        }
        if (options.latencyMs > 0) await delay(options.latencyMs)
      }
      try {
        const body = await readBody(request)
        const ctx: RouteContext = {
          request,
          url,
          query: url.searchParams,
          body,
          state: store.read(),
          now: store.now(),
          store,
          param(name) {
            const value = params[name]
            if (typeof value !== 'string') throw new Error(`Route ${path} has no parameter "${name}"`)
            return value
          },
          write: (mutator) => store.write((draft) => mutator(draft, ctx.now)),
        }
        if (!flags.idempotent) return toResponse(await handle(ctx))

        const key = readIdempotencyKey(request.headers.get('Idempotency-Key'))
        const fingerprint = hashString(`${request.method} ${url.pathname}${url.search}\n${JSON.stringify(body) ?? ''}`)
        const seen = checkIdempotency(ctx.state, key, fingerprint)
        if ('replay' in seen) return toResponse(seen.replay, { 'Idempotent-Replayed': 'true' })
        const reply = await handle(ctx)
        if (reply.status < 300) store.write((draft) => rememberIdempotent(draft, key, fingerprint, reply))
        return toResponse(reply)
      } catch (error) {
        return problemResponse(error)
      }
    })
}
