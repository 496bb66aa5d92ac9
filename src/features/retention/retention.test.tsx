// The retention page as an admin and a read-only support agent meet it: policies, client-side validation
// that sends nothing, the impact dialog, and the conflict screen for a stale save.
import { afterEach, beforeEach, describe, expect, it, vi, type MockInstance } from 'vitest'
import { screen, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { injectFault, moveMockClock, renderConsole, signInAs } from '@/test/render'

const base = 'http://localhost:3000/api/v1/tenants/t-acme/retention'

/**
 * A spy on fetch (which the API client looks up per call and MSW answers) records every retention write
 * or preview the page sends, so a test can prove nothing went out.
 */
let fetchSpy: MockInstance<typeof fetch>
function sentWrites(): string[] {
  return fetchSpy.mock.calls.flatMap(([input, init]) => {
    const request = input instanceof Request ? input : new Request(input, init)
    const path = new URL(request.url).pathname
    return request.method !== 'GET' && path.includes('/retention') ? [`${request.method} ${path}`] : []
  })
}

beforeEach(() => {
  fetchSpy = vi.spyOn(globalThis, 'fetch')
})
afterEach(() => {
  fetchSpy.mockRestore()
})

async function openPage() {
  const user = userEvent.setup()
  renderConsole('/tenants/t-acme/retention')
  // The first render pays for compiling the lazy route; give it time on a loaded machine.
  expect(await screen.findByRole('heading', { level: 1, name: 'Retention' }, { timeout: 10_000 })).toBeInTheDocument()
  const chat = await screen.findByRole('region', { name: 'Chat messages' }, { timeout: 5000 })
  return { user, chat, files: screen.getByRole('region', { name: 'Files & images' }) }
}

/** As an admin: chat down to 1 year, saved, and the impact dialog that asks for confirmation. */
async function shortenChatToOneYear() {
  await signInAs('admin-acme')
  const { user, chat } = await openPage()
  const value = within(chat).getByRole('textbox', { name: 'Period length' })
  await user.clear(value)
  await user.type(value, '1')
  await user.click(within(chat).getByRole('button', { name: 'Save chat messages policy' }))
  const dialog = await screen.findByRole('dialog', { name: 'Shorten chat messages retention to 1 year?' })
  return { user, dialog }
}

describe('retention page', () => {
  it('shows each policy, who set it, the next and last run, and the fixed audit-log floor', async () => {
    await signInAs('admin-acme')
    const { chat, files } = await openPage()
    expect(within(chat).getByText('3 years')).toBeInTheDocument()
    expect(within(chat).getByRole('radiogroup', { name: 'How long to keep chat messages' })).toBeInTheDocument()
    expect(within(chat).getByText(/陈静/)).toBeInTheDocument()
    expect(within(chat).getByText('Next deletion run')).toBeInTheDocument()
    expect(within(files).getByText('5 years')).toBeInTheDocument()
    const audit = screen.getByRole('region', { name: 'Audit log' })
    expect(within(audit).getByText('At least 180 days')).toBeInTheDocument()
    expect(within(audit).queryByRole('textbox')).not.toBeInTheDocument()
    expect(within(audit).queryByRole('button')).not.toBeInTheDocument()
    const history = screen.getByRole('region', { name: 'History of changes' })
    expect(await within(history).findAllByText('法务部建议：聊天记录保留三年', {}, { timeout: 5000 })).toHaveLength(2)
  })

  it('says at the top when the newest deletion run failed, that nothing was deleted, and when it is retried', async () => {
    await signInAs('admin-acme')
    await injectFault({ path: '/jobs/retention-run/t-acme' })
    await moveMockClock({ advanceMs: 86_400_000 })
    const { chat } = await openPage()
    const alert = await screen.findByRole('alert')
    expect(alert).toHaveTextContent('The last deletion run failed')
    expect(alert).toHaveTextContent(/nothing was deleted.*tries again automatically at/)
    expect(within(chat).getByText(/Failed, nothing deleted/)).toBeInTheDocument()
    const runs = screen.getByRole('region', { name: 'Deletion runs' })
    expect(within(runs).getAllByRole('row')[1]).toHaveTextContent(/Failed.*Retry at/)
  })

  it.each([
    ['', 'days', 'Required.'],
    ['abc', 'days', 'Enter a whole number.'],
    ['1.5', 'days', 'Enter a whole number.'],
    ['0', 'days', 'Must be at least 1.'],
    ['-3', 'months', 'Must be at least 1.'],
    ['36501', 'days', 'Must be at most 36500.'],
    ['1201', 'months', 'Must be at most 1200.'],
    ['101', 'years', 'Must be at most 100.'],
  ])('refuses %j %s with a message next to the field and sends nothing', async (typed, unit, expected) => {
    await signInAs('admin-acme')
    const { user, chat } = await openPage()
    const value = within(chat).getByRole('textbox', { name: 'Period length' })
    await user.clear(value)
    if (typed) await user.type(value, typed)
    if (unit !== 'years') {
      await user.click(within(chat).getByRole('combobox', { name: 'Unit' }))
      await user.click(await screen.findByTitle(unit === 'days' ? 'Days' : 'Months'))
    }
    await user.click(within(chat).getByRole('button', { name: 'Save chat messages policy' }))
    expect(await within(chat).findByText(expected)).toBeInTheDocument()
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument()
    expect(sentWrites()).toEqual([])
  })

  it('previews a shorter period with its impact and requires the tenant name to confirm', async () => {
    const { dialog, user } = await shortenChatToOneYear()
    expect(within(dialog).getByRole('img', { name: /Stored messages by age/ })).toBeInTheDocument()
    expect(within(dialog).getByText('Would be deleted')).toBeInTheDocument()
    const confirm = within(dialog).getByRole('button', { name: 'Schedule deletion' })
    await user.click(confirm)
    expect(await within(dialog).findByText(/^Type exactly: /)).toBeInTheDocument()
    expect(await within(dialog).findByText('Give a reason; it is recorded in the audit log.')).toBeInTheDocument()
    expect(sentWrites()).toEqual(['POST /api/v1/tenants/t-acme/retention/preview'])
  })

  it.each(['0', '91', '2.5'])('keeps an out-of-range grace period of %s as typed and says what is allowed, without sending it', async (typed) => {
    const { user, dialog } = await shortenChatToOneYear()
    const grace = within(dialog).getByRole('spinbutton', { name: /Grace period/ })
    await user.clear(grace)
    await user.type(grace, typed)
    await user.tab()
    expect(grace).toHaveValue(typed)
    expect(within(dialog).getByText('Enter a whole number of days from 1 to 90.')).toBeInTheDocument()
    // No stepper buttons with fixed English names ("Increase Value") in either language.
    expect(within(dialog).queryByRole('button', { name: /Increase Value|Decrease Value/ })).not.toBeInTheDocument()
    expect(sentWrites()).toEqual(['POST /api/v1/tenants/t-acme/retention/preview'])
  })

  it('shows the other admin’s change on a stale save, and reapplies on top of it', async () => {
    await signInAs('admin-acme')
    const { user, files } = await openPage()
    // Another admin saves first: chat goes to 5 years (longer, applies at once).
    const current = await fetch(base)
    const etag = current.headers.get('ETag') ?? ''
    const other = await fetch(base, {
      method: 'PUT',
      headers: { 'Content-Type': 'application/json', 'If-Match': etag },
      body: JSON.stringify({ chat: { mode: 'period', value: 5, unit: 'years' }, files: { mode: 'period', value: 5, unit: 'years' } }),
    })
    expect(other.status).toBe(200)

    await user.click(within(files).getByRole('radio', { name: 'Keep forever' }))
    await user.click(within(files).getByRole('button', { name: 'Save files and images policy' }))
    const confirm = await screen.findByRole('dialog', { name: 'Change files and images retention to Forever?' })
    await user.click(within(confirm).getByRole('button', { name: 'Apply now' }))

    const conflict = await screen.findByRole('dialog', { name: 'Someone else changed the retention policies' })
    const theirs = within(conflict).getByText('Their version').closest('.ant-descriptions') as HTMLElement
    expect(within(theirs).getAllByText('5 years')).toHaveLength(2)
    expect(within(conflict).getByText('Your change')).toBeInTheDocument()
    await user.click(within(conflict).getByRole('button', { name: 'Reapply my change' }))
    expect(await within(files).findByText('Forever', { selector: 'strong' })).toBeInTheDocument()
    const chat = screen.getByRole('region', { name: 'Chat messages' })
    expect(within(chat).getByText('5 years', { selector: 'strong' })).toBeInTheDocument()
  })

  it('lets a read-only support agent see everything but change nothing', async () => {
    await signInAs('support-agent')
    const { chat } = await openPage()
    expect(within(chat).getByRole('button', { name: 'Save chat messages policy' })).toBeDisabled()
    expect(within(chat).getByRole('textbox', { name: 'Period length' })).toBeDisabled()
    expect(within(chat).getByText('Your support access to this tenant is read-only.')).toBeInTheDocument()
    expect(screen.getByRole('button', { name: 'Place a hold' })).toBeDisabled()
  })
})
