// Page object for the mock sign-in page (persona picker).
import type { Page } from '@playwright/test'

export class SignInPage {
  constructor(readonly page: Page) {}

  async signInAs(name: string) {
    await this.page.getByRole('button', { name: new RegExp(`(Sign in as|以) ${name}`) }).click()
  }

  heading() {
    return this.page.getByRole('heading', { level: 1, name: /Sign in|登录/ })
  }
}
