// Playwright fixtures: a fresh scenario per test (the mock with no latency and unknown API calls as errors, or a
// real server of the worker's own), sign-in as a persona, every API answer checked against the contract, and a
// check that the page logged no unexpected errors.
import { readFileSync } from 'node:fs'
import { test as base, expect } from '@playwright/test'
import AxeBuilder from '@axe-core/playwright'
import type { BrowserContext, Page, Response } from '@playwright/test'
import { createContractValidator } from '../api/contract-check'
import { apiMode } from './api-mode'
import { MockControl, type PersonaId, type Scenario } from './mock-control'
import { startRealServer } from './real-server'

/**
 * Mock mode: serves every page the tests open a config.json with the mock on, no latency, and unknown API calls as
 * errors. Real mode: the server's own config.json (mock off) stands.
 */
export async function useTestConfig(page: Page) {
  if (apiMode() === 'server') return
  await page.route('**/config.json', (route) =>
    route.fulfill({ json: { apiBaseUrl: '', mock: true, loginUrl: '/sign-in', mockLatencyMs: 0, mockStrict: true } }),
  )
}

const validateAgainstContract = createContractValidator(readFileSync(new URL('../api/openapi.yaml', import.meta.url), 'utf8'))

/** The contract violations of one API answer; none when its body can no longer be read (the page went away). */
async function contractViolations(response: Response): Promise<string[]> {
  let text: string
  try {
    text = await response.text()
  } catch {
    return []
  }
  const contentType = response.headers()['content-type'] ?? null
  // A file (text/csv) is text even when empty; a download's body is not readable here and comes back as ''.
  let body: unknown = text === '' && (contentType === null || /json/.test(contentType)) ? undefined : text
  if (text !== '' && /json/.test(contentType ?? '')) body = JSON.parse(text)
  const { pathname } = new URL(response.url())
  return validateAgainstContract(response.request().method(), pathname, response.status(), contentType, body)
}

/** Checks every API answer any page of the context receives, until `finish` says which broke the contract. */
function watchContract(context: BrowserContext) {
  const violations: string[] = []
  const pending = new Set<Promise<void>>()
  let checked = 0
  context.on('response', (response) => {
    if (!new URL(response.url()).pathname.startsWith('/api/')) return
    checked++
    const check: Promise<void> = contractViolations(response)
      .then((found) => void violations.push(...found))
      .finally(() => pending.delete(check))
    pending.add(check)
  })
  return async () => {
    await Promise.allSettled([...pending])
    return { violations, checked }
  }
}

export interface RealServerOptions {
  /** The console built for the real server (the `real` project's webServer builds it). */
  realServerStaticDir: string
  /** Worker n of the `real` project serves on this port + n. */
  realServerBasePort: number
}

interface WorkerFixtures {
  /** The URL of this worker's real server, or null in mock mode. */
  realServer: string | null
}

interface Fixtures {
  mock: MockControl
  /** Resets the mock to a scenario, signs in as a persona and opens a path. */
  loginAs: (persona: PersonaId, path?: string, scenario?: Scenario) => Promise<void>
  /** Fails the test on serious or critical accessibility violations in the page (default: the test's) as it is now. */
  expectAccessible: (label: string, target?: Page) => Promise<void>
}

// Chromium logs every 4xx/5xx and dropped connection; tests that inject faults expect those.
const expectedConsoleNoise = /Failed to load resource|net::ERR_FAILED|the server responded with a status of/

export const test = base.extend<Fixtures, WorkerFixtures & RealServerOptions>({
  realServerStaticDir: ['dist-server', { option: true, scope: 'worker' }],
  realServerBasePort: [4800, { option: true, scope: 'worker' }],
  realServer: [
    async ({ realServerStaticDir, realServerBasePort }, use, workerInfo) => {
      if (workerInfo.project.name !== 'real') return use(null)
      const server = await startRealServer(realServerBasePort + workerInfo.parallelIndex, realServerStaticDir)
      await use(server.url)
      await server.stop()
    },
    { scope: 'worker', timeout: 150_000 },
  ],
  baseURL: async ({ baseURL, realServer }, use) => use(realServer ?? baseURL),

  context: async ({ context }, use) => {
    const finish = watchContract(context)
    await use(context)
    const { violations, checked } = await finish()
    base.info().annotations.push({ type: 'contract', description: `${checked} API answers checked against api/openapi.yaml` })
    expect(violations, 'API answers that break the contract (api/openapi.yaml)').toEqual([])
  },

  page: async ({ page }, use) => {
    const problems: string[] = []
    page.on('pageerror', (error) => problems.push(`page error: ${error.message}`))
    page.on('console', (message) => {
      if (message.type() === 'error' && !expectedConsoleNoise.test(message.text())) problems.push(`console error: ${message.text()}`)
    })
    await useTestConfig(page)
    await use(page)
    expect(problems, 'errors the page logged').toEqual([])
  },

  mock: async ({ page }, use) => {
    await page.goto('/sign-in')
    const mock = new MockControl(page)
    await mock.ready()
    await mock.reset('default')
    await use(mock)
  },

  loginAs: async ({ page, mock }, use) => {
    await use(async (persona, path = '/', scenario = 'default') => {
      // The server seeds 100 000 members and a million audit events into its embedded database (about a minute on a
      // 2-core machine, more while the other worker runs): far slower than the mock's generated memory.
      if (scenario === 'large' && apiMode() === 'server') base.info().setTimeout(base.info().timeout + 180_000)
      await mock.reset(scenario)
      await mock.signIn(persona)
      await page.goto(path)
      await mock.ready()
    })
  },

  expectAccessible: async ({ page }, use) => {
    await use(async (label, target = page) => {
      const results = await new AxeBuilder({ page: target }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze()
      const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')
      expect(
        serious.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`),
        `axe violations on ${label}`,
      ).toEqual([])
    })
  },
})

export { expect }
