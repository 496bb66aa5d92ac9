// End-to-end tests in real Chromium: project `chromium` against a production build served by `vite preview` with the
// mock on; project `real` runs the same suite against the real governance server (PGlite, test controls on), one
// server per worker, plus the journeys only a server has (e2e/real).
import { defineConfig, devices } from '@playwright/test'
import { chromiumExecutable } from './e2e/chromium-executable.ts'
import type { RealServerOptions } from './e2e/fixtures.ts'

const executablePath = chromiumExecutable()
const port = Number(process.env.E2E_PORT ?? 4173)
/** The real governance server (PGlite in a fresh temp folder, test controls on) for the `real` project. */
const serverPort = Number(process.env.E2E_SERVER_PORT ?? port + 615)

export default defineConfig<RealServerOptions, RealServerOptions>({
  testDir: './e2e',
  fullyParallel: true,
  forbidOnly: !!process.env.CI,
  retries: 0,
  // One worker in CI: on the 2-core CI machine two workers (two Chromiums, two real servers, the preview server)
  // made every test 2-3x slower and the run no shorter, and the slowest journeys crossed the timeout. E2E_WORKERS
  // overrides it on a bigger machine.
  workers: process.env.E2E_WORKERS ? Number(process.env.E2E_WORKERS) : process.env.CI ? 1 : undefined,
  timeout: 30_000,
  expect: { timeout: 7_000 },
  reporter: process.env.CI
    ? [['list'], ['html', { open: 'never' }], ['json', { outputFile: 'reports/e2e.json' }]]
    : 'list',
  use: {
    baseURL: `http://localhost:${port}`,
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    locale: 'en-US',
    timezoneId: 'Asia/Shanghai',
    // As a user who asked their system for reduced motion: the console then opens dialogs and menus without antd's
    // zoom/slide animations, so a click never lands on a button that is still growing into place (a zooming
    // button's box is a few pixels when Playwright measures it). motion.spec.ts covers both settings.
    reducedMotion: 'reduce',
  },
  projects: [
    {
      name: 'chromium',
      testIgnore: 'real/**',
      use: {
        ...devices['Desktop Chrome'],
        launchOptions: {
          ...(executablePath ? { executablePath } : {}),
          // This machine's network is closed: keep Chromium from phoning home at start.
          args: ['--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
        },
      },
    },
    {
      // The same suite against the real server: password sign-in, PGlite storage, cookies, CSRF, headers. Each
      // worker starts its own server (its own database) on serverPort + 1 + its index, serving the build below.
      name: 'real',
      use: {
        ...devices['Desktop Chrome'],
        baseURL: `http://localhost:${serverPort}`,
        realServerStaticDir: `dist-server-e2e-${serverPort}`,
        realServerBasePort: serverPort + 1,
        launchOptions: {
          ...(executablePath ? { executablePath } : {}),
          args: ['--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
        },
      },
    },
  ],
  webServer: [
    {
      // Each port builds into its own folder, so two suites on one machine never serve each other's build.
      command: `npx vite build --outDir dist-e2e-${port} && npx vite preview --outDir dist-e2e-${port} --port ${port} --strictPort`,
      url: `http://localhost:${port}/config.json`,
      reuseExistingServer: !process.env.CI,
      timeout: 180_000,
      stdout: 'ignore',
    },
    {
      command: `VITE_MOCK=off npx vite build --outDir dist-server-e2e-${serverPort} && DATA_DIR=$(mktemp -d) STATIC_DIR=dist-server-e2e-${serverPort} PORT=${serverPort} npx tsx server/main.ts --test-controls`,
      url: `http://localhost:${serverPort}/config.json`,
      reuseExistingServer: !process.env.CI,
      timeout: 180_000,
      stdout: 'ignore',
    },
  ],
})
