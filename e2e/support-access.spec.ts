// Support access, the administrator and the support agent side by side: a grant on a ticket, the agent finding the
// tenant and working under the banner, the admin seeing it in the audit log and ending it, the agent's next save
// refused with the reason while what they typed stays; expiry by the mock clock; no grant, no access; axe.
import type { Page } from '@playwright/test'
import { test, expect } from './fixtures'
import { MockControl } from './mock-control'
import { postFromPage } from './pages/api'
import { AppsPage } from './pages/apps'
import { expectDialogTakesKeyboard } from './pages/keyboard'
import { secondUser } from './pages/second-user'
import { selectOption } from './pages/select-option'
import { Shell } from './pages/shell'

const acme = '杭州示例贸易有限公司'
const ticket = 'SUP-20261203-0100'
const ACCESS = '/tenants/t-acme/support-access'

async function grant(page: Page, input: { mode: 'Read-only' | 'Read-write'; duration: string; ticket: string; reason: string }) {
  const form = page.getByRole('region', { name: 'Grant access' })
  await form.getByRole('radio', { name: new RegExp(`^${input.mode}:`) }).check()
  await selectOption(page, form.getByRole('combobox', { name: 'For' }), input.duration)
  await form.getByRole('textbox', { name: 'Ticket reference' }).fill(input.ticket)
  await form.getByRole('textbox', { name: 'Reason' }).fill(input.reason)
  await form.getByRole('button', { name: 'Grant access' }).click()
  await expect(page.getByRole('region', { name: 'Current access' })).toContainText(input.ticket)
}

/** The agent starts disabling an app and types a reason (not yet confirmed). */
async function startDisabling(tab: Page, app: string, reason: string) {
  const apps = new AppsPage(tab)
  await apps.row(app).getByRole('button', { name: `Disable ${app}` }).click()
  const dialog = apps.dialog(`Disable ${app}`)
  await dialog.getByRole('textbox', { name: 'Reason' }).fill(reason)
  return dialog
}

test('the admin grants read-write for 2 hours; the agent works under the banner; the admin sees it and revokes; the next save is refused with the reason', async ({ page, context, browser, loginAs }) => {
  test.setTimeout(60_000)
  await loginAs('admin-acme', ACCESS)
  await expect(page.getByRole('heading', { level: 1, name: 'Support access' })).toBeVisible()
  // The seeded read-only grant is active: a new one replaces it, and the page says so before.
  await expect(page.getByText('Granting replaces the active grant on ticket SUP-20261120-0042')).toBeVisible()
  await grant(page, { mode: 'Read-write', duration: '2 hours', ticket, reason: '客户请求协助停用应用' })
  await expect(page.getByRole('region', { name: 'Current access' })).toContainText('Read-write')
  const all = page.getByRole('region', { name: 'All grants' })
  await expect(all.getByRole('row', { name: /SUP-20261120-0042/ })).toContainText('Replaced by a new grant')

  const agent = await secondUser(context, browser, 'support-agent')
  const tab = agent.tab
  await tab.goto('/tenants')
  await tab.getByRole('searchbox', { name: 'Search tenants by name or id' }).fill('示例')
  await tab.getByRole('searchbox', { name: 'Search tenants by name or id' }).press('Enter')
  const tenants = tab.getByRole('list', { name: 'Tenants' })
  await expect(tenants.getByRole('listitem')).toHaveCount(1)
  await expect(tenants).toContainText('Read-write')
  await tenants.getByRole('link', { name: `Open ${acme}` }).click()
  const shell = new Shell(tab)
  await expect(shell.supportBanner()).toContainText(ticket)
  await expect(shell.supportBanner()).toContainText('Read-write')

  await tab.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Apps' }).click()
  const first = await startDisabling(tab, 'SalesLink CRM 同步', '供应商报告数据泄露')
  await first.getByRole('button', { name: 'Disable app' }).click()
  await expect(first).toBeHidden()
  await expect(new AppsPage(tab).row('SalesLink CRM 同步').getByText('Disabled')).toBeVisible()

  // The admin sees the change as the agent's, on the tenant's behalf, with the ticket — in the log and on the grant.
  await page.goto('/tenants/t-acme/audit')
  const newest = page.getByRole('region', { name: 'Entries' }).getByRole('listitem').first()
  await expect(newest).toContainText('App disabled')
  await expect(newest).toContainText(`李雷 (support agent, on behalf of ${acme}, ticket ${ticket})`)
  await page.goto(ACCESS)
  await expect(page.getByRole('region', { name: 'Current access' })).toContainText('1 change by 李雷')
  await page.getByRole('button', { name: `What support did under ${ticket}` }).click()
  await expect(page.getByRole('region', { name: 'What support did' })).toContainText('App disabled')

  // The agent starts another change; the admin ends access before it is saved.
  const second = await startDisabling(tab, '数据看板 Insight BI', '协助排查权限问题')
  await page.getByRole('button', { name: 'End access now' }).click()
  const confirm = page.getByRole('dialog', { name: `End support access on ticket ${ticket}?` })
  await confirm.getByRole('button', { name: 'End access' }).click()
  await expect(confirm).toBeHidden()
  await expect(page.getByRole('region', { name: 'Current access' })).toContainText('Support has no access to this tenant now.')

  await second.getByRole('button', { name: 'Disable app' }).click()
  await expect(shell.supportBanner()).toContainText(`Your access to ${acme} has ended: 王芳 ended it`)
  await expect(shell.supportBanner()).toContainText('Anything you typed stays on this page')
  // Nothing was lost: the dialog is still open with the reason the agent typed.
  await expect(second.getByRole('textbox', { name: 'Reason' })).toHaveValue('协助排查权限问题')
  await expect(second.getByRole('alert')).toBeVisible()
  await agent.close()
})

