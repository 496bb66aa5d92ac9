// The member directory as an administrator and a support agent meet it, against the real mock: search, filters and
// paging in the URL, masked data and a search that only matches what the reader sees.
import { describe, expect, it } from 'vitest'
import { screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { renderConsole, signInAs } from '@/test/render'

const LOAD = { timeout: 5000 }

async function openDirectory(url = '/tenants/t-acme/members') {
  const user = userEvent.setup()
  const view = renderConsole(url)
  expect(await screen.findByRole('heading', { level: 1, name: 'Members' }, LOAD)).toBeInTheDocument()
  const table = await screen.findByRole('table', {}, LOAD)
  await within(table).findAllByRole('row', {}, LOAD)
  return { user, table, view }
}

const rangeText = () => within(screen.getByRole('navigation', { name: 'Pages of members' })).getByRole('status').textContent ?? ''

describe('member directory', () => {
  it('lists members in pages of 50 with the total, and pages forward and back', async () => {
    await signInAs('admin-acme')
    const { user, view } = await openDirectory()
    await waitFor(() => expect(rangeText()).toBe('Members 1–50 of 300'))
    await user.click(screen.getByRole('button', { name: 'Next page' }))
    await waitFor(() => expect(rangeText()).toBe('Members 51–100 of 300'))
    expect(view.router.state.location.search).toMatch(/cursor=.+&page=2|page=2.*cursor=/)
    await user.click(screen.getByRole('button', { name: 'Previous page' }))
    await waitFor(() => expect(rangeText()).toBe('Members 1–50 of 300'))
    expect(screen.getByRole('button', { name: 'Previous page' })).toBeDisabled()
  })

  it('finds a member by name and by the phone’s last four digits, and keeps the search in the URL', async () => {
    await signInAs('admin-acme')
    const { user, table, view } = await openDirectory()
    await user.type(screen.getByRole('textbox', { name: 'Search members' }), 'wang.fang@')
    await waitFor(() => expect(rangeText()).toBe('Members 1–1 of 1'))
    expect(within(table).getByText('王芳')).toBeInTheDocument()
    expect(view.router.state.location.search).toContain('q=wang.fang%40')
    const phone = within(table).getByText(/^\d{3}\*{4}\d{4}$/).textContent ?? ''
    await user.clear(screen.getByRole('textbox', { name: 'Search members' }))
    await user.type(screen.getByRole('textbox', { name: 'Search members' }), phone.slice(-4))
    await waitFor(() => expect(within(table).getByText('王芳')).toBeInTheDocument())
  })

  it('filters by status and role from the URL', async () => {
    await signInAs('admin-acme')
    const { table } = await openDirectory('/tenants/t-acme/members?role=admin&status=active')
    await waitFor(() => expect(within(table).getByText('王芳')).toBeInTheDocument())
    const rows = within(table).getAllByRole('row').slice(1)
    expect(rows.every((row) => within(row).queryByText('Administrator') !== null)).toBe(true)
  })

  it('shows a support agent masked emails, and never matches the email they cannot see', async () => {
    await signInAs('support-agent')
    const { user, table } = await openDirectory()
    await waitFor(() => expect(within(table).getAllByText(/^\w\*\*\*@/).length).toBeGreaterThan(0))
    expect(screen.getByRole('textbox', { name: 'Search members' })).toHaveAttribute('placeholder', 'Name, employee no. or phone’s last 4')
    await user.type(screen.getByRole('textbox', { name: 'Search members' }), 'wang.fang@')
    await waitFor(() => expect(rangeText()).toBe('No members'))
    expect(within(table).getByText('No members match these filters.')).toBeInTheDocument()
  })
})
