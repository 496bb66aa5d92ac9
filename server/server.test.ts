// The server's own promises, over its real store (PGlite here; the same app on PostgreSQL in production):
// password sign-in with an attempt limit, cookies, CSRF, security headers, no internals in errors, and test
// controls that exist only when asked for. Each refusal is a problem+json answer that changes nothing.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { validateAgainstContract } from '@contract/response-contract'
import { openSqlStore, type OpenedSqlStore } from '@governance/store/sql/open'
import { SCENARIO_EPOCH_MS } from '@governance/seed/dataset'
import { createServerApp, type ServerApp } from './app'
import { hashPassword } from './passwords'
import { MAX_FAILED_SIGN_INS } from './sign-in'
import { TestClock, testControls } from './test-controls'
import { runDueRetention } from './retention-jobs'

const ORIGIN = 'http://localhost:8787'
const PASSWORD = 'correct horse battery staple'
let opened: OpenedSqlStore
let app: ServerApp
let withControls: ServerApp

beforeAll(async () => {
  opened = await openSqlStore({ scenario: 'default' })
  const deps = { store: opened.store, clock: { now: () => SCENARIO_EPOCH_MS }, problems: { exposeServerErrors: false }, secureCookies: false, staticDir: null, allowedOrigins: [] }
  app = createServerApp(deps)
  const clock = new TestClock()
  const controls = testControls(opened, clock)
  withControls = createServerApp({ ...deps, clock, extraRoutes: controls.routes, apiMiddleware: controls.faults })
}, 120_000)

beforeEach(async () => {
  await opened.reset('default')
  const hash = await hashPassword(PASSWORD)
  await opened.store.transaction(async (tx) => {
    for (const user of await tx.access.users()) await tx.access.setPasswordHash(user.id, hash)
  })
}, 60_000)

afterAll(async () => {
  await opened?.close()
})

interface Sent {
  status: number
  headers: Headers
  body: unknown
}

async function send(target: ServerApp, method: string, path: string, init: { body?: unknown; headers?: Record<string, string>; cookie?: string; raw?: string } = {}): Promise<Sent> {
  const headers: Record<string, string> = { ...(method === 'GET' ? {} : { Origin: ORIGIN }), ...init.headers }
  if (init.cookie) headers.Cookie = init.cookie
  if (init.body !== undefined || init.raw !== undefined) headers['Content-Type'] ??= 'application/json'
  const response = await target.request(`${ORIGIN}${path}`, { method, headers, ...(init.raw !== undefined ? { body: init.raw } : init.body !== undefined ? { body: JSON.stringify(init.body) } : {}) })
  const text = await response.text()
  const contentType = response.headers.get('content-type')
  const body: unknown = text && /json/.test(contentType ?? '') ? JSON.parse(text) : text
  if (path.startsWith('/api/v1/') && !path.startsWith('/api/v1/mock/') && !path.includes('nothing-here')) {
    expect(validateAgainstContract(method, new URL(`${ORIGIN}${path}`).pathname, response.status, contentType, body), `${method} ${path}`).toEqual([])
  }
  return { status: response.status, headers: response.headers, body }
}

const cookieOf = (sent: Sent) => (sent.headers.get('Set-Cookie') ?? '').split(';')[0] ?? ''
const problemType = (sent: Sent) => (sent.body as { type?: string }).type
const signIn = (email: string, password: string) => send(app, 'POST', '/api/v1/session', { body: { email, password } })

describe('sign-in', () => {
  it('signs a demo administrator in with a cookie that scripts cannot read, and out again', async () => {
    const signedIn = await signIn('WANG.FANG@acme.example ', PASSWORD)
    expect(signedIn.status).toBe(200)
    expect(signedIn.body).toMatchObject({ user: { id: 'admin-acme' } })
    const cookie = signedIn.headers.get('Set-Cookie') ?? ''
    expect(cookie).toMatch(/^tdgc_session=[A-Za-z0-9_-]{16,}; Path=\/; HttpOnly; SameSite=Lax/)
    expect(cookie).not.toContain('Secure')
    expect((await send(app, 'GET', '/api/v1/session', { cookie: cookieOf(signedIn) })).status).toBe(200)
    expect((await send(app, 'DELETE', '/api/v1/session', { cookie: cookieOf(signedIn) })).status).toBe(204)
    expect((await send(app, 'GET', '/api/v1/session', { cookie: cookieOf(signedIn) })).status).toBe(401)
  })

  it('answers a wrong password and an unknown email alike, without a session', async () => {
    const wrong = await signIn('wang.fang@acme.example', 'guess')
    const unknown = await signIn('nobody@acme.example', 'guess')
    for (const sent of [wrong, unknown]) {
      expect(sent.status).toBe(401)
      expect(problemType(sent)).toBe('urn:problem:invalid-credentials')
      expect(sent.headers.get('Set-Cookie')).toBeNull()
    }
    expect(wrong.body).toEqual(unknown.body)
  })

  it(`locks an account out after ${MAX_FAILED_SIGN_INS} failures, even for the right password`, async () => {
    for (let attempt = 0; attempt < MAX_FAILED_SIGN_INS; attempt++) expect((await signIn('li.lei@support.platform.example', `wrong-${attempt}`)).status).toBe(401)
    const locked = await signIn('li.lei@support.platform.example', PASSWORD)
    expect(locked.status).toBe(429)
    expect(problemType(locked)).toBe('urn:problem:too-many-attempts')
    expect(Number(locked.headers.get('Retry-After'))).toBeGreaterThan(0)
    expect((await signIn('wang.fang@acme.example', PASSWORD)).status).toBe(200)
  })

  it('refuses malformed and oversized sign-ins with a problem', async () => {
    expect(problemType(await send(app, 'POST', '/api/v1/session', { raw: '{"email":' }))).toBe('urn:problem:validation')
    expect(problemType(await send(app, 'POST', '/api/v1/session', { body: { email: 'a@b.c' } }))).toBe('urn:problem:validation')
    expect((await send(app, 'POST', '/api/v1/session', { body: { email: 'a@b.c', password: 'x'.repeat(1_100_000) } })).status).toBe(413)
  })

  it('ends an expired session', async () => {
    const signedIn = await signIn('wang.fang@acme.example', PASSWORD)
    await opened.store.client.query("UPDATE sessions SET expires_at = now() - interval '1 minute'")
    const after = await send(app, 'GET', '/api/v1/session', { cookie: cookieOf(signedIn) })
    expect(after.status).toBe(401)
    expect(problemType(after)).toBe('urn:problem:unauthenticated')
  })
})

