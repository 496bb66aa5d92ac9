// The foundation's journeys: sign-in per persona, navigation, language, 401 handling, 404, mock state and faults.
import { test, expect, useTestConfig } from './fixtures'
import { Shell } from './pages/shell'
import { SignInPage } from './pages/sign-in'
import { apiMode } from './api-mode'

const acme = '杭州示例贸易有限公司'
const northwind = 'Northwind Logistics Ltd.'

test.describe('sign-in', () => {
  test('an Acme administrator signs in and lands on their tenant', async ({ page, mock }) => {
    await mock.signOut().catch(() => undefined)
    await page.goto('/')
    const signIn = new SignInPage(page)
    await expect(signIn.heading()).toBeVisible()
    await signIn.signInAs('王芳')
    const shell = new Shell(page)
    await expect(shell.heading('Overview')).toBeVisible()
    await expect(page).toHaveURL(/\/tenants\/t-acme$/)
    await expect(page.getByText(acme).first()).toBeVisible()
    await expect(shell.supportBanner()).toHaveCount(0)
  })

  test('a Northwind administrator sees only Northwind', async ({ page, mock }) => {
    await page.goto('/sign-in')
    await new SignInPage(page).signInAs('Oliver Bennett')
    await expect(new Shell(page).heading('Overview')).toBeVisible()
    await expect(page).toHaveURL(/\/tenants\/t-northwind$/)
    await expect(page.getByText(northwind).first()).toBeVisible()
    await page.goto('/tenants/t-acme')
    await mock.ready()
    await expect(page.getByRole('heading', { level: 1, name: 'No access' })).toBeVisible()
  })

  test('a support agent opens only a tenant that granted access, under a banner', async ({ page }) => {
    await page.goto('/sign-in')
    await new SignInPage(page).signInAs('李雷')
    await expect(page.getByRole('heading', { level: 1, name: 'Tenants' })).toBeVisible()
    await page.getByRole('link', { name: `Open ${acme}` }).click()
    const shell = new Shell(page)
    await expect(shell.heading('Overview')).toBeVisible()
    await expect(shell.supportBanner()).toContainText('SUP-20261120-0042')
    await expect(shell.supportBanner()).toContainText(/Read-only access ends in 3 days/)
  })

  test('a support agent without a grant sees a clear no-access page', async ({ page, loginAs }) => {
    await loginAs('support-agent', '/tenants/t-northwind')
    await expect(page.getByRole('heading', { level: 1, name: 'No access to this tenant' })).toBeVisible()
    await expect(page.getByText('This tenant has not granted you support access')).toBeVisible()
  })

  test('signing out clears the session and returns to sign-in', async ({ page, loginAs, mock }) => {
    await loginAs('admin-acme', '/tenants/t-acme')
    await new Shell(page).signOut('王芳')
    await expect(new SignInPage(page).heading()).toBeVisible()
    expect((await mock.state()).signedInAs).toBeNull()
    await page.goto('/tenants/t-acme')
    await expect(new SignInPage(page).heading()).toBeVisible()
  })
})

test.describe('navigation and pages', () => {
  test('unknown addresses show the 404 page, inside and outside a tenant', async ({ page, loginAs }) => {
    await loginAs('admin-acme', '/no/such/page')
    await expect(page.getByRole('heading', { level: 1, name: 'Page not found' })).toBeVisible()
    await page.goto('/tenants/t-acme/no-such-capability')
    await expect(page.getByRole('heading', { level: 1, name: 'Page not found' })).toBeVisible()
    await expect(new Shell(page).nav()).toBeVisible()
    await page.getByRole('link', { name: 'Go to the start page' }).click()
    await expect(new Shell(page).heading('Overview')).toBeVisible()
  })

  test('the navigation leads to the overview', async ({ page, loginAs }) => {
    await loginAs('admin-acme', '/tenants/t-acme/no-such-capability')
    await new Shell(page).nav().getByRole('link', { name: 'Overview' }).click()
    await expect(new Shell(page).heading('Overview')).toBeVisible()
    await expect(page.locator('#main').getByText('Members', { exact: true })).toBeVisible()
  })

  test('every page has exactly one main landmark, the skip link’s target', async ({ page, loginAs }) => {
    await loginAs('admin-acme', '/sign-in')
    for (const path of ['/sign-in', '/tenants', '/tenants/t-acme', '/tenants/t-acme/members', '/tenants/t-acme/members/m-acme-000007', '/tenants/t-northwind']) {
      await page.goto(path)
      await expect(page.getByRole('heading', { level: 1 }).first()).toBeVisible()
      await expect(page.getByRole('main'), path).toHaveCount(1)
      await expect(page.getByRole('main'), path).toHaveAttribute('id', 'main')
    }
  })
})

