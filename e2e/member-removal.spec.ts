// One member's page and the removal flow (除名): handover and anonymisation, undo before the date, the date passing,
// the guard rails, a read-only support agent, the keyboard, and axe on every step in both languages.
import { test, expect } from './fixtures'
import { postFromPage } from './pages/api'
import { MemberDetailPage } from './pages/members'

const MEMBER = '/tenants/t-acme/members/m-acme-000007'
const DAY_MS = 86_400_000

test('an administrator removes a member with a handover and anonymisation, undoes it, then lets the date pass', async ({ page, loginAs, mock }) => {
  await loginAs('admin-acme', MEMBER)
  const detail = new MemberDetailPage(page)
  await expect(detail.heading()).toBeVisible()
  const name = await detail.heading().innerText()
  await expect(detail.profile(/Account data/)).toContainText(/\d{3}\*{4}\d{4}/)
  const documents = await detail.holding('Documents').innerText()
  expect(Number(documents)).toBeGreaterThan(0)

  await detail.remove({ handoverTo: '陈静', handling: 'Anonymise', reason: '离职' })
  await expect(detail.removal()).toContainText(/Pending removal: .* anonymised on/)
  await expect(detail.removal()).toContainText('Handed over to 陈静')
  await expect(page.getByText(`${name} is pending removal until`)).toBeVisible()
  // The button that opened the flow is gone (Remove became Undo): focus lands on the page's title.
  await expect(detail.heading()).toBeFocused()
  await expect(detail.holding('Documents')).toHaveText('0')

  await detail.button(/^Undo removal$/).click()
  await expect(detail.dialog()).toContainText('What the handover moved stays with the colleague')
  await detail.dialog().getByRole('button', { name: 'Undo removal' }).click()
  await expect(detail.removal()).toHaveCount(0)
  await expect(page.locator('#main')).toContainText('Active')
  await expect(detail.holding('Documents')).toHaveText('0')

  await detail.remove({ handoverTo: null, handling: 'Anonymise', graceDays: 3, reason: '离职' })
  await expect(detail.removal()).toContainText('anonymised on')
  await mock.setClock({ advanceMs: 3 * DAY_MS + 60_000 })
  await page.reload()
  await expect(detail.removal()).toContainText(/Removed — data anonymised on/)
  await expect(detail.removal()).toContainText('Backups that could not be cleared at once are isolated')
  await expect(detail.heading()).toHaveText(/Former member AC000008/)
  await expect(detail.profile(/Account data/)).toContainText('Erased')
  await expect(detail.holding('Chat files')).toHaveText('0')
  await expect(detail.holding('Clock-in records')).toHaveText('0')
  await expect(page.getByRole('heading', { name: 'History' }).locator('..')).toContainText('System (scheduled)')
  await expect(detail.button(/Undo removal|Remove member/)).toHaveCount(0)
})

test('the guard rails: an administrator cannot remove or deactivate themselves, and the page says why', async ({ page, loginAs }) => {
  await loginAs('admin-acme', '/tenants/t-acme/members/m-acme-000000')
  const detail = new MemberDetailPage(page)
  await expect(detail.heading()).toHaveText('王芳')
  await expect(detail.button(/^Remove member$/)).toBeDisabled()
  await expect(detail.button(/^Deactivate$/)).toBeDisabled()
  await expect(page.locator('#main')).toContainText('You cannot deactivate or remove yourself')
  const refused = await postFromPage(page, '/api/v1/tenants/t-acme/members/m-acme-000000/deactivate', { reason: 'test' })
  expect(refused).toEqual({ status: 409, type: 'urn:problem:member-is-you' })
})

test('a read-only support agent sees masked data, no way to change anything, and the API refuses', async ({ page, loginAs }) => {
  await loginAs('support-agent', MEMBER)
  const detail = new MemberDetailPage(page)
  await expect(detail.heading()).toBeVisible()
  await expect(detail.profile(/Work data/)).toContainText(/.\*\*\*@acme\.example/)
  await expect(detail.profile(/Account data/)).toContainText(/wx_.{1}.*\*\*\*\*/)
  await expect(detail.button(/^Remove member$/)).toBeDisabled()
  await expect(detail.button(/^Deactivate$/)).toBeDisabled()
  const refused = await postFromPage(page, '/api/v1/tenants/t-acme/members/m-acme-000007/removal', { handoverToMemberId: null, dataHandling: 'delete', graceDays: 30, reason: 'x' })
  expect(refused).toEqual({ status: 403, type: 'urn:problem:read-only-grant' })
})

