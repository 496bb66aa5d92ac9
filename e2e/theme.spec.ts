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

/** WCAG contrast ratio of two computed rgb() colours. */
function contrast(a: string, b: string): number {
  const luminance = (rgb: string) => {
    const [r = 0, g = 0, b = 0] = (rgb.match(/\d+(\.\d+)?/g) ?? []).slice(0, 3).map(Number).map((value) => {
      const c = value / 255
      return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4
    })
    return 0.2126 * r + 0.7152 * g + 0.0722 * b
  }
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x)
  return ((light ?? 0) + 0.05) / ((dark ?? 0) + 0.05)
}

test('hovered and pressed buttons and links keep AA contrast, and the keyboard focus ring reaches 3:1', async ({ page, loginAs, expectAccessible }) => {
  await loginAs('admin-acme', '/tenants/t-acme/apps')
  const apps = new AppsPage(page)
  const enable = apps.row('企业网盘归档 DocVault').getByRole('button', { name: 'Enable 企业网盘归档 DocVault' })
  await enable.hover()
  await expect.poll(async () => contrast(await css(enable, 'background-color'), await css(enable, 'color'))).toBeGreaterThanOrEqual(4.5)
  await expectAccessible('a primary button under the pointer')
  const disable = apps.table().getByRole('button', { name: /^Disable / }).first()
  await disable.hover()
  await expect.poll(async () => contrast(await css(disable, 'color'), 'rgb(255, 255, 255)')).toBeGreaterThanOrEqual(4.5)
  await expectAccessible('a danger button under the pointer')
  // An app's name opens its details: a link-styled button.
  const name = apps.table().getByRole('button', { name: '企业网盘归档 DocVault', exact: true })
  await name.hover()
  await expect.poll(async () => contrast(await css(name, 'color'), 'rgb(255, 255, 255)')).toBeGreaterThanOrEqual(4.5)
  await expectAccessible('a link under the pointer')
  // The focus ring of a button reached by the keyboard, against the white page behind it.
  await page.mouse.move(0, 0)
  await enable.focus()
  await page.keyboard.press('Shift+Tab')
  await page.keyboard.press('Tab')
  await expect(enable).toBeFocused()
  await expect.poll(async () => (await css(enable, 'outline-style')) === 'solid' && contrast(await css(enable, 'outline-color'), 'rgb(255, 255, 255)')).toBeGreaterThanOrEqual(3)
})
