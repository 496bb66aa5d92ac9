// A second person signed in beside the test's own page: a tab of the same browser with the mock (it keeps one session
// per tab), a browser of their own with a server (the session is a cookie).
import type { Browser, BrowserContext, Page } from '@playwright/test'
import { apiMode } from '../api-mode'
import { useTestConfig } from '../fixtures'
import { MockControl, type PersonaId } from '../mock-control'

export async function secondUser(context: BrowserContext, browser: Browser, persona: PersonaId): Promise<{ tab: Page; control: MockControl; close: () => Promise<void> }> {
  const ownContext = apiMode() === 'mock' ? context : await browser.newContext({ locale: 'en-US', timezoneId: 'Asia/Shanghai', reducedMotion: 'reduce' })
  const tab = await ownContext.newPage()
  await useTestConfig(tab)
  await tab.goto('/sign-in')
  const control = new MockControl(tab)
  await control.ready()
  await control.signIn(persona)
  return {
    tab,
    control,
    close: async () => {
      await tab.close()
      if (ownContext !== context) await ownContext.close()
    },
  }
}
