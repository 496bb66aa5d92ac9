// The member directory: find people by name, email and the phone's last four digits, filter and page with the URL
// keeping the place, masked data for support, and no serious axe violations in either language.
import { test, expect } from './fixtures'
import { MembersPage } from './pages/members'
import { selectOption } from './pages/select-option'

const DIRECTORY = '/tenants/t-acme/members'

test('an administrator finds a member by name and by the phone’s last four, and pages through the directory', async ({ page, loginAs }) => {
  await loginAs('admin-acme', DIRECTORY)
  const members = new MembersPage(page)
  await expect(members.heading()).toBeVisible()
  await expect(members.range()).toHaveText('Members 1–50 of 300')

  await members.next().click()
  await expect(members.range()).toHaveText('Members 51–100 of 300')
  await expect(page).toHaveURL(/page=2/)
  // A reload keeps the page, and Previous still leads back.
  await page.reload()
  await expect(members.range()).toHaveText('Members 51–100 of 300')
  await members.previous().click()
  await expect(members.range()).toHaveText('Members 1–50 of 300')

  await members.search().fill('王芳')
  await expect(members.row('王芳')).toBeVisible()
  await expect(page).toHaveURL(/q=%E7%8E%8B%E8%8A%B3/)
  const phone = (await members.row('王芳').getByText(/^\d{3}\*{4}\d{4}$/).innerText()).slice(-4)
  await members.search().fill(phone)
  await expect(members.row('王芳')).toBeVisible()

  await members.search().fill('')
  await selectOption(page, page.getByRole('combobox', { name: /^Role/ }), 'Administrator')
  await expect(members.row('王芳')).toBeVisible()
  await expect(page).toHaveURL(/role=admin/)
  const rows = members.table().getByRole('row')
  const count = await rows.count()
  for (let index = 1; index < count; index++) await expect(rows.nth(index)).toContainText('Administrator')
})

test('the directory sorts by a column header, from the keyboard too, and the order stays in the URL across pages and a reload', async ({ page, loginAs }) => {
  await loginAs('admin-acme', DIRECTORY)
  const members = new MembersPage(page)
  await expect(members.range()).toHaveText('Members 1–50 of 300')
  const byName = members.table().getByRole('columnheader', { name: /^Name/ })
  const byNumber = members.table().getByRole('columnheader', { name: /^Employee no\./ })
  await expect(byName).toHaveAttribute('aria-sort', 'ascending')
  const firstNumber = () => members.table().getByRole('row').nth(1).getByRole('cell').nth(2)

  await byNumber.focus()
  await page.keyboard.press('Enter')
  await expect(byNumber).toHaveAttribute('aria-sort', 'ascending')
  await expect(page).toHaveURL(/sort=employeeNo/)
  await expect(firstNumber()).toHaveText('AC000001')
  await page.keyboard.press('Enter')
  await expect(byNumber).toHaveAttribute('aria-sort', 'descending')
  await expect(page).toHaveURL(/sort=-employeeNo/)
  await expect(firstNumber()).toHaveText('AC000300')
  await expect(byName).not.toHaveAttribute('aria-sort', /ascending|descending/)

  await members.next().click()
  await expect(members.range()).toHaveText('Members 51–100 of 300')
  await expect(firstNumber()).toHaveText('AC000250')
  await page.reload()
  await expect(firstNumber()).toHaveText('AC000250')
  await expect(byNumber).toHaveAttribute('aria-sort', 'descending')
  // A third press goes back to the default order (by name), from the first page.
  await byNumber.focus()
  await page.keyboard.press('Enter')
  await expect(byName).toHaveAttribute('aria-sort', 'ascending')
  await expect(page).not.toHaveURL(/sort=|page=/)
  await expect(members.range()).toHaveText('Members 1–50 of 300')
})

test('a support agent sees masked emails and cannot find a member by the email hidden from them', async ({ page, loginAs }) => {
  await loginAs('support-agent', DIRECTORY)
  const members = new MembersPage(page)
  await expect(members.heading()).toBeVisible()
  await expect(members.table().getByText(/^\w\*\*\*@/).first()).toBeVisible()
  await members.search().fill('wang.fang@')
  await expect(members.range()).toHaveText('No members')
  await members.search().fill('王芳')
  await expect(members.row('王芳')).toContainText('w***@acme.example')
})

for (const language of ['en-US', 'zh-CN'] as const) {
  test(`the directory has no serious axe violations (${language})`, async ({ page, loginAs, expectAccessible }) => {
    await loginAs('admin-acme', '/sign-in')
    await page.evaluate((lang) => localStorage.setItem('tdgc.language', lang), language)
    await page.goto(DIRECTORY)
    const members = new MembersPage(page)
    await expect(members.heading()).toBeVisible()
    await expect(members.range()).toContainText(/300/)
    await expectAccessible(`member directory (${language})`)
    await page.getByRole('combobox', { name: /Department|部门/ }).click()
    await expect(page.locator('.ant-select-dropdown:visible')).toBeVisible()
    await expectAccessible(`department filter open (${language})`)
  })
}
