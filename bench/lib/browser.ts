// Headless Chromium for the bench: launch it like playwright.config.ts does, throttle the CPU through CDP, and read
// LCP, CLS, long tasks and Event Timing from PerformanceObservers installed before any page script runs.
import { chromium, type Browser, type BrowserContext, type Page } from '@playwright/test'
import { chromiumExecutable } from '../../e2e/chromium-executable.ts'

export async function launchChromium(): Promise<Browser> {
  const executablePath = chromiumExecutable()
  return chromium.launch({
    ...(executablePath ? { executablePath } : {}),
    // A closed network: keep Chromium from phoning home, which would also add noise to the timings.
    args: ['--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic', '--disable-extensions'],
  })
}

/** What the observers collected, read back from the page. */
export interface PageMetrics {
  lcp: number | null
  cls: number
  longestTask: number
  /** How long the demo mock took to start (its service worker) before the console rendered; null without the mock. */
  mockStartMs: number | null
}

interface BenchState {
  lcp: number | null
  cls: number
  longestTask: number
  events: { id: number; name: string; duration: number }[]
}

/** Runs in the page before its own scripts (serialised by Playwright, so it must not use anything from this module). */
function installObservers(): void {
  const state: BenchState = { lcp: null, cls: 0, longestTask: 0, events: [] }
  Object.assign(window, { __bench: state })
  const observe = (type: string, onEntry: (entry: PerformanceEntry) => void, options: Record<string, unknown> = {}) => {
    try {
      new PerformanceObserver((list) => list.getEntries().forEach(onEntry)).observe({ type, buffered: true, ...options })
    } catch {
      // An entry type this Chromium does not know: that figure stays empty.
    }
  }
  observe('largest-contentful-paint', (entry) => {
    state.lcp = entry.startTime
  })
  observe('layout-shift', (entry) => {
    const shift = entry as PerformanceEntry & { value: number; hadRecentInput: boolean }
    if (!shift.hadRecentInput) state.cls += shift.value
  })
  observe('longtask', (entry) => {
    state.longestTask = Math.max(state.longestTask, entry.duration)
  })
  observe(
    'event',
    (entry) => {
      const timing = entry as PerformanceEventTiming
      if (timing.interactionId) state.events.push({ id: timing.interactionId, name: timing.name, duration: timing.duration })
    },
    { durationThreshold: 16 },
  )
}

export interface MeasuredPage {
  context: BrowserContext
  page: Page
  setCpuRate: (rate: number) => Promise<void>
  close: () => Promise<void>
}

/**
 * A signed-in mock: the browser storage (IndexedDB holds the mock's data and sessions) and the tab's session id,
 * which the mock keeps per tab in sessionStorage — something a storage state does not carry.
 */
export interface SignedIn {
  storage: Awaited<ReturnType<BrowserContext['storageState']>>
  tabSession: string
}

/** Where the mock keeps a tab's session (mocks/browser.ts). */
export const TAB_SESSION_KEY = 'tdgc.mock.session'

export async function openPage(browser: Browser, options: { cpuRate: number; signedIn?: SignedIn }): Promise<MeasuredPage> {
  const context = await browser.newContext({
    viewport: { width: 1366, height: 800 },
    locale: 'en-US',
    timezoneId: 'Asia/Shanghai',
    ...(options.signedIn ? { storageState: options.signedIn.storage } : {}),
  })
  if (options.signedIn) {
    await context.addInitScript(([key, id]) => sessionStorage.setItem(key, id), [TAB_SESSION_KEY, options.signedIn.tabSession] as const)
  }
  const page = await context.newPage()
  await page.addInitScript(installObservers)
  const cdp = await context.newCDPSession(page)
  const setCpuRate = async (rate: number) => {
    await cdp.send('Emulation.setCPUThrottlingRate', { rate })
  }
  await setCpuRate(options.cpuRate)
  return { context, page, setCpuRate, close: () => context.close() }
}

export async function readMetrics(page: Page): Promise<PageMetrics> {
  return page.evaluate(() => {
    const state = (window as unknown as { __bench: BenchState }).__bench
    const mark = (name: string) => performance.getEntriesByName(name, 'mark')[0]?.startTime
    const mockStart = mark('tdgc:mock-start')
    const mockReady = mark('tdgc:mock-ready')
    const mockStartMs = mockStart !== undefined && mockReady !== undefined ? mockReady - mockStart : null
    return { lcp: state.lcp, cls: state.cls, longestTask: state.longestTask, mockStartMs }
  })
}

/** Lets the page finish what it started (requests, fonts, late paints) so LCP and CLS are final. */
export async function settle(page: Page): Promise<void> {
  await page.waitForLoadState('networkidle').catch(() => undefined)
  await nextFrames(page)
}

/** Two animation frames and a short task: Event Timing and LCP entries are queued after the next paint. */
export async function nextFrames(page: Page): Promise<void> {
  await page.evaluate(() => new Promise<void>((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(resolve, 30)))))
}

/**
 * Runs one user action (which must wait for its visible result) and returns the longest Event Timing duration of the
 * interactions it caused, in ms; 0 when every event handler and the next paint took less than 16 ms (the API's floor).
 */
export async function timeInteraction(page: Page, act: () => Promise<void>): Promise<number> {
  await page.evaluate(() => {
    ;(window as unknown as { __bench: BenchState }).__bench.events = []
  })
  await act()
  await nextFrames(page)
  return page.evaluate(() => {
    const events = (window as unknown as { __bench: BenchState }).__bench.events
    return events.reduce((longest, event) => Math.max(longest, event.duration), 0)
  })
}
