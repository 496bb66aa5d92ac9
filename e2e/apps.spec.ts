// Third-party apps journeys: review + enable, disable with a reason, availability, scope updates, member
// requests, the emergency switch, failures and double clicks, hostile names, read-only support, and axe.
import type { Page } from '@playwright/test'
import { test, expect } from './fixtures'
import { AppsPage } from './pages/apps'
import { expectDialogTakesKeyboard } from './pages/keyboard'
import { selectOption } from './pages/select-option'
import { Shell } from './pages/shell'

const APPS = '/tenants/t-acme/apps'
const EXPENSE = 'Expense Helper'
const SURVEY = 'Pulse Survey'
/** The `hostile` scenario's names for the same two apps. */
const HOSTILE_EXPENSE = '<img src=x onerror=alert(1)>Expense Helper'
const HOSTILE_SURVEY = '<script>alert("x")</script> Survey'

/** A request made from inside the page, so it goes through the page's mock with the signed-in persona. */
async function apiCall(page: Page, method: string, path: string, body: unknown, headers: Record<string, string> = {}) {
  return page.evaluate(
    async ({ method, path, body, headers }) => {
      const response = await fetch(path, { method, headers: { 'Content-Type': 'application/json', ...headers }, body: JSON.stringify(body) })
      return { status: response.status, body: (await response.json()) as { type?: string } }
    },
    { method, path, body, headers },
  )
}

