// Page object for the apps page: catalogue rows, the detail drawer, dialogs and the emergency banner.
import { expect, type Locator, type Page } from '@playwright/test'
import { selectOption } from './select-option'

export class AppsPage {
  constructor(readonly page: Page) {}

  async goto(query = '') {
    await this.page.goto(`/tenants/t-acme/apps${query}`)
  }

  heading() {
    return this.page.getByRole('heading', { level: 1, name: /^(Apps|应用管理)$/ })
  }

  table() {
    return this.page.getByRole('table').first()
  }

  /** The catalogue row of an app, found by its name button. */
  row(name: string): Locator {
    return this.table().getByRole('row').filter({ has: this.page.getByRole('button', { name, exact: true }) })
  }

  async openDetails(name: string): Promise<Locator> {
    await this.row(name).getByRole('button', { name, exact: true }).click()
    return this.drawer(name)
  }

  drawer(name: string): Locator {
    return this.page.getByRole('dialog', { name, exact: true })
  }

  dialog(name: string | RegExp): Locator {
    return this.page.getByRole('dialog', { name })
  }

  emergencyBanner(): Locator {
    return this.page.getByRole('region', { name: /^(Emergency switch|紧急停用)$/ })
  }

  tab(name: RegExp): Locator {
    return this.page.getByRole('tab', { name })
  }

  /**
   * Picks an option of an antd Select (combobox) inside `container` after typing to narrow it down, and
   * waits until the pick shows as a tag in the select (the list is rendered outside the dialog).
   */
  /** Picks an option in a multiple select (typing to search), then closes its list. */
  async choose(container: Locator, combobox: Locator, typed: string, option: string | RegExp) {
    await selectOption(this.page, combobox, option, typed)
    await expect(container.getByTitle(option).first()).toBeVisible()
    // A multiple select stays open after a pick; Escape closes only the list (the select stops it reaching the dialog).
    await combobox.press('Escape')
    await expect(this.page.locator('.ant-select-dropdown:visible')).toHaveCount(0)
  }
}
