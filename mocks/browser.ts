// The mock API in the browser: a service worker answering /api/* from state kept in localStorage.
import { setupWorker } from 'msw/browser'
import { localStoragePersistence } from './db/local-storage'
import { createStore } from './db/store'
import { createHandlers } from './handlers'

export interface MockWorkerOptions {
  /** Simulated server latency for every API answer (mock-control routes excepted). */
  latencyMs: number
  /** Fail (instead of warn about) API requests that no handler answers. */
  strict: boolean
}

function isApiRequest(data: unknown): boolean {
  if (typeof data !== 'object' || data === null || !('request' in data)) return false
  const { request } = data
  if (!(request instanceof Request)) return false
  const url = new URL(request.url)
  return url.origin === location.origin && url.pathname.startsWith('/api/')
}

export async function startMockWorker(opts: MockWorkerOptions): Promise<void> {
  const store = createStore(localStoragePersistence('tdgc.mock.v1'))
  const worker = setupWorker(...createHandlers(store, { latencyMs: opts.latencyMs }))
  await worker.start({
    serviceWorker: { url: '/mockServiceWorker.js' },
    quiet: true,
    // Assets, config.json and Vite's HMR go to the network untouched; only unanswered API calls are flagged.
    onUnhandledFrame({ frame, defaults }) {
      if (frame.protocol !== 'http' || !isApiRequest(frame.data)) return
      if (!opts.strict) return defaults.warn()
      defaults.error()
      // The default only prints; failing the request is what makes a missing handler impossible to miss.
      throw new Error(`No mock handler answers this API request (strict mock mode).`)
    },
  })
}