test.describe('apps catalogue', () => {
  test('an admin reviews an app’s sensitive scopes and enables it', async ({ page, loginAs }) => {
    await loginAs('admin-acme', APPS)
    const apps = new AppsPage(page)
    await expect(apps.heading()).toBeVisible()
    const drawer = await apps.openDetails('企业网盘归档 DocVault')
    await expect(drawer.getByText('Files and documents · Sensitive').first()).toBeVisible()
    await expect(drawer.getByText(/Read and download files and documents/)).toBeVisible()
    await expect(page).toHaveURL(/app=app-acme-archive/)
    await drawer.getByRole('button', { name: 'Enable', exact: true }).click()
    const dialog = apps.dialog('Enable 企业网盘归档 DocVault')
    const confirm = dialog.getByRole('button', { name: 'Enable app' })
    await expect(confirm).toBeDisabled()
    await dialog.getByRole('checkbox', { name: /Files and documents/ }).check()
    await expect(confirm).toBeDisabled()
    await dialog.getByRole('checkbox', { name: /Chat messages/ }).check()
    await confirm.click()
    await expect(dialog).toBeHidden()
    await expect(drawer.getByText('Enabled', { exact: true }).first()).toBeVisible()
    await expect(drawer.getByText('王芳').first()).toBeVisible()
    await page.keyboard.press('Escape')
    await expect(apps.row('企业网盘归档 DocVault').getByText('Enabled')).toBeVisible()
  })

  test('an admin disables an app with a reason and it stays disabled after a reload', async ({ page, loginAs }) => {
    await loginAs('admin-acme', APPS)
    const apps = new AppsPage(page)
    await apps.row('SalesLink CRM 同步').getByRole('button', { name: 'Disable SalesLink CRM 同步' }).click()
    const dialog = apps.dialog('Disable SalesLink CRM 同步')
    // The reason is marked required, and pressing the button without one says so instead of doing nothing.
    await dialog.getByRole('button', { name: 'Disable app' }).click()
    await expect(dialog.getByText('Give a reason; it is recorded in the audit log.')).toBeVisible()
    await expect(dialog.getByRole('textbox', { name: 'Reason' })).toHaveAttribute('aria-required', 'true')
    await dialog.getByRole('textbox', { name: 'Reason' }).fill('Vendor reported a data breach')
    await dialog.getByRole('button', { name: 'Disable app' }).click()
    await expect(dialog).toBeHidden()
    await expect(apps.row('SalesLink CRM 同步').getByText('Disabled')).toBeVisible()
    await page.reload()
    await expect(apps.row('SalesLink CRM 同步').getByText('Disabled')).toBeVisible()
    const drawer = await apps.openDetails('SalesLink CRM 同步')
    await expect(drawer.getByText('Vendor reported a data breach').first()).toBeVisible()
  })

  test('filters live in the URL and are applied by the server', async ({ page, loginAs }) => {
    await loginAs('admin-acme', `${APPS}?category=crm`)
    const apps = new AppsPage(page)
    await expect(apps.row('SalesLink CRM 同步')).toBeVisible()
    await expect(apps.row('数据看板 Insight BI')).toHaveCount(0)
    await page.getByRole('textbox', { name: 'Search apps' }).fill('saleslink')
    await expect(page).toHaveURL(/q=saleslink/)
    await expect(apps.table().getByRole('row')).toHaveCount(2)
  })

  test('an admin limits an app to a department', async ({ page, loginAs }) => {
    await loginAs('admin-acme', APPS)
    const apps = new AppsPage(page)
    const drawer = await apps.openDetails(SURVEY)
    await drawer.getByRole('button', { name: 'Change who may use it' }).click()
    const dialog = apps.dialog(`Who may use ${SURVEY}`)
    await dialog.getByRole('radio', { name: 'Chosen departments' }).check()
    await apps.choose(dialog, dialog.getByRole('combobox', { name: 'Departments' }), '研发', '研发中心')
    await dialog.getByRole('button', { name: 'Save' }).click()
    await expect(dialog).toBeHidden()
    await expect(drawer.getByText('研发中心')).toBeVisible()
    await page.keyboard.press('Escape')
    await expect(apps.row(SURVEY).getByText('Departments: 1')).toBeVisible()
  })

  test('the member picker searches the 100 000-member tenant on the server', async ({ page, loginAs }) => {
    await loginAs('admin-acme', `${APPS}?app=app-acme-translate`, 'large')
    const apps = new AppsPage(page)
    const drawer = apps.drawer('即时翻译 LinguaBridge')
    await drawer.getByRole('button', { name: 'Change who may use it' }).click()
    const dialog = apps.dialog('Who may use 即时翻译 LinguaBridge')
    await apps.choose(dialog, dialog.getByRole('combobox', { name: 'Members', exact: true }), 'AC099999', /AC099999/)
    await dialog.getByRole('button', { name: 'Save' }).click()
    await expect(dialog).toBeHidden()
    await expect(apps.row('即时翻译 LinguaBridge').getByText('Named members: 4')).toBeVisible()
  })

  test('an admin approves a scope update after seeing the difference', async ({ page, loginAs }) => {
    await loginAs('admin-acme', `${APPS}?status=awaiting_scope_approval`)
    const apps = new AppsPage(page)
    const drawer = await apps.openDetails('契约锁电子签')
    await expect(drawer.getByText('Scope update waiting for approval')).toBeVisible()
    await expect(drawer.getByText('Mobile phone numbers · Sensitive')).toBeVisible()
    await drawer.getByRole('button', { name: 'Review and approve' }).click()
    const dialog = apps.dialog('Approve new scopes for 契约锁电子签')
    await dialog.getByRole('checkbox', { name: /Contacts/ }).check()
    await dialog.getByRole('checkbox', { name: /Mobile phone numbers/ }).check()
    await dialog.getByRole('button', { name: 'Approve new scopes' }).click()
    await expect(dialog).toBeHidden()
    await expect(drawer.getByText('Scope update waiting for approval')).toBeHidden()
    await expect(drawer.getByText('Approved a scope update')).toBeVisible()
  })

  test('an admin denies a member’s request with a note', async ({ page, loginAs }) => {
    await loginAs('admin-acme', APPS)
    const apps = new AppsPage(page)
    await apps.tab(/Member requests \(3\)/).click()
    await expect(page).toHaveURL(/tab=requests/)
    const deny = page.getByRole('button', { name: /^Deny .+’s request for 数据看板 Insight BI$/ })
    await deny.click()
    const dialog = apps.dialog(/^Deny .+’s request$/)
    await expect(dialog.getByRole('button', { name: 'Deny' })).toBeDisabled()
    await dialog.getByRole('textbox', { name: 'Note to the member' }).fill('Use the monthly PDF report instead.')
    await dialog.getByRole('button', { name: 'Deny' }).click()
    await expect(dialog).toBeHidden()
    await expect(deny).toHaveCount(0)
    await expect(apps.tab(/Member requests \(2\)/)).toBeVisible()
  })

  test('the emergency switch disables every third-party app, then restores exactly the previous state', async ({ page, loginAs }) => {
    await loginAs('admin-acme', APPS)
    const apps = new AppsPage(page)
    await page.getByRole('button', { name: 'Emergency switch' }).click()
    const dialog = apps.dialog('Emergency switch')
    await expect(dialog.getByText('Apps that will be disabled now: 9')).toBeVisible()
    await dialog.getByRole('textbox', { name: 'Reason' }).fill('Suspected OAuth token leak')
    await dialog.getByRole('textbox', { name: 'Type STOP to confirm' }).fill('STOP')
    await dialog.getByRole('button', { name: 'Switch off now' }).click()
    await expect(dialog).toBeHidden()
    await expect(apps.emergencyBanner()).toContainText('Emergency stop active since')
    await expect(apps.row('SalesLink CRM 同步').getByText('Disabled')).toBeVisible()
    await expect(apps.row('智能审批 Smart Approvals').getByText('Enabled')).toBeVisible()
    await page.reload()
    await expect(apps.emergencyBanner()).toBeVisible()
    await apps.emergencyBanner().getByRole('button', { name: 'Restore previous state' }).click()
    const restore = apps.dialog('Restore the state before the emergency stop')
    await restore.getByRole('button', { name: 'Restore' }).click()
    await expect(restore).toBeHidden()
    await expect(apps.emergencyBanner()).toHaveCount(0)
    await expect(apps.row('SalesLink CRM 同步').getByText('Enabled')).toBeVisible()
    await expect(apps.row('契约锁电子签').getByText('Awaiting scope approval')).toBeVisible()
    await expect(apps.row(EXPENSE).getByText('Disabled')).toBeVisible()
  })
})

