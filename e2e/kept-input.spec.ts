// Unsaved input across a trip to sign-in: a session that ends (401) while an admin is in a form sends them to sign in
// and back to the same page, with what they typed — and the dialog they were in — still there, once.
import { test, expect } from './fixtures'
import { AppsPage } from './pages/apps'
import { RetentionPage } from './pages/retention'
import { SignInPage } from './pages/sign-in'

const acme = '杭州示例贸易有限公司'

test.describe('input kept across sign-in', () => {
  test('a reason typed in a dialog when the session ended is there after signing in again, and the action then works', async ({ page, loginAs, mock }) => {
    await loginAs('admin-acme', '/tenants/t-acme/apps')
    const apps = new AppsPage(page)
    await apps.row('数据看板 Insight BI').getByRole('button', { name: 'Disable 数据看板 Insight BI' }).click()
    const dialog = apps.dialog('Disable 数据看板 Insight BI')
    await dialog.getByRole('textbox', { name: 'Reason' }).fill('Quarterly access review: no longer used')
    await mock.fault({ method: 'POST', path: '/api/v1/tenants/t-acme/apps/app-acme-bi/disable', status: 401 })
    await dialog.getByRole('button', { name: 'Disable app' }).click()
    await expect(page.getByText('Your session has ended.')).toBeVisible()
    await new SignInPage(page).signInAs('王芳')
    await expect(page).toHaveURL(/\/tenants\/t-acme\/apps$/)
    await expect(dialog).toBeVisible()
    await expect(dialog.getByRole('textbox', { name: 'Reason' })).toHaveValue('Quarterly access review: no longer used')
    await dialog.getByRole('button', { name: 'Disable app' }).click()
    await expect(dialog).toBeHidden()
    await expect(apps.row('数据看板 Insight BI').getByText('Disabled')).toBeVisible()
    // Given back once: a reload does not bring the dialog back.
    await page.reload()
    await expect(apps.row('数据看板 Insight BI')).toBeVisible()
    await expect(page.getByRole('dialog')).toHaveCount(0)
  })

  test('who may use an app: the chosen departments come back in the dialog, saved on the version they were made on', async ({ page, loginAs, mock }) => {
    await loginAs('admin-acme', '/tenants/t-acme/apps?app=app-acme-translate')
    const apps = new AppsPage(page)
    const drawer = apps.drawer('即时翻译 LinguaBridge')
    await drawer.getByRole('button', { name: 'Change who may use it' }).click()
    const dialog = apps.dialog('Who may use 即时翻译 LinguaBridge')
    await dialog.getByRole('radio', { name: 'Chosen departments' }).check()
    await apps.choose(dialog, dialog.getByRole('combobox', { name: 'Departments' }), '研发', '研发中心')
    await mock.fault({ method: 'PUT', path: '/api/v1/tenants/t-acme/apps/app-acme-translate/availability', status: 401 })
    await dialog.getByRole('button', { name: 'Save' }).click()
    await expect(page.getByText('Your session has ended.')).toBeVisible()
    await new SignInPage(page).signInAs('王芳')
    await expect(dialog).toBeVisible()
    await expect(dialog.getByRole('radio', { name: 'Chosen departments' })).toBeChecked()
    await expect(dialog.getByText('研发中心')).toBeVisible()
    await dialog.getByRole('button', { name: 'Save' }).click()
    await expect(dialog).toBeHidden()
    await expect(drawer.getByText('研发中心')).toBeVisible()
  })

  test('retention: the shorter period, the typed name and the reason come back in the impact dialog', async ({ page, loginAs, mock }) => {
    await loginAs('admin-acme', '/tenants/t-acme/retention')
    const retention = new RetentionPage(page)
    await expect(retention.heading()).toBeVisible()
    await retention.setPeriod('chat', '90', 'Days')
    await retention.save('chat')
    const dialog = retention.impactDialog()
    await expect(dialog).toBeVisible()
    await mock.fault({ method: 'PUT', path: '/api/v1/tenants/t-acme/retention', status: 401 })
    await retention.confirmShorten(acme, 'Data minimisation', 7)
    await expect(page.getByText('Your session has ended.')).toBeVisible()
    await new SignInPage(page).signInAs('王芳')
    await expect(dialog).toBeVisible()
    await expect(dialog.getByRole('textbox', { name: 'Reason' })).toHaveValue('Data minimisation')
    await expect(dialog.getByRole('textbox', { name: /Type .* to confirm/ })).toHaveValue(acme)
    await expect(dialog.getByRole('spinbutton', { name: /Grace period/ })).toHaveValue('7')
    await expect(retention.valueBox('chat')).toHaveValue('90')
    await dialog.getByRole('button', { name: 'Schedule deletion' }).click()
    await expect(dialog).toBeHidden()
    await expect(retention.pending()).toContainText('Chat messages: 3 years → 90 days')
    await expect(retention.pending()).toContainText('Deletion starts in 7 days')
  })
})
