// The mock API for Node (Vitest, scripts): the same app over a memory store that lives as long as the process,
// one "tab" whose session is kept in memory.
import { http } from 'msw'
import { setupServer } from 'msw/node'
import type { ScenarioName } from '@governance/seed/dataset'
import { volatilePersistence } from '@governance/store/memory/tables'
import { memoryControlPersistence } from './control/control-state'
import { createMockApi } from './mock-api'

let tabSession: string | null = null

export const mockApi = await createMockApi({
  store: volatilePersistence(),
  controls: memoryControlPersistence(),
  tabSession: { get: () => tabSession, set: (id) => (tabSession = id) },
  latencyMs: 0,
})

// `*` matches any origin: relative paths only resolve where there is a `location` (not in plain Node).
export const server = setupServer(http.all('*/api/v1/*', ({ request }) => mockApi.handle(request)))

/** Fresh seeded state, the clock at the epoch and nobody signed in, for the next test. */
export async function resetMock(scenario: ScenarioName = 'default'): Promise<void> {
  await mockApi.store.reset(scenario)
  mockApi.controls.reset()
  tabSession = null
}