test('at 1360 px every catalogue column shows without scrolling; a long scope list collapses into “+N more”, which opens the details', async ({ page, loginAs }, testInfo) => {
  await page.setViewportSize({ width: 1360, height: 900 })
  await loginAs('admin-acme', APPS)
  const apps = new AppsPage(page)
  await expect(apps.row('SalesLink CRM 同步')).toBeVisible()
  for (const column of ['App', 'Kind', 'Status', 'Scopes held', 'Who may use it', 'Last data access', 'Actions']) {
    await expect(apps.table().getByRole('columnheader', { name: column, exact: true })).toBeInViewport()
  }
  const overflow = await page.evaluate(() => {
    const scroller = document.querySelector('.ant-table-content, .ant-table-body')
    return { page: document.documentElement.scrollWidth - document.documentElement.clientWidth, table: scroller ? scroller.scrollWidth - scroller.clientWidth : 0 }
  })
  expect(overflow).toEqual({ page: 0, table: 0 })
  if (testInfo.project.name === 'chromium') await page.screenshot({ path: 'docs/screenshots/apps-catalogue-1360.png' })
  const more = apps.table().getByRole('button', { name: /more scopes of .*: open the details$/ }).first()
  const label = (await more.getAttribute('aria-label')) ?? ''
  const appName = /of (.*): open the details$/.exec(label)?.[1] ?? ''
  await more.click()
  await expect(apps.drawer(appName)).toBeVisible()
})

