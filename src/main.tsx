// Boot: read the runtime configuration, start the mock if configured, then render the console.
import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { loadRuntimeConfig, setRuntimeConfig } from '@/shared/config/runtime-config'
import { configureApi } from '@/shared/api/client'
import { currentLanguage, initI18n } from '@/shared/i18n/i18n'
import { App, createConsole, preloadRouteCode } from './app/App'
import { loadAntdLocale } from './app/providers'
import { preloadRouteStyles } from './app/route-styles'
// antd's styles for the first screens' components only; the whole sheet comes with the other pages (scripts/antd-styles.ts).
import '@/generated/antd-first.css'
import './app/global.css'

async function boot() {
  preloadRouteCode()
  const config = await loadRuntimeConfig()
  setRuntimeConfig(config)
  // The mock answers on the console's own origin, whatever apiBaseUrl says.
  configureApi(config.mock ? '' : config.apiBaseUrl)
  initI18n()
  // antd's Chinese texts are their own chunk: fetch them alongside the mock so the first render is already complete.
  const antdLocale = loadAntdLocale(currentLanguage())
  if (__MOCK_INCLUDED__ && config.mock) {
    // Marks let the bench tell the demo mock's start-up (a service worker) apart from the console's own load time.
    performance.mark('tdgc:mock-start')
    const { startMockWorker } = await import('@mocks/browser')
    await startMockWorker({ latencyMs: config.mockLatencyMs, strict: config.mockStrict })
    performance.mark('tdgc:mock-ready')
    document.documentElement.dataset.mock = 'ready'
  }
  // The API answers from here on (the mock's worker or the server): tests and the bench wait for this mark.
  document.documentElement.dataset.api = 'ready'
  await antdLocale
  const root = document.getElementById('root')
  if (!root) throw new Error('index.html has no #root')
  const app = createConsole()
  createRoot(root).render(
    <StrictMode>
      <App {...app} />
    </StrictMode>,
  )
  preloadRouteStyles()
}

void boot()
