// The mock API for Node (Vitest, scripts): in-memory state, no latency.
import { setupServer } from 'msw/node'
import { createStore, memoryPersistence } from './db/store'
import type { ScenarioName } from './db/state'
import { createHandlers } from './handlers'

export const mockStore = createStore(memoryPersistence())

export const server = setupServer(...createHandlers(mockStore, { latencyMs: 0 }))

/** Fresh seeded state (and nobody signed in) for the next test. */
export function resetMock(scenario: ScenarioName = 'default'): void {
  mockStore.reset(scenario)
}