test('when someone else changed who may use an app first, the admin sees their version and can reapply their own change', async ({ page, loginAs }) => {
  await loginAs('admin-acme', `${APPS}?app=app-acme-crm-sync`)
  const apps = new AppsPage(page)
  const drawer = apps.drawer('SalesLink CRM 同步')
  await drawer.getByRole('button', { name: 'Change who may use it' }).click()
  const dialog = apps.dialog('Who may use SalesLink CRM 同步')
  await dialog.getByRole('radio', { name: 'Everyone in the tenant' }).check()
  // Meanwhile another administrator narrows it to one department.
  const theirs = await page.evaluate(async () => {
    const url = '/api/v1/tenants/t-acme/apps/app-acme-crm-sync/availability'
    const etag = (await fetch(url)).headers.get('ETag') ?? ''
    const response = await fetch(url, {
      method: 'PUT',
      headers: { 'Content-Type': 'application/json', 'If-Match': etag },
      body: JSON.stringify({ mode: 'departments', departmentIds: ['d-acme-sales'], memberIds: [], deniedMemberIds: [] }),
    })
    return response.status
  })
  expect(theirs).toBe(200)
  await dialog.getByRole('button', { name: 'Save' }).click()
  await expect(dialog.getByRole('alert').filter({ hasText: 'Someone else changed who may use this app.' })).toBeVisible()
  await expect(dialog.getByRole('radio', { name: 'Chosen departments' })).toBeChecked()
  await dialog.getByRole('button', { name: 'Reapply my change' }).click()
  await expect(dialog).toBeHidden()
  await expect(drawer.getByRole('region', { name: 'Who may use it' })).toContainText('Everyone in the tenant')
})

