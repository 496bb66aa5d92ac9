// The console against the real governance server (PGlite, started with --test-controls): password sign-in,
// a change that is stored in the database, sign-out, and the server's refusals as a user meets them.
import { expect, test } from '../fixtures'
import type { Page } from '@playwright/test'

async function resetServer(page: Page) {
  await page.goto('/sign-in')
  const status = await page.evaluate(async () => (await fetch('/api/v1/mock/reset', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{}' })).status)
  expect(status).toBe(200)
  await page.reload()
}

async function signIn(page: Page, email: string, password: string) {
  await page.getByLabel('Email').fill(email)
  await page.getByLabel('Password').fill(password)
  await page.getByRole('button', { name: 'Sign in', exact: true }).click()
}

test('an administrator signs in with a password, disables an app, and the change is stored', async ({ page }) => {
  await resetServer(page)
  await expect(page.getByRole('heading', { level: 1, name: 'Sign in' })).toBeVisible()
  await signIn(page, 'wang.fang@acme.example', 'not-the-password')
  await expect(page.getByRole('alert')).toContainText('The email or password is not right.')
  await signIn(page, 'wang.fang@acme.example', 'governance-demo')
  await expect(page.getByRole('heading', { level: 1, name: 'Overview' })).toBeVisible()

  await page.goto('/tenants/t-acme/apps')
  const name = '数据看板 Insight BI'
  const row = page.getByRole('row', { name: new RegExp(name) })
  await row.getByRole('button', { name: `Disable ${name}` }).click()
  const dialog = page.getByRole('dialog', { name: `Disable ${name}` })
  await dialog.getByRole('textbox', { name: 'Reason' }).fill('Vendor breach, real server')
  await dialog.getByRole('button', { name: 'Disable app' }).click()
  await expect(dialog).toBeHidden()
  await page.reload()
  await expect(page.getByRole('row', { name: new RegExp(name) }).getByText('Disabled')).toBeVisible()

  const cookies = await page.context().cookies()
  const session = cookies.find((cookie) => cookie.name === 'tdgc_session')
  expect(session).toMatchObject({ httpOnly: true, sameSite: 'Lax' })
  expect(await page.evaluate(() => document.cookie)).not.toContain('tdgc_session')

  await page.getByRole('button', { name: /Account menu/ }).click()
  await page.getByRole('menuitem', { name: 'Sign out' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Sign in' })).toBeVisible()
  await page.goto('/tenants/t-acme/apps')
  await expect(page.getByRole('heading', { level: 1, name: 'Sign in' })).toBeVisible()
})

test('a support agent signs in and works under the tenant’s read-only grant', async ({ page }) => {
  await resetServer(page)
  await signIn(page, 'li.lei@support.platform.example', 'governance-demo')
  // Signed in once the console has moved on from the sign-in page.
  await expect(page).not.toHaveURL(/\/sign-in/)
  await page.goto('/tenants/t-acme/apps')
  await expect(page.getByText('SUP-20261120-0042').first()).toBeVisible()
  const name = '数据看板 Insight BI'
  await expect(page.getByRole('row', { name: new RegExp(name) }).getByRole('button', { name: `Disable ${name}` })).toBeDisabled()
  const forged = await page.evaluate(async () => {
    const response = await fetch('/api/v1/tenants/t-acme/apps/app-acme-bi/disable', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'Idempotency-Key': 'real-mode-readonly-1' },
      body: JSON.stringify({ reason: 'direct call' }),
    })
    return { status: response.status, type: ((await response.json()) as { type: string }).type }
  })
  expect(forged).toEqual({ status: 403, type: 'urn:problem:read-only-grant' })
})

test('the server answers every page with its security headers', async ({ page }) => {
  const response = await page.goto('/sign-in')
  const headers = response?.headers() ?? {}
  expect(headers['content-security-policy']).toContain("script-src 'self'")
  expect(headers['x-frame-options']).toBe('DENY')
  expect(headers['x-content-type-options']).toBe('nosniff')
})
