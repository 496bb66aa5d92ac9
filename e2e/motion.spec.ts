// Reduced motion: a person whose system asks for less motion gets dialogs without antd's zoom; everyone else keeps it.
// (The rest of the suite runs with reduced motion, see playwright.config.ts; this spec checks both settings.)
import type { Page } from '@playwright/test'
import { test, expect } from './fixtures'
import { AppsPage } from './pages/apps'

/** Starts recording the names of the CSS animations that start in the page; call the result to read them. */
async function recordAnimations(page: Page): Promise<() => Promise<string[]>> {
  await page.evaluate(() => {
    const started: string[] = []
    Object.assign(window, { startedAnimations: started })
    document.addEventListener('animationstart', (event) => started.push(event.animationName))
  })
  return () => page.evaluate(() => (window as unknown as { startedAnimations: string[] }).startedAnimations)
}

for (const reducedMotion of ['reduce', 'no-preference'] as const) {
  test(`opening a dialog with prefers-reduced-motion: ${reducedMotion}`, async ({ page, loginAs }) => {
    await page.emulateMedia({ reducedMotion })
    await loginAs('admin-acme', '/tenants/t-acme/apps')
    const apps = new AppsPage(page)
    const enable = apps.row('企业网盘归档 DocVault').getByRole('button', { name: 'Enable 企业网盘归档 DocVault' })
    await expect(enable).toBeVisible()
    const animations = await recordAnimations(page)
    await enable.click()
    const dialog = apps.dialog('Enable 企业网盘归档 DocVault')
    await expect(dialog).toBeVisible()
    // The dialog's own entrance: without motion it is there at once; with motion it zooms in.
    await expect(dialog.getByRole('button', { name: 'Cancel' })).toBeVisible()
    const names = await animations()
    if (reducedMotion === 'reduce') expect(names.filter((name) => /Zoom|Fade/.test(name))).toEqual([])
    else await expect.poll(animations).toContain('antZoomIn')
  })
}
