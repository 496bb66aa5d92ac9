// Keyboard alone, with animations on and with reduced motion: every dialog and the drawer of the apps and retention
// pages takes focus when it opens, keeps it while open (Tab wraps), and on close — Escape, Cancel, the close button,
// or after its action succeeded — hands it back to the control that opened it, or to the row it acted on.
import type { Locator, Page } from '@playwright/test'
import { test, expect } from './fixtures'
import { AppsPage } from './pages/apps'
import { expectDialogTakesKeyboard, expectFocusWithin, submitByKeyboard } from './pages/keyboard'
import { RetentionPage } from './pages/retention'

/** Opens the dialog with Enter on its opener, closes it with `close`, and checks focus came back to the opener. */
async function closesBackToOpener(page: Page, opener: Locator, dialog: Locator, close: 'Cancel' | 'Close'): Promise<void> {
  await opener.focus()
  await page.keyboard.press('Enter')
  await expect(dialog).toBeVisible()
  await expectFocusWithin(dialog)
  const button = close === 'Close' ? dialog.getByRole('button', { name: 'Close', exact: true }) : dialog.getByRole('button', { name: 'Cancel', exact: true })
  await button.focus()
  await page.keyboard.press('Enter')
  await expect(dialog).toBeHidden()
  await expect(opener).toBeFocused()
}

for (const reducedMotion of ['no-preference', 'reduce'] as const) {
  test.describe(reducedMotion === 'reduce' ? 'keyboard, reduced motion' : 'keyboard, animations on', () => {
    test.beforeEach(async ({ page }) => {
      await page.emulateMedia({ reducedMotion })
    })

    test('apps: each dialog and the drawer take the keyboard and give focus back, also after the action', async ({ page, loginAs }) => {
      test.setTimeout(90_000)
      await loginAs('admin-acme', '/tenants/t-acme/apps')
      const apps = new AppsPage(page)
      const row = apps.row('SalesLink CRM 同步')
      const disable = row.getByRole('button', { name: 'Disable SalesLink CRM 同步' })
      const dialog = apps.dialog('Disable SalesLink CRM 同步')
      await expectDialogTakesKeyboard(page, disable, dialog)
      await closesBackToOpener(page, disable, dialog, 'Cancel')
      await closesBackToOpener(page, disable, dialog, 'Close')
      // Done by keyboard: the row's "Disable" is now "Enable", and focus is back in that row.
      await submitByKeyboard(page, disable, dialog, dialog.getByRole('textbox', { name: 'Reason' }), 'Contract ended', 'Disable app')
      await expect(row.getByRole('button', { name: 'Enable SalesLink CRM 同步' })).toBeVisible()
      await expect(row.locator(':focus')).toHaveCount(1)

      const enable = row.getByRole('button', { name: 'Enable SalesLink CRM 同步' })
      await expectDialogTakesKeyboard(page, enable, apps.dialog('Enable SalesLink CRM 同步'), 3)

      // The drawer, and a dialog opened from it, which hands focus back to the drawer's button.
      const name = row.getByRole('button', { name: 'SalesLink CRM 同步', exact: true })
      const drawer = apps.drawer('SalesLink CRM 同步')
      await expectDialogTakesKeyboard(page, name, drawer)
      await name.focus()
      await page.keyboard.press('Enter')
      await expect(drawer).toBeVisible()
      await expectDialogTakesKeyboard(page, drawer.getByRole('button', { name: 'Change who may use it' }), apps.dialog('Who may use SalesLink CRM 同步'), 4)
      const askVendor = drawer.getByRole('button', { name: 'Ask the vendor to delete its data' })
      const ask = apps.dialog('Ask SalesLink Inc. to delete its data')
      await expectDialogTakesKeyboard(page, askVendor, ask, 3)
      // Sent by keyboard; its answer is recorded by keyboard too, and focus stays in the drawer when the button goes.
      await submitByKeyboard(page, askVendor, ask, ask.getByRole('textbox', { name: 'Reason' }), 'Contract ended', 'Send the request')
      await expect(askVendor).toBeFocused()
      const record = drawer.getByRole('button', { name: 'Record the vendor’s answer' })
      const answer = apps.dialog('Record SalesLink Inc.’s answer')
      await expectDialogTakesKeyboard(page, record, answer, 5)
      await record.focus()
      await page.keyboard.press('Enter')
      await answer.getByRole('radio', { name: 'Deletion confirmed' }).focus()
      await page.keyboard.press('ArrowDown')
      await expect(answer.getByRole('radio', { name: 'Refused, or keeps some of the data' })).toBeChecked()
      await answer.getByRole('textbox', { name: 'The vendor’s reference or what it said' }).focus()
      await page.keyboard.type('Keeps invoices for 5 years')
      await answer.getByRole('button', { name: 'Record the answer' }).focus()
      await page.keyboard.press('Enter')
      await expect(answer).toBeHidden()
      await expect(drawer).toContainText('Refused by the vendor')
      await expect(record).toHaveCount(0)
      await expectFocusWithin(drawer)
      await page.keyboard.press('Escape')
      await expect(drawer).toBeHidden()
      await expect(name).toBeFocused()

      // The page's own buttons.
      await expectDialogTakesKeyboard(page, page.getByRole('button', { name: 'Emergency switch' }), apps.dialog('Emergency switch'))
      await expectDialogTakesKeyboard(page, page.getByRole('button', { name: 'Register a custom app' }), apps.dialog('Register a custom app'), 4)
    })

    test('retention: the change, shorten and hold dialogs take the keyboard and give focus back', async ({ page, loginAs }) => {
      test.setTimeout(90_000)
      await loginAs('admin-acme', '/tenants/t-acme/retention')
      const retention = new RetentionPage(page)
      await retention.setPeriod('chat', '7', 'Years')
      const save = retention.policy('chat').getByRole('button', { name: 'Save chat messages policy' })
      await expectDialogTakesKeyboard(page, save, retention.lengthenDialog(), 3)
      await retention.setPeriod('chat', '1', 'Years')
      await expectDialogTakesKeyboard(page, save, retention.impactDialog())
      await closesBackToOpener(page, save, retention.impactDialog(), 'Cancel')
      await expectDialogTakesKeyboard(page, retention.holds().getByRole('button', { name: 'Place a hold' }), page.getByRole('dialog', { name: 'Place a legal hold' }))
    })
  })
}

