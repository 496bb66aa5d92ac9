// The mock as the console sees it: the governance app plus the control API, injected faults (before and after
// the change commits), the clock, scenarios and per-tab sessions — driven with Fetch requests, no network.
import { beforeEach, describe, expect, it } from 'vitest'
import type { components } from '@contract/schema.gen'
import type { ScenarioName } from '@governance/seed/dataset'
import type { MemoryPersistence, PersistedRow } from '@governance/store/memory/tables'
import { memoryControlPersistence } from './control/control-state'
import { createMockApi, type MockApi } from './mock-api'

type Schemas = components['schemas']

/** One browser tab: its own session id, over a store and controls shared with the other tabs. */
class Tab {
  session: string | null = null
  constructor(readonly api: MockApi) {}

  async call(method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<Response> {
    return this.api.handle(
      new Request(`http://localhost:3000${path}`, {
        method,
        headers: body === undefined ? headers : { 'Content-Type': 'application/json', ...headers },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      }),
    )
  }

  async signIn(personaId: string): Promise<void> {
    expect((await this.call('POST', '/api/v1/mock/session', { personaId })).status).toBe(200)
  }
}

/** What IndexedDB and a Web Lock give the tabs of one browser: shared rows, a revision, one writer at a time. */
function browserStorage(): () => MemoryPersistence {
  let persisted: { scenario: ScenarioName; rows: PersistedRow[] } | null = null
  let revision = 0
  let queue: Promise<unknown> = Promise.resolve()
  return () => {
    let seen = revision
    return {
      load: async () => {
        seen = revision
        return persisted ? { scenario: persisted.scenario, rows: [...persisted.rows] } : null
      },
      stale: () => seen !== revision,
      exclusive: <T>(work: () => Promise<T>): Promise<T> => {
        const run = queue.then(work)
        queue = run.catch(() => undefined)
        return run
      },
      write: async (rows) => {
        persisted = { scenario: persisted?.scenario ?? 'default', rows: [...(persisted?.rows ?? []), ...rows] }
        seen = ++revision
      },
      reset: async (scenario) => {
        persisted = { scenario, rows: [] }
        seen = ++revision
      },
    }
  }
}

async function openTabs(count: number): Promise<Tab[]> {
  const storage = browserStorage()
  const controls = memoryControlPersistence()
  const tabs: Tab[] = []
  for (let i = 0; i < count; i++) {
    const tab: Tab = new Tab(
      await createMockApi({
        store: storage(),
        controls,
        tabSession: { get: () => tab.session, set: (id) => (tab.session = id) },
        latencyMs: 0,
      }),
    )
    tabs.push(tab)
  }
  return tabs
}

const json = async <T>(response: Response): Promise<T> => (await response.json()) as T

async function expectProblem(response: Response, status: number, type: string): Promise<Schemas['Problem']> {
  expect(response.status).toBe(status)
  expect(response.headers.get('content-type')).toBe('application/problem+json')
  const problem = await json<Schemas['Problem']>(response)
  expect(problem).toMatchObject({ status, type })
  return problem
}

let tab: Tab
beforeEach(async () => {
  ;[tab] = (await openTabs(1)) as [Tab]
})

describe('mock sign-in', () => {
  it('offers the four personas and signs in only as one of them', async () => {
    const personas = await json<{ items: Schemas['MockPersona'][] }>(await tab.call('GET', '/api/v1/mock/personas'))
    expect(personas.items.map((persona) => persona.id)).toEqual(['admin-acme', 'admin-acme-2', 'admin-northwind', 'support-agent'])
    const refused = await expectProblem(await tab.call('POST', '/api/v1/mock/session', { personaId: 'root' }), 400, 'urn:problem:validation')
    expect(refused.errors?.[0]).toMatchObject({ field: 'personaId', code: 'invalid' })
    await tab.signIn('admin-acme')
    expect((await json<Schemas['Session']>(await tab.call('GET', '/api/v1/session'))).user.id).toBe('admin-acme')
  })

  it('keeps one session per tab: an administrator and a support agent side by side', async () => {
    const [admin, agent] = (await openTabs(2)) as [Tab, Tab]
    await admin.signIn('admin-acme')
    await agent.signIn('support-agent')
    expect((await json<Schemas['Session']>(await admin.call('GET', '/api/v1/session'))).user.role).toBe('tenant_admin')
    expect((await json<Schemas['Session']>(await agent.call('GET', '/api/v1/session'))).user.role).toBe('support_agent')
    expect((await json<Schemas['MockState']>(await admin.call('GET', '/api/v1/mock/state'))).signedInAs).toBe('admin-acme')
    // A change in one tab is what the other tab reads next.
    const path = '/api/v1/tenants/t-acme/apps/app-acme-bi/disable'
    expect((await admin.call('POST', path, { reason: 'Seen from the other tab' }, { 'Idempotency-Key': 'two-tabs-0001' })).status).toBe(200)
    expect((await json<Schemas['App']>(await agent.call('GET', '/api/v1/tenants/t-acme/apps/app-acme-bi'))).status).toBe('disabled')
    await agent.call('DELETE', '/api/v1/session')
    expect((await admin.call('GET', '/api/v1/session')).status).toBe(200)
    await expectProblem(await agent.call('GET', '/api/v1/session'), 401, 'urn:problem:unauthenticated')
  })
})

describe('mock faults', () => {
  it('fails the next matching request with an injected status, then recovers', async () => {
    await tab.signIn('admin-acme')
    const injected = await tab.call('POST', '/api/v1/mock/faults', { method: 'GET', path: '/api/v1/tenants/*', status: 500 })
    expect(injected.status).toBe(201)
    expect(await json<Schemas['MockFault']>(injected)).toMatchObject({ id: expect.any(String), remaining: 1, times: 1, status: 500 })
    await expectProblem(await tab.call('GET', '/api/v1/tenants/t-acme'), 500, 'urn:problem:injected-fault')
    expect((await tab.call('GET', '/api/v1/tenants/t-acme')).status).toBe(200)
  })

  it('drops the connection for a network-error fault, never faulting mock control', async () => {
    await tab.signIn('admin-acme')
    await tab.call('POST', '/api/v1/mock/faults', { path: '/api/v1/**', networkError: true, times: 2 })
    expect((await tab.call('GET', '/api/v1/session')).type).toBe('error')
    const state = await json<Schemas['MockState']>(await tab.call('GET', '/api/v1/mock/state'))
    expect(state.faults).toEqual([expect.objectContaining({ remaining: 1, networkError: true })])
    expect((await tab.call('DELETE', '/api/v1/mock/faults')).status).toBe(204)
    expect((await tab.call('GET', '/api/v1/session')).status).toBe(200)
  })

  it('refuses malformed faults with a field error per problem', async () => {
    const problem = await expectProblem(
      await tab.call('POST', '/api/v1/mock/faults', { path: 'api', status: 200, times: 0, delayMs: -1, method: 'FETCH' }),
      400,
      'urn:problem:validation',
    )
    expect(problem.errors?.map((error) => error.field).sort()).toEqual(['delayMs', 'method', 'path', 'status', 'times'])
  })

  it('commits a change and then loses its answer (phase "after"); the retry with the same key replays it', async () => {
    await tab.signIn('admin-acme')
    const path = '/api/v1/tenants/t-acme/apps/app-acme-bi/disable'
    await tab.call('POST', '/api/v1/mock/faults', { method: 'POST', path, phase: 'after', networkError: true })
    const headers = { 'Idempotency-Key': 'lost-answer-0001' }
    const body = { reason: 'Answer lost on the way back' }
    expect((await tab.call('POST', path, body, headers)).type).toBe('error')
    const app = await json<Schemas['App']>(await tab.call('GET', '/api/v1/tenants/t-acme/apps/app-acme-bi'))
    expect(app.status).toBe('disabled')
    const retry = await tab.call('POST', path, body, headers)
    expect(retry.status).toBe(200)
    expect(retry.headers.get('Idempotent-Replayed')).toBe('true')
    const audit = await json<{ items: Schemas['AuditEvent'][] }>(
      await tab.call('GET', '/api/v1/tenants/t-acme/audit-events?targetType=app&targetId=app-acme-bi&limit=50'),
    )
    expect(audit.items.filter((event) => event.action === 'app.disabled' && event.reason === body.reason)).toHaveLength(1)
  })

  it('answers with an injected status after committing, when one is given', async () => {
    await tab.signIn('admin-acme')
    const path = '/api/v1/tenants/t-acme/apps/app-acme-bi/disable'
    await tab.call('POST', '/api/v1/mock/faults', { path, phase: 'after', status: 503 })
    await expectProblem(await tab.call('POST', path, { reason: 'Gateway dropped it' }, { 'Idempotency-Key': 'after-503-0001' }), 503, 'urn:problem:injected-fault')
    expect((await json<Schemas['App']>(await tab.call('GET', '/api/v1/tenants/t-acme/apps/app-acme-bi'))).status).toBe('disabled')
  })
})

describe('mock scenarios and clock', () => {
  it('resets to the seed and signs everybody out', async () => {
    await tab.signIn('admin-acme')
    await tab.call('POST', '/api/v1/mock/faults', { path: '/api/v1/tenants', status: 503 })
    const reset = await tab.call('POST', '/api/v1/mock/reset', { scenario: 'empty-grants' })
    expect(await json<Schemas['MockState']>(reset)).toMatchObject({
      scenario: 'empty-grants',
      faults: [],
      signedInAs: null,
      frozen: false,
      scenarios: ['default', 'large', 'empty-grants', 'hostile'],
    })
    await expectProblem(await tab.call('GET', '/api/v1/session'), 401, 'urn:problem:unauthenticated')
    await tab.signIn('support-agent')
    expect((await json<{ items: unknown[] }>(await tab.call('GET', '/api/v1/tenants'))).items).toEqual([])
    const back = await json<Schemas['MockState']>(await tab.call('POST', '/api/v1/mock/reset'))
    expect(back.scenario).toBe('default')
    await expectProblem(await tab.call('POST', '/api/v1/mock/reset', { scenario: 'huge' }), 400, 'urn:problem:validation')
  })

  it('undoes changes on reset', async () => {
    await tab.signIn('admin-acme')
    const path = '/api/v1/tenants/t-acme/apps/app-acme-bi/disable'
    await tab.call('POST', path, { reason: 'Before the reset' }, { 'Idempotency-Key': 'reset-undo-0001' })
    await tab.call('POST', '/api/v1/mock/reset')
    await tab.signIn('admin-acme')
    expect((await json<Schemas['App']>(await tab.call('GET', '/api/v1/tenants/t-acme/apps/app-acme-bi'))).status).toBe('enabled')
  })

  it('moves serverTime with the clock, and freezes it', async () => {
    await tab.signIn('admin-acme')
    const state = await json<Schemas['MockState']>(await tab.call('POST', '/api/v1/mock/clock', { advanceMs: 2 * 86_400_000, frozen: true }))
    expect(state.frozen).toBe(true)
    const session = await json<Schemas['Session']>(await tab.call('GET', '/api/v1/session'))
    expect(session.serverTime).toBe(state.now)
    expect(Date.parse(session.serverTime)).toBeGreaterThanOrEqual(Date.parse('2026-11-22T01:00:00.000Z'))
    const jumped = await json<Schemas['MockState']>(await tab.call('POST', '/api/v1/mock/clock', { now: '2026-11-24T00:00:00.000Z' }))
    expect(jumped.now).toBe('2026-11-24T00:00:00.000Z')
    // The seeded grant ended on 23 November: the support agent is out, and still signed in.
    await tab.signIn('support-agent')
    await expectProblem(await tab.call('GET', '/api/v1/tenants/t-acme'), 403, 'urn:problem:no-support-grant')
    expect((await tab.call('GET', '/api/v1/session')).status).toBe(200)
  })
})