test.describe('app kinds', () => {
  test('a basic app can be disabled but never removed, in the console and by the API', async ({ page, loginAs }) => {
    await loginAs('admin-acme', APPS)
    const apps = new AppsPage(page)
    await expect(apps.row('智能审批 Smart Approvals')).toContainText('Basic')
    await expect(apps.row('SalesLink CRM 同步')).toContainText('Third-party')
    await selectOption(page, page.getByRole('combobox', { name: 'Kind' }), 'Basic')
    await expect(page).toHaveURL(/kind=basic/)
    await expect(apps.row('SalesLink CRM 同步')).toHaveCount(0)
    const drawer = await apps.openDetails('智能审批 Smart Approvals')
    await expect(drawer).toContainText('One of the platform’s own apps: it can be disabled but not removed.')
    await drawer.getByRole('button', { name: 'Disable', exact: true }).click()
    const dialog = apps.dialog('Disable 智能审批 Smart Approvals')
    // Not a third-party app: no vendor to ask.
    await expect(dialog.getByRole('checkbox')).toHaveCount(0)
    await dialog.getByRole('textbox', { name: 'Reason' }).fill('Moving approvals to the new flow')
    await dialog.getByRole('button', { name: 'Disable app' }).click()
    await expect(dialog).toBeHidden()
    await expect(drawer.getByRole('button', { name: 'Remove from workbench' })).toBeDisabled()
    await expect(drawer).toContainText('A basic app can be disabled but not removed.')
    const refused = await apiCall(page, 'POST', '/api/v1/tenants/t-acme/apps/app-acme-approvals/remove', {}, { 'Idempotency-Key': 'e2e-remove-basic-app', 'X-Requested-With': 'fetch' })
    expect(refused).toMatchObject({ status: 409, body: { type: 'urn:problem:app-kind' } })
  })

  test('a custom app is registered and goes through the enable flow; disabling a third-party app asks its vendor to delete, shown in the detail', async ({ page, loginAs, expectAccessible }) => {
    test.setTimeout(60_000)
    await loginAs('admin-acme', APPS)
    const apps = new AppsPage(page)
    const register = page.getByRole('button', { name: 'Register a custom app' })
    const dialog = apps.dialog('Register a custom app')
    await expectDialogTakesKeyboard(page, register, dialog, 4)
    await register.click()
    await dialog.getByRole('button', { name: 'Register', exact: true }).click()
    await expect(dialog).toContainText('Give the app a name.')
    await expect(dialog).toContainText('Choose at least one scope.')
    await dialog.getByRole('textbox', { name: 'Name' }).fill('报销小助手')
    await dialog.getByRole('textbox', { name: 'Description' }).fill('Internal expense claims')
    await apps.choose(dialog, dialog.getByRole('combobox', { name: 'What it receives' }), 'Invoices', /Invoices and reimbursements/)
    await expectAccessible('register a custom app')
    await dialog.getByRole('button', { name: 'Register', exact: true }).click()
    await expect(dialog).toBeHidden()
    const custom = apps.drawer('报销小助手')
    await expect(custom).toContainText('Made by your enterprise.')
    await expect(custom.getByText('Disabled', { exact: true }).first()).toBeVisible()
    await custom.getByRole('button', { name: 'Enable', exact: true }).click()
    const enable = apps.dialog('Enable 报销小助手')
    await enable.getByRole('checkbox', { name: /Invoices and reimbursements/ }).check()
    await enable.getByRole('button', { name: 'Enable app' }).click()
    await expect(enable).toBeHidden()
    await expect(custom.getByText('Enabled', { exact: true }).first()).toBeVisible()
    await expect(custom.getByRole('region', { name: 'Deletion requests to the vendor' })).toHaveCount(0)
    await page.keyboard.press('Escape')
    await expect(apps.row('报销小助手')).toContainText('Custom')

    await apps.row('SalesLink CRM 同步').getByRole('button', { name: 'Disable SalesLink CRM 同步' }).click()
    const disable = apps.dialog('Disable SalesLink CRM 同步')
    await expect(disable).toContainText('What SalesLink Inc. already received stays with them unless you ask them to delete it.')
    await disable.getByRole('checkbox', { name: 'Also ask SalesLink Inc. to delete the data it received' }).check()
    await disable.getByRole('textbox', { name: 'Reason' }).fill('停止合作')
    await disable.getByRole('button', { name: 'Disable app' }).click()
    await expect(disable).toBeHidden()
    const crm = await apps.openDetails('SalesLink CRM 同步')
    const requests = crm.getByRole('region', { name: 'Deletion requests to the vendor' })
    await expect(requests).toContainText('Sent, awaiting the vendor — 王芳: 停止合作')
    await expect(crm.getByRole('region', { name: 'Recent history' })).toContainText('Vendor asked to delete the data it received')
    await expectAccessible('app detail with a vendor deletion request')

    // The vendor answers: the administrator records it once, with the vendor's reference.
    await requests.getByRole('button', { name: 'Record the vendor’s answer' }).click()
    const answer = apps.dialog('Record SalesLink Inc.’s answer')
    await expect(answer.getByRole('radiogroup', { name: 'The vendor’s answer' }).getByRole('radio', { name: 'Deletion confirmed' })).toBeChecked()
    await expectAccessible('vendor answer dialog')
    await answer.getByRole('button', { name: 'Record the answer' }).click()
    await expect(answer.getByText('Write the vendor’s reference (e.g. a deletion certificate number) or what it said.')).toBeVisible()
    await answer.getByRole('textbox', { name: 'The vendor’s reference or what it said' }).fill('Certificate DEL-2026-118')
    await answer.getByRole('button', { name: 'Record the answer' }).click()
    await expect(answer).toBeHidden()
    await expect(requests).toContainText('Deletion confirmed by the vendor — 王芳: 停止合作')
    await expect(requests).toContainText('王芳: Certificate DEL-2026-118')
    await expect(requests.getByRole('button', { name: 'Record the vendor’s answer' })).toHaveCount(0)
    await expect(crm.getByRole('region', { name: 'Recent history' })).toContainText('Vendor’s answer to a deletion request recorded')
  })
})

