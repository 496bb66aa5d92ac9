// Page object for the console's frame: navigation, language, account menu, support banner.
import type { Page } from '@playwright/test'

export class Shell {
  constructor(readonly page: Page) {}

  heading(name: string | RegExp) {
    return this.page.getByRole('heading', { level: 1, name })
  }

  nav() {
    return this.page.getByRole('navigation', { name: /Main navigation|主导航/ })
  }

  async switchLanguage(to: 'English' | '简体中文') {
    await this.page.getByRole('button', { name: /^(Language|语言):/ }).click()
    await this.page.getByRole('menuitem', { name: to }).click()
  }

  async openUserMenu(name: string) {
    await this.page.getByRole('button', { name: new RegExp(`(Account menu for|的账号菜单).*${name}|${name}.*的账号菜单`) }).click()
  }

  async signOut(name: string) {
    await this.openUserMenu(name)
    await this.page.getByRole('menuitem', { name: /Sign out|退出登录/ }).click()
  }

  supportBanner() {
    return this.page.getByRole('region', { name: /^(Support access|支持授权)$/ })
  }
}
