// How a governance endpoint is declared: its contract operation, the access it needs, and whether it is
// idempotent or versioned. Everything else — parsing and checking input against the contract, sessions,
// access, Idempotency-Key replay stored with the change, If-Match, one transaction per request — happens here, once.
import type { Context, Hono } from 'hono'
import type { operations } from '@contract/schema.gen'
import { authorizeTenant, type Actor, type TenantNeed } from '../rules/access'
import { fieldError, forbidden, notFound, RuleError, unauthenticated, validation } from '../rules/errors'
import type { SessionRecord, StoredReply, UserRecord } from '../rules/records'
import type { GovernanceStore, Transaction } from '../store/port'
import { checkBody, checkQuery } from './contract-input'
import type { RetentionJobHooks } from '../rules/retention/runs'
import { sha256 } from '@noble/hashes/sha2.js'
import { bytesToHex } from '@noble/hashes/utils.js'
import { hashText } from './paging'
import { ProtocolProblem, type ProblemOptions } from './problem'
import { endSessionCookie, readSessionCookie, sessionCookie } from './session-cookie'

export interface GovernanceDeps {
  store: GovernanceStore
  clock: { now(): number }
  problems: ProblemOptions
  /** Session cookies carry `Secure` (every deployment but plain-HTTP localhost). */
  secureCookies: boolean
  /** Hooks into deletion runs (the test controls make runs fail through them). */
  retentionJobs?: RetentionJobHooks
  /**
   * Called by steps that write several things, after they wrote and before their transaction commits (with the step's
   * fault path): the test controls make such a step fail midway through it, to show that nothing of it remains.
   */
  midway?: (path: string) => void
}

/** What a route needs from its caller, declared instead of checked in each handler. */
export type Access = 'public' | 'session' | 'platform' | `tenant:${TenantNeed}`

export interface Reply {
  status: number
  body?: unknown
  headers?: Record<string, string>
  /** A session this answer starts (its id) or ends (null): sent as the session cookie, or to the transport. */
  session?: string | null
  /** The body is text or bytes to send as they are (with their own Content-Type), not a value to send as JSON. */
  raw?: true
}

/**
 * How a session id travels when not by cookie: the browser mock keeps one per tab (a tab's sessionStorage),
 * so an administrator and a support agent can work side by side in one browser.
 */
export interface SessionTransport {
  sessionId: string | null
  onSessionChange(sessionId: string | null): void
}

export const ok = (body: unknown, headers?: Record<string, string>): Reply => ({ status: 200, body, ...(headers ? { headers } : {}) })
export const created = (body: unknown, headers?: Record<string, string>): Reply => ({ status: 201, body, ...(headers ? { headers } : {}) })
export const noContent = (): Reply => ({ status: 204 })
/** A body sent as it is (a file), not as JSON. */
export const raw = (body: string | Uint8Array, contentType: string, headers?: Record<string, string>): Reply => ({ status: 200, body, raw: true, headers: { ...headers, 'Content-Type': contentType } })

export type OperationId = keyof operations
type Json<T> = T extends { content: { 'application/json': infer B } } ? B : never
export type BodyOf<Op extends OperationId> = operations[Op] extends { requestBody: infer R }
  ? Json<R>
  : operations[Op] extends { requestBody?: infer R }
    ? Json<NonNullable<R>> | undefined
    : undefined
export type QueryOf<Op extends OperationId> = operations[Op]['parameters'] extends { query?: infer Q } ? NonNullable<Q> : Record<string, never>

export interface RequestContext<Op extends OperationId> {
  tx: Transaction
  /** The clock's time at the start of the request (ms). */
  now: number
  request: Request
  params: Record<string, string>
  query: QueryOf<Op>
  body: BodyOf<Op>
  /** The request body as bytes, for routes declared `binaryBody` (an upload); null otherwise. */
  bytes: Uint8Array | null
  session: SessionRecord | null
  user: UserRecord | null
  deps: GovernanceDeps
}

export interface SignedInContext<Op extends OperationId> extends RequestContext<Op> {
  session: SessionRecord
  user: UserRecord
}

export interface TenantContext<Op extends OperationId> extends SignedInContext<Op> {
  actor: Actor
  tenantId: string
  /** The version named by If-Match (routes declared `ifMatch`). */
  ifMatch: number
}

type Method = 'get' | 'post' | 'put' | 'delete'

interface RouteSpec<Op extends OperationId> {
  method: Method
  /** Hono path, e.g. /api/v1/tenants/:tenantId/apps. */
  path: string
  operationId: Op
  /** State-changing POSTs: require an Idempotency-Key and replay the first answer for a retried key. */
  idempotent?: boolean
  /** Versioned writes: require If-Match with the ETag the caller read. */
  ifMatch?: boolean
  /** The body is a file (application/octet-stream) of at most this many bytes, handed over as `bytes`. */
  binaryBody?: { maxBytes: number }
}

export interface RouteDefinition {
  method: Method
  path: string
  handle: (c: Context, deps: GovernanceDeps) => Promise<Response>
}

