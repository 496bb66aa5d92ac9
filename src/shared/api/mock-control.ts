// Calls to the mock-only control API (/api/v1/mock/*): personas, sign-in as a persona, reset.
import { api, unwrap } from './client'
import type { components } from '@contract/schema.gen'

export type MockPersona = components['schemas']['MockPersona']
export type MockScenarioName = components['schemas']['MockScenarioName']

export const mockKeys = { personas: ['mock', 'personas'] as const }

export const fetchPersonas = async (): Promise<MockPersona[]> =>
  (await unwrap(api().GET('/api/v1/mock/personas'))).items

export const signInAsPersona = (personaId: string) =>
  unwrap(api().POST('/api/v1/mock/session', { body: { personaId } }))

export const resetMock = (scenario: MockScenarioName = 'default') =>
  unwrap(api().POST('/api/v1/mock/reset', { body: { scenario } }))
