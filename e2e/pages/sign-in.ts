// Page object for the sign-in page: the mock's persona picker, or the real server's email and password form.
import type { Page } from '@playwright/test'
import { apiMode } from '../api-mode'

/** The seeded demo accounts (governance/seed/users.ts) and the password a test server gives them. */
const DEMO_EMAILS: Record<string, string> = {
  王芳: 'wang.fang@acme.example',
  陈静: 'chen.jing@acme.example',
  'Oliver Bennett': 'oliver.bennett@northwind.example',
  李雷: 'li.lei@support.platform.example',
}
export const DEMO_PASSWORD = 'governance-demo'

export class SignInPage {
  constructor(readonly page: Page) {}

  async signInAs(name: string) {
    if (apiMode() === 'mock') {
      await this.page.getByRole('button', { name: new RegExp(`(Sign in as|以) ${name}`) }).click()
      return
    }
    const email = DEMO_EMAILS[name]
    if (!email) throw new Error(`No demo account for ${name}`)
    await this.signInWithPassword(email, DEMO_PASSWORD)
  }

  async signInWithPassword(email: string, password: string) {
    await this.page.getByLabel(/^(Email|邮箱)$/).fill(email)
    await this.page.getByLabel(/^(Password|密码)$/).fill(password)
    await this.page.getByRole('button', { name: /^(Sign in|登录)$/ }).click()
  }

  heading() {
    return this.page.getByRole('heading', { level: 1, name: /Sign in|登录/ })
  }
}
