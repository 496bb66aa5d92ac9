// Fault injection: path patterns and how many requests a fault affects.
import { describe, expect, it } from 'vitest'
import { addFault, pathMatches, takeFault, type FaultList } from './faults'

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
  const empty = (): FaultList => ({ nextSeq: 1, items: [] })

  it('applies to the next N matching requests, then disappears', () => {
    const faults = empty()
    const fault = addFault(faults, { method: 'GET', path: '/api/v1/tenants/*', status: 503, times: 2 })
    expect(fault).toMatchObject({ remaining: 2, times: 2, status: 503 })
    expect(takeFault(faults, 'POST', '/api/v1/tenants/t-acme')).toBeNull()
    expect(takeFault(faults, 'GET', '/api/v1/tenants/t-acme')?.status).toBe(503)
    expect(faults.items[0]?.remaining).toBe(1)
    expect(takeFault(faults, 'get', '/api/v1/tenants/t-acme')?.status).toBe(503)
    expect(faults.items).toEqual([])
    expect(takeFault(faults, 'GET', '/api/v1/tenants/t-acme')).toBeNull()
  })

  it('matches any method when none is given and defaults to one request', () => {
    const faults = empty()
    addFault(faults, { path: '/api/v1/session', networkError: true })
    expect(takeFault(faults, 'DELETE', '/api/v1/session')).toMatchObject({ networkError: true, times: 1 })
    expect(faults.items).toEqual([])
  })

  it('numbers faults so each can be named in a problem', () => {
    const faults = empty()
    expect(addFault(faults, { path: '/api/v1/a', status: 500 }).id).toBe('fault-1')
    expect(addFault(faults, { path: '/api/v1/b', status: 500 }).id).toBe('fault-2')
  })
})
