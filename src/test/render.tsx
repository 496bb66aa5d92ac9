// Renders the real console (routes, providers, query client) at a URL, against the mock API.
import { render } from '@testing-library/react'
import type { components } from '@contract/schema.gen'
import { createMemoryRouter, RouterProvider } from 'react-router'
import { createQueryClient } from '@/shared/api/query-client'
import { routerContext } from '@/shared/api/route-prefetch'
import { Providers } from '@/app/providers'
import { routes } from '@/app/routes'

export function renderConsole(url: string) {
  const queryClient = createQueryClient({
    retries: 0,
    onUnauthenticated: () => void router.navigate(`/sign-in?expired=1&returnTo=${encodeURIComponent(router.state.location.pathname)}`),
  })
  const router = createMemoryRouter(routes, { initialEntries: [url], getContext: () => routerContext(queryClient) })
  const view = render(
    <Providers queryClient={queryClient}>
      <RouterProvider router={router} />
    </Providers>,
  )
  return { ...view, router, queryClient }
}

/** Signs in as a persona directly through the mock control API, as the sign-in page would. */
export async function signInAs(personaId: string): Promise<void> {
  const response = await fetch('http://localhost:3000/api/v1/mock/session', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ personaId }),
  })
  if (!response.ok) throw new Error(`sign-in as ${personaId} failed: ${response.status}`)
}

/** Starts the mock over from a scenario (each test starts from `default`). */
export async function resetToScenario(scenario: components['schemas']['MockScenarioName']): Promise<void> {
  const response = await fetch('http://localhost:3000/api/v1/mock/reset', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ scenario }),
  })
  if (!response.ok) throw new Error(`reset to ${scenario} failed: ${response.status}`)
}

/** Makes the mock fail or slow down the next matching requests (see the mock control API's faults). */
export async function injectFault(fault: components['schemas']['MockFaultInput']): Promise<void> {
  const response = await fetch('http://localhost:3000/api/v1/mock/faults', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(fault),
  })
  if (response.status !== 201) throw new Error(`fault not injected: ${response.status}`)
}

/** Moves the mock's clock (see the mock control API's clock). */
export async function moveMockClock(change: { now?: string; advanceMs?: number; frozen?: boolean }): Promise<void> {
  const response = await fetch('http://localhost:3000/api/v1/mock/clock', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(change),
  })
  if (!response.ok) throw new Error(`clock not moved: ${response.status}`)
}
