// Deregistration requests forwarded by the platform: due soon on the overview, approve one through the prefilled
// removal flow, decline another with a reason, a request injected through the control API, and axe in both languages.
import { test, expect } from './fixtures'
import { MemberDetailPage } from './pages/members'
import { expectDialogTakesKeyboard } from './pages/keyboard'

const QUEUE = '/tenants/t-acme/members/requests'

test('the overview points at a request due soon; the admin approves one through the removal flow and declines another', async ({ page, loginAs }) => {
  await loginAs('admin-acme', '/tenants/t-acme')
  const attention = page.getByRole('heading', { name: 'Needs your attention' }).locator('xpath=ancestor::*[contains(concat(" ", normalize-space(@class), " "), " ant-card ")][1]')
  await expect(attention).toContainText('1 deregistration request is due within 3 days')
  await expect(attention).toContainText('1 deregistration request to answer')
  await attention.getByRole('link', { name: '1 deregistration request is due within 3 days' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Deregistration requests' })).toBeVisible()
  const rows = page.getByRole('table').getByRole('row')
  await expect(rows.nth(1)).toContainText('Due soon: 2 days left')
  await expect(rows.nth(2)).toContainText('14 days left')

  // Approve the second: the removal flow opens for that member with the request as the reason.
  const second = rows.nth(2)
  const memberName = (await second.getByRole('link').innerText()).trim()
  await second.getByRole('button', { name: `Approve the request of ${memberName}` }).click()
  const dialog = page.getByRole('dialog')
  await expect(dialog).toContainText(`Approve the request of ${memberName}`)
  await dialog.getByRole('checkbox', { name: /Hand over nothing/ }).check()
  for (let step = 0; step < 3; step++) await dialog.getByRole('button', { name: 'Next' }).click()
  await expect(dialog.getByRole('textbox', { name: 'Reason' })).toHaveValue('The member asked to leave (deregistration request dr-acme-002).')
  await dialog.getByRole('button', { name: 'Remove member' }).click()
  await expect(dialog).toBeHidden()
  await expect(page.getByText(`Approved: ${memberName} is pending removal.`)).toBeVisible()
  await expect(page.getByRole('row', { name: new RegExp(memberName) })).toContainText('Approved')

  // Decline the first with a reason, which goes back to the platform.
  const first = page.getByRole('row').filter({ hasText: 'Due soon' })
  const firstName = (await first.getByRole('link').innerText()).trim()
  await first.getByRole('button', { name: `Decline the request of ${firstName}` }).click()
  const decline = page.getByRole('dialog', { name: `Decline the request of ${firstName}?` })
  await decline.getByRole('button', { name: 'Decline request' }).click()
  await expect(decline.getByText('Give a reason; it is recorded in the audit log.')).toBeVisible()
  await decline.getByRole('textbox', { name: 'Reason' }).fill('客户合同尚未交接完毕')
  await decline.getByRole('button', { name: 'Decline request' }).click()
  await expect(decline).toBeHidden()
  await expect(page.getByRole('row', { name: new RegExp(firstName) })).toContainText('Declined: 客户合同尚未交接完毕')

  // The approved member's page says the removal is pending; the overview has nothing left about requests.
  await page.getByRole('link', { name: memberName }).click()
  const detail = new MemberDetailPage(page)
  await expect(detail.removal()).toContainText('Pending removal')
  await page.goto('/tenants/t-acme')
  await expect(page.getByRole('heading', { name: 'Needs your attention' })).toBeVisible()
  await expect(page.getByText(/deregistration request/)).toHaveCount(0)
})

test('a request the platform forwards shows up in the queue, overdue when its deadline has passed', async ({ page, loginAs }) => {
  await loginAs('admin-acme', '/tenants/t-acme/members')
  const status = await page.evaluate(async () => {
    const response = await fetch('/api/v1/mock/deregistration-requests', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ tenantId: 't-acme', memberId: 'm-acme-000030', message: 'Left in October, forgot to ask', receivedAt: '2026-11-01T00:00:00.000Z' }),
    })
    return response.status
  })
  expect(status).toBe(201)
  await page.reload()
  await expect(page.getByRole('alert').filter({ hasText: '3 open deregistration requests, 2 due soon or overdue' })).toBeVisible()
  await page.getByRole('link', { name: 'Review requests' }).click()
  await expect(page.getByRole('row').filter({ hasText: 'Left in October, forgot to ask' })).toContainText('Overdue by 4 days')
})

test('the decline and approve dialogs take the keyboard and give focus back to the button that opened them', async ({ page, loginAs }) => {
  await loginAs('admin-acme', QUEUE)
  const row = page.getByRole('table').getByRole('row').nth(1)
  for (const name of [/^Decline the request of /, /^Approve the request of /]) {
    await expectDialogTakesKeyboard(page, row.getByRole('button', { name }), page.getByRole('dialog'))
  }
})

for (const language of ['en-US', 'zh-CN'] as const) {
  test(`the queue and the decline dialog have no serious axe violations (${language})`, async ({ page, loginAs, expectAccessible }) => {
    await loginAs('admin-acme', '/sign-in')
    await page.evaluate((lang) => localStorage.setItem('tdgc.language', lang), language)
    await page.goto(QUEUE)
    await expect(page.getByRole('table').getByRole('row')).toHaveCount(3)
    await expectAccessible(`deregistration queue (${language})`)
    await page.getByRole('table').getByRole('row').nth(1).getByRole('button').nth(1).click()
    await expect(page.getByRole('dialog')).toBeVisible()
    await expectAccessible(`decline dialog (${language})`)
  })
}

test('the administrator sets the grace period removals offer and the days to reply; an out-of-range value is refused with a message', async ({ page, loginAs, expectAccessible }) => {
  await loginAs('admin-acme', QUEUE)
  const settings = page.getByRole('region', { name: 'Removal and request settings' })
  const grace = settings.getByRole('spinbutton', { name: 'Grace period for removals (days)' })
  const reply = settings.getByRole('spinbutton', { name: 'Days to reply to a deregistration request' })
  await expect(grace).toHaveValue('30')
  await expect(reply).toHaveValue('15')
  await grace.fill('61')
  await settings.getByRole('button', { name: 'Save settings' }).click()
  await expect(settings.getByRole('alert')).toHaveText('Enter a whole number of days from 1 to 60.')
  await expect(grace).toHaveAttribute('aria-invalid', 'true')
  await expectAccessible('settings refused')
  await grace.fill('14')
  await reply.fill('10')
  await settings.getByRole('button', { name: 'Save settings' }).click()
  await expect(page.getByText('Reply within 10 days of receipt', { exact: false })).toBeVisible()
  await expect(settings.getByRole('alert')).toHaveCount(0)
  // A removal now offers 14 days.
  const row = page.getByRole('table').getByRole('row').nth(2)
  const memberName = (await row.getByRole('link').innerText()).trim()
  await row.getByRole('button', { name: `Approve the request of ${memberName}` }).click()
  const dialog = page.getByRole('dialog')
  await dialog.getByRole('checkbox', { name: /Hand over nothing/ }).check()
  for (let step = 0; step < 2; step++) await dialog.getByRole('button', { name: 'Next' }).click()
  await expect(dialog.getByRole('spinbutton', { name: 'Grace period (days)' })).toHaveValue('14')
  await expect(dialog).toContainText('your enterprise’s default is 14')
})