test.describe('languages', () => {
  test('switching to Chinese survives a reload, and back', async ({ page, loginAs }) => {
    await loginAs('admin-acme', '/tenants/t-acme')
    const shell = new Shell(page)
    await expect(shell.heading('Overview')).toBeVisible()
    await shell.switchLanguage('简体中文')
    await expect(shell.heading('概览')).toBeVisible()
    await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN')
    await page.reload()
    await expect(shell.heading('概览')).toBeVisible()
    await expect(shell.nav().getByRole('link', { name: '概览' })).toBeVisible()
    await shell.switchLanguage('English')
    await expect(shell.heading('Overview')).toBeVisible()
  })

  test('a Chinese browser starts in Chinese', async ({ browser }) => {
    const context = await browser.newContext({ locale: 'zh-CN' })
    const page = await context.newPage()
    await useTestConfig(page)
    await page.goto('/sign-in')
    await expect(page.getByRole('heading', { level: 1, name: '登录' })).toBeVisible()
    await context.close()
  })
})

test.describe('session expiry', () => {
  test('a 401 mid-session returns to sign-in and then to the same page', async ({ page, loginAs, mock }) => {
    await loginAs('admin-acme', '/tenants/t-acme')
    await expect(new Shell(page).heading('Overview')).toBeVisible()
    // The next request for the tenant answers 401, as when a session times out on the server.
    await mock.fault({ method: 'GET', path: '/api/v1/tenants/t-acme', status: 401 })
    await page.reload()
    await expect(page.getByText('Your session has ended.')).toBeVisible()
    await expect(page).toHaveURL(/\/sign-in\?.*returnTo=%2Ftenants%2Ft-acme/)
    await new SignInPage(page).signInAs('王芳')
    await expect(page).toHaveURL(/\/tenants\/t-acme$/)
    await expect(new Shell(page).heading('Overview')).toBeVisible()
  })

  test('an ended session sends the next page load to sign-in, and back after signing in', async ({ page, loginAs, mock }) => {
    await loginAs('admin-acme', '/tenants/t-acme/no-such-capability')
    await expect(page.getByRole('heading', { level: 1, name: 'Page not found' })).toBeVisible()
    await mock.signOut()
    await page.reload()
    await expect(new SignInPage(page).heading()).toBeVisible()
    await new SignInPage(page).signInAs('王芳')
    await expect(page).toHaveURL(/\/tenants\/t-acme\/no-such-capability$/)
  })
})

test.describe('mock as a product feature', () => {
  test('state survives a reload and reset restores the seed', async ({ page, loginAs, mock }) => {
    await loginAs('support-agent', '/tenants/t-acme')
    const shell = new Shell(page)
    await expect(shell.supportBanner()).toContainText('ends in 3 days')
    await mock.setClock({ advanceMs: 2 * 24 * 3600_000 })
    await page.reload()
    await expect(shell.supportBanner()).toContainText('ends tomorrow')
    await page.reload()
    await expect(shell.supportBanner()).toContainText('ends tomorrow')
    await mock.reset('default')
    await page.reload()
    await expect(new SignInPage(page).heading()).toBeVisible()
    await mock.signIn('support-agent')
    await page.goto('/tenants/t-acme')
    await expect(shell.supportBanner()).toContainText('ends in 3 days')
  })

  test('an injected server error shows as an error, and retry recovers', async ({ page, loginAs, mock }) => {
    await loginAs('admin-acme', '/tenants/t-acme/no-such-capability')
    // Three: the first try and the two automatic retries of a transient failure.
    await mock.fault({ method: 'GET', path: '/api/v1/tenants/t-acme', status: 500, times: 3 })
    await page.getByRole('link', { name: 'Overview' }).click()
    const alert = page.getByRole('alert')
    await expect(alert).toContainText('The server failed to complete the request')
    await expect(page.locator('#main').getByText('Members', { exact: true })).toHaveCount(0)
    await alert.getByRole('button', { name: 'Try again' }).click()
    await expect(page.locator('#main').getByText('Members', { exact: true })).toBeVisible()
  })

  test('a dropped connection shows as a network error, not as data', async ({ page, loginAs, mock }) => {
    await loginAs('admin-acme', '/tenants/t-acme/no-such-capability')
    await mock.fault({ method: 'GET', path: '/api/v1/tenants/t-acme', networkError: true, times: 3 })
    await page.getByRole('link', { name: 'Overview' }).click()
    await expect(page.getByRole('alert')).toContainText('The server could not be reached')
  })
})

