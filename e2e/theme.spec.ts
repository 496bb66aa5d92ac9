// The theme reaches the components: antd runs in zeroRuntime mode with its prebuilt stylesheet, which also
// carries the default theme's values; the contrast tokens of src/app/theme.ts must win over them everywhere.
import type { Locator } from '@playwright/test'
import { test, expect } from './fixtures'
import { AppsPage } from './pages/apps'

const PRIMARY = 'rgb(9, 88, 217)' // #0958d9, 5.9:1 with white text (stock #1677ff is 4.1:1)
const ERROR = 'rgb(196, 29, 29)' // #c41d1d, 6.0:1 on white (stock #ff4d4f is 3.3:1)

const css = (locator: Locator, property: string) =>
  locator.evaluate((element, name) => getComputedStyle(element).getPropertyValue(name), property)

test('the console’s contrast colours, not antd’s defaults, style buttons, links and the menu', async ({ page, loginAs }) => {
  await loginAs('admin-acme', '/tenants/t-acme/apps')
  const apps = new AppsPage(page)
  const enable = apps.row('企业网盘归档 DocVault').getByRole('button', { name: 'Enable 企业网盘归档 DocVault' })
  await expect(enable).toBeVisible()
  expect(await css(enable, 'background-color')).toBe(PRIMARY)
  const disable = apps.table().getByRole('button', { name: /^Disable / }).first()
  expect(await css(disable, 'color')).toBe(ERROR)
  expect(await css(disable, 'border-color')).toBe(ERROR)
  const selected = page.getByRole('navigation', { name: 'Main navigation' }).getByRole('menuitem').filter({ hasText: 'Apps' })
  expect(await css(selected, 'color')).toBe(PRIMARY)
  // The focused search box's frame (antd draws it on the wrapper around the input when there is a clear button).
  const search = page.getByRole('textbox', { name: 'Search apps' })
  await search.focus()
  const frameColour = () =>
    search.evaluate((input) => getComputedStyle(input.closest('.ant-input-affix-wrapper') ?? input).getPropertyValue('border-color'))
  await expect.poll(frameColour).toBe(PRIMARY)
})
