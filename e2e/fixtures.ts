// Playwright fixtures: a fresh mock scenario per test (no latency, unknown API calls are errors),
// sign-in as a persona, and a check that the page logged no unexpected errors.
import { test as base, expect } from '@playwright/test'
import AxeBuilder from '@axe-core/playwright'
import type { Page } from '@playwright/test'
import { MockControl, type PersonaId, type Scenario } from './mock-control'

/** Serves every page the tests open a config.json with the mock on, no latency, and unknown API calls as errors. */
export function useTestConfig(page: Page) {
  return page.route('**/config.json', (route) =>
    route.fulfill({ json: { apiBaseUrl: '', mock: true, loginUrl: '/sign-in', mockLatencyMs: 0, mockStrict: true } }),
  )
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

export const test = base.extend<Fixtures>({
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
