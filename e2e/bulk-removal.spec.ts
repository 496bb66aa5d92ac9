// Bulk removal: every member matching a filter, and a GBK-encoded CSV with blank, duplicate, unknown and
// already-removed rows reported per row before the job runs; the job's progress survives a reload.
import type { Locator } from '@playwright/test'
import { test, expect } from './fixtures'
import { postFromPage } from './pages/api'
import { selectOption } from './pages/select-option'

const DIRECTORY = '/tenants/t-acme/members'

async function fillOptions(dialog: Locator, reason: string) {
  await dialog.getByRole('checkbox', { name: /Hand over nothing/ }).check()
  await dialog.getByRole('radio', { name: /^Delete/ }).check()
  await dialog.getByRole('textbox', { name: 'Reason' }).fill(reason)
}

test('an administrator removes every member a filter matches, and follows the job to its end, across a reload', async ({ page, loginAs }) => {
  await loginAs('admin-acme', DIRECTORY)
  await selectOption(page, page.getByRole('combobox', { name: /^Department/ }), '法务部')
  const range = page.getByRole('navigation', { name: 'Pages of members' }).getByRole('status')
  await expect(page).toHaveURL(/department=d-acme-legal/)
  await expect(range).not.toHaveText(/of 300$/)
  await expect(range).toHaveText(/^Members 1–(\d+) of (\d+)$/)
  const total = Number((await range.innerText()).match(/of (\d+)/)?.[1])
  await page.getByRole('button', { name: `Remove all ${total} that match…` }).click()
  const dialog = page.getByRole('dialog', { name: 'Remove members in bulk' })
  await expect(dialog).toContainText(`Every member that matches the current filters: ${total} now`)
  await fillOptions(dialog, '法务部撤并')
  await dialog.getByRole('button', { name: `Start removing ${total} members` }).click()
  await expect(page).toHaveURL(/\/members\/jobs\/rj-acme-/)
  await expect(page.getByRole('heading', { level: 1, name: /^Bulk removal rj-acme-/ })).toBeVisible()
  await page.reload()
  await expect(page.getByRole('status').filter({ hasText: /^Finished/ })).toHaveText(new RegExp(`${total} removed, 0 skipped, 0 failed`))
  // The directory agrees: nobody in the department is active any more.
  await page.goto(`${DIRECTORY}?department=d-acme-legal&status=active`)
  await expect(range).toHaveText('No members')
})

test('a GBK list with blank, duplicate, unknown and already-removed rows is checked row by row, then only the rest is removed', async ({ page, loginAs }) => {
  await loginAs('admin-acme', DIRECTORY)
  // One member is already leaving.
  const removed = await postFromPage(page, '/api/v1/tenants/t-acme/members/m-acme-000030/removal', { handoverToMemberId: null, dataHandling: 'delete', graceDays: 30, reason: 'earlier' })
  expect(removed.status).toBe(200)
  // "工号" (GBK B9A4 BAC5), then AC000013, a blank row, AC000013 again, an unknown number, the one already leaving, AC000045.
  const rows = ['AC000013', '', 'ac000013', 'AC999999', 'AC000031', 'AC000045'].map((row) => Buffer.from(row, 'ascii'))
  const crlf = Buffer.from([0x0d, 0x0a])
  const file = Buffer.concat([Buffer.from([0xb9, 0xa4, 0xba, 0xc5]), crlf, ...rows.flatMap((row) => [row, crlf])])
  await page.getByRole('button', { name: 'Remove from a list…' }).click()
  const dialog = page.getByRole('dialog', { name: 'Remove members in bulk' })
  await dialog.getByLabel('List of members (CSV)').setInputFiles({ name: '离职名单.csv', mimeType: 'text/csv', buffer: file })
  await expect(dialog.getByRole('alert').or(dialog.locator('.ant-alert'))).toContainText('离职名单.csv (GBK): 2 members to remove, 4 rows left out.')
  const table = dialog.getByRole('table')
  await expect(table.getByRole('row', { name: /^2 AC000013 Will be removed/ })).toBeVisible()
  await expect(table.getByRole('row', { name: /^3 — Blank row/ })).toBeVisible()
  await expect(table.getByRole('row', { name: /^4 ac000013 Repeats an earlier row/ })).toBeVisible()
  await expect(table.getByRole('row', { name: /^5 AC999999 Matches no member/ })).toBeVisible()
  await expect(table.getByRole('row', { name: /^6 AC000031 Already removed or leaving/ })).toBeVisible()
  await fillOptions(dialog, '名单离职')
  await dialog.getByRole('button', { name: 'Start removing 2 members' }).click()
  await expect(page.getByRole('status').filter({ hasText: /^Finished/ })).toHaveText(/2 removed, 0 skipped, 0 failed/)
  await expect(page.getByRole('table').getByRole('row')).toHaveCount(3)
})

for (const language of ['en-US', 'zh-CN'] as const) {
  test(`the bulk removal dialog has no serious axe violations (${language})`, async ({ page, loginAs, expectAccessible }) => {
    await loginAs('admin-acme', '/sign-in')
    await page.evaluate((lang) => localStorage.setItem('tdgc.language', lang), language)
    await page.goto(DIRECTORY)
    await page.getByRole('button', { name: /^(Remove from a list…|按名单除名…)$/ }).click()
    await expect(page.getByRole('dialog')).toBeVisible()
    await expectAccessible(`bulk removal dialog (${language})`)
  })
}

test('a member whose removal fails midway is reported as failed; the others are removed once, and the job ends', async ({ page, loginAs, mock }) => {
  await loginAs('admin-acme', DIRECTORY)
  // The third member's removal fails on the server (as when a system holding their data cannot be reached).
  await mock.fault({ method: 'POST', path: '/jobs/member-removal/t-acme/m-acme-000044' })
  const rows = ['AC000013', 'AC000031', 'AC000045', 'AC000049'].join('\n')
  await page.getByRole('button', { name: 'Remove from a list…' }).click()
  const dialog = page.getByRole('dialog', { name: 'Remove members in bulk' })
  await dialog.getByLabel('List of members (CSV)').setInputFiles({ name: 'list.csv', mimeType: 'text/csv', buffer: Buffer.from(rows, 'utf8') })
  await expect(dialog).toContainText('list.csv (UTF-8): 4 members to remove, 0 rows left out.')
  await fillOptions(dialog, 'Restructuring')
  await dialog.getByRole('button', { name: 'Start removing 4 members' }).click()
  await expect(page.getByRole('status').filter({ hasText: /^Finished/ })).toHaveText(/3 removed, 0 skipped, 1 failed/)
  await expect(page.getByRole('row').filter({ hasText: 'AC000045' })).toContainText('Failed')
  await expect(page.getByRole('row').filter({ hasText: 'AC000045' })).toContainText('nothing was changed for this member')
  // The failed member is untouched; each of the others was removed once.
  await page.goto('/tenants/t-acme/members/m-acme-000044')
  await expect(page.locator('#main')).toContainText('Active')
  const scheduled = await page.evaluate(async () => {
    const counts: number[] = []
    for (const id of ['m-acme-000012', 'm-acme-000030', 'm-acme-000048']) {
      const response = await fetch(`/api/v1/tenants/t-acme/audit-events?targetType=member&targetId=${id}&limit=50`)
      const items = ((await response.json()) as { items: { action: string }[] }).items
      counts.push(items.filter((event) => event.action === 'member.removal_scheduled').length)
    }
    return counts
  })
  expect(scheduled).toEqual([1, 1, 1])
})
