// The mock's state store: one JSON document, re-read only when another tab changed it, written transactionally.
import { clockNow } from '../domain/clock'
import { seedState } from './seeds'
import { SCHEMA_VERSION, SCENARIOS, type MockDbState, type ScenarioName } from './state'

export interface Persistence {
  load(): string | null
  /** Saves the document and moves the revision on. */
  save(json: string): void
  /** A cheap token that changes whenever the saved document changes (from any tab). */
  revision(): string | null
}

export interface MockStore {
  /** The current state. Treat it as read-only: change it only through `write`. */
  read(): MockDbState
  /** Runs the mutator on a copy; only if it returns without throwing is the copy kept and persisted. */
  write<T>(mutator: (draft: MockDbState) => T): T
  reset(scenario: ScenarioName): MockDbState
  /** Mock time now (ms). */
  now(): number
  /** Real time now (ms): only the clock needs it, to re-anchor itself. */
  realNow(): number
}

export interface StoreOptions {
  /** The only real-time input of the mock; tests may pass a fake. */
  realNow?: () => number
}

function isCompatible(value: unknown): value is MockDbState {
  if (typeof value !== 'object' || value === null) return false
  const candidate = value as { schemaVersion?: unknown; scenario?: unknown }
  return candidate.schemaVersion === SCHEMA_VERSION && SCENARIOS.some((name) => name === candidate.scenario)
}

export function createStore(persistence: Persistence, options: StoreOptions = {}): MockStore {
  const realNow = options.realNow ?? (() => Date.now())
  let cached: { revision: string | null; state: MockDbState } | null = null

  const commit = (state: MockDbState): MockDbState => {
    persistence.save(JSON.stringify(state))
    cached = { revision: persistence.revision(), state }
    return state
  }

  const load = (): MockDbState => {
    const json = persistence.load()
    if (json !== null) {
      try {
        const parsed: unknown = JSON.parse(json)
        if (isCompatible(parsed)) return parsed
      } catch {
        // Unreadable state is treated like an old schema: start again from the default scenario.
      }
    }
    return commit(seedState('default', realNow()))
  }

  const read = (): MockDbState => {
    const revision = persistence.revision()
    if (cached && revision !== null && cached.revision === revision) return cached.state
    const state = load()
    cached = { revision: persistence.revision(), state }
    return state
  }

  return {
    read,
    write(mutator) {
      const draft = structuredClone(read())
      const result = mutator(draft)
      commit(draft)
      return result
    },
    reset(scenario) {
      return commit(seedState(scenario, realNow()))
    },
    now() {
      return clockNow(read().clock, realNow())
    },
    realNow,
  }
}

/** In-memory persistence for Node (Vitest, scripts); state lives as long as the process. */
export function memoryPersistence(): Persistence {
  let json: string | null = null
  let revision = 0
  return {
    load: () => json,
    save(next) {
      json = next
      revision++
    },
    revision: () => (json === null ? null : String(revision)),
  }
}
