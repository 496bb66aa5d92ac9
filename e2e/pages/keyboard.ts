// A dialog that takes the keyboard: opened with Enter on its button, focus inside and kept there through Tab,
// Escape closes it and focus returns to the button that opened it.
import { expect, type Locator, type Page } from '@playwright/test'

/** Focus is on the dialog itself (it names what opened) or on something inside it. */
export async function expectFocusWithin(dialog: Locator): Promise<void> {
  await expect.poll(() => dialog.evaluate((element) => element.contains(document.activeElement))).toBe(true)
}

export async function expectDialogTakesKeyboard(page: Page, opener: Locator, dialog: Locator, tabs = 6): Promise<void> {
  await opener.focus()
  await page.keyboard.press('Enter')
  await expect(dialog).toBeVisible()
  await expectFocusWithin(dialog)
  for (let i = 0; i < tabs; i++) {
    await page.keyboard.press('Tab')
    await expectFocusWithin(dialog)
  }
  await page.keyboard.press('Escape')
  await expect(dialog).toBeHidden()
  await expect(opener).toBeFocused()
}

/** Opens a dialog with Enter on its opener, types into one field and presses the dialog's button — keyboard only. */
export async function submitByKeyboard(page: Page, opener: Locator, dialog: Locator, field: Locator, text: string, buttonName: string): Promise<void> {
  await opener.focus()
  await page.keyboard.press('Enter')
  await expect(dialog).toBeVisible()
  await field.focus()
  await page.keyboard.type(text)
  await dialog.getByRole('button', { name: buttonName }).focus()
  await page.keyboard.press('Enter')
  await expect(dialog).toBeHidden()
}
