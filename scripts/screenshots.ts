// Takes the README's screenshots of each screen in both languages from a running build:
//   npx vite build && npx vite preview --port 4190 &   then   node scripts/screenshots.ts [http://localhost:4190]
import { existsSync, mkdirSync } from 'node:fs'
import { chromium, type Page } from '@playwright/test'

const base = process.argv[2] ?? 'http://localhost:4190'
const out = 'docs/screenshots'
const executablePath = existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined

type Shot = { name: string; persona: string | null; path: string; scenario?: string; fullPage?: boolean; prepare?: (page: Page) => Promise<void> }

const shots: Shot[] = [
  { name: 'sign-in', persona: null, path: '/sign-in' },
  { name: 'overview-admin', persona: 'admin-acme', path: '/tenants/t-acme' },
  { name: 'overview-support', persona: 'support-agent', path: '/tenants/t-acme' },
  { name: 'tenant-chooser-support', persona: 'support-agent', path: '/tenants' },
  { name: 'no-access-support', persona: 'support-agent', path: '/tenants/t-northwind' },
  { name: 'members', persona: 'admin-acme', path: '/tenants/t-acme/members' },
  { name: 'members-support', persona: 'support-agent', path: '/tenants/t-acme/members' },
  {
    name: 'member-removal-job',
    persona: 'admin-acme',
    path: '/tenants/t-acme/members?department=d-acme-legal',
    prepare: async (page) => {
      await page.getByRole('button', { name: /^(Remove all \d+ that match…|除名全部 \d+ 名符合条件的成员…)$/ }).click()
      const dialog = page.getByRole('dialog')
      await dialog.getByRole('checkbox').check()
      await dialog.getByRole('textbox').last().fill('法务部撤并 / Legal merged into HR')
      await dialog.getByRole('button', { name: /^(Start removing|开始除名)/ }).click()
      await page.getByRole('status').filter({ hasText: /^(Finished|已于)/ }).waitFor()
    },
  },
  { name: 'deregistration-requests', persona: 'admin-acme', path: '/tenants/t-acme/members/requests' },
  { name: 'member', persona: 'admin-acme', path: '/tenants/t-acme/members/m-acme-000007', fullPage: true },
  { name: 'member-support', persona: 'support-agent', path: '/tenants/t-acme/members/m-acme-000007' },
  {
    name: 'member-removal-flow',
    persona: 'admin-acme',
    path: '/tenants/t-acme/members/m-acme-000007',
    prepare: async (page) => {
      await page.locator('#main').getByRole('button', { name: /^(Remove member|除名成员)$/ }).click()
      await page.getByRole('dialog').getByRole('checkbox').check()
      await page.getByRole('dialog').getByRole('button', { name: /^(Next|下一步)$/ }).click()
    },
  },
  {
    name: 'member-pending-removal',
    persona: 'admin-acme',
    path: '/tenants/t-acme/members/m-acme-000007',
    prepare: async (page) => {
      await call(page, 'POST', '/api/v1/tenants/t-acme/members/m-acme-000007/removal', { handoverToMemberId: 'm-acme-000001', dataHandling: 'anonymise', graceDays: 30, reason: '离职 / Left the company' })
      await page.reload()
      await page.getByRole('alert').first().waitFor()
    },
  },
  {
    name: 'member-removed',
    persona: 'admin-acme',
    path: '/tenants/t-acme/members/m-acme-000007',
    fullPage: true,
    prepare: async (page) => {
      await call(page, 'POST', '/api/v1/tenants/t-acme/members/m-acme-000007/removal', { handoverToMemberId: null, dataHandling: 'anonymise', graceDays: 1, reason: '离职 / Left the company' })
      await call(page, 'POST', '/api/v1/mock/clock', { advanceMs: 2 * 86_400_000 })
      await page.reload()
      await page.getByRole('alert').first().waitFor()
    },
  },
  { name: 'apps', persona: 'admin-acme', path: '/tenants/t-acme/apps' },
  {
    name: 'app-vendor-deletion',
    persona: 'admin-acme',
    path: '/tenants/t-acme/apps?app=app-acme-crm-sync',
    prepare: async (page) => {
      const app = '/api/v1/tenants/t-acme/apps/app-acme-crm-sync'
      await call(page, 'POST', `${app}/disable`, { reason: '合同终止 / Contract ended', askVendorToDelete: true })
      await call(page, 'POST', `${app}/vendor-deletion-requests`, { reason: '催办 / Reminder after 14 days' })
      await call(page, 'POST', `${app}/vendor-deletion-requests/vdr-00001/answer`, { outcome: 'confirmed', note: 'Certificate DEL-2026-118' })
      await page.reload()
      const section = page.getByRole('region', { name: /^(Deletion requests to the vendor|向供应商发出的删除请求)$/ })
      await section.getByText(/DEL-2026-118/).waitFor()
      await section.scrollIntoViewIfNeeded()
    },
  },
  { name: 'retention', persona: 'admin-acme', path: '/tenants/t-acme/retention' },
]

async function call(page: Page, method: string, path: string, body?: unknown) {
  await page.evaluate(
    async ({ method, path, body }) => {
      const headers: Record<string, string> = { 'Content-Type': 'application/json', 'Idempotency-Key': crypto.randomUUID(), 'X-Requested-With': 'fetch' }
      const response = await fetch(path, { method, headers, body: body ? JSON.stringify(body) : undefined })
      if (!response.ok) throw new Error(`${method} ${path}: ${response.status}`)
    },
    { method, path, body },
  )
}

const browser = await chromium.launch({ executablePath, args: ['--disable-background-networking', '--no-first-run'] })
mkdirSync(out, { recursive: true })
for (const language of ['en-US', 'zh-CN']) {
  for (const shot of shots) {
    const context = await browser.newContext({ locale: language, viewport: { width: 1360, height: 860 }, timezoneId: 'Asia/Shanghai' })
    const page = await context.newPage()
    await page.route('**/config.json', (route) => route.fulfill({ json: { mock: true, mockLatencyMs: 0 } }))
    await page.goto(`${base}/sign-in`)
    await page.waitForFunction(() => document.documentElement.dataset.mock === 'ready')
    await call(page, 'POST', '/api/v1/mock/reset', { scenario: shot.scenario ?? 'default' })
    if (shot.persona) await call(page, 'POST', '/api/v1/mock/session', { personaId: shot.persona })
    const response = await page.goto(`${base}${shot.path}`)
    await page.waitForFunction(() => document.documentElement.dataset.mock === 'ready')
    if (!response?.ok()) continue
    await page.getByRole('heading', { level: 1 }).first().waitFor()
    // Wait for skeletons to give way to data.
    await page.waitForFunction(() => document.querySelectorAll('.ant-skeleton, .ant-spin-spinning').length === 0, null, { timeout: 10_000 }).catch(() => undefined)
    if (shot.prepare) await shot.prepare(page)
    const notFound = await page.getByRole('heading', { level: 1, name: /Page not found|页面不存在/ }).count()
    if (notFound === 0 || shot.name.startsWith('not-found')) {
      await page.screenshot({ path: `${out}/${shot.name}.${language}.png`, fullPage: shot.fullPage === true })
      console.log(`${out}/${shot.name}.${language}.png`)
    }
    await context.close()
  }
}
await browser.close()
