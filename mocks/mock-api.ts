// The mock API: the governance app over the memory store, plus mock-only machinery around it — the control
// API, injected faults, latency and one session per browser tab. MSW hands it every /api/v1/* request.
import { createGovernanceApp, type GovernanceApp } from '@governance/http/app'
import { checkBody } from '@governance/http/contract-input'
import { faultyMidway, faultyRemovalJobs, faultyRetentionJobs, injectedFaultResponse } from '@governance/http/faults'
import { problemResponse } from '@governance/http/problem'
import { advanceAuditExports } from '@governance/http/audit-exports'
import { settleGrantExpiries } from '@governance/http/routes/support'
import { catchUpRetention } from '@governance/http/routes/retention'
import { advanceRemovalJobs } from '@governance/http/removal-jobs'
import { createMemoryStore, type MemoryStore } from '@governance/store/memory/memory-store'
import type { MemoryPersistence } from '@governance/store/memory/tables'
import type { ScenarioName } from '@governance/seed/dataset'
import type { ControlPersistence } from './control/control-state'
import { MockControls } from './control/control-state'
import { controlRoutes, mockState } from './control/routes'

/** Where this tab keeps its session id (sessionStorage in the browser: one session per tab). */
export interface TabSessionStorage {
  get(): string | null
  set(sessionId: string | null): void
}

export interface MockApiOptions {
  store: MemoryPersistence
  controls: ControlPersistence
  tabSession: TabSessionStorage
  /** Simulated latency of every answer but the control API's. */
  latencyMs: number
}

export interface MockApi {
  handle(request: Request): Promise<Response>
  store: MemoryStore
  controls: MockControls
  /** Works on running bulk removals for up to `budgetMs` (the mock's stand-in for the server's worker). */
  advanceJobs: (budgetMs: number) => Promise<number>
}

const wait = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms))
const problems = { exposeServerErrors: true }

export async function createMockApi(options: MockApiOptions): Promise<MockApi> {
  const store = await createMemoryStore(options.store)
  const controls = new MockControls(options.controls)
  const app: GovernanceApp = createGovernanceApp(
    {
      store,
      clock: { now: () => controls.now() },
      problems,
      secureCookies: false,
      retentionJobs: faultyRetentionJobs((method, path) => controls.take(method, path)),
      midway: faultyMidway((method, path) => controls.take(method, path)),
    },
    controlRoutes(store, controls),
  )
  const transport = () => ({ sessionId: options.tabSession.get(), onSessionChange: (id: string | null) => options.tabSession.set(id) })

  async function reset(request: Request): Promise<Response> {
    try {
      const text = await request.text()
      const body: unknown = text.trim() === '' ? undefined : JSON.parse(text)
      checkBody('resetMock', body)
      const scenario = (body as { scenario?: ScenarioName } | undefined)?.scenario ?? 'default'
      await store.reset(scenario)
      controls.reset()
      await catchUpRetention(store, controls.now())
      // Everybody is signed out: the sessions went with the old state.
      options.tabSession.set(null)
      return Response.json(mockState(store, controls, null))
    } catch (error) {
      return problemResponse(error, problems)
    }
  }

  async function handle(request: Request): Promise<Response> {
    const url = new URL(request.url)
    if (url.pathname === '/api/v1/mock/reset' && request.method === 'POST') return reset(request)
    if (url.pathname.startsWith('/api/v1/mock/')) return app.fetch(request, transport())
    const fault = controls.take(request.method, url.pathname)
    if (fault?.delayMs) await wait(fault.delayMs)
    if (fault && fault.phase !== 'after') {
      if (fault.networkError) return Response.error()
      if (fault.status !== undefined) return injectedFaultResponse(fault.status, fault.id, request.method, url.pathname)
    }
    if (options.latencyMs > 0) await wait(options.latencyMs)
    const response = await app.fetch(request, transport())
    if (fault?.phase === 'after') {
      // The change is committed; the answer never arrives (or arrives as the injected failure).
      if (fault.networkError || fault.status === undefined) return Response.error()
      return injectedFaultResponse(fault.status, fault.id, request.method, url.pathname)
    }
    return response
  }

  const jobHooks = faultyRemovalJobs((method, path) => controls.take(method, path))
  // Called every 100 ms by the page's timer: an idle tick is one read (the API's requests queue behind it).
  const advanceJobs = async (budgetMs: number) => {
    const pending = await store.transaction(async (tx) => ({
      removals: (await tx.removalJobs.running()).length > 0,
      exports: (await tx.auditExports.running()).length > 0,
      // Support grants whose time ran out are recorded as expired when the mock clock passes them.
      expired: (await tx.access.grants(null)).some((grant) => grant.ended === null && Date.parse(grant.expiresAt) <= controls.now()),
    }))
    if (pending.expired) await store.transaction((tx) => settleGrantExpiries(tx, null, controls.now()))
    const started = Date.now()
    const clock = { now: () => controls.now() }
    const removed = pending.removals ? await advanceRemovalJobs(store, clock, budgetMs, jobHooks) : 0
    return removed + (pending.exports ? await advanceAuditExports(store, clock, Math.max(0, budgetMs - (Date.now() - started))) : 0)
  }
  return { handle, store, controls, advanceJobs }
}