test('the deactivate dialog takes the keyboard: focus inside, Escape closes it and focus returns to the button', async ({ page, loginAs }) => {
  await loginAs('admin-acme', MEMBER)
  const detail = new MemberDetailPage(page)
  const deactivate = detail.button(/^Deactivate$/)
  await deactivate.focus()
  await page.keyboard.press('Enter')
  await expect(detail.dialog()).toBeVisible()
  await expect(detail.dialog().locator(':focus')).toHaveCount(1)
  for (let i = 0; i < 8; i++) {
    await page.keyboard.press('Tab')
    await expect(detail.dialog().locator(':focus')).toHaveCount(1)
  }
  await page.keyboard.press('Escape')
  await expect(detail.dialog()).toBeHidden()
  await expect(deactivate).toBeFocused()

  // The removal flow: opened with the keyboard, Tab stays inside across its steps, Escape returns to its button.
  const remove = detail.button(/^Remove member$/)
  await remove.focus()
  await page.keyboard.press('Enter')
  await expect(detail.dialog()).toBeVisible()
  await expect(detail.dialog().locator(':focus')).toHaveCount(1)
  for (let i = 0; i < 10; i++) {
    await page.keyboard.press('Tab')
    await expect(detail.dialog().locator(':focus')).toHaveCount(1)
  }
  await page.keyboard.press('Escape')
  await expect(detail.dialog()).toBeHidden()
  await expect(remove).toBeFocused()
})

test('the undo dialog takes the keyboard and gives focus back to its button; after undoing, focus lands on the title', async ({ page, loginAs }) => {
  await loginAs('admin-acme', MEMBER)
  const detail = new MemberDetailPage(page)
  await detail.remove({ handoverTo: null, handling: 'Anonymise', reason: 'keyboard' })
  const undo = detail.button(/^Undo removal$/)
  await undo.focus()
  await page.keyboard.press('Enter')
  await expect(detail.dialog()).toBeVisible()
  await expect(detail.dialog().locator(':focus')).toHaveCount(1)
  await page.keyboard.press('Escape')
  await expect(detail.dialog()).toBeHidden()
  await expect(undo).toBeFocused()
  await page.keyboard.press('Enter')
  await expect(detail.dialog()).toBeVisible()
  // Tab to the confirm button and press it: the button that opened the dialog is gone afterwards.
  await detail.dialog().getByRole('button', { name: 'Undo removal' }).focus()
  await page.keyboard.press('Enter')
  await expect(detail.dialog()).toBeHidden()
  await expect(detail.heading()).toBeFocused()
})

for (const language of ['en-US', 'zh-CN'] as const) {
  test(`the member page and every step of the removal flow have no serious axe violations (${language})`, async ({ page, loginAs, expectAccessible }) => {
    await loginAs('admin-acme', '/sign-in')
    await page.evaluate((lang) => localStorage.setItem('tdgc.language', lang), language)
    await page.goto(MEMBER)
    const detail = new MemberDetailPage(page)
    await expect(detail.heading()).toBeVisible()
    await expect(page.getByRole('heading', { name: /History|变更记录/ })).toBeVisible()
    await expectAccessible(`member detail (${language})`)
    await detail.button(/^(Remove member|除名成员)$/).click()
    const dialog = detail.dialog()
    await expect(dialog).toBeVisible()
    const next = dialog.getByRole('button', { name: /^(Next|下一步)$/ })
    await dialog.getByRole('checkbox').check()
    for (const step of ['handover', 'data', 'grace']) {
      await expectAccessible(`removal step ${step} (${language})`)
      await next.click()
    }
    await expect(dialog.getByRole('textbox')).toBeVisible()
    await expectAccessible(`removal confirm (${language})`)
  })
}

test('a removal that fails (500, a dropped connection) changes nothing; one whose answer is lost is replayed once on retry', async ({ page, loginAs, mock }) => {
  await loginAs('admin-acme', MEMBER)
  const detail = new MemberDetailPage(page)
  await expect(detail.heading()).toBeVisible()
  const path = '/api/v1/tenants/t-acme/members/m-acme-000007/removal'
  const confirm = await detail.fillRemoval({ handoverTo: '陈静', handling: 'Delete', reason: 'Faults on the way' })
  const dialog = detail.dialog()
  for (const { fault, message } of [
    { fault: { status: 500 }, message: 'nothing was changed' },
    { fault: { networkError: true }, message: 'The server could not be reached' },
  ]) {
    await mock.fault({ method: 'POST', path, ...fault })
    await confirm.click()
    await expect(dialog.getByRole('alert')).toContainText(message)
    await expect(detail.removal()).toHaveCount(0)
    await expect(page.locator('#main').getByText('Active', { exact: true })).toBeVisible()
  }
  await mock.fault({ method: 'POST', path, phase: 'after', networkError: true })
  await confirm.click()
  await expect(dialog.getByRole('alert')).toContainText('The server could not be reached')
  // The change did happen: the page behind the dialog says so truthfully.
  await expect(detail.removal()).toContainText('Pending removal')
  await confirm.click()
  await expect(dialog).toBeHidden()
  await expect(detail.removal()).toContainText('Handed over to 陈静')
  const actions = await page.evaluate(async () => {
    const response = await fetch('/api/v1/tenants/t-acme/audit-events?targetType=member&targetId=m-acme-000007&limit=50')
    return ((await response.json()) as { items: { action: string }[] }).items.map((event) => event.action)
  })
  expect(actions.filter((action) => action === 'member.removal_scheduled')).toHaveLength(1)
  expect(actions.filter((action) => action === 'member.handed_over')).toHaveLength(1)
})
