// Drives the real handlers over msw/node, as the console and the Playwright suites will.
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import type { components } from '@contract/schema.gen'
import { takeContractViolations } from '@/test/contract-violations'
import { mockStore, resetMock, server } from '../node'
import { route } from './route'

type Schemas = components['schemas']
const BASE = 'http://localhost:3000'

// The shared Vitest setup normally starts the server; start it here only when run on its own.
let ownServer = false
beforeAll(() => {
  if (server.readyState !== 1) {
    server.listen({ onUnhandledFrame: 'error' })
    ownServer = true
  }
})
beforeEach(() => resetMock())
afterEach(() => {
  if (ownServer) server.resetHandlers()
})
afterAll(() => {
  if (ownServer) server.close()
})

async function call(method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<Response> {
  return fetch(BASE + path, {
    method,
    headers: body === undefined ? headers : { 'Content-Type': 'application/json', ...headers },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  })
}

/**
 * Some tests break the contract on purpose (an injected 500 the contract does not list, test-only routes).
 * The shared set-up records such responses; these tests drain exactly what they caused (nothing when run alone).
 */
function expectOnlyDeliberateViolations(pattern: RegExp): void {
  for (const violation of takeContractViolations()) expect(violation).toMatch(pattern)
}

async function json<T>(response: Response): Promise<T> {
  return (await response.json()) as T
}

async function signInAs(personaId: string): Promise<Schemas['Session']> {
  const response = await call('POST', '/api/v1/mock/session', { personaId })
  expect(response.status).toBe(200)
  return json<Schemas['Session']>(response)
}

async function expectProblem(response: Response, status: number, type: string): Promise<Schemas['Problem']> {
  expect(response.status).toBe(status)
  expect(response.headers.get('content-type')).toBe('application/problem+json')
  const problem = await json<Schemas['Problem']>(response)
  expect(problem).toMatchObject({ status, type })
  expect(typeof problem.title).toBe('string')
  return problem
}

describe('session', () => {
  it('offers the four personas', async () => {
    const { items } = await json<{ items: Schemas['MockPersona'][] }>(await call('GET', '/api/v1/mock/personas'))
    expect(items.map((persona) => persona.id)).toEqual(['admin-acme', 'admin-acme-2', 'admin-northwind', 'support-agent'])
    expect(items.every((persona) => persona.description['en-US'] && persona.description['zh-CN'])).toBe(true)
  })

  it.each([
    ['admin-acme', 'tenant_admin', ['t-acme']],
    ['admin-acme-2', 'tenant_admin', ['t-acme']],
    ['admin-northwind', 'tenant_admin', ['t-northwind']],
    ['support-agent', 'support_agent', ['t-acme']],
  ])('signs in as %s', async (personaId, role, tenantIds) => {
    const session = await signInAs(personaId)
    expect(session.user).toMatchObject({ id: personaId, role })
    expect(session.tenants.map((tenant) => tenant.id)).toEqual(tenantIds)
    const again = await json<Schemas['Session']>(await call('GET', '/api/v1/session'))
    expect(again.user.id).toBe(personaId)
    expect(again.serverTime).toMatch(/^2026-11-20T01:00:0\d\.\d{3}Z$/)
  })

  it('answers 401 without a session, and signs out with an empty 204', async () => {
    await expectProblem(await call('GET', '/api/v1/session'), 401, 'urn:problem:unauthenticated')
    await expectProblem(await call('GET', '/api/v1/tenants'), 401, 'urn:problem:unauthenticated')
    await signInAs('admin-acme')
    const signedOut = await call('DELETE', '/api/v1/session')
    expect(signedOut.status).toBe(204)
    expect(await signedOut.text()).toBe('')
    await expectProblem(await call('GET', '/api/v1/tenants/t-acme'), 401, 'urn:problem:unauthenticated')
  })

  it('refuses an unknown persona with a field error', async () => {
    const problem = await expectProblem(await call('POST', '/api/v1/mock/session', { personaId: 'x' }), 400, 'urn:problem:validation')
    expect(problem.errors?.[0]).toMatchObject({ field: 'personaId', code: 'invalid' })
  })
})

describe('tenants and members', () => {
  it('lets a support agent into Acme (granted) but not Northwind', async () => {
    await signInAs('support-agent')
    await expectProblem(await call('GET', '/api/v1/tenants/t-northwind'), 403, 'urn:problem:no-support-grant')
    const tenant = await json<Schemas['Tenant']>(await call('GET', '/api/v1/tenants/t-acme'))
    expect(tenant).toMatchObject({ id: 't-acme', memberCount: 300, departmentCount: 14 })
    expect(tenant.supportGrant).toMatchObject({ mode: 'read_only', ticketRef: 'SUP-20261120-0042' })
    const page = await json<{ items: Schemas['Member'][] }>(await call('GET', '/api/v1/tenants/t-acme/members?q=AC000001'))
    expect(page.items[0]?.email).toBe('w***@acme.example')
  })

  it('keeps one tenant’s administrator out of another tenant', async () => {
    await signInAs('admin-northwind')
    await expectProblem(await call('GET', '/api/v1/tenants/t-acme/members'), 403, 'urn:problem:forbidden')
    await expectProblem(await call('GET', '/api/v1/tenants/t-nope'), 404, 'urn:problem:not-found')
  })

  it('pages members with a cursor', async () => {
    await signInAs('admin-acme')
    type Page = { items: Schemas['Member'][]; total: number; nextCursor: string | null }
    const first = await json<Page>(await call('GET', '/api/v1/tenants/t-acme/members?limit=200'))
    expect(first).toMatchObject({ total: 300 })
    expect(first.items).toHaveLength(200)
    expect(first.nextCursor).toEqual(expect.any(String))
    const second = await json<Page>(
      await call('GET', `/api/v1/tenants/t-acme/members?limit=200&cursor=${encodeURIComponent(first.nextCursor ?? '')}`),
    )
    expect(second.items).toHaveLength(100)
    expect(second.nextCursor).toBeNull()
    expect(new Set([...first.items, ...second.items].map((member) => member.id)).size).toBe(300)
    const wrong = await call('GET', `/api/v1/tenants/t-acme/members?q=li&cursor=${encodeURIComponent(first.nextCursor ?? '')}`)
    expect((await expectProblem(wrong, 400, 'urn:problem:validation')).errors?.[0]?.field).toBe('cursor')
  })

  it('validates query parameters', async () => {
    await signInAs('admin-acme')
    const problem = await expectProblem(await call('GET', '/api/v1/tenants/t-acme/members?limit=500'), 400, 'urn:problem:validation')
    expect(problem.errors).toEqual([expect.objectContaining({ field: 'limit', code: 'too_large' })])
  })

  it('lists departments as a tree with head-counts, and the audit trail', async () => {
    await signInAs('admin-acme')
    const { items } = await json<{ items: Schemas['Department'][] }>(await call('GET', '/api/v1/tenants/t-acme/departments'))
    expect(items.find((department) => department.name === '华东销售')?.parentId).toBe('d-acme-sales')
    const audit = await json<{ items: Schemas['AuditEvent'][] }>(await call('GET', '/api/v1/tenants/t-acme/audit-events'))
    expect(audit.items[0]).toMatchObject({ action: 'support_grant.created', targetName: 'SUP-20261120-0042' })
  })

  it('answers for a 100 000-member tenant', async () => {
    await call('POST', '/api/v1/mock/reset', { scenario: 'large' })
    await signInAs('admin-acme')
    const page = await json<{ total: number; items: unknown[] }>(await call('GET', '/api/v1/tenants/t-acme/members?q=wang'))
    expect(page.items.length).toBeGreaterThan(0)
    const all = await json<{ total: number }>(await call('GET', '/api/v1/tenants/t-acme/members?limit=1'))
    expect(all.total).toBe(100_000)
    // Once built, the list is reused: a warm search takes milliseconds, regenerating would take hundreds.
    const started = performance.now()
    await call('GET', '/api/v1/tenants/t-acme/members?q=zhang&status=active')
    expect(performance.now() - started).toBeLessThan(250)
  })
})

describe('mock control', () => {
  it('fails the next matching request with an injected status, then recovers', async () => {
    await signInAs('admin-acme')
    const injected = await call('POST', '/api/v1/mock/faults', { method: 'GET', path: '/api/v1/tenants/*', status: 500 })
    expect(injected.status).toBe(201)
    expect(await json<Schemas['MockFault']>(injected)).toMatchObject({ id: expect.any(String), remaining: 1, times: 1, status: 500 })
    await expectProblem(await call('GET', '/api/v1/tenants/t-acme'), 500, 'urn:problem:injected-fault')
    expect((await call('GET', '/api/v1/tenants/t-acme')).status).toBe(200)
    expectOnlyDeliberateViolations(/^GET \/api\/v1\/tenants\/t-acme → 500: status is not in the contract$/)
  })

  it('drops the connection for a network-error fault, never faulting mock control', async () => {
    await signInAs('admin-acme')
    await call('POST', '/api/v1/mock/faults', { path: '/api/v1/**', networkError: true, times: 2 })
    await expect(call('GET', '/api/v1/session')).rejects.toThrow()
    const state = await json<Schemas['MockState']>(await call('GET', '/api/v1/mock/state'))
    expect(state.faults).toEqual([expect.objectContaining({ remaining: 1, networkError: true })])
    const cleared = await call('DELETE', '/api/v1/mock/faults')
    expect(cleared.status).toBe(204)
    expect((await call('GET', '/api/v1/session')).status).toBe(200)
  })

  it('resets to the seed and signs everybody out', async () => {
    await signInAs('admin-acme')
    await call('POST', '/api/v1/mock/faults', { path: '/api/v1/tenants', status: 503 })
    const reset = await call('POST', '/api/v1/mock/reset', { scenario: 'empty-grants' })
    expect(await json<Schemas['MockState']>(reset)).toMatchObject({
      scenario: 'empty-grants',
      faults: [],
      signedInAs: null,
      frozen: false,
      scenarios: ['default', 'large', 'empty-grants'],
    })
    await expectProblem(await call('GET', '/api/v1/session'), 401, 'urn:problem:unauthenticated')
    await signInAs('support-agent')
    expect((await json<{ items: unknown[] }>(await call('GET', '/api/v1/tenants'))).items).toEqual([])
    const back = await json<Schemas['MockState']>(await call('POST', '/api/v1/mock/reset'))
    expect(back.scenario).toBe('default')
    await expectProblem(await call('POST', '/api/v1/mock/reset', { scenario: 'huge' }), 400, 'urn:problem:validation')
  })

  it('moves serverTime with the clock, and freezes it', async () => {
    await signInAs('admin-acme')
    const state = await json<Schemas['MockState']>(await call('POST', '/api/v1/mock/clock', { advanceMs: 2 * 86_400_000, frozen: true }))
    expect(state.frozen).toBe(true)
    expect(state.now).toBe(new Date(Date.parse(state.now)).toISOString())
    const session = await json<Schemas['Session']>(await call('GET', '/api/v1/session'))
    expect(session.serverTime).toBe(state.now)
    expect(Date.parse(session.serverTime)).toBeGreaterThanOrEqual(Date.parse('2026-11-22T01:00:00.000Z'))
    const jumped = await json<Schemas['MockState']>(await call('POST', '/api/v1/mock/clock', { now: '2026-11-24T00:00:00.000Z' }))
    expect(jumped.now).toBe('2026-11-24T00:00:00.000Z')
    // The seeded grant ended on 23 November: the support agent is out.
    await signInAs('support-agent')
    await expectProblem(await call('GET', '/api/v1/tenants/t-acme'), 403, 'urn:problem:no-support-grant')
  })
})

describe('route helper', () => {
  const define = route(mockStore, { latencyMs: 0 })
  let runs = 0
  const echo = define(
    'post',
    '/api/v1/test-only/echo',
    (ctx) => {
      runs++
      return { status: 201, body: { got: ctx.body, run: runs } }
    },
    { idempotent: true },
  )
  const broken = define('get', '/api/v1/test-only/broken', () => {
    throw new Error('a bug in a handler')
  })

  it('requires an Idempotency-Key, replays a retry and refuses a changed body', async () => {
    server.use(echo)
    runs = 0
    await expectProblem(await call('POST', '/api/v1/test-only/echo', { a: 1 }), 400, 'urn:problem:validation')
    const key = { 'Idempotency-Key': 'key-12345678' }
    const first = await call('POST', '/api/v1/test-only/echo', { a: 1 }, key)
    expect(first.status).toBe(201)
    const retry = await call('POST', '/api/v1/test-only/echo', { a: 1 }, key)
    expect(retry.status).toBe(201)
    expect(retry.headers.get('Idempotent-Replayed')).toBe('true')
    expect(await json<unknown>(retry)).toEqual(await json<unknown>(first))
    expect(runs).toBe(1)
    await expectProblem(await call('POST', '/api/v1/test-only/echo', { a: 2 }, key), 422, 'urn:problem:idempotency-mismatch')
    expectOnlyDeliberateViolations(/^POST \/api\/v1\/test-only\/echo → \d+: path is not in the contract$/)
  })

  it('turns an unexpected error into a 500 problem', async () => {
    server.use(broken)
    const problem = await expectProblem(await call('GET', '/api/v1/test-only/broken'), 500, 'urn:problem:server-error')
    expect(problem.detail).toContain('a bug in a handler')
    expectOnlyDeliberateViolations(/^GET \/api\/v1\/test-only\/broken → 500: path is not in the contract$/)
  })
})
