// Page object for the member directory.
import { expect, type Locator, type Page } from '@playwright/test'
import { selectOption } from './select-option'

export class MembersPage {
  constructor(readonly page: Page) {}

  heading() {
    return this.page.getByRole('heading', { level: 1, name: /^(Members|成员)$/ })
  }

  search(): Locator {
    return this.page.getByRole('textbox', { name: /Search members|搜索成员/ })
  }

  table(): Locator {
    return this.page.getByRole('table')
  }

  row(name: string): Locator {
    return this.table().getByRole('row', { name: new RegExp(name) })
  }

  range(): Locator {
    return this.page.getByRole('navigation', { name: /Pages of members|成员分页/ }).getByRole('status')
  }

  next(): Locator {
    return this.page.getByRole('button', { name: /Next page|下一页/ })
  }

  previous(): Locator {
    return this.page.getByRole('button', { name: /Previous page|上一页/ })
  }
}

interface RemovalOptions {
  handoverTo: string | null
  handling: 'Anonymise' | 'Delete'
  graceDays?: number
  reason: string
}

/** Page object for one member's page and its dialogs. */
export class MemberDetailPage {
  constructor(readonly page: Page) {}

  heading(): Locator {
    return this.page.locator('#main').getByRole('heading', { level: 1 })
  }

  button(name: RegExp): Locator {
    return this.page.locator('#main').getByRole('button', { name })
  }

  removal(): Locator {
    return this.page.getByRole('alert').filter({ hasText: /Pending removal|Removed —|待除名|已除名/ })
  }

  dialog(): Locator {
    return this.page.getByRole('dialog')
  }

  profile(side: RegExp): Locator {
    return this.page.locator('.ant-card').filter({ has: this.page.getByRole('heading', { name: side }) })
  }

  holding(label: string): Locator {
    return this.page.locator('.ant-statistic').filter({ hasText: label }).locator('.ant-statistic-content')
  }

  /** Runs the removal flow: handover (a colleague's name typed into the picker, or nothing), data handling, grace, reason. */
  async remove(options: RemovalOptions): Promise<void> {
    const confirm = await this.fillRemoval(options)
    await confirm.click()
    await expect(this.dialog()).toBeHidden()
  }

  /** Goes through the flow up to its last step and returns the confirm button (not pressed). */
  async fillRemoval(options: RemovalOptions): Promise<Locator> {
    await this.button(/^Remove member$/).click()
    const dialog = this.dialog()
    await expect(dialog).toBeVisible()
    if (options.handoverTo === null) {
      await dialog.getByRole('checkbox', { name: /Hand over nothing/ }).check()
    } else {
      await selectOption(this.page, dialog.getByRole('combobox', { name: 'Colleague who takes over' }), new RegExp(options.handoverTo), options.handoverTo)
    }
    await dialog.getByRole('button', { name: 'Next' }).click()
    await dialog.getByRole('radio', { name: new RegExp(`^${options.handling}`) }).check()
    await dialog.getByRole('button', { name: 'Next' }).click()
    if (options.graceDays !== undefined) await dialog.getByRole('spinbutton', { name: /Grace period/ }).fill(String(options.graceDays))
    await dialog.getByRole('button', { name: 'Next' }).click()
    await dialog.getByRole('textbox', { name: 'Reason' }).fill(options.reason)
    return dialog.getByRole('button', { name: 'Remove member' })
  }
}
