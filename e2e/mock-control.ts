// Drives the test controls from inside the page: the mock's (it runs in the page, one session per tab) or those of a
// real server started with --test-controls (same paths, one session per browser context).
import type { Page } from '@playwright/test'

export type Scenario = 'default' | 'large' | 'empty-grants' | 'hostile'
export type PersonaId = 'admin-acme' | 'admin-acme-2' | 'admin-northwind' | 'support-agent'

export interface FaultInput {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE'
  path: string
  status?: number
  networkError?: boolean
  delayMs?: number
  times?: number
  /** `after`: the request is handled (its change committed), then its answer is lost. */
  phase?: 'before' | 'after'
}

export class MockControl {
  constructor(private readonly page: Page) {}

  private async call(method: string, path: string, body?: unknown): Promise<unknown> {
    return this.page.evaluate(
      async ({ method, path, body }) => {
        const response = await fetch(path, {
          method,
          headers: body === undefined ? {} : { 'Content-Type': 'application/json' },
          body: body === undefined ? undefined : JSON.stringify(body),
        })
        const text = await response.text()
        if (!response.ok) throw new Error(`${method} ${path} → ${response.status} ${text}`)
        return text ? (JSON.parse(text) as unknown) : null
      },
      { method, path, body },
    )
  }

  /** Waits until the app has booted and its API answers (in mock mode: the mock worker controls the page). */
  async ready(): Promise<void> {
    await this.page.waitForFunction(() => document.documentElement.dataset.api === 'ready')
  }

  reset(scenario: Scenario = 'default') {
    return this.call('POST', '/api/v1/mock/reset', { scenario })
  }

  signIn(personaId: PersonaId) {
    return this.call('POST', '/api/v1/mock/session', { personaId })
  }

  signOut() {
    return this.call('DELETE', '/api/v1/session')
  }

  setClock(input: { now?: string; advanceMs?: number; frozen?: boolean }) {
    return this.call('POST', '/api/v1/mock/clock', input)
  }

  fault(input: FaultInput) {
    return this.call('POST', '/api/v1/mock/faults', input)
  }

  clearFaults() {
    return this.call('DELETE', '/api/v1/mock/faults')
  }

  state() {
    return this.call('GET', '/api/v1/mock/state') as Promise<{ scenario: string; now: string; signedInAs: string | null }>
  }
}
