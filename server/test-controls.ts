// Test controls for a server started with --test-controls: reset to a scenario, move the governance clock, and
// sign in as a demo user without a password — the same paths the browser mock answers, so one Playwright suite
// drives both. Without the flag none of this is mounted and these paths answer 404.
import { mockScenarioNameValues } from '@contract/schema.gen'
import { fieldError, validation } from '@governance/rules/errors'
import { ok, route, type RouteDefinition } from '@governance/http/route'
import { sessionView } from '@governance/http/routes/session'
import { endSessionCookie, startSession } from '@governance/http/session-cookie'
import { checkBody } from '@governance/http/contract-input'
import { problemResponse } from '@governance/http/problem'
import { SCENARIO_EPOCH_MS, type ScenarioName } from '@governance/seed/dataset'
import { DEMO_USERS } from '@governance/seed/users'
import type { OpenedSqlStore } from '@governance/store/sql/open'

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

/** `afterReset` puts back what the deployment adds to a fresh seed (the demo accounts' passwords). */
export function testControlRoutes(opened: OpenedSqlStore, clock: TestClock, afterReset: () => Promise<unknown> = async () => undefined): RouteDefinition[] {
  let scenario: ScenarioName = 'default'
  clock.reset()
  const state = (signedInAs: string | null) => ({
    scenario,
    scenarios: [...mockScenarioNameValues],
    now: new Date(clock.now()).toISOString(),
    frozen: clock.frozen(),
    faults: [],
    signedInAs,
  })
  return [
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
  ]
}
