// The mock API in the browser: MSW's service worker hands /api/v1/* to the governance app running in this page,
// over a memory store persisted in IndexedDB; each tab keeps its own session.
import { http } from 'msw'
import { setupWorker } from 'msw/browser'
import { localStorageControlPersistence } from './control/control-state'
import { indexedDbPersistence } from './idb-persistence'
import { createMockApi } from './mock-api'

export interface MockWorkerOptions {
  /** Simulated server latency for every API answer (mock-control routes excepted). */
  latencyMs: number
  /** Fail (instead of warn about) API requests that no handler answers. */
  strict: boolean
}

const TAB_SESSION_KEY = 'tdgc.mock.session'
/** The mock works on bulk jobs for this long … */
const JOB_SLICE_MS = 30
/** … every this often (at most a third of the main thread). */
const JOB_TICK_MS = 100

function isApiRequest(data: unknown): boolean {
  if (typeof data !== 'object' || data === null || !('request' in data)) return false
  const { request } = data
  if (!(request instanceof Request)) return false
  const url = new URL(request.url)
  return url.origin === location.origin && url.pathname.startsWith('/api/')
}

export async function startMockWorker(opts: MockWorkerOptions): Promise<void> {
  // The state of an earlier mock version (one JSON document) is of no use any more.
  localStorage.removeItem('tdgc.mock.v1')
  localStorage.removeItem('tdgc.mock.v1:revision')
  const api = await createMockApi({
    store: indexedDbPersistence('tdgc-mock'),
    controls: localStorageControlPersistence('tdgc-mock:controls'),
    tabSession: {
      get: () => sessionStorage.getItem(TAB_SESSION_KEY),
      set: (id) => (id === null ? sessionStorage.removeItem(TAB_SESSION_KEY) : sessionStorage.setItem(TAB_SESSION_KEY, id)),
    },
    latencyMs: opts.latencyMs,
  })
  // Bulk removals run in the background here as they do on a server: a small slice of work at a time, so the page
  // stays responsive, and the job's state is in the store, so a reload picks it up where it was.
  let working = false
  setInterval(() => {
    if (working) return
    working = true
    void api.advanceJobs(JOB_SLICE_MS).finally(() => {
      working = false
    })
  }, JOB_TICK_MS)
  // MSW runs the handler in the tab that sent the request, so sessionStorage above is that tab's.
  const worker = setupWorker(http.all(`${location.origin}/api/v1/*`, ({ request }) => api.handle(request)))
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
