// The state store: seeding, transactional writes, other tabs, schema versions, reset.
import { describe, expect, it } from 'vitest'
import { createStore, memoryPersistence, type Persistence } from './store'

/** Two stores on one persistence behave like two tabs sharing localStorage. */
function sharedPersistence(): Persistence {
  return memoryPersistence()
}

describe('mock store', () => {
  it('seeds the default scenario on first read, with nobody signed in', () => {
    const store = createStore(memoryPersistence(), { realNow: () => 0 })
    expect(store.read()).toMatchObject({ scenario: 'default', session: null })
    expect(new Date(store.now()).toISOString()).toBe('2026-11-20T01:00:00.000Z')
  })

  it('keeps a write only when the mutator succeeds', () => {
    const store = createStore(memoryPersistence())
    store.write((draft) => {
      draft.session = { personaId: 'admin-acme' }
    })
    expect(() =>
      store.write((draft) => {
        draft.session = null
        throw new Error('rule broken')
      }),
    ).toThrow('rule broken')
    expect(store.read().session).toEqual({ personaId: 'admin-acme' })
  })

  it('sees what another tab wrote, and re-parses only when something changed', () => {
    const persistence = sharedPersistence()
    const tabA = createStore(persistence)
    const tabB = createStore(persistence)
    const before = tabB.read()
    expect(tabB.read()).toBe(before)
    tabA.write((draft) => {
      draft.session = { personaId: 'support-agent' }
    })
    expect(tabB.read().session).toEqual({ personaId: 'support-agent' })
  })

  it('discards persisted state of another schema version', () => {
    const persistence = memoryPersistence()
    persistence.save(JSON.stringify({ schemaVersion: -1, scenario: 'large' }))
    expect(createStore(persistence).read().scenario).toBe('default')
  })

  it('resets to a scenario and signs everybody out', () => {
    const store = createStore(memoryPersistence())
    store.write((draft) => {
      draft.session = { personaId: 'admin-acme' }
    })
    const state = store.reset('empty-grants')
    expect(state).toMatchObject({ scenario: 'empty-grants', session: null, supportGrants: [] })
  })
})
