// Test controls for a server started with --test-controls: reset to a scenario, move the governance clock, inject
// faults, run retention now, and sign in as a demo user without a password — the same paths the browser mock
// answers, so one Playwright suite drives both. Without the flag none of this is mounted and these paths answer 404.
import { mockScenarioNameValues } from '@contract/schema.gen'
import type { MiddlewareHandler } from 'hono'
import { fieldError, validation } from '@governance/rules/errors'
import type { RemovalJobHooks } from '@governance/http/removal-jobs'
import { addFault, faultyMidway, faultyRemovalJobs, faultyRetentionJobs, injectedFaultResponse, takeFault, type FaultList } from '@governance/http/faults'
import type { RetentionJobHooks } from '@governance/rules/retention/runs'
import { created, noContent, ok, route, type RouteDefinition } from '@governance/http/route'
import { auditTamperRoute, injectDeregistrationRoute, retentionRunRoute } from '@governance/http/control-routes'
import { sessionView } from '@governance/http/routes/session'
import { catchUpRetention } from '@governance/http/routes/retention'
import { endSessionCookie, startSession } from '@governance/http/session-cookie'
import { checkBody } from '@governance/http/contract-input'
import { problemResponse } from '@governance/http/problem'
import { SCENARIO_EPOCH_MS, type ScenarioName } from '@governance/seed/dataset'
import { DEMO_USERS } from '@governance/seed/users'
import type { OpenedSqlStore } from '@governance/store/sql/open'
import type { ServerEnv } from './app'

/** Wall-clock time shifted by an offset, or frozen: the governance clock under test control. */
export class TestClock {
  private offsetMs = 0
  private frozenAt: number | null = null
  now = (): number => this.frozenAt ?? Date.now() + this.offsetMs
  frozen = (): boolean => this.frozenAt !== null
  set(change: { now?: string; advanceMs?: number; frozen?: boolean }): void {
    let at = this.now()
    if (change.now !== undefined) at = Date.parse(change.now)
    if (change.advanceMs !== undefined) at += change.advanceMs
    this.offsetMs = at - Date.now()
    const frozen = change.frozen ?? this.frozen()
    this.frozenAt = frozen ? at : null
  }
  reset(): void {
    this.offsetMs = SCENARIO_EPOCH_MS - Date.now()
    this.frozenAt = null
  }
}

export interface TestControls {
  routes: RouteDefinition[]
  /** Applies injected faults to every other API request: delay, a status, or a dropped connection before or after. */
  faults: MiddlewareHandler<ServerEnv>
  /** Makes deletion runs fail while a fault for `/jobs/retention-run/{tenantId}` is injected. */
  retentionJobs: RetentionJobHooks
  /** Makes a bulk removal fail on a member while a fault for `/jobs/member-removal/{tenantId}/{memberId}` is injected. */
  removalJobs: RemovalJobHooks
  /** Makes a next-of-kin step fail midway while a fault for `/jobs/kin/{requestId}/{step}` is injected. */
  midway: (path: string) => void
}

const wait = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms))

/** `afterReset` puts back what the deployment adds to a fresh seed (the demo accounts' passwords). */
export function testControls(opened: OpenedSqlStore, clock: TestClock, afterReset: () => Promise<unknown> = async () => undefined): TestControls {
  let scenario: ScenarioName = 'default'
  let faults: FaultList = { nextSeq: 1, items: [] }
  clock.reset()
  const state = (signedInAs: string | null) => ({
    scenario,
    scenarios: [...mockScenarioNameValues],
    now: new Date(clock.now()).toISOString(),
    frozen: clock.frozen(),
    faults: faults.items,
    signedInAs,
  })

  const faultMiddleware: TestControls['faults'] = async (c, next) => {
    const path = new URL(c.req.url).pathname
    if (path.startsWith('/api/v1/mock/')) return next()
    const fault = takeFault(faults, c.req.method, path)
    if (!fault) return next()
    // A broken connection: the browser sees a network error, as when a proxy or the network fails. A few bytes that
    // are not HTTP, then the end: a connection closed with nothing on it would make Chrome quietly send the request
    // again (it takes that for a stale keep-alive connection), and the fault would never be seen.
    const drop = () => {
      const socket = c.env.incoming?.socket
      socket?.end('connection dropped by an injected fault\r\n\r\n', () => socket.destroy())
      return new Response(null, { status: 502 })
    }
    if (fault.delayMs) await wait(fault.delayMs)
    if (fault.phase !== 'after') {
      if (fault.networkError) return drop()
      if (fault.status !== undefined) return injectedFaultResponse(fault.status, fault.id, c.req.method, path)
      return next()
    }
    // The change is committed; the answer never arrives (or arrives as the injected failure).
    await next()
    if (fault.networkError || fault.status === undefined) return drop()
    c.res = injectedFaultResponse(fault.status, fault.id, c.req.method, path)
  }

  const routes: RouteDefinition[] = [
    route({ method: 'get', path: '/api/v1/mock/state', operationId: 'getMockState', access: 'public' }, async ({ user }) => ok(state(user?.id ?? null))),
    // Not a transactional route: a reset replaces the whole database under every transaction.
    {
      method: 'post',
      path: '/api/v1/mock/reset',
      async handle(c, deps) {
        try {
          const text = await c.req.text()
          const body: unknown = text.trim() === '' ? undefined : JSON.parse(text)
          checkBody('resetMock', body)
          scenario = (body as { scenario?: ScenarioName } | undefined)?.scenario ?? 'default'
          await opened.reset(scenario)
          await afterReset()
          clock.reset()
          await catchUpRetention(opened.store, clock.now())
          faults = { nextSeq: 1, items: [] }
          return new Response(JSON.stringify(state(null)), {
            headers: { 'Content-Type': 'application/json', 'Set-Cookie': endSessionCookie(deps.secureCookies) },
          })
        } catch (error) {
          return problemResponse(error, deps.problems)
        }
      },
    },
    route({ method: 'post', path: '/api/v1/mock/clock', operationId: 'setMockClock', access: 'public' }, async ({ body, user }) => {
      clock.set(body)
      return ok(state(user?.id ?? null))
    }),
    route({ method: 'post', path: '/api/v1/mock/session', operationId: 'mockSignIn', access: 'public' }, async ({ tx, body, now }) => {
      const user = DEMO_USERS.some((candidate) => candidate.id === body.personaId) ? await tx.access.user(body.personaId) : null
      if (!user) throw validation([fieldError('personaId', 'invalid', `No persona "${body.personaId}".`)])
      const session = await startSession(tx, user.id)
      return { ...ok(await sessionView(tx, user, now)), session: session.id }
    }),
    route({ method: 'post', path: '/api/v1/mock/faults', operationId: 'injectMockFault', access: 'public' }, async ({ body }) => created(addFault(faults, body))),
    route({ method: 'delete', path: '/api/v1/mock/faults', operationId: 'clearMockFaults', access: 'public' }, async () => {
      faults = { nextSeq: 1, items: [] }
      return noContent()
    }),
    retentionRunRoute,
    injectDeregistrationRoute,
    auditTamperRoute,
  ]
  return {
    routes,
    faults: faultMiddleware,
    retentionJobs: faultyRetentionJobs((method, path) => takeFault(faults, method, path)),
    removalJobs: faultyRemovalJobs((method, path) => takeFault(faults, method, path)),
    midway: faultyMidway((method, path) => takeFault(faults, method, path)),
  }
}