describe('requests the server refuses', () => {
  it('refuses a state-changing request without the console’s origin (CSRF) and changes nothing', async () => {
    const cookie = cookieOf(await signIn('wang.fang@acme.example', PASSWORD))
    for (const origin of [undefined, 'https://evil.example']) {
      const headers: Record<string, string> = { 'Idempotency-Key': `csrf-${origin ?? 'none'}-0001` }
      if (origin) headers.Origin = origin
      const response = await app.request(`${ORIGIN}/api/v1/tenants/t-acme/apps/app-acme-bi/disable`, {
        method: 'POST',
        headers: { ...headers, Cookie: cookie, 'Content-Type': 'application/json' },
        body: JSON.stringify({ reason: 'forged' }),
      })
      expect(response.status).toBe(403)
      expect(((await response.json()) as { type: string }).type).toBe('urn:problem:csrf')
    }
    const bi = await send(app, 'GET', '/api/v1/tenants/t-acme/apps/app-acme-bi', { cookie })
    expect((bi.body as { status: string }).status).toBe('enabled')
  })

  it('keeps one tenant’s administrator and an agent without a grant out of another tenant’s data by id', async () => {
    const northwind = cookieOf(await signIn('oliver.bennett@northwind.example', PASSWORD))
    expect(problemType(await send(app, 'GET', '/api/v1/tenants/t-acme/apps/app-acme-bi', { cookie: northwind }))).toBe('urn:problem:forbidden')
    expect(
      problemType(await send(app, 'POST', '/api/v1/tenants/t-acme/apps/app-acme-bi/disable', { cookie: northwind, body: { reason: 'x' }, headers: { 'Idempotency-Key': 'cross-tenant-01' } })),
    ).toBe('urn:problem:forbidden')
    const agent = cookieOf(await signIn('li.lei@support.platform.example', PASSWORD))
    expect(problemType(await send(app, 'GET', '/api/v1/tenants/t-northwind/members', { cookie: agent }))).toBe('urn:problem:no-support-grant')
  })

  it('puts security headers and the console’s CSP on every answer, and no internals in a 404', async () => {
    const answer = await send(app, 'GET', '/api/v1/nothing-here')
    expect(answer.status).toBe(404)
    expect(answer.headers.get('Content-Security-Policy')).toContain("script-src 'self'")
    expect(answer.headers.get('Content-Security-Policy')).not.toContain('unsafe-eval')
    expect(answer.headers.get('X-Content-Type-Options')).toBe('nosniff')
    expect(answer.headers.get('X-Frame-Options')).toBe('DENY')
    const config = await send(app, 'GET', '/config.json')
    expect(config.body).toMatchObject({ mock: false, apiBaseUrl: '' })
  })
})

