// Which Chromium to launch, for the e2e suite, the bench and the screenshot script alike.
import { existsSync } from 'node:fs'
import { chromium } from '@playwright/test'

/**
 * Playwright cannot download its own browser on every machine. Use CHROMIUM_PATH when set; otherwise
 * Playwright's own Chromium when it is installed (undefined = Playwright's stock behaviour); otherwise the
 * system's (Debian: /usr/bin/chromium).
 */
export function chromiumExecutable(): string | undefined {
  if (process.env.CHROMIUM_PATH) return process.env.CHROMIUM_PATH
  let bundled: string | undefined
  try {
    bundled = chromium.executablePath()
  } catch {
    bundled = undefined
  }
  if (bundled && existsSync(bundled)) return undefined
  return ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'].find((path) => existsSync(path))
}