test.describe('failures', () => {
  test('a failed disable (500, network drop, 403) leaves the app enabled with a clear message, and a retry works once', async ({ page, loginAs, mock }) => {
    await loginAs('admin-acme', APPS)
    const apps = new AppsPage(page)
    const path = '/api/v1/tenants/t-acme/apps/app-acme-bi/disable'
    await apps.row('数据看板 Insight BI').getByRole('button', { name: 'Disable 数据看板 Insight BI' }).click()
    const dialog = apps.dialog('Disable 数据看板 Insight BI')
    await dialog.getByRole('textbox', { name: 'Reason' }).fill('Quarterly review')
    const confirm = dialog.getByRole('button', { name: 'Disable app' })
    const cases = [
      { fault: { status: 500 }, message: 'The server failed to complete the request' },
      { fault: { networkError: true }, message: 'The server could not be reached' },
      { fault: { status: 403 }, message: 'You are not allowed to do this.' },
    ]
    for (const { fault, message } of cases) {
      await mock.fault({ method: 'POST', path, ...fault })
      await confirm.click()
      await expect(dialog.getByRole('alert')).toContainText(message)
      await expect(dialog).toBeVisible()
      await expect(apps.row('数据看板 Insight BI').getByText('Enabled')).toBeVisible()
    }
    // A slow answer and an impatient double click: the button is off while pending, and the key is the same.
    await mock.fault({ method: 'POST', path, delayMs: 800 })
    await confirm.dblclick()
    await expect(dialog).toBeHidden()
    await expect(apps.row('数据看板 Insight BI').getByText('Disabled')).toBeVisible()
    const drawer = await apps.openDetails('数据看板 Insight BI')
    await expect(drawer.getByText('Reason: Quarterly review')).toHaveCount(1)
  })

  test('a failed availability save keeps the admin’s input and can be retried', async ({ page, loginAs, mock }) => {
    await loginAs('admin-acme', `${APPS}?app=app-acme-meeting`)
    const apps = new AppsPage(page)
    await apps.drawer('会议室预订 RoomBook').getByRole('button', { name: 'Change who may use it' }).click()
    const dialog = apps.dialog('Who may use 会议室预订 RoomBook')
    // The choice is a group named by its visible label, as a screen reader announces it.
    await expect(dialog.getByRole('radiogroup', { name: 'Who may use it' })).toBeVisible()
    await dialog.getByRole('radio', { name: 'Chosen departments' }).check()
    await apps.choose(dialog, dialog.getByRole('combobox', { name: 'Departments' }), '法务', '法务部')
    await mock.fault({ method: 'PUT', path: '/api/v1/tenants/t-acme/apps/app-acme-meeting/availability', networkError: true })
    await dialog.getByRole('button', { name: 'Save' }).click()
    await expect(dialog.getByRole('alert')).toContainText('The server could not be reached')
    await expect(dialog.getByText('法务部')).toBeVisible()
    await dialog.getByRole('button', { name: 'Save' }).click()
    await expect(dialog).toBeHidden()
    await expect(apps.row('会议室预订 RoomBook').getByText('Departments: 1')).toBeVisible()
  })

  test('a failed emergency stop leaves every app as it was', async ({ page, loginAs, mock }) => {
    await loginAs('admin-acme', APPS)
    const apps = new AppsPage(page)
    await page.getByRole('button', { name: 'Emergency switch' }).click()
    const dialog = apps.dialog('Emergency switch')
    await dialog.getByRole('textbox', { name: 'Reason' }).fill('Drill')
    await dialog.getByRole('textbox', { name: 'Type STOP to confirm' }).fill('STOP')
    await mock.fault({ method: 'POST', path: '/api/v1/tenants/t-acme/app-emergency-stop', status: 503 })
    await dialog.getByRole('button', { name: 'Switch off now' }).click()
    await expect(dialog.getByRole('alert')).toContainText('The server failed to complete the request')
    await expect(apps.emergencyBanner()).toHaveCount(0)
    await expect(apps.row('SalesLink CRM 同步').getByText('Enabled')).toBeVisible()
  })
})

