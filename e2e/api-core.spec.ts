// One governance API, mock or server: an administrator and a support agent side by side, each in their own session
// (the mock keeps one per tab, a server one per browser), and a retry after a lost answer that replays instead of
// acting twice.
import { test, expect } from './fixtures'
import { MockControl } from './mock-control'
import { AppsPage } from './pages/apps'
import { Shell } from './pages/shell'
import { secondUser } from './pages/second-user'

const acme = '杭州示例贸易有限公司'

test('an administrator and a support agent work side by side, each in their own session', async ({ page, context, browser, loginAs }) => {
  await loginAs('admin-acme', '/tenants/t-acme')
  const admin = new Shell(page)
  await expect(admin.heading('Overview')).toBeVisible()

  // Two tabs of one browser with the mock; with a server the session is a cookie, so the agent has a browser of their own.
  const agent2 = await secondUser(context, browser, 'support-agent')
  const agentTab = agent2.tab
  const agentMock = agent2.control
  await agentTab.goto('/tenants/t-acme')
  const agent = new Shell(agentTab)
  await expect(agent.heading('Overview')).toBeVisible()
  await expect(agent.supportBanner()).toContainText('SUP-20261120-0042')

  // Signing in in the second tab changed nothing in the first.
  await page.reload()
  await expect(admin.heading('Overview')).toBeVisible()
  await expect(admin.supportBanner()).toHaveCount(0)
  expect((await new MockControl(page).state()).signedInAs).toBe('admin-acme')
  expect((await agentMock.state()).signedInAs).toBe('support-agent')
  await expect(page.getByText(acme).first()).toBeVisible()
  await agent2.close()
})

test('a disable whose answer is lost after it committed: the retry replays it and one audit event exists', async ({ page, loginAs, mock }) => {
  await loginAs('admin-acme', '/tenants/t-acme/apps')
  const apps = new AppsPage(page)
  const name = '数据看板 Insight BI'
  const path = '/api/v1/tenants/t-acme/apps/app-acme-bi/disable'
  await apps.row(name).getByRole('button', { name: `Disable ${name}` }).click()
  const dialog = apps.dialog(`Disable ${name}`)
  await dialog.getByRole('textbox', { name: 'Reason' }).fill('Answer lost on the way back')
  await mock.fault({ method: 'POST', path, phase: 'after', networkError: true })
  const confirm = dialog.getByRole('button', { name: 'Disable app' })
  await confirm.click()
  await expect(dialog.getByRole('alert')).toContainText('The server could not be reached')
  // The change did happen; the refreshed list says so truthfully.
  await expect(apps.row(name).getByText('Disabled')).toBeVisible()
  // The admin tries again with the same action: the server replays its first answer.
  await confirm.click()
  await expect(dialog).toBeHidden()
  const events = await page.evaluate(async () => {
    const response = await fetch('/api/v1/tenants/t-acme/audit-events?targetType=app&targetId=app-acme-bi&limit=50')
    return ((await response.json()) as { items: { action: string; reason: string | null }[] }).items
  })
  expect(events.filter((event) => event.action === 'app.disabled' && event.reason === 'Answer lost on the way back')).toHaveLength(1)
  const drawer = await apps.openDetails(name)
  await expect(drawer.getByText('Reason: Answer lost on the way back')).toHaveCount(1)
})
