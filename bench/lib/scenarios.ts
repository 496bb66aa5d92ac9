// What the bench does in the browser: cold loads of the first screens, the key interactions that exist so far, and
// member search on the 100 000-member tenant. A capability whose screen is not built yet is reported as n/a, not failed.
import type { Browser, Locator, Page } from '@playwright/test'
import { nextFrames, openPage, readMetrics, settle, TAB_SESSION_KEY, timeInteraction, type PageMetrics, type SignedIn } from './browser.ts'


/** Thrown when the screen an interaction needs does not exist (yet). */
export class NotBuilt extends Error {}

const TENANT = '/tenants/t-acme'
const timeout = 20_000

export interface LoadSample extends PageMetrics {
  /** Paths of the JS files the page requested until the first screen was on screen. */
  js: string[]
  /** Navigation start to the first screen's marker being visible (as seen by the test driver). */
  firstScreenMs: number
}

/** Loads a page in a fresh context (cold HTTP cache) and records the scripts it needs until `marker` is visible. */
export async function measureLoad(
  browser: Browser,
  url: string,
  marker: (page: Page) => Locator,
  cpuRate: number,
  signedIn?: SignedIn,
): Promise<LoadSample> {
  const measured = await openPage(browser, { cpuRate, ...(signedIn ? { signedIn } : {}) })
  const { page } = measured
  try {
    const js: string[] = []
    let recording = true
    page.on('request', (request) => {
      const requested = new URL(request.url())
      if (recording && requested.pathname.endsWith('.js')) js.push(requested.pathname.replace(/^\//, ''))
    })
    const started = Date.now()
    await page.goto(url, { waitUntil: 'commit' })
    await marker(page).waitFor({ state: 'visible', timeout })
    const firstScreenMs = Date.now() - started
    recording = false
    await settle(page)
    return { ...(await readMetrics(page)), js: [...new Set(js)], firstScreenMs }
  } finally {
    await measured.close()
  }
}

export const markers = {
  signIn: (page: Page) => page.getByRole('button', { name: /王芳/ }).first(),
  overview: (page: Page) => page.locator('main .ant-statistic-content').first(),
  reference: (page: Page) => page.getByRole('cell', { name: 'Member 1', exact: true }).first(),
}

async function api(page: Page, method: string, path: string, body?: unknown): Promise<void> {
  await page.evaluate(
    async ({ method, path, body }) => {
      const response = await fetch(path, {
        method,
        headers: body === undefined ? {} : { 'Content-Type': 'application/json' },
        body: body === undefined ? undefined : JSON.stringify(body),
      })
      if (!response.ok) throw new Error(`${method} ${path} → ${response.status}`)
    },
    { method, path, body },
  )
}

async function mockReady(page: Page): Promise<void> {
  await page.waitForFunction(() => document.documentElement.dataset.mock === 'ready', undefined, { timeout })
}

/** Resets the mock to a scenario and signs in as Acme's administrator; returns what a new context needs to be so too. */
export async function signedInState(browser: Browser, baseUrl: string, scenario: 'default' | 'large' = 'default'): Promise<SignedIn> {
  const measured = await openPage(browser, { cpuRate: 1 })
  try {
    await measured.page.goto(`${baseUrl}/sign-in`)
    await mockReady(measured.page)
    await api(measured.page, 'POST', '/api/v1/mock/reset', { scenario })
    await api(measured.page, 'POST', '/api/v1/mock/session', { personaId: 'admin-acme' })
    const tabSession = await measured.page.evaluate((key) => sessionStorage.getItem(key), TAB_SESSION_KEY)
    if (!tabSession) throw new Error('the mock did not keep the tab’s session')
    return { storage: await measured.context.storageState({ indexedDB: true }), tabSession }
  } finally {
    await measured.close()
  }
}

export interface LargeDataSample {
  /** POST /api/v1/mock/reset {scenario: large}, from the page: the request out to the answer in. */
  resetMs: number
  /** A state-changing request (disable, then enable an app) with 100 000 members and 1 000 000 audit events present. */
  writeMs: number[]
}

/** The mock's store on the large scenario: how long a reset and a write take (no simulated latency). */
export async function measureLargeData(browser: Browser, baseUrl: string, writes: number): Promise<LargeDataSample> {
  const measured = await openPage(browser, { cpuRate: 1 })
  const { page } = measured
  try {
    await page.goto(`${baseUrl}/sign-in`)
    await mockReady(page)
    const timed = (method: string, path: string, body: unknown, key?: string) =>
      page.evaluate(
        async ({ method, path, body, key }) => {
          const started = performance.now()
          const response = await fetch(path, {
            method,
            headers: { 'Content-Type': 'application/json', ...(key ? { 'Idempotency-Key': key } : {}) },
            body: JSON.stringify(body),
          })
          await response.arrayBuffer()
          if (!response.ok) throw new Error(`${method} ${path} → ${response.status}`)
          return performance.now() - started
        },
        { method, path, body, key },
      )
    const resetMs = await timed('POST', '/api/v1/mock/reset', { scenario: 'large' })
    await api(page, 'POST', '/api/v1/mock/session', { personaId: 'admin-acme' })
    const appPath = '/api/v1/tenants/t-acme/apps/app-acme-bi'
    const acknowledgedScopes = await page.evaluate(async (path) => {
      const app = (await (await fetch(path)).json()) as { scopes: { id: string; sensitive: boolean }[] }
      return app.scopes.filter((scope) => scope.sensitive).map((scope) => scope.id)
    }, appPath)
    const writeMs: number[] = []
    for (let i = 0; i < writes; i++) {
      const [action, body] = i % 2 === 0 ? ['disable', { reason: `Bench write ${i + 1}` }] : ['enable', { acknowledgedScopes }]
      writeMs.push(await timed('POST', `${appPath}/${action}`, body, `bench-write-${Date.now()}-${i}`))
    }
    return { resetMs, writeMs }
  } finally {
    await measured.close()
  }
}

/** The longest Event Timing duration of one action; n/a when the screen for it is not there; the error when it broke. */
export type InteractionResult = { ms: number } | { na: string } | { error: string }

interface Interaction {
  name: string
  /** Runs on the page as it is; throws NotBuilt when a control it needs does not exist. */
  run: (page: Page) => Promise<number>
}

/** The first match of a control, or NotBuilt when none appears shortly (the page has settled before each interaction). */
async function present(locator: Locator, what: string, waitMs = 2_000): Promise<Locator> {
  if (waitMs > 0) await locator.first().waitFor({ state: 'visible', timeout: waitMs }).catch(() => undefined)
  if ((await locator.count()) === 0) throw new NotBuilt(`${what} not built yet`)
  return locator.first()
}

const visible = (locator: Locator) => locator.waitFor({ state: 'visible', timeout })
const hidden = (locator: Locator) => locator.waitFor({ state: 'hidden', timeout })

async function openMenu(page: Page, button: RegExp, what: string): Promise<number> {
  const trigger = await present(page.getByRole('button', { name: button }), what)
  // The side navigation is a menu too: look for the dropdown's.
  const menu = page.locator('.ant-dropdown-menu:visible')
  const ms = await timeInteraction(page, async () => {
    await trigger.click()
    await visible(menu)
  })
  await page.keyboard.press('Escape')
  await hidden(menu)
  return ms
}

/** Goes to a capability through its side-menu link; n/a when the console has no such link yet. */
async function viaNav(page: Page, label: RegExp, heading: RegExp, what: string): Promise<number> {
  const link = await present(page.getByRole('navigation').getByRole('link', { name: label }), `${what} (side-menu link)`)
  const ms = await timeInteraction(page, () => link.click())
  await visible(page.getByRole('heading', { level: 1, name: heading }))
  await settle(page)
  return ms
}

const appsTable = (page: Page) => page.getByRole('table').first()

async function closeDialog(page: Page, dialog: Locator): Promise<void> {
  await page.keyboard.press('Escape')
  await hidden(dialog)
  // A closing animation leaves a mask that would swallow the next click.
  // (Endless animations, such as a pulsing status dot, never finish and are not waited for.)
  await page.waitForFunction(
    () =>
      document
        .getAnimations()
        .every((animation) => animation.playState !== 'running' || animation.effect?.getTiming().iterations === Infinity),
    undefined,
    { timeout },
  )
}

/** Times a click until the dialog it opens is on screen, then closes that dialog again. */
async function timeDialogOpening(page: Page, button: Locator, dialog: Locator): Promise<number> {
  const ms = await timeInteraction(page, async () => {
    await button.click()
    await visible(dialog)
  })
  await closeDialog(page, dialog)
  return ms
}

/** The interactions, in the order they run on one page (later ones may depend on the page earlier ones reached). */
export const interactions: Interaction[] = [
  { name: 'open the language menu', run: (page) => openMenu(page, /^(Language|语言)/, 'language menu') },
  { name: 'open the account menu', run: (page) => openMenu(page, /^Account menu for/, 'account menu') },
  { name: 'go to Apps from the side menu', run: (page) => viaNav(page, /^Apps$/, /^Apps$/, 'apps page') },
  {
    name: 'open an app’s disable dialog',
    run: async (page) => {
      const button = await present(appsTable(page).getByRole('button', { name: /^Disable / }), 'disable button')
      return timeDialogOpening(page, button, page.getByRole('dialog', { name: /^Disable / }))
    },
  },
  {
    name: 'open an app’s enable dialog',
    run: async (page) => {
      const button = await present(appsTable(page).getByRole('button', { name: /^Enable / }), 'enable button')
      return timeDialogOpening(page, button, page.getByRole('dialog', { name: /^Enable / }))
    },
  },
  {
    name: 'toggle an app (confirm disable)',
    run: async (page) => {
      const button = await present(appsTable(page).getByRole('button', { name: /^Disable / }), 'disable button')
      const label = (await button.getAttribute('aria-label')) ?? ''
      const appName = label.replace(/^Disable /, '')
      await button.click()
      const dialog = page.getByRole('dialog', { name: /^Disable / })
      await visible(dialog)
      const reason = dialog.getByRole('textbox', { name: 'Reason' })
      if ((await reason.count()) > 0) await reason.fill('Bench run')
      const confirm = await present(dialog.getByRole('button', { name: 'Disable app' }), 'disable confirmation')
      const ms = await timeInteraction(page, async () => {
        await confirm.click()
        await hidden(dialog)
        await visible(appsTable(page).getByRole('button', { name: `Enable ${appName}`, exact: true }))
      })
      return ms
    },
  },
  {
    name: 'open an app’s details drawer',
    run: async (page) => {
      const rowButton = await present(appsTable(page).getByRole('button', { name: /^Details of / }), 'details button')
      const ms = await timeInteraction(page, async () => {
        await rowButton.click()
        await visible(page.getByRole('dialog'))
      })
      return ms
    },
  },
  {
    name: 'open the availability dialog',
    run: async (page) => {
      const button = await present(page.getByRole('dialog').getByRole('button', { name: 'Change who may use it' }), 'availability dialog')
      const ms = await timeDialogOpening(page, button, page.getByRole('dialog', { name: /^Who may use / }))
      await closeDialog(page, page.getByRole('dialog')) // the details drawer it was opened from
      return ms
    },
  },
  {
    name: 'change a filter',
    run: async (page) => {
      const filter = await present(page.getByRole('combobox', { name: 'Status', exact: true }), 'status filter')
      await filter.click()
      const option = page.locator('.ant-select-dropdown:visible .ant-select-item-option').first()
      await visible(option)
      const ms = await timeInteraction(page, async () => {
        await option.click()
        await page.waitForURL(/status=/, { timeout })
      })
      await settle(page)
      return ms
    },
  },
  {
    name: 'page a table',
    run: async (page) => {
      const next = await present(page.locator('.ant-pagination-next:not(.ant-pagination-disabled)'), 'a table with more than one page')
      const ms = await timeInteraction(page, async () => {
        await next.click()
        await visible(page.locator('.ant-pagination-item-active').filter({ hasNotText: /^1$/ }))
      })
      return ms
    },
  },
  {
    name: 'select a row',
    run: async (page) => {
      const checkbox = await present(page.getByRole('table').getByRole('checkbox').filter({ visible: true }), 'a table with row selection')
      const ms = await timeInteraction(page, async () => {
        await checkbox.click()
        await page.waitForFunction((box) => (box as HTMLInputElement).checked, await checkbox.elementHandle(), { timeout })
      })
      return ms
    },
  },
  { name: 'go to Retention from the side menu', run: (page) => viaNav(page, /^Retention$/, /^Retention$/, 'retention page') },
  {
    name: 'open the retention preview',
    run: async (page) => {
      const card = await present(page.getByRole('region', { name: 'Chat messages' }), 'retention policy card')
      await card.getByRole('radio', { name: 'Delete after a period' }).check()
      await card.getByRole('textbox', { name: /Period length/ }).fill('90')
      await card.getByRole('combobox', { name: /Unit/ }).click()
      await page.getByTitle('Days', { exact: true }).click()
      const save = card.getByRole('button', { name: /^Save .* policy$/ })
      const dialog = page.getByRole('dialog', { name: /^Shorten .* retention to/ })
      const ms = await timeInteraction(page, async () => {
        await save.click()
        await visible(dialog)
      })
      await closeDialog(page, dialog)
      return ms
    },
  },
]

/** Runs every interaction once on a signed-in page at the given CPU rate. */
export async function measureInteractions(browser: Browser, baseUrl: string, state: SignedIn, cpuRate: number): Promise<Record<string, InteractionResult>> {
  const measured = await openPage(browser, { cpuRate: 1, signedIn: state })
  const { page } = measured
  const results: Record<string, InteractionResult> = {}
  try {
    await page.goto(`${baseUrl}${TENANT}`)
    await visible(markers.overview(page))
    await settle(page)
    await measured.setCpuRate(cpuRate)
    for (const interaction of interactions) {
      try {
        results[interaction.name] = { ms: await interaction.run(page) }
      } catch (error) {
        // A broken step is reported, not fatal: the other figures are still worth having. Later steps may then be n/a.
        if (error instanceof NotBuilt) results[interaction.name] = { na: error.message }
        else results[interaction.name] = { error: (error instanceof Error ? error.message : String(error)).split('\n')[0]! }
      }
    }
  } finally {
    await measured.close()
  }
  return results
}

export interface SearchSample {
  /** 'picker': typed into the apps availability picker; 'api': the members API from the page (no picker yet). */
  method: 'picker' | 'api'
  /** From the search request leaving the page to the matching options painted (the budget's "after input settles"). */
  settledMs: number
  /** From the last keystroke to the options painted, including the picker's debounce. */
  fromKeystrokeMs: number | null
}

/** Employee numbers that exist only in the 100 000-member scenario, one per CPU rate (so no answer is cached). */
const searchFor = (rate: number) => `AC0999${9 - rate}`

/** Member search on the 100 000-member tenant (mock latency 0), once per CPU rate, in one page. */
export async function measureMemberSearch(browser: Browser, baseUrl: string, largeState: SignedIn, cpuRates: readonly number[]): Promise<Map<number, SearchSample>> {
  const measured = await openPage(browser, { cpuRate: 1, signedIn: largeState })
  const { page } = measured
  const samples = new Map<number, SearchSample>()
  try {
    await page.goto(`${baseUrl}${TENANT}/apps?app=app-acme-translate`)
    await mockReady(page)
    const change = page.getByRole('dialog').getByRole('button', { name: 'Change who may use it' }).first()
    const pickerExists = await change
      .waitFor({ state: 'visible', timeout: 8_000 })
      .then(() => true)
      .catch(() => false)
    if (!pickerExists) {
      for (const rate of cpuRates) {
        await measured.setCpuRate(rate)
        const ms = await page.evaluate(async (q) => {
          const started = performance.now()
          const response = await fetch(`/api/v1/tenants/t-acme/members?q=${encodeURIComponent(q)}`)
          await response.json()
          return performance.now() - started
        }, searchFor(rate))
        samples.set(rate, { method: 'api', settledMs: ms, fromKeystrokeMs: null })
      }
      return samples
    }
    await change.click()
    const dialog = page.getByRole('dialog', { name: /^Who may use / })
    await visible(dialog)
    const picker = dialog.getByRole('combobox', { name: 'Members', exact: true })
    await picker.click()
    await settle(page)
    // In the page: note each keystroke, and the first frame after an option matching the query exists.
    await page.evaluate(() => {
      const probe = { query: '', lastKey: 0, shown: 0 }
      Object.assign(window, { __search: probe })
      document.addEventListener('keydown', () => (probe.lastKey = performance.now()), true)
      const check = () => {
        if (probe.shown || !probe.query) return
        const match = [...document.querySelectorAll('.ant-select-item-option')].some((option) => option.textContent?.includes(probe.query))
        if (match) requestAnimationFrame(() => (probe.shown ||= performance.now()))
      }
      new MutationObserver(check).observe(document.body, { childList: true, subtree: true, characterData: true })
    })
    for (const rate of cpuRates) {
      const query = searchFor(rate)
      await picker.fill('')
      await settle(page)
      await page.evaluate((q) => Object.assign((window as unknown as { __search: object }).__search, { query: q, lastKey: 0, shown: 0 }), query)
      await measured.setCpuRate(rate)
      await picker.pressSequentially(query)
      await page.waitForFunction(() => (window as unknown as { __search: { shown: number } }).__search.shown > 0, undefined, { timeout })
      await nextFrames(page)
      samples.set(
        rate,
        await page.evaluate((q) => {
          const probe = (window as unknown as { __search: { lastKey: number; shown: number } }).__search
          const requests = performance
            .getEntriesByType('resource')
            .filter((entry) => entry.name.includes('/members') && decodeURIComponent(entry.name).includes(`q=${q}`))
          const sent = requests.at(-1)?.startTime ?? probe.lastKey
          return { method: 'picker' as const, settledMs: probe.shown - sent, fromKeystrokeMs: probe.shown - probe.lastKey }
        }, query),
      )
      await measured.setCpuRate(1)
    }
    return samples
  } finally {
    await measured.close()
  }
}

export interface DirectorySample {
  /** The search request sent to the matching rows on screen (the debounce is the input settling, not counted). */
  searchMs: number
  /** "Next page" pressed to the next page's rows on screen. */
  pageChangeMs: number
}

/** Waits in the page until `done()` holds after a mutation, and answers performance.now() at the frame after. */
const DIRECTORY_PROBE = `(() => {
  const probe = { done: null, shown: 0 }
  window.__directory = probe
  new MutationObserver(() => {
    if (probe.shown || !probe.done || !probe.done()) return
    requestAnimationFrame(() => (probe.shown ||= performance.now()))
  }).observe(document.body, { childList: true, subtree: true, characterData: true })
})()`

/** The member directory on the 100 000-member tenant: a search by employee number and a page change, per CPU rate. */
export async function measureDirectory(browser: Browser, baseUrl: string, largeState: SignedIn, cpuRates: readonly number[]): Promise<Map<number, DirectorySample>> {
  const samples = new Map<number, DirectorySample>()
  for (const rate of cpuRates) {
    const measured = await openPage(browser, { cpuRate: 1, signedIn: largeState })
    const { page } = measured
    try {
      await page.goto(`${baseUrl}${TENANT}/members`)
      await mockReady(page)
      const range = page.getByRole('navigation', { name: 'Pages of members' }).getByRole('status')
      await range.filter({ hasText: '100,000' }).waitFor({ timeout })
      await settle(page)
      await page.evaluate(DIRECTORY_PROBE)
      await measured.setCpuRate(rate)

      const query = `AC0988${rate}`
      await page.evaluate((q) => {
        const probe = (window as unknown as { __directory: { done: () => boolean; shown: number } }).__directory
        probe.shown = 0
        probe.done = () => document.querySelector('table tbody')?.textContent?.includes(q) === true
      }, query)
      await page.getByRole('textbox', { name: 'Search members' }).fill(query)
      await page.waitForFunction(() => (window as unknown as { __directory: { shown: number } }).__directory.shown > 0, undefined, { timeout })
      const searchMs = await page.evaluate((q) => {
        const sent = performance.getEntriesByType('resource').filter((entry) => entry.name.includes('/members?') && entry.name.includes(`q=${q}`)).at(-1)?.startTime ?? 0
        return (window as unknown as { __directory: { shown: number } }).__directory.shown - sent
      }, query)

      await page.getByRole('textbox', { name: 'Search members' }).fill('')
      await range.filter({ hasText: /^Members 1–50 of 100,000$/ }).waitFor({ timeout })
      await settle(page)
      await page.evaluate(() => {
        const probe = (window as unknown as { __directory: { done: () => boolean; shown: number } }).__directory
        probe.shown = 0
        probe.done = () => document.querySelector('nav [role="status"]')?.textContent?.startsWith('Members 51–100') === true
      })
      const clicked = page.evaluate(() => new Promise<number>((resolve) => document.addEventListener('click', () => resolve(performance.now()), { once: true, capture: true })))
      await page.getByRole('button', { name: 'Next page' }).click()
      const clickedAt = await clicked
      await page.waitForFunction(() => (window as unknown as { __directory: { shown: number } }).__directory.shown > 0, undefined, { timeout })
      const shownAt = await page.evaluate(() => (window as unknown as { __directory: { shown: number } }).__directory.shown)
      samples.set(rate, { searchMs, pageChangeMs: shownAt - clickedAt })
    } finally {
      await measured.close()
    }
  }
  return samples
}

export interface BulkJobSample {
  members: number
  /** The job started to its page saying it finished. */
  totalMs: number
  /** The longest main-thread task in 20 s at the throttled rate while the job ran with its page open (the mock runs it in the page). */
  longestTaskMs: number
}

/** A bulk removal of `members` members on the 100 000-member tenant, watched on its job page at `cpuRate`. */
export async function measureBulkRemoval(browser: Browser, baseUrl: string, largeState: SignedIn, members: number, cpuRate: number): Promise<BulkJobSample> {
  const measured = await openPage(browser, { cpuRate: 1, signedIn: largeState })
  const { page } = measured
  try {
    await page.goto(`${baseUrl}${TENANT}/members`)
    await mockReady(page)
    const jobId = await page.evaluate(async (wanted) => {
      const ids: string[] = []
      let cursor: string | null = null
      while (ids.length < wanted) {
        const response: Response = await fetch(`/api/v1/tenants/t-acme/members?role=member&status=active&sort=employeeNo&limit=200${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`)
        const page = (await response.json()) as { items: { id: string }[]; nextCursor: string | null }
        ids.push(...page.items.map((member) => member.id))
        cursor = page.nextCursor
        if (!cursor) break
      }
      const started = await fetch('/api/v1/tenants/t-acme/member-removal-jobs', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'Idempotency-Key': `bench-${Date.now()}` },
        body: JSON.stringify({ memberIds: ids.slice(0, wanted), handoverToMemberId: null, dataHandling: 'anonymise', graceDays: 30, reason: 'Bench: bulk removal' }),
      })
      if (!started.ok) throw new Error(`starting the job → ${started.status}`)
      return ((await started.json()) as { id: string }).id
    }, members)
    const startedAt = Date.now()
    await page.goto(`${baseUrl}${TENANT}/members/jobs/${jobId}`)
    await mockReady(page)
    await page.getByRole('status').filter({ hasText: / done\./ }).waitFor({ timeout })
    // The job's own tasks, not the page load's.
    await page.evaluate(() => ((window as unknown as { __bench: { longestTask: number } }).__bench.longestTask = 0))
    // Throttled for a 20-second window (the longest task is what a user at 4× would feel), then at 1× to the end.
    await measured.setCpuRate(cpuRate)
    await page.waitForTimeout(20_000)
    const { longestTask } = await readMetrics(page)
    await measured.setCpuRate(1)
    await page.getByRole('status').filter({ hasText: /^Finished / }).waitFor({ timeout: 15 * 60_000 })
    const totalMs = Date.now() - startedAt
    return { members, totalMs, longestTaskMs: longestTask }
  } finally {
    await measured.close()
  }
}