test.describe('safety', () => {
  test('hostile app names and descriptions render as plain text', async ({ page, loginAs }) => {
    const dialogs: string[] = []
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.message())
      void dialog.dismiss()
    })
    await loginAs('admin-acme', APPS, 'hostile')
    const apps = new AppsPage(page)
    await expect(page.getByRole('button', { name: HOSTILE_EXPENSE, exact: true })).toBeVisible()
    await expect(page.getByRole('button', { name: HOSTILE_SURVEY, exact: true })).toBeVisible()
    await expect(page.getByText('Spendly <b>Pro</b>', { exact: false }).first()).toBeVisible()
    const drawer = await apps.openDetails(HOSTILE_EXPENSE)
    await expect(drawer.getByText('<script>document.title="pwned"</script>', { exact: false })).toBeVisible()
    await expect(page.locator('img[src="x"]')).toHaveCount(0)
    await expect(page.locator('main script')).toHaveCount(0)
    await expect(page).not.toHaveTitle(/pwned/)
    await page.keyboard.press('Escape')
    await apps.tab(/Member requests/).click()
    await expect(page.getByText('<b>please</b> =HYPERLINK("http://evil.example")', { exact: false })).toBeVisible()
    await expect(page.locator('main b')).toHaveCount(0)
    expect(dialogs).toEqual([])
  })

  test('a read-only support agent sees the catalogue but cannot change anything', async ({ page, loginAs }) => {
    await loginAs('support-agent', APPS)
    const apps = new AppsPage(page)
    await expect(apps.row('数据看板 Insight BI')).toBeVisible()
    await expect(page.getByText('Your support access to this tenant is read-only.').first()).toBeVisible()
    const disable = apps.row('数据看板 Insight BI').getByRole('button', { name: 'Disable 数据看板 Insight BI' })
    await expect(disable).toBeDisabled()
    await expect(page.getByRole('button', { name: 'Emergency switch' })).toBeDisabled()
    const drawer = await apps.openDetails('契约锁电子签')
    await expect(drawer.getByRole('button', { name: 'Review and approve' })).toBeDisabled()
    await expect(drawer.getByRole('button', { name: 'Change who may use it' })).toBeDisabled()
    // The API refuses as well, whatever the UI shows.
    const refused = await apiCall(page, 'POST', '/api/v1/tenants/t-acme/apps/app-acme-bi/disable', { reason: 'x' }, { 'Idempotency-Key': 'e2e-read-only-1' })
    expect(refused).toMatchObject({ status: 403, body: { type: 'urn:problem:read-only-grant' } })
  })
})

/** The apps page signed in as an administrator in `language`, with a way to open a dialog, run axe on it and cancel it. */
async function axeOnApps(page: Page, loginAs: (persona: 'admin-acme', path: string) => Promise<void>, expectAccessible: (label: string) => Promise<void>, language: 'en-US' | 'zh-CN') {
  await loginAs('admin-acme', APPS)
  const apps = new AppsPage(page)
  const zh = language === 'zh-CN'
  if (zh) await new Shell(page).switchLanguage('简体中文')
  const L = (en: string, cn: string) => (zh ? cn : en)
  await expect(apps.heading()).toBeVisible()
  await expect(apps.row('SalesLink CRM 同步')).toBeVisible()
  const openDialog = async (label: string, opener: () => Promise<void>) => {
    await opener()
    const dialog = page.locator('.ant-modal-wrap:visible').last()
    await expect(dialog.getByRole('dialog')).toBeVisible()
    await expectAccessible(`${label} ${language}`)
    await dialog.getByRole('button', { name: /^(Cancel|取\s?消)$/ }).click()
    await expect(dialog).toBeHidden()
  }
  return { apps, zh, L, openDialog }
}