const transportOf = (c: Context): SessionTransport | null => {
  const env: unknown = c.env
  return typeof env === 'object' && env !== null && 'onSessionChange' in env ? (env as SessionTransport) : null
}

/** An endpoint open to anyone (`public`), to any signed-in user (`session`) or to platform staff (`platform`). */
export function route<Op extends OperationId>(
  spec: RouteSpec<Op> & { access: 'public' },
  handle: (ctx: RequestContext<Op>) => Promise<Reply>,
): RouteDefinition
export function route<Op extends OperationId>(
  spec: RouteSpec<Op> & { access: 'session' | 'platform' },
  handle: (ctx: SignedInContext<Op>) => Promise<Reply>,
): RouteDefinition
export function route<Op extends OperationId>(
  spec: RouteSpec<Op> & { access: 'public' | 'session' | 'platform' },
  handle: (ctx: RequestContext<Op> & SignedInContext<Op>) => Promise<Reply>,
): RouteDefinition {
  return define(spec, async (base) => {
    if (spec.access === 'public') return handle(base as RequestContext<Op> & SignedInContext<Op>)
    const signedIn = requireUser(base)
    if (spec.access === 'platform' && signedIn.user.role !== 'support_agent') throw forbidden('Only platform support staff can do this.')
    return handle(signedIn)
  })
}

/** An endpoint inside a tenant (path has :tenantId): the caller must have the declared access there. */
export function tenantRoute<Op extends OperationId>(
  spec: RouteSpec<Op> & { access: `tenant:${TenantNeed}` },
  handle: (ctx: TenantContext<Op>) => Promise<Reply>,
): RouteDefinition {
  const need = spec.access.slice('tenant:'.length) as TenantNeed
  return define(spec, async (base) => {
    const signedIn = requireUser(base)
    const tenantId = base.params.tenantId ?? ''
    const tenant = await base.tx.tenants.get(tenantId)
    if (!tenant) throw notFound('tenant', tenantId)
    const grants = await base.tx.access.grants(tenantId)
    const actor = authorizeTenant(signedIn.user, tenant, grants, need, base.now)
    return handle({ ...signedIn, actor, tenantId, ifMatch: readIfMatch(base.request, spec.ifMatch === true) })
  })
}

function requireUser<Op extends OperationId>(ctx: RequestContext<Op>): SignedInContext<Op> {
  if (!ctx.session || !ctx.user) throw unauthenticated()
  return { ...ctx, session: ctx.session, user: ctx.user }
}

/** The version a versioned write was made against: `W/"7"` or `"7"`. */
function readIfMatch(request: Request, required: boolean): number {
  if (!required) return 0
  const header = request.headers.get('If-Match')
  if (header === null || header.trim() === '') {
    throw validation([fieldError('If-Match', 'required', 'Send the ETag of the version you are changing in If-Match.')])
  }
  const match = /^(?:W\/)?"(\d+)"$/.exec(header.trim())
  // An ETag this server never issued can only be stale.
  return match ? Number(match[1]) : -1
}

export const etagOf = (version: number): string => `W/"${version}"`

function readIdempotencyKey(request: Request): string {
  const field = 'Idempotency-Key'
  const header = request.headers.get(field)
  if (header === null || header.trim() === '') {
    throw validation([fieldError(field, 'required', 'Every state-changing request needs an Idempotency-Key header.')])
  }
  if (header.length < 8) throw validation([fieldError(field, 'too_small', 'The key must have at least 8 characters.', { min: 8 })])
  if (header.length > 100) throw validation([fieldError(field, 'too_large', 'The key must have at most 100 characters.', { max: 100 })])
  return header
}

/** JSON bodies above this are refused before they are parsed. */
export const MAX_JSON_BODY_BYTES = 1_000_000

async function readJsonBody(request: Request): Promise<unknown> {
  if (request.method === 'GET' || request.method === 'HEAD') return undefined
  const declared = Number(request.headers.get('Content-Length') ?? '0')
  if (declared > MAX_JSON_BODY_BYTES) throw tooLarge()
  const text = await request.text()
  if (text.trim() === '') return undefined
  if (text.length > MAX_JSON_BODY_BYTES) throw tooLarge()
  const type = (request.headers.get('Content-Type') ?? '').split(';')[0]?.trim().toLowerCase() ?? ''
  if (type !== 'application/json' && !type.endsWith('+json')) {
    throw new ProtocolProblem(415, 'unsupported-media-type', 'Unsupported media type', 'Send the request body as application/json.')
  }
  try {
    return JSON.parse(text) as unknown
  } catch {
    throw validation([fieldError('body', 'invalid', 'The request body is not valid JSON.')])
  }
}

/**
 * An uploaded file: up to `maxBytes` are read (one more tells the handler it is too large, without reading a huge
 * body whole); an empty body is a validation failure.
 */
