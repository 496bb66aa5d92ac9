// Boot: read the runtime configuration, start the mock if configured, then render the console.
import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { loadRuntimeConfig, setRuntimeConfig } from '@/shared/config/runtime-config'
import { configureApi } from '@/shared/api/client'
import { initI18n } from '@/shared/i18n/i18n'
import { App } from './app/App'
import './app/global.css'

async function boot() {
  const config = await loadRuntimeConfig()
  setRuntimeConfig(config)
  // The mock answers on the console's own origin, whatever apiBaseUrl says.
  configureApi(config.mock ? '' : config.apiBaseUrl)
  initI18n()
  if (__MOCK_INCLUDED__ && config.mock) {
    const { startMockWorker } = await import('@mocks/browser')
    await startMockWorker({ latencyMs: config.mockLatencyMs, strict: config.mockStrict })
    document.documentElement.dataset.mock = 'ready'
  }
  const root = document.getElementById('root')
  if (!root) throw new Error('index.html has no #root')
  createRoot(root).render(
    <StrictMode>
      <App />
    </StrictMode>,
  )
}

void boot()
