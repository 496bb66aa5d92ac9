// Picks an option of an antd Select and waits until the select shows it.
import { expect, type Locator, type Page } from '@playwright/test'

/**
 * antd re-renders and animates its option list while it opens and while search results settle, so a click
 * can land on a node that is being replaced and pick nothing. The pick is retried until the select itself
 * shows the choice — and only while it does not, so a picked option is never clicked twice.
 */
export async function selectOption(page: Page, combobox: Locator, option: string | RegExp, typed?: string) {
  // The select that holds this combobox (its nearest ancestor with antd's select class).
  const select = combobox.locator('xpath=ancestor::*[contains(concat(" ", normalize-space(@class), " "), " ant-select ")][1]')
  const shown = select.getByTitle(option, typeof option === 'string' ? { exact: true } : {}).first()
  await expect(async () => {
    if ((await shown.count()) === 0) {
      if (typed === undefined) await combobox.click()
      else await combobox.fill(typed)
      await page.getByTitle(option, typeof option === 'string' ? { exact: true } : {}).last().click({ timeout: 2_000 })
    }
    await expect(shown).toBeVisible({ timeout: 1_000 })
  }).toPass()
}