async function readBinaryBody(request: Request, maxBytes: number): Promise<Uint8Array> {
  const type = (request.headers.get('Content-Type') ?? '').split(';')[0]?.trim().toLowerCase() ?? ''
  if (type !== 'application/octet-stream') {
    throw new ProtocolProblem(415, 'unsupported-media-type', 'Unsupported media type', 'Send the file as application/octet-stream.')
  }
  const declared = Number(request.headers.get('Content-Length') ?? '0')
  if (declared > maxBytes + 1) return new Uint8Array(maxBytes + 1)
  const bytes = new Uint8Array(await request.arrayBuffer())
  if (bytes.length === 0) throw validation([fieldError('file', 'required', 'The file is empty.')])
  return bytes.length > maxBytes ? bytes.subarray(0, maxBytes + 1) : bytes
}

const tooLarge = () => new ProtocolProblem(413, 'payload-too-large', 'Request too large', `Request bodies are limited to ${MAX_JSON_BODY_BYTES} bytes.`)

function toResponse(reply: Reply, deps: GovernanceDeps, transport: SessionTransport | null, extra: Record<string, string>): Response {
  const headers = new Headers({ ...reply.headers, ...extra })
  if (reply.session !== undefined) {
    if (transport) transport.onSessionChange(reply.session)
    else headers.append('Set-Cookie', reply.session === null ? endSessionCookie(deps.secureCookies) : sessionCookie(reply.session, deps.secureCookies))
  }
  if (reply.status === 204 || reply.body === undefined) return new Response(null, { status: reply.status, headers })
  if (reply.raw && (typeof reply.body === 'string' || reply.body instanceof Uint8Array)) return new Response(reply.body as BodyInit, { status: reply.status, headers })
  if (!headers.has('Content-Type')) headers.set('Content-Type', 'application/json')
  return new Response(JSON.stringify(reply.body), { status: reply.status, headers })
}

/** Only what a replay needs: never the session of the first answer. */
const storable = (reply: Reply): StoredReply => ({
  status: reply.status,
  ...(reply.body !== undefined ? { body: reply.body } : {}),
  ...(reply.headers ? { headers: reply.headers } : {}),
})

function define<Op extends OperationId>(spec: RouteSpec<Op>, handle: (ctx: RequestContext<Op>) => Promise<Reply>): RouteDefinition {
  return {
    method: spec.method,
    path: spec.path,
    async handle(c, deps) {
      const request = c.req.raw
      const url = new URL(request.url)
      const query = checkQuery(spec.operationId, url.searchParams) as QueryOf<Op>
      const bytes = spec.binaryBody ? await readBinaryBody(request, spec.binaryBody.maxBytes) : null
      const body = bytes ? undefined : await readJsonBody(request)
      if (!bytes) checkBody(spec.operationId, body)
      const idempotencyKey = spec.idempotent ? readIdempotencyKey(request) : null
      const transport = transportOf(c)
      const sessionId = transport ? transport.sessionId : readSessionCookie(request.headers.get('Cookie'))
      const now = deps.clock.now()
      const params = c.req.param() as Record<string, string>
      let replayed = false
      const reply = await deps.store.transaction(async (tx) => {
        const session = sessionId ? await liveSession(tx, sessionId) : null
        const user = session ? await tx.access.user(session.userId) : null
        const ctx: RequestContext<Op> = { tx, now, request, params, query, body: body as BodyOf<Op>, bytes, session, user, deps }
        if (idempotencyKey === null) return handle(ctx)
        const scope = params.tenantId ?? 'platform'
        const content = bytes ? `${bytes.length}:${bytesToHex(sha256(bytes))}` : (JSON.stringify(body) ?? '')
        const fingerprint = hashText(`${request.method} ${url.pathname}${url.search}\n${content}`)
        const claim = await tx.idempotency.claim(scope, idempotencyKey, fingerprint, new Date(now).toISOString())
        if (claim.state === 'mismatch') {
          throw new RuleError({
            kind: 'idempotency-mismatch',
            title: 'Idempotency key reused',
            detail: 'This Idempotency-Key was already used for a different request.',
          })
        }
        if (claim.state === 'replay') {
          replayed = true
          return claim.reply
        }
        const fresh = await handle(ctx)
        if (fresh.status < 300) await tx.idempotency.complete(scope, idempotencyKey, storable(fresh))
        return fresh
      }, { mostlyReads: request.method === 'GET' })
      return toResponse(reply, deps, transport, replayed ? { 'Idempotent-Replayed': 'true' } : {})
    },
  }
}

/** Sessions expire on wall-clock time (see startSession). */
async function liveSession(tx: Transaction, sessionId: string): Promise<SessionRecord | null> {
  const session = await tx.access.session(sessionId)
  if (!session || Date.parse(session.expiresAt) <= Date.now()) return null
  return session
}

export function register(app: Hono, routes: readonly RouteDefinition[], deps: GovernanceDeps): void {
  // Hono hands the second argument of app.fetch (here: a SessionTransport) to handlers as c.env.
  for (const definition of routes) app.on(definition.method.toUpperCase(), definition.path, (c) => definition.handle(c, deps))
}
