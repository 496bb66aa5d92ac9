// The audit log: filter by person, action, target and day with the URL keeping them, page forward and back, export
// the filtered entries to a CSV whose every row matches (hostile text neutralised), verify the hash chain and see an
// entry changed behind the application's back named, and axe in both languages.
import { readFile } from 'node:fs/promises'
import { test, expect } from './fixtures'
import { postFromPage } from './pages/api'
import { selectOption } from './pages/select-option'
import type { Page } from '@playwright/test'
import { readCsv } from '../governance/behaviour/csv-reader'

const LOG = '/tenants/t-acme/audit'
const HOSTILE = '=HYPERLINK("http://evil.example","Click me")'
const MULTILINE = 'Line one, "quoted"\nline two'

/** Thirty rounds of disabling and enabling an app as 王芳, then two disables as 陈静 with awkward reasons. */
async function makeHistory(page: Page, mock: { signIn(persona: 'admin-acme-2'): Promise<unknown> }): Promise<void> {
  for (let round = 0; round < 30; round++) {
    expect((await postFromPage(page, '/api/v1/tenants/t-acme/apps/app-acme-bi/disable', { reason: `Round ${round}` })).status).toBe(200)
    expect((await postFromPage(page, '/api/v1/tenants/t-acme/apps/app-acme-bi/enable', { acknowledgedScopes: ['crm.customers'] })).status).toBe(200)
  }
  await mock.signIn('admin-acme-2')
  expect((await postFromPage(page, '/api/v1/tenants/t-acme/apps/app-acme-bi/disable', { reason: HOSTILE })).status).toBe(200)
  expect((await postFromPage(page, '/api/v1/tenants/t-acme/apps/app-acme-bi/enable', { acknowledgedScopes: ['crm.customers'] })).status).toBe(200)
  expect((await postFromPage(page, '/api/v1/tenants/t-acme/apps/app-acme-crm-sync/disable', { reason: MULTILINE })).status).toBe(200)
}

