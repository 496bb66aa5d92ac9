// Page object for the retention page: policy cards and their forms, the impact and conflict dialogs, holds, runs and history.
import { expect, type BrowserContext, type Locator, type Page } from '@playwright/test'
import { useTestConfig } from '../fixtures'
import { MockControl, type PersonaId } from '../mock-control'
import { selectOption } from './select-option'

export type PolicyKind = 'chat' | 'files'
const cardName: Record<PolicyKind, RegExp> = { chat: /^(Chat messages|聊天记录)$/, files: /^(Files & images|文件与图片)$/ }

export class RetentionPage {
  constructor(readonly page: Page) {}

  /** A second tab of the same browser, signed in on its own (sessions are per tab), on the retention page. */
  static async inNewTab(context: BrowserContext, persona: PersonaId = 'admin-acme'): Promise<RetentionPage> {
    const tab = await context.newPage()
    await useTestConfig(tab)
    await tab.goto('/sign-in')
    const mock = new MockControl(tab)
    await mock.ready()
    await mock.signIn(persona)
    const retention = new RetentionPage(tab)
    await retention.goto()
    return retention
  }

  async goto(tenantId = 't-acme') {
    await this.page.goto(`/tenants/${tenantId}/retention`)
    await expect(this.heading()).toBeVisible()
    await expect(this.policy('chat').getByText(/years|年/).first()).toBeVisible()
  }

  heading() {
    return this.page.getByRole('heading', { level: 1, name: /^(Retention|保留期限)$/ })
  }

  policy(kind: PolicyKind): Locator {
    return this.page.getByRole('region', { name: cardName[kind] })
  }

  valueBox(kind: PolicyKind): Locator {
    return this.policy(kind).getByRole('textbox', { name: /Period length|期限长度/ })
  }

  async setPeriod(kind: PolicyKind, value: string, unit?: 'Days' | 'Months' | 'Years') {
    const card = this.policy(kind)
    await card.getByRole('radio', { name: /Delete after a period|超过期限后删除/ }).check()
    await this.valueBox(kind).fill(value)
    if (unit) {
      await selectOption(this.page, card.getByRole('combobox', { name: /Unit|单位/ }), unit)
    }
  }

  async keepForever(kind: PolicyKind) {
    await this.policy(kind).getByRole('radio', { name: /Keep forever|永久保留/ }).check()
  }

  async save(kind: PolicyKind) {
    await this.policy(kind).getByRole('button', { name: /^Save .* policy$|^保存.*策略$/ }).click()
  }

  /** Confirms a longer (or unchanged-in-effect) period in its dialog; it applies at once. */
  async applyNow() {
    await this.lengthenDialog().getByRole('button', { name: /^(Apply now|立即生效)$/ }).click()
  }

  impactDialog(): Locator {
    return this.page.getByRole('dialog', { name: /^Shorten .* retention to|保留期限缩短为/ })
  }

  lengthenDialog(): Locator {
    return this.page.getByRole('dialog', { name: /^Change .* retention to|保留期限改为/ })
  }

  conflictDialog(): Locator {
    return this.page.getByRole('dialog', { name: /Someone else changed the retention policies|其他管理员已修改保留策略/ })
  }

  /** The "Would be deleted" figure of the open impact dialog, as a number. */
  async toDelete(): Promise<number> {
    const text = await this.impactDialog().getByRole('group', { name: /^(Would be deleted|将被删除)$/ }).innerText()
    return Number(text.replace(/[^\d]/g, ''))
  }

  /** The "Stored now" figure of the open impact dialog, as a number. */
  async stored(): Promise<number> {
    const text = await this.impactDialog().getByRole('group', { name: /^(Stored now|当前存储)$/ }).innerText()
    return Number(text.replace(/[^\d]/g, ''))
  }

  async held(): Promise<number> {
    const text = await this.impactDialog().getByRole('group', { name: /^(Kept by legal holds|因法律保全保留)$/ }).innerText()
    return Number(text.replace(/[^\d]/g, ''))
  }

  async confirmShorten(tenantName: string, reason: string, graceDays?: number) {
    const dialog = this.impactDialog()
    if (graceDays !== undefined) await dialog.getByRole('spinbutton', { name: /Grace period|宽限期/ }).fill(String(graceDays))
    await dialog.getByRole('textbox', { name: /Reason|原因/ }).fill(reason)
    await dialog.getByRole('textbox', { name: /Type .* to confirm|输入/ }).fill(tenantName)
    await dialog.getByRole('button', { name: /Schedule deletion|计划删除/ }).click()
  }

  pending(): Locator {
    return this.page.getByRole('region', { name: /Scheduled change|已计划的变更/ })
  }

  holds(): Locator {
    return this.page.getByRole('region', { name: /^(Legal holds|法律保全)$/ })
  }

  runs(): Locator {
    return this.page.getByRole('region', { name: /^(Deletion runs|删除任务)$/ })
  }

  history(): Locator {
    return this.page.getByRole('region', { name: /^(History of changes|变更历史)$/ })
  }

  async placeGroupHold(group: string, reason: string) {
    await this.holds().getByRole('button', { name: /Place a hold|设置保全/ }).click()
    const dialog = this.page.getByRole('dialog', { name: /Place a legal hold|设置法律保全/ })
    await dialog.getByRole('radio', { name: /^(Group|群组)$/ }).check()
    await selectOption(this.page, dialog.getByRole('combobox', { name: /^(Group|群组)$/ }), group)
    await dialog.getByRole('textbox', { name: /Reason|原因/ }).fill(reason)
    await dialog.getByRole('button', { name: /^(Place hold|设置保全)$/ }).click()
    await expect(dialog).toBeHidden()
  }

  /** Runs the mock's deletion run now (mock control API). */
  async runNow(tenantId = 't-acme') {
    return this.page.evaluate(async (id) => {
      const response = await fetch('/api/v1/mock/retention-run', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ tenantId: id }),
      })
      return response.status
    }, tenantId)
  }
}
