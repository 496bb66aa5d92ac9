// The shell as a user meets it: sign-in, the tenant overview, the support banner, 401 and 404 handling.
import { describe, expect, it } from 'vitest'
import { screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { injectFault, renderConsole, signInAs } from '@/test/render'
import { setLanguage } from '@/shared/i18n/i18n'
import { recordRequests } from '@/test/request-log'

describe('console shell', () => {
  it('asks who to be, then opens the administrator’s tenant overview', async () => {
    const user = userEvent.setup()
    const { router } = renderConsole('/tenants/t-acme')
    await user.click(await screen.findByRole('button', { name: 'Sign in as 王芳' }))
    expect(await screen.findByRole('heading', { level: 1, name: 'Overview' })).toBeInTheDocument()
    expect(router.state.location.pathname).toBe('/tenants/t-acme')
    expect(await screen.findByText('Active members')).toBeInTheDocument()
    expect(screen.getAllByText('杭州示例贸易有限公司').length).toBeGreaterThan(0)
    expect(screen.getByRole('navigation', { name: 'Main navigation' })).toBeInTheDocument()
  })

  it('puts a support agent under a banner naming the tenant, ticket and end of access', async () => {
    await signInAs('support-agent')
    renderConsole('/tenants/t-acme')
    const banner = await screen.findByRole('region', { name: 'Support access' })
    expect(banner).toHaveTextContent('Acting for 杭州示例贸易有限公司 on ticket SUP-20261120-0042')
    expect(banner).toHaveTextContent(/Read-only access ends in 3 days/)
  })

  it('shows a support agent a clear no-access page for a tenant without a grant', async () => {
    await signInAs('support-agent')
    renderConsole('/tenants/t-northwind')
    expect(await screen.findByRole('heading', { level: 1, name: 'No access to this tenant' })).toBeInTheDocument()
    await expectIllustrationSilent()
  })

  it('sends a 401 to sign-in with the way back', async () => {
    await signInAs('admin-acme')
    await injectFault({ method: 'GET', path: '/api/v1/tenants/t-acme', status: 401 })
    const { router } = renderConsole('/tenants/t-acme')
    expect(await screen.findByText(/Your session has ended/)).toBeInTheDocument()
    expect(router.state.location.pathname).toBe('/sign-in')
    expect(new URLSearchParams(router.state.location.search).get('returnTo')).toBe('/tenants/t-acme')
  })

  it('asks for the page’s data without waiting for the session to answer', async () => {
    await signInAs('admin-acme')
    await injectFault({ method: 'GET', path: '/api/v1/session', delayMs: 300 })
    const log = recordRequests()
    renderConsole('/tenants/t-acme')
    expect(await screen.findByText('Active members')).toBeInTheDocument()
    log.stop()
    const at = (event: 'sent' | 'answered', request: string) => log.events.findIndex((e) => e.event === event && e.request === request)
    expect(at('sent', 'GET /api/v1/tenants/t-acme')).toBeGreaterThanOrEqual(0)
    expect(at('sent', 'GET /api/v1/tenants/t-acme')).toBeLessThan(at('answered', 'GET /api/v1/session'))
    // Asked once: the page uses the answer the route asked for.
    expect(log.events.filter((e) => e.event === 'sent' && e.request === 'GET /api/v1/tenants/t-acme')).toHaveLength(1)
  })

  it('recovers on its own from one failed early request', async () => {
    await signInAs('admin-acme')
    await injectFault({ method: 'GET', path: '/api/v1/tenants/t-acme', status: 503, times: 1 })
    renderConsole('/tenants/t-acme')
    // The route's early request failed; the page asks once more when it appears.
    expect(await screen.findByText('Active members')).toBeInTheDocument()
    expect(screen.queryByRole('alert')).not.toBeInTheDocument()
  })

  it('shows a failed load as an error with a retry that recovers', async () => {
    const user = userEvent.setup()
    await signInAs('admin-acme')
    // Twice: the route's early request and the page's own when it appears.
    await injectFault({ method: 'GET', path: '/api/v1/tenants/t-acme', status: 503, times: 2 })
    renderConsole('/tenants/t-acme')
    const alert = await screen.findByRole('alert')
    expect(alert).toHaveTextContent('The server failed to complete the request')
    expect(screen.queryByText('Active members')).not.toBeInTheDocument()
    await user.click(within(alert).getByRole('button', { name: 'Try again' }))
    expect(await screen.findByText('Active members')).toBeInTheDocument()
  })

  it('shows the 404 page for an unknown address inside a tenant, keeping the navigation', async () => {
    await signInAs('admin-acme')
    renderConsole('/tenants/t-acme/nowhere')
    expect(await screen.findByRole('heading', { level: 1, name: 'Page not found' })).toBeInTheDocument()
    expect(screen.getByRole('navigation', { name: 'Main navigation' })).toBeInTheDocument()
    await expectIllustrationSilent()
  })

  it('asks before resetting the demo data, and Cancel changes nothing', async () => {
    const user = userEvent.setup()
    await signInAs('admin-acme')
    renderConsole('/tenants/t-acme')
    await user.click(await screen.findByRole('button', { name: /Account menu for 王芳/ }, { timeout: 5000 }))
    await user.click(await screen.findByRole('menuitem', { name: 'Reset demo data' }))
    const dialog = await screen.findByRole('dialog')
    expect(dialog).toHaveTextContent('Reset the demo data?')
    expect(dialog).toHaveTextContent('This cannot be undone.')
    await user.click(within(dialog).getByRole('button', { name: 'Cancel' }))
    // jsdom never finishes antd's closing animation: closed means gone or leaving.
    await waitFor(() => expect(!dialog.isConnected || dialog.className.includes('-leave')).toBe(true))
    const state = await (await fetch('http://localhost:3000/api/v1/mock/state')).json()
    expect(state).toMatchObject({ signedInAs: 'admin-acme' })
  })

  it('switches to Chinese at run time and remembers it', async () => {
    const user = userEvent.setup()
    await signInAs('admin-acme')
    renderConsole('/tenants/t-acme')
    await user.click(await screen.findByRole('button', { name: 'Language: English' }))
    await user.click(await screen.findByRole('menuitem', { name: '简体中文' }))
    expect(await screen.findByRole('heading', { level: 1, name: '概览' })).toBeInTheDocument()
    expect(localStorage.getItem('tdgc.language')).toBe('zh-CN')
    expect(document.documentElement.lang).toBe('zh-CN')
    await setLanguage('en-US')
  })
})

describe('tenant chooser', () => {
  it('shows a support agent every tenant, saying which grant access now (ticket, mode, end) and which do not', async () => {
    await signInAs('support-agent')
    renderConsole('/')
    expect(await screen.findByRole('heading', { level: 1, name: 'Tenants' })).toBeInTheDocument()
    const list = await screen.findByRole('list', { name: 'Tenants' })
    expect(within(list).getByRole('link', { name: 'Open 杭州示例贸易有限公司' })).toHaveAttribute('href', '/tenants/t-acme')
    const [northwind, acme] = within(list).getAllByRole('listitem')
    expect(acme).toHaveTextContent(/Read-only.*SUP-20261120-0042/)
    expect(northwind).toHaveTextContent(/Northwind Logistics Ltd\..*No access/)
  })
})

/** The status illustration's English title ("No Found", "Unauthorized") is neither announced nor shown on hover. */
async function expectIllustrationSilent() {
  const illustration = await waitFor(() => {
    const svg = document.querySelector('svg title')?.closest('svg')
    if (!svg) throw new Error('no illustration yet')
    return svg
  })
  const hidden = illustration.closest('[aria-hidden="true"]')
  expect(hidden).not.toBeNull()
  expect((hidden as HTMLElement).style.pointerEvents).toBe('none')
}
