// The apps page as a user meets it, against the real mock: catalogue, filters, drawer, dialogs, errors, read-only access.
import { describe, expect, it } from 'vitest'
import { screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { injectFault, renderConsole, resetToScenario, signInAs } from '@/test/render'
import { takeContractViolations } from '@/test/contract-violations'

/**
 * antd's ids are all "test-id" under NODE_ENV=test, so a dialog's accessible name is unreliable in jsdom
 * (Playwright checks the real names); find the open dialog by its title text instead.
 */
async function findDialog(title: string): Promise<HTMLElement> {
  return waitFor(() => {
    const dialog = screen.getAllByRole('dialog').find((candidate) => within(candidate).queryAllByText(title).length > 0)
    if (!dialog) throw new Error(`no dialog titled ${title}`)
    return dialog
  })
}

function dialogGone(title: string) {
  return waitFor(() => expect(screen.queryAllByRole('dialog').filter((d) => within(d).queryAllByText(title).length > 0)).toHaveLength(0))
}

// The lazy route and antd's table are slow to load on a busy two-core machine: wait longer than the default second.
const LOAD = { timeout: 5000 }

async function appRow(name: string) {
  const table = await screen.findByRole('table', {}, LOAD)
  const cell = await within(table).findByRole('button', { name }, LOAD)
  const row = cell.closest('tr')
  if (!row) throw new Error(`no row for ${name}`)
  return within(row)
}

describe('apps catalogue', () => {
  it('lists the apps with hostile names as plain text and sensitive scopes marked in words', async () => {
    await resetToScenario('hostile')
    await signInAs('admin-acme')
    renderConsole('/tenants/t-acme/apps')
    expect(await screen.findByRole('heading', { level: 1, name: 'Apps' }, LOAD)).toBeInTheDocument()
    expect(await screen.findByRole('button', { name: '<img src=x onerror=alert(1)>Expense Helper' }, LOAD)).toBeInTheDocument()
    expect(screen.getByRole('button', { name: '<script>alert("x")</script> Survey' })).toBeInTheDocument()
    expect(document.querySelector('img[src="x"]')).toBeNull()
    const crm = await appRow('SalesLink CRM 同步')
    expect(crm.getByText('CRM customer data · Sensitive')).toBeInTheDocument()
    expect(crm.getByText('Enabled')).toBeInTheDocument()
    expect(crm.getByText('Departments: 2')).toBeInTheDocument()
  })

  it('filters on the server from the URL', async () => {
    await signInAs('admin-acme')
    renderConsole('/tenants/t-acme/apps?status=disabled')
    expect(await screen.findByRole('button', { name: '企业网盘归档 DocVault' }, LOAD)).toBeInTheDocument()
    expect(screen.queryByRole('button', { name: 'SalesLink CRM 同步' })).not.toBeInTheDocument()
  })

  it('enables an app only after every sensitive scope is acknowledged', async () => {
    const user = userEvent.setup()
    await signInAs('admin-acme')
    renderConsole('/tenants/t-acme/apps')
    const row = await appRow('企业网盘归档 DocVault')
    await user.click(row.getByRole('button', { name: 'Enable 企业网盘归档 DocVault' }))
    const dialog = await findDialog('Enable 企业网盘归档 DocVault')
    const confirm = within(dialog).getByRole('button', { name: 'Enable app' })
    expect(confirm).toBeDisabled()
    await user.click(within(dialog).getByRole('checkbox', { name: /Files and documents/ }))
    expect(confirm).toBeDisabled()
    await user.click(within(dialog).getByRole('checkbox', { name: /Chat messages/ }))
    expect(confirm).toBeEnabled()
    await user.click(confirm)
    await dialogGone('Enable 企业网盘归档 DocVault')
    expect(await (await appRow('企业网盘归档 DocVault')).findByText('Enabled')).toBeInTheDocument()
  })

  it('keeps the disable dialog open with the error after a server failure, and the retry works', async () => {
    const user = userEvent.setup()
    await signInAs('admin-acme')
    renderConsole('/tenants/t-acme/apps')
    const row = await appRow('数据看板 Insight BI')
    await user.click(row.getByRole('button', { name: 'Disable 数据看板 Insight BI' }))
    const dialog = await findDialog('Disable 数据看板 Insight BI')
    await user.type(within(dialog).getByRole('textbox', { name: 'Reason' }), 'Vendor breach')
    await injectFault({ method: 'POST', path: '/api/v1/tenants/t-acme/apps/app-acme-bi/disable', status: 500 })
    await user.click(within(dialog).getByRole('button', { name: 'Disable app' }))
    expect(await within(dialog).findByRole('alert')).toHaveTextContent('The server failed to complete the request')
    takeContractViolations()
    expect((await appRow('数据看板 Insight BI')).getByText('Enabled')).toBeInTheDocument()
    await user.click(within(dialog).getByRole('button', { name: 'Disable app' }))
    await dialogGone('Disable 数据看板 Insight BI')
    expect(await (await appRow('数据看板 Insight BI')).findByText('Disabled')).toBeInTheDocument()
  })

  it('opens the linkable drawer with explained scopes, the scope diff and the history', async () => {
    await signInAs('admin-acme')
    renderConsole('/tenants/t-acme/apps?app=app-acme-esign')
    const drawer = await findDialog('契约锁电子签')
    expect(await within(drawer).findByText(/Read and download files and documents/)).toBeInTheDocument()
    expect(within(drawer).getByText('Scope update waiting for approval')).toBeInTheDocument()
    expect(within(drawer).getByText('Mobile phone numbers · Sensitive')).toBeInTheDocument()
    expect(await within(drawer).findByText('No changes recorded yet.')).toBeInTheDocument()
  })

  it('shows a read-only support agent the catalogue with every change control disabled and why', async () => {
    await signInAs('support-agent')
    renderConsole('/tenants/t-acme/apps')
    const row = await appRow('数据看板 Insight BI')
    expect(row.getByRole('button', { name: 'Disable 数据看板 Insight BI' })).toBeDisabled()
    expect(screen.getByRole('button', { name: 'Emergency switch' })).toBeDisabled()
    expect(screen.getAllByText('Your support access to this tenant is read-only.').length).toBeGreaterThan(0)
  })
})