test.describe('accessibility', () => {
  for (const language of ['en-US', 'zh-CN'] as const) {
    test(`sign-in page and shell have no serious axe violations (${language})`, async ({ page, mock, expectAccessible, browser }) => {
      void browser
      await page.evaluate((lang) => localStorage.setItem('tdgc.language', lang), language)
      await page.goto('/sign-in')
      await mock.ready()
      await expect(new SignInPage(page).heading()).toBeVisible()
      await expectAccessible(`sign-in (${language})`)
      await mock.signIn('support-agent')
      await page.goto('/tenants')
      await expect(page.getByRole('heading', { level: 1 })).toBeVisible()
      await expectAccessible(`tenant chooser (${language})`)
      await page.goto('/tenants/t-acme')
      await expect(new Shell(page).supportBanner()).toBeVisible()
      await expect(page.getByText(/Members|成员/).first()).toBeVisible()
      await expectAccessible(`shell with overview (${language})`)
      await page.goto('/tenants/t-acme/nowhere')
      await expect(page.getByRole('heading', { level: 1 })).toBeVisible()
      await expectAccessible(`404 (${language})`)
    })
  }
})

test.describe('security', () => {
  test('the production build ships a Content-Security-Policy without unsafe-eval, and the console runs under it', async ({ page, loginAs }) => {
    await loginAs('admin-acme', '/tenants/t-acme')
    await expect(new Shell(page).heading('Overview')).toBeVisible()
    const policy = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content')
    expect(policy).toContain("script-src 'self'")
    expect(policy).not.toContain('unsafe-eval')
  })
})

test.describe('mock off', () => {
  // A deployment with its own identity provider: the console never shows the demo's persona page nor calls the
  // mock's control routes; a signed-out visit goes to the organisation's login page with the way back.
  test('signed out, a page of the console goes to the configured loginUrl, never to the persona page', async ({ page, context }) => {
    const loginUrl = 'https://login.example.test/sso'
    const mockCalls: string[] = []
    context.on('request', (request) => {
      if (new URL(request.url()).pathname.startsWith('/api/v1/mock/')) mockCalls.push(request.url())
    })
    await page.route('**/config.json', (route) => route.fulfill({ json: { apiBaseUrl: '', mock: false, loginUrl, mockLatencyMs: 0, mockStrict: true } }))
    // Against the browser mock's build nothing answers the API with the mock off: the session check gets the 401 a
    // server gives a visitor without a session (the real server's project answers it itself).
    if (apiMode() === 'mock') {
      await page.route('**/api/v1/session', (route) =>
        route.fulfill({ status: 401, contentType: 'application/problem+json', json: { type: 'urn:problem:unauthenticated', title: 'Sign-in required', status: 401 } }),
      )
    }
    await page.route('https://login.example.test/**', (route) => route.fulfill({ contentType: 'text/html', body: '<!doctype html><title>Acme SSO</title><h1>Acme SSO</h1>' }))
    await context.clearCookies()
    await page.goto('/tenants/t-acme/apps?kind=custom')
    await expect(page.getByRole('heading', { level: 1, name: 'Acme SSO' })).toBeVisible()
    const landed = new URL(page.url())
    expect(`${landed.origin}${landed.pathname}`).toBe(loginUrl)
    const back = new URL(landed.searchParams.get('returnTo') ?? '')
    expect(`${back.pathname}${back.search}`).toBe('/tenants/t-acme/apps?kind=custom')
    // The console's own sign-in address leads there too, with no persona to pick on the way.
    await page.goto('/sign-in')
    await expect(page.getByRole('heading', { level: 1, name: 'Acme SSO' })).toBeVisible()
    expect(mockCalls).toEqual([])
  })
})
