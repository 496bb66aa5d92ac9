// Mock-only controls (/api/v1/mock/*): personas, sign-in, state, reset, clock and fault injection.
import type { HttpHandler } from 'msw'
import type { components } from '@contract/schema.gen'
import { PERSONAS, toMockPersona } from '../db/personas'
import { SCENARIOS, type MockDbState } from '../db/state'
import { currentSession, signIn } from '../domain/access'
import { readClockChange, setClock } from '../domain/clock'
import { validation, type FieldError } from '../domain/errors'
import { clearFaults, injectFault } from '../domain/faults'
import { isRecord, readEnum } from '../domain/input'
import { created, noContent, ok, type DefineRoute } from './route'

const control = { control: true }

function mockState(state: MockDbState, now: number): components['schemas']['MockState'] {
  return {
    scenario: state.scenario,
    scenarios: [...SCENARIOS],
    now: new Date(now).toISOString(),
    frozen: state.clock.frozen,
    faults: state.faults.items,
    signedInAs: state.session?.personaId ?? null,
  }
}

export const controlHandlers = (define: DefineRoute): HttpHandler[] => [
  define('get', '/api/v1/mock/personas', () => ok({ items: PERSONAS.map(toMockPersona) }), control),
  define(
    'post',
    '/api/v1/mock/session',
    (ctx) =>
      ok(
        ctx.write((draft, now) => {
          signIn(draft, ctx.body)
          return currentSession(draft, now)
        }),
      ),
    control,
  ),
  define('get', '/api/v1/mock/state', (ctx) => ok(mockState(ctx.state, ctx.now)), control),
  define(
    'post',
    '/api/v1/mock/reset',
    (ctx) => {
      const errors: FieldError[] = []
      const raw = isRecord(ctx.body) ? ctx.body.scenario : undefined
      const scenario = readEnum(raw, 'scenario', SCENARIOS, errors) ?? 'default'
      if (errors.length > 0 || (ctx.body !== undefined && !isRecord(ctx.body))) throw validation(errors)
      ctx.store.reset(scenario)
      return ok(mockState(ctx.store.read(), ctx.store.now()))
    },
    control,
  ),
  define(
    'post',
    '/api/v1/mock/clock',
    (ctx) => {
      const change = readClockChange(ctx.body)
      const realNow = ctx.store.realNow()
      ctx.write((draft) => {
        draft.clock = setClock(draft.clock, realNow, change)
      })
      return ok(mockState(ctx.store.read(), ctx.store.now()))
    },
    control,
  ),
  define('post', '/api/v1/mock/faults', (ctx) => created(ctx.write((draft) => injectFault(draft, ctx.body))), control),
  define(
    'delete',
    '/api/v1/mock/faults',
    (ctx) => {
      ctx.write(clearFaults)
      return noContent()
    },
    control,
  ),
]
