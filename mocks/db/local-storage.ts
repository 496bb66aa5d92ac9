// Browser persistence: the mock's state survives reloads and is shared by the tabs of one origin.
import type { Persistence } from './store'

export function localStoragePersistence(key = 'tdgc.mock.v1'): Persistence {
  const revisionKey = `${key}:revision`
  let writes = 0
  return {
    load: () => localStorage.getItem(key),
    save(json) {
      localStorage.setItem(key, json)
      // Unique across tabs, so another tab sees the change even if both wrote the same number of times.
      localStorage.setItem(revisionKey, `${Date.now().toString(36)}-${(writes++).toString(36)}-${Math.random().toString(36).slice(2, 8)}`)
    },
    revision: () => localStorage.getItem(revisionKey),
  }
}