// Two tests per language (each axe pass takes seconds): the catalogue with the drawers and their dialogs, then the
// requests tab and the emergency switch.
for (const language of ['en-US', 'zh-CN'] as const) {
  test(`axe finds nothing on the catalogue, the drawer and their dialogs (${language})`, async ({ page, loginAs, expectAccessible }) => {
    test.setTimeout(120_000)
    const { apps, L, openDialog } = await axeOnApps(page, loginAs, expectAccessible, language)
    await expectAccessible(`catalogue ${language}`)
    const disableButton = (name: string) => apps.row(name).getByRole('button', { name: L(`Disable ${name}`, `停用 ${name}`) })

    await openDialog('disable dialog', () => disableButton('SalesLink CRM 同步').click())
    await openDialog('enable dialog', () => apps.row('企业网盘归档 DocVault').getByRole('button', { name: L('Enable 企业网盘归档 DocVault', '启用 企业网盘归档 DocVault') }).click())

    const drawer = await apps.openDetails('契约锁电子签')
    await expect(drawer.getByText(L('Scope update waiting for approval', '待审批的权限变更'))).toBeVisible()
    await expect(drawer.getByText(L('Recent history', '近期记录'))).toBeVisible()
    await expectAccessible(`drawer ${language}`)
    await openDialog('approve update dialog', () => drawer.getByRole('button', { name: L('Review and approve', '审核并批准') }).click())
    await openDialog('decline update dialog', () => drawer.getByRole('button', { name: /^(Decline|拒\s?绝)$/ }).click())
    await openDialog('availability dialog', () => drawer.getByRole('button', { name: L('Change who may use it', '修改可用范围') }).click())
    await page.keyboard.press('Escape')
    await expect(drawer).toBeHidden()

    const expense = await apps.openDetails(EXPENSE)
    await openDialog('remove dialog', () => expense.getByRole('button', { name: L('Remove from workbench', '从工作台移除') }).click())
    await page.keyboard.press('Escape')
    await expect(expense).toBeHidden()
  })

  test(`axe finds nothing on the requests tab, the emergency switch and its restore (${language})`, async ({ page, loginAs, expectAccessible }) => {
    test.setTimeout(120_000)
    const { apps, zh, L, openDialog } = await axeOnApps(page, loginAs, expectAccessible, language)
    await apps.tab(/Member requests|成员申请/).click()
    await openDialog('approve request dialog', () => page.getByRole('button', { name: zh ? /^批准 .+ 对 数据看板 Insight BI 的申请$/ : /^Approve .+ request for 数据看板 Insight BI$/ }).click())
    await openDialog('deny request dialog', () => page.getByRole('button', { name: zh ? /^拒绝 .+ 对 数据看板 Insight BI 的申请$/ : /^Deny .+ request for 数据看板 Insight BI$/ }).click())
    await expectAccessible(`requests tab ${language}`)

    const emergencyButton = page.getByRole('button', { name: L('Emergency switch', '紧急停用') })
    await openDialog('emergency dialog', () => emergencyButton.click())

    // The restore dialog needs a stop in force.
    await emergencyButton.click()
    const stop = apps.dialog(L('Emergency switch', '紧急停用'))
    await stop.getByRole('textbox', { name: L('Reason', '原因') }).fill('axe')
    await stop.getByRole('textbox', { name: L('Type STOP to confirm', '输入 STOP 以确认') }).fill('STOP')
    await stop.getByRole('button', { name: L('Switch off now', '立即停用') }).click()
    await expect(apps.emergencyBanner()).toBeVisible()
    await expectAccessible(`emergency banner ${language}`)
    await openDialog('restore dialog', () => apps.emergencyBanner().getByRole('button', { name: L('Restore previous state', '恢复之前的状态') }).click())
  })
}