const entries = (page: Page) => page.getByRole('region', { name: 'Entries' }).getByRole('listitem').filter({ has: page.getByText(/^#\S+$|· #/) })
const range = (page: Page) => page.getByRole('navigation', { name: 'Pages of the audit log' }).getByRole('status')

test('an administrator filters the log by person, action, target and day, and pages forward and back', async ({ page, loginAs, mock }) => {
  // Sixty-odd changes are made first, through the API, so the log has more than one page.
  test.setTimeout(60_000)
  await loginAs('admin-acme', '/tenants/t-acme/members')
  await makeHistory(page, mock)
  await mock.signIn('admin-acme')
  await page.goto(LOG)
  await expect(page.getByRole('heading', { level: 1, name: 'Audit log' })).toBeVisible()
  await expect(range(page)).toHaveText('Entries 1–50')
  const first = entries(page).first()
  await expect(first).toContainText('App disabled')
  await expect(first).toContainText('陈静')
  await expect(first).toContainText('App: SalesLink CRM 同步')
  await expect(first).toContainText(/Reason: Line one, "quoted"\s+line two/)

  await page.getByRole('button', { name: 'Next page' }).click()
  await expect(range(page)).toHaveText(/^Entries 51–\d+$/)
  await page.getByRole('button', { name: 'Previous page' }).click()
  await expect(range(page)).toHaveText('Entries 1–50')

  await selectOption(page, page.getByRole('combobox', { name: 'Who' }), '陈静 (administrator)')
  await expect(page).toHaveURL(/actor=admin-acme-2/)
  // 陈静's three entries and one from the seed.
  await expect(entries(page)).toHaveCount(4)
  for (let index = 0; index < 4; index++) await expect(entries(page).nth(index)).toContainText('陈静')
  await selectOption(page, page.getByRole('combobox', { name: 'Action' }), 'App disabled')
  await expect(page).toHaveURL(/action=app\.disabled/)
  await expect(entries(page)).toHaveCount(2)
  await expect(entries(page).nth(1)).toContainText(`Reason: ${HOSTILE}`)
  await expect(entries(page).nth(1).getByRole('list', { name: 'What changed' })).toContainText('status: enabled → disabled')

  // Only one target: the link on an entry narrows the list to it; the filter says so and can be removed.
  await entries(page).nth(1).getByRole('button', { name: 'Only this: entries about 数据看板 Insight BI' }).click()
  await expect(page.getByText('Only entries about 数据看板 Insight BI', { exact: true })).toBeVisible()
  await expect(entries(page)).toHaveCount(1)
  await page.reload()
  await expect(entries(page)).toHaveCount(1)
  await page.getByRole('button', { name: 'Show entries about anything' }).click()
  await expect(entries(page)).toHaveCount(2)

  // Days: today (the mock clock's, in Shanghai) holds them, from tomorrow on there are none, and a period that ends
  // before it starts is explained rather than asked for.
  await page.getByLabel('From').fill('2026-11-20')
  await page.getByLabel('To (including that day)').fill('2026-11-20')
  await expect(entries(page)).toHaveCount(2)
  await page.getByLabel('From').fill('2026-11-21')
  await expect(page.getByRole('alert')).toHaveText('The period ends before it starts: choose a “To” day on or after the “From” day.')
  await page.getByLabel('To (including that day)').fill('')
  await expect(page.getByText('No entries match these filters.')).toBeVisible()
  await page.getByRole('button', { name: 'Clear filters' }).click()
  await expect(range(page)).toHaveText('Entries 1–50')
  await expect(page).not.toHaveURL(/actor=|action=|from=|to=/)
})

test('the filtered entries export to a CSV whose every row matches, formulas neutralised', async ({ page, loginAs, mock }) => {
  test.setTimeout(60_000)
  await loginAs('admin-acme', '/tenants/t-acme/members')
  await makeHistory(page, mock)
  await mock.signIn('admin-acme')
  // 陈静's three entries and one from the seed (an app she enabled two months ago, no reason given).
  await page.goto(`${LOG}?actor=admin-acme-2`)
  await expect(entries(page)).toHaveCount(4)
  const exporting = page.getByRole('region', { name: 'Export' })
  await exporting.getByRole('button', { name: 'Export these entries' }).click()
  await expect(exporting.getByText('4 entries exported.')).toBeVisible()
  await expect(page).toHaveURL(/export=exp-acme-/)
  const downloaded = page.waitForEvent('download')
  await exporting.getByRole('button', { name: /^Download audit-log-t-acme-\d{8}-\d{6}\.csv$/ }).click()
  const file = await downloaded
  expect(file.suggestedFilename()).toMatch(/^audit-log-t-acme-\d{8}-\d{6}\.csv$/)
  const text = await readFile((await file.path()) ?? '', 'utf8')
  expect(text.charCodeAt(0)).toBe(0xfeff)
  const [headings, ...rows] = readCsv(text.slice(1))
  expect(headings).toEqual(['Time (UTC)', 'Entry', 'Actor', 'Actor id', 'Actor role', 'On behalf of', 'Ticket', 'Action', 'Target type', 'Target id', 'Target', 'Before', 'After', 'Reason'])
  expect(rows).toHaveLength(4)
  for (const row of rows) expect(row[3]).toBe('admin-acme-2')
  expect(rows.map((row) => row[13])).toEqual([MULTILINE, '', `'${HOSTILE}`, ''])

  // The export itself is on the log, as the person who took it.
  await page.goto(`${LOG}?action=audit.exported`)
  await expect(entries(page)).toHaveCount(1)
  await expect(entries(page).first()).toContainText('Audit log exported')
  await expect(entries(page).first()).toContainText('王芳')
})

test('verifying the log says it is whole, and names an entry changed behind the application’s back', async ({ page, loginAs }) => {
  await loginAs('admin-acme', LOG)
  const integrity = page.getByRole('region', { name: 'Integrity' })
  await integrity.getByRole('button', { name: 'Verify the log' }).click()
  const whole = integrity.getByText(/^The log is whole: all (\d+) entries checked, none changed, none missing\.$/)
  await expect(whole).toBeVisible()
  const total = Number((await whole.innerText()).match(/all (\d+) entries/)?.[1])

  const changed = await page.evaluate(async (seq) => {
    const response = await fetch('/api/v1/mock/audit-tamper', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ tenantId: 't-acme', seq, change: 'edit_reason', reason: 'Nothing happened here' }),
    })
    return response.status
  }, total - 1)
  expect(changed).toBe(204)
  await integrity.getByRole('button', { name: 'Verify the log' }).click()
  const alert = integrity.getByRole('alert')
  await expect(alert).toContainText(`The log is not whole: entry #${total - 1} no longer matches its hash — it was changed after it was written.`)
  await expect(alert).toContainText('Reason: Nothing happened here')
})

for (const language of ['en-US', 'zh-CN'] as const) {
  test(`the audit log has no serious axe violations, with the check and an export shown (${language})`, async ({ page, loginAs, expectAccessible }) => {
    await loginAs('admin-acme', '/sign-in')
    await page.evaluate((lang) => localStorage.setItem('tdgc.language', lang), language)
    await page.goto(LOG)
    await expect(page.getByRole('heading', { level: 1, name: /Audit log|审计日志/ })).toBeVisible()
    await page.getByRole('button', { name: /Verify the log|校验日志/ }).click()
    await expect(page.getByText(/The log is whole|日志完整/)).toBeVisible()
    await page.getByRole('button', { name: /Export these entries|导出这些条目/ }).click()
    await expect(page.getByRole('button', { name: /Download|下载/ })).toBeVisible()
    await expectAccessible(`audit log (${language})`)
    await page.screenshot({ path: `docs/screenshots/audit-log${language === 'zh-CN' ? '-zh' : ''}.png`, fullPage: true })
  })
}