test('a grant that runs out by the clock refuses the next save, says so, and the log records it as the system', async ({ page, context, browser, loginAs, mock }) => {
  test.setTimeout(60_000)
  await loginAs('admin-acme', ACCESS)
  await grant(page, { mode: 'Read-write', duration: '1 hour', ticket, reason: '短时协助' })

  const agent = await secondUser(context, browser, 'support-agent')
  const tab = agent.tab
  await tab.goto('/tenants/t-acme/apps')
  const dialog = await startDisabling(tab, 'SalesLink CRM 同步', '到期前开始的更改')
  await mock.setClock({ advanceMs: 61 * 60_000 })
  await dialog.getByRole('button', { name: 'Disable app' }).click()
  const shell = new Shell(tab)
  await expect(shell.supportBanner()).toContainText(`Your access to ${acme} has ended: the grant ran out`)
  await expect(dialog.getByRole('textbox', { name: 'Reason' })).toHaveValue('到期前开始的更改')

  await page.goto('/tenants/t-acme/audit')
  const newest = page.getByRole('region', { name: 'Entries' }).getByRole('listitem').first()
  await expect(newest).toContainText('Support access ran out')
  await expect(newest).toContainText('System')
  await page.goto(ACCESS)
  await expect(page.getByRole('region', { name: 'Current access' })).toContainText('Support has no access to this tenant now.')
  await expect(page.getByRole('region', { name: 'All grants' }).getByRole('row', { name: new RegExp(ticket) })).toContainText('Ran out')
  await agent.close()
})

test('a tenant without a grant opens on the no-access page and its API answers 403; agents cannot grant themselves access', async ({ page, loginAs }) => {
  await loginAs('support-agent', '/tenants')
  const tenants = page.getByRole('list', { name: 'Tenants' })
  await expect(tenants.getByRole('listitem').filter({ hasText: 'Northwind Logistics Ltd.' })).toContainText('No access')
  await tenants.getByRole('link', { name: 'Open Northwind Logistics Ltd.' }).click()
  await expect(page.getByRole('heading', { name: 'No access to this tenant' })).toBeVisible()
  expect(await postFromPage(page, '/api/v1/tenants/t-northwind/apps/app-northwind-fleet/disable', { reason: 'x' })).toEqual({ status: 403, type: 'urn:problem:no-support-grant' })

  // In a tenant that granted read-only access, the support access page is for reading: the form says why it is off.
  await page.goto(ACCESS)
  await expect(page.getByRole('heading', { level: 1, name: 'Support access' })).toBeVisible()
  await expect(page.getByText('Only the tenant’s administrators can do this.').first()).toBeVisible()
  await expect(page.getByRole('button', { name: 'Grant access' })).toBeDisabled()
  await expect(page.getByRole('button', { name: 'End access now' })).toBeDisabled()
  expect(await postFromPage(page, '/api/v1/tenants/t-acme/support-grants', { mode: 'read_write', hours: 168, ticketRef: 'SELF', reason: 'x' })).toEqual({
    status: 403,
    type: 'urn:problem:admins-only',
  })
})

test('the end-access dialog takes the keyboard: focus inside, Tab stays there, Escape closes it and focus returns', async ({ page, loginAs }) => {
  await loginAs('admin-acme', ACCESS)
  const dialog = page.getByRole('dialog', { name: 'End support access on ticket SUP-20261120-0042?' })
  await expectDialogTakesKeyboard(page, page.getByRole('button', { name: 'End access now' }), dialog)
  // Nothing ended.
  await expect(page.getByRole('region', { name: 'Current access' })).toContainText('SUP-20261120-0042')
})

for (const language of ['en-US', 'zh-CN'] as const) {
  test.describe(() => {
    test.use({ locale: language })
    test(`the support access page, its dialog and the agents' directory have no serious axe violations (${language})`, async ({ page, loginAs, expectAccessible }) => {
      const zh = language === 'zh-CN'
      await loginAs('admin-acme', ACCESS)
      await expect(page.getByRole('heading', { level: 1, name: zh ? '技术支持访问' : 'Support access' })).toBeVisible()
      await page.getByRole('button', { name: zh ? '技术支持在 SUP-20261120-0042 下的操作' : 'What support did under SUP-20261120-0042' }).click()
      await expect(page.getByRole('region', { name: zh ? '技术支持的操作' : 'What support did' })).toBeVisible()
      await expectAccessible(`support access page (${language})`)
      await page.screenshot({ path: `docs/screenshots/support-access${zh ? '-zh' : ''}.png`, fullPage: true })
      await page.getByRole('button', { name: zh ? '立即结束访问' : 'End access now' }).click()
      const dialog = page.getByRole('dialog')
      await expect(dialog.getByRole('button', { name: zh ? '结束访问' : 'End access' })).toBeVisible()
      await expectAccessible(`revoke dialog (${language})`)
      await dialog.getByRole('button', { name: zh ? /^取\s?消$/ : 'Cancel' }).click()
      await expect(dialog).toBeHidden()

      await new MockControl(page).signIn('support-agent')
      await page.goto('/tenants')
      await expect(page.getByRole('list', { name: zh ? '企业' : 'Tenants' }).getByRole('listitem')).toHaveCount(2)
      await expectAccessible(`support tenant directory (${language})`)
      await page.screenshot({ path: `docs/screenshots/support-directory${zh ? '-zh' : ''}.png`, fullPage: true })
    })
  })
}