describe('test controls', () => {
  it('do not exist unless the server was started with them', async () => {
    for (const [method, path] of [['POST', '/api/v1/mock/reset'], ['POST', '/api/v1/mock/clock'], ['POST', '/api/v1/mock/session'], ['GET', '/api/v1/mock/state'], ['POST', '/api/v1/mock/faults'], ['POST', '/api/v1/mock/retention-run']] as const) {
      expect((await send(app, method, path, method === 'POST' ? { body: {} } : {})).status).toBe(404)
    }
  })

  it('reset the data and move the clock when they do', async () => {
    const signedIn = await send(withControls, 'POST', '/api/v1/mock/session', { body: { personaId: 'admin-acme' } })
    const cookie = cookieOf(signedIn)
    await send(withControls, 'POST', '/api/v1/tenants/t-acme/apps/app-acme-bi/disable', { cookie, body: { reason: 'Before reset' }, headers: { 'Idempotency-Key': 'controls-0001' } })
    const moved = await send(withControls, 'POST', '/api/v1/mock/clock', { body: { now: '2026-11-24T00:00:00.000Z', frozen: true } })
    expect(moved.body).toMatchObject({ now: '2026-11-24T00:00:00.000Z', frozen: true })
    const reset = await send(withControls, 'POST', '/api/v1/mock/reset', { body: { scenario: 'default' } })
    expect(reset.body).toMatchObject({ scenario: 'default', frozen: false })
    const again = cookieOf(await send(withControls, 'POST', '/api/v1/mock/session', { body: { personaId: 'admin-acme' } }))
    const bi = await send(withControls, 'GET', '/api/v1/tenants/t-acme/apps/app-acme-bi', { cookie: again })
    expect((bi.body as { status: string }).status).toBe('enabled')
  }, 60_000)

  it('inject faults: a status before the change, or the answer lost after the change committed', async () => {
    const cookie = cookieOf(await send(withControls, 'POST', '/api/v1/mock/session', { body: { personaId: 'admin-acme' } }))
    const path = '/api/v1/tenants/t-acme/apps/app-acme-bi/disable'
    expect((await send(withControls, 'POST', '/api/v1/mock/faults', { body: { method: 'POST', path, status: 503 } })).status).toBe(201)
    const refused = await send(withControls, 'POST', path, { cookie, body: { reason: 'Fault before' }, headers: { 'Idempotency-Key': 'controls-fault-1' } })
    expect(refused.status).toBe(503)
    expect(refused.body).toMatchObject({ type: 'urn:problem:injected-fault' })
    const app1 = await send(withControls, 'GET', '/api/v1/tenants/t-acme/apps/app-acme-bi', { cookie })
    expect((app1.body as { status: string }).status).toBe('enabled')

    await send(withControls, 'POST', '/api/v1/mock/faults', { body: { method: 'POST', path, status: 500, phase: 'after' } })
    expect((await send(withControls, 'GET', '/api/v1/mock/state')).body).toMatchObject({ faults: [{ path, phase: 'after', remaining: 1 }] })
    const lost = await send(withControls, 'POST', path, { cookie, body: { reason: 'Fault after' }, headers: { 'Idempotency-Key': 'controls-fault-2' } })
    expect(lost.status).toBe(500)
    const app2 = await send(withControls, 'GET', '/api/v1/tenants/t-acme/apps/app-acme-bi', { cookie })
    expect((app2.body as { status: string }).status).toBe('disabled')
    // Used up: the fault list is empty and the control paths themselves are never faulted.
    expect((await send(withControls, 'GET', '/api/v1/mock/state')).body).toMatchObject({ faults: [] })
  }, 60_000)
})

describe('retention on the server’s schedule', () => {
  it('carries out due runs without anyone opening the tenant, once', async () => {
    const runsBefore = await opened.store.transaction((tx) => tx.retention.runs('t-acme', 10))
    expect(runsBefore).toEqual([])
    const later = Date.parse('2026-11-22T19:00:00.000Z')
    const tick = await runDueRetention(opened.store, later)
    expect(tick).toEqual({ settled: ['t-acme', 't-northwind'], failed: [] })
    const runs = await opened.store.transaction((tx) => tx.retention.runs('t-acme', 10))
    expect(runs.map((run) => run.at)).toEqual(['2026-11-22T18:00:00.000Z', '2026-11-21T18:00:00.000Z', '2026-11-20T18:00:00.000Z', '2026-11-19T18:00:00.000Z', '2026-11-18T18:00:00.000Z', '2026-11-17T18:00:00.000Z'])
    expect((await runDueRetention(opened.store, later)).settled).toEqual([])
  })

  it('records a run that fails as failed, leaves the other tenants alone, and completes it after the wait', async () => {
    const later = Date.parse('2026-11-22T19:00:00.000Z')
    const iso = (ms: number) => new Date(ms).toISOString()
    let broken = true
    const jobs = {
      beforeRun: (tenantId: string) => {
        if (broken && tenantId === 't-acme') throw new Error('the file store is unreachable')
      },
    }
    const tick = await runDueRetention(opened.store, later, jobs)
    expect(tick).toEqual({ settled: ['t-northwind'], failed: [{ tenantId: 't-acme', error: 'the file store is unreachable' }] })
    const failed = await opened.store.transaction((tx) => tx.retention.runs('t-acme', 10))
    expect(failed).toEqual([expect.objectContaining({ outcome: 'failed', at: iso(later), retryAt: iso(later + 60_000), deletedMessages: 0, deletedFiles: 0 })])

    broken = false
    // Not before its retry time…
    expect(await runDueRetention(opened.store, later + 30_000, jobs)).toEqual({ settled: [], failed: [] })
    // …and then it catches up on everything that was due.
    expect((await runDueRetention(opened.store, later + 60_000, jobs)).settled).toEqual(['t-acme'])
    const runs = await opened.store.transaction((tx) => tx.retention.runs('t-acme', 10))
    expect(runs[0]?.outcome).toBe('completed')
    expect(runs.filter((run) => run.outcome === 'failed')).toHaveLength(1)
  })
})
