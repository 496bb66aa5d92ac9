// Page object for the member directory.
import type { Locator, Page } from '@playwright/test'

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
