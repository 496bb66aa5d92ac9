// The mock's control API (/api/v1/mock/*): personas, sign-in as a persona, state, clock, faults, and "run retention
// now". Declared like every governance route, so the contract checks their input too; reset is in mock-api.ts
// because it replaces the store those routes run in.
import { mockScenarioNameValues } from '@contract/schema.gen'
import { fieldError, validation } from '@governance/rules/errors'
import { created, noContent, ok, route, type RouteDefinition } from '@governance/http/route'
import { startSession } from '@governance/http/session-cookie'
import { sessionView } from '@governance/http/routes/session'
import { auditTamperRoute, injectDeregistrationRoute, retentionRunRoute } from '@governance/http/control-routes'
import type { MemoryStore } from '@governance/store/memory/memory-store'
import type { MockControls } from './control-state'
import { PERSONAS } from './personas'

export function mockState(store: MemoryStore, controls: MockControls, signedInAs: string | null) {
  return {
    scenario: store.scenario(),
    scenarios: [...mockScenarioNameValues],
    now: new Date(controls.now()).toISOString(),
    frozen: controls.frozen(),
    faults: controls.faults(),
    signedInAs,
  }
}

export function controlRoutes(store: MemoryStore, controls: MockControls): RouteDefinition[] {
  return [
    route({ method: 'get', path: '/api/v1/mock/personas', operationId: 'listMockPersonas', access: 'public' }, async () =>
      ok({ items: PERSONAS }),
    ),
    route({ method: 'post', path: '/api/v1/mock/session', operationId: 'mockSignIn', access: 'public' }, async ({ tx, body, now }) => {
      const user = await tx.access.user(body.personaId)
      if (!user || !PERSONAS.some((persona) => persona.id === body.personaId)) {
        throw validation([fieldError('personaId', 'invalid', `No persona "${body.personaId}".`)])
      }
      const session = await startSession(tx, user.id)
      return { ...ok(await sessionView(tx, user, now)), session: session.id }
    }),
    route({ method: 'get', path: '/api/v1/mock/state', operationId: 'getMockState', access: 'public' }, async ({ user }) =>
      ok(mockState(store, controls, user?.id ?? null)),
    ),
    route({ method: 'post', path: '/api/v1/mock/clock', operationId: 'setMockClock', access: 'public' }, async ({ body, user }) => {
      controls.setClock(body)
      return ok(mockState(store, controls, user?.id ?? null))
    }),
    route({ method: 'post', path: '/api/v1/mock/faults', operationId: 'injectMockFault', access: 'public' }, async ({ body }) =>
      created(controls.inject(body)),
    ),
    route({ method: 'delete', path: '/api/v1/mock/faults', operationId: 'clearMockFaults', access: 'public' }, async () => {
      controls.clearFaults()
      return noContent()
    }),
    retentionRunRoute,
    injectDeregistrationRoute,
    auditTamperRoute,
  ]
}