test('the language and account menus open with Enter, move with the arrow keys, and Escape hands focus back', async ({ page, loginAs }) => {
  await loginAs('admin-acme', '/tenants/t-acme')
  const focusInMenu = () => page.evaluate(() => document.activeElement?.closest('[role="menu"]') !== null)
  for (const [name, item] of [
    [/^Language: English$/, '简体中文'],
    [/^Account menu for 王芳$/, 'Sign out'],
  ] as const) {
    const button = page.getByRole('button', { name })
    await button.focus()
    await page.keyboard.press('Enter')
    const menu = page.getByRole('menu').filter({ has: page.getByRole('menuitem', { name: item }) })
    await expect(menu).toBeVisible()
    // The menu takes focus when opened by keyboard, and the arrow keys move inside it (waited for, not assumed).
    await expect.poll(focusInMenu).toBe(true)
    await page.keyboard.press('ArrowDown')
    await expect.poll(focusInMenu).toBe(true)
    await page.keyboard.press('Escape')
    await expect(menu).toBeHidden()
    await expect(button).toBeFocused()
  }
  // Choosing a language by keyboard alone.
  await page.getByRole('button', { name: /^Language: English$/ }).focus()
  await page.keyboard.press('Enter')
  await expect(page.getByRole('menuitem', { name: '简体中文' })).toBeVisible()
  await expect.poll(focusInMenu).toBe(true)
  const focused = () => page.evaluate(() => document.activeElement?.textContent ?? '')
  for (let step = 0; step < 3 && (await focused()) !== '简体中文'; step++) {
    const before = await focused()
    await page.keyboard.press('ArrowDown')
    await expect.poll(focused).not.toBe(before)
  }
  expect(await focused()).toBe('简体中文')
  await page.keyboard.press('Enter')
  await expect(page.getByRole('button', { name: /^语言：简体中文$|^语言: 简体中文$/ })).toBeVisible()
})
