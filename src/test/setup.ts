// Vitest set-up: the real mock API over msw/node, every response checked against the contract,
// console errors and warnings fail the test, and only what jsdom lacks is stubbed.
import '@testing-library/jest-dom/vitest'
import { cleanup } from '@testing-library/react'
import { afterAll, afterEach, beforeAll, beforeEach, expect } from 'vitest'
import { server, resetMock } from '@mocks/node'
import { validateAgainstContract } from '@contract/response-contract'
import { defaultRuntimeConfig, setRuntimeConfig } from '@/shared/config/runtime-config'
import { i18n, initI18n } from '@/shared/i18n/i18n'
import { contractViolations as violations } from './contract-violations'


// jsdom lacks these; antd's responsive pieces need them.
Object.defineProperty(window, 'matchMedia', {
  writable: true,
  value: (query: string) => ({
    matches: false,
    media: query,
    onchange: null,
    addListener: () => {},
    removeListener: () => {},
    addEventListener: () => {},
    removeEventListener: () => {},
    dispatchEvent: () => false,
  }),
})
class ResizeObserverStub {
  observe() {}
  unobserve() {}
  disconnect() {}
}
globalThis.ResizeObserver ??= ResizeObserverStub as unknown as typeof ResizeObserver

// A warning or error in the console is a bug the test should surface, not hide.
for (const level of ['error', 'warn'] as const) {
  const original = console[level]
  console[level] = (...args: unknown[]) => {
    original(...args)
    throw new Error(`console.${level} called: ${args.map(String).join(' ')}`)
  }
}

beforeAll(() => {
  setRuntimeConfig({ ...defaultRuntimeConfig, mock: true, mockLatencyMs: 0 })
  initI18n('en-US')
  server.listen({ onUnhandledFrame: 'error' })
  server.events.on('response:mocked', async ({ request, response }) => {
    const text = await response.clone().text()
    const contentType = response.headers.get('content-type')
    const body = text && /json/.test(contentType ?? '') ? (JSON.parse(text) as unknown) : text || undefined
    violations.push(...validateAgainstContract(request.method, new URL(request.url).pathname, response.status, contentType, body))
  })
})

beforeEach(async () => {
  await i18n.changeLanguage('en-US')
  await resetMock()
  violations.length = 0
  localStorage.clear()
  sessionStorage.clear()
})

afterEach(() => {
  cleanup()
  server.resetHandlers()
  // Every mock response of the test must match api/openapi.yaml.
  expect(violations, 'mock responses that break the contract').toEqual([])
})

afterAll(() => server.close())
