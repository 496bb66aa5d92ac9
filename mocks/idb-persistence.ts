// The browser mock's persistence: changed rows in IndexedDB (a write stores the rows it touched, never the whole
// state), a revision in localStorage that every tab reads before it works, and a Web Lock around commits so two
// tabs never commit over each other.
import { openDB, type IDBPDatabase } from 'idb'
import type { ScenarioName } from '@governance/seed/dataset'
import type { MemoryPersistence, PersistedRow } from '@governance/store/memory/tables'

const ROWS = 'rows'
const META = 'meta'

interface StoredRow extends PersistedRow {
  id: string
}

function newRevision(): string {
  return `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}`
}

export function indexedDbPersistence(name = 'tdgc-mock'): MemoryPersistence {
  const revisionKey = `${name}:revision`
  const lockName = `${name}:commit`
  let seen: string | null = null
  let database: Promise<IDBPDatabase> | null = null
  const db = () =>
    (database ??= openDB(name, 1, {
      upgrade(upgrading) {
        upgrading.createObjectStore(ROWS, { keyPath: 'id' })
        upgrading.createObjectStore(META)
      },
    }))
  const bump = () => {
    seen = newRevision()
    localStorage.setItem(revisionKey, seen)
  }

  return {
    async load() {
      const handle = await db()
      const tx = handle.transaction([ROWS, META], 'readonly')
      const [scenario, rows] = await Promise.all([tx.objectStore(META).get('scenario') as Promise<ScenarioName | undefined>, tx.objectStore(ROWS).getAll() as Promise<StoredRow[]>])
      await tx.done
      seen = localStorage.getItem(revisionKey)
      return scenario ? { scenario, rows: rows.map(({ table, key, value }) => ({ table, key, value })) } : null
    },
    stale: () => localStorage.getItem(revisionKey) !== seen,
    exclusive: (work) => (typeof navigator !== 'undefined' && navigator.locks ? navigator.locks.request(lockName, work) : work()),
    async write(rows) {
      const handle = await db()
      const tx = handle.transaction(ROWS, 'readwrite')
      // A deleted row is stored as a tombstone: the generated base still has it.
      await Promise.all(rows.map((row) => tx.store.put({ id: `${row.table}\u0000${row.key}`, ...row } satisfies StoredRow)))
      await tx.done
      bump()
    },
    async reset(scenario) {
      const handle = await db()
      const tx = handle.transaction([ROWS, META], 'readwrite')
      await Promise.all([tx.objectStore(ROWS).clear(), tx.objectStore(META).put(scenario, 'scenario')])
      await tx.done
      bump()
    },
  }
}
