// Fault injection: path patterns and how many requests a fault affects.
import { describe, expect, it } from 'vitest'
import { seedState } from '../db/seeds'
import { DomainError } from './errors'
import { injectFault, pathMatches, takeFault } from './faults'

describe('fault path patterns', () => {
  it('matches literal paths exactly', () => {
    expect(pathMatches('/api/v1/session', '/api/v1/session')).toBe(true)
    expect(pathMatches('/api/v1/session', '/api/v1/sessions')).toBe(false)
    expect(pathMatches('/api/v1/tenants', '/api/v1/tenants/t-acme')).toBe(false)
  })

  it('lets * stand for exactly one segment', () => {
    expect(pathMatches('/api/v1/tenants/*', '/api/v1/tenants/t-acme')).toBe(true)
    expect(pathMatches('/api/v1/tenants/*/members', '/api/v1/tenants/t-acme/members')).toBe(true)
    expect(pathMatches('/api/v1/tenants/*', '/api/v1/tenants/t-acme/members')).toBe(false)
  })

  it('lets a trailing ** stand for any rest', () => {
    expect(pathMatches('/api/v1/tenants/*/apps/**', '/api/v1/tenants/t-acme/apps/a1/enable')).toBe(true)
    expect(pathMatches('/api/v1/**', '/api/v1/tenants/t-acme/members')).toBe(true)
    expect(pathMatches('/api/v1/**', '/api/v2/tenants')).toBe(false)
  })
})

describe('injected faults', () => {
  it('applies to the next N matching requests, then disappears', () => {
    const state = seedState('default', 0)
    const fault = injectFault(state, { method: 'GET', path: '/api/v1/tenants/*', status: 503, times: 2 })
    expect(fault).toMatchObject({ remaining: 2, times: 2, status: 503 })
    expect(takeFault(state, 'POST', '/api/v1/tenants/t-acme')).toBeNull()
    expect(takeFault(state, 'GET', '/api/v1/tenants/t-acme')?.status).toBe(503)
    expect(state.faults.items[0]?.remaining).toBe(1)
    expect(takeFault(state, 'get', '/api/v1/tenants/t-acme')?.status).toBe(503)
    expect(state.faults.items).toEqual([])
    expect(takeFault(state, 'GET', '/api/v1/tenants/t-acme')).toBeNull()
  })

  it('matches any method when none is given and defaults to one request', () => {
    const state = seedState('default', 0)
    injectFault(state, { path: '/api/v1/session', networkError: true })
    expect(takeFault(state, 'DELETE', '/api/v1/session')).toMatchObject({ networkError: true, times: 1 })
    expect(state.faults.items).toEqual([])
  })

  it('refuses malformed faults with field errors', () => {
    const state = seedState('default', 0)
    try {
      injectFault(state, { path: 'api', status: 200, times: 0, delayMs: -1, method: 'FETCH' })
      throw new Error('expected a validation error')
    } catch (error) {
      if (!(error instanceof DomainError)) throw error
      expect(error.status).toBe(400)
      expect(error.errors?.map((e) => e.field).sort()).toEqual(['delayMs', 'method', 'path', 'status', 'times'])
    }
  })
})
