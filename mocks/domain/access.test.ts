// Access rules: sessions, tenant administrators and support grants.
import { describe, expect, it } from 'vitest'
import { MOCK_EPOCH_ISO } from '../db/members'
import { seedState } from '../db/seeds'
import type { MockDbState } from '../db/state'
import { authorize, currentSession, listTenantsFor, signIn } from './access'
import { DomainError } from './errors'

const now = Date.parse(MOCK_EPOCH_ISO)

function stateAs(personaId: string | null, scenario: 'default' | 'empty-grants' = 'default'): MockDbState {
  const state = seedState(scenario, 0)
  state.session = personaId ? { personaId } : null
  return state
}

function problemOf(run: () => unknown): { status: number; type: string; detail?: string } {
  try {
    run()
  } catch (error) {
    if (error instanceof DomainError) return { status: error.status, type: error.type, detail: error.detail }
    throw error
  }
  throw new Error('expected a DomainError')
}

describe('authorize', () => {
  it('refuses without a session', () => {
    expect(problemOf(() => authorize(stateAs(null), now, 't-acme', 'read'))).toMatchObject({
      status: 401,
      type: 'urn:problem:unauthenticated',
    })
  })

  it('answers 404 for an unknown tenant', () => {
    expect(problemOf(() => authorize(stateAs('admin-acme'), now, 't-nope', 'read')).status).toBe(404)
  })

  it('lets an administrator into their own tenant, unmasked', () => {
    const ctx = authorize(stateAs('admin-acme'), now, 't-acme', 'write')
    expect(ctx).toMatchObject({ tenantId: 't-acme', onBehalfOf: null, ticketRef: null, masked: false })
    expect(ctx.user).toMatchObject({ id: 'admin-acme', role: 'tenant_admin' })
  })

  it("keeps an administrator out of another tenant", () => {
    expect(problemOf(() => authorize(stateAs('admin-northwind'), now, 't-acme', 'read'))).toMatchObject({
      status: 403,
      type: 'urn:problem:forbidden',
    })
  })

  it('keeps a support agent out of a tenant without a grant', () => {
    expect(problemOf(() => authorize(stateAs('support-agent'), now, 't-northwind', 'read'))).toMatchObject({
      status: 403,
      type: 'urn:problem:no-support-grant',
    })
  })

  it('lets a support agent read under a grant, masked and on the tenant’s behalf', () => {
    const ctx = authorize(stateAs('support-agent'), now, 't-acme', 'read')
    expect(ctx).toMatchObject({ onBehalfOf: 't-acme', ticketRef: 'SUP-20261120-0042', masked: true })
  })

  it('refuses writes under a read-only grant and names the ticket', () => {
    const problem = problemOf(() => authorize(stateAs('support-agent'), now, 't-acme', 'write'))
    expect(problem).toMatchObject({ status: 403, type: 'urn:problem:read-only-grant' })
    expect(problem.detail).toContain('read-only')
    expect(problem.detail).toContain('SUP-20261120-0042')
  })

  it('allows writes under a read-write grant', () => {
    const state = stateAs('support-agent')
    state.supportGrants.forEach((grant) => (grant.mode = 'read_write'))
    expect(authorize(state, now, 't-acme', 'write').masked).toBe(true)
  })

  it('treats an expired grant as no grant', () => {
    const state = stateAs('support-agent')
    const expiry = Date.parse(state.supportGrants[0]?.expiresAt ?? '')
    expect(problemOf(() => authorize(state, expiry, 't-acme', 'read')).type).toBe('urn:problem:no-support-grant')
    expect(authorize(state, expiry - 1, 't-acme', 'read').tenantId).toBe('t-acme')
  })

  it('treats a revoked grant as no grant', () => {
    const state = stateAs('support-agent')
    state.supportGrants.forEach((grant) => (grant.revokedAt = MOCK_EPOCH_ISO))
    expect(problemOf(() => authorize(state, now, 't-acme', 'read')).type).toBe('urn:problem:no-support-grant')
  })
})

describe('session', () => {
  it('lists an administrator’s own tenants', () => {
    const session = currentSession(stateAs('admin-acme'), now)
    expect(session.user).toEqual({ id: 'admin-acme', name: '王芳', email: 'wang.fang@acme.example', role: 'tenant_admin' })
    expect(session.tenants.map((tenant) => tenant.id)).toEqual(['t-acme'])
    expect(session.serverTime).toBe(MOCK_EPOCH_ISO)
  })

  it('lists, for a support agent, only tenants that granted access now, with the grant', () => {
    const tenants = listTenantsFor(stateAs('support-agent'), now)
    expect(tenants).toEqual([
      {
        id: 't-acme',
        name: '杭州示例贸易有限公司',
        supportGrant: { id: 'sg-acme-0042', mode: 'read_only', ticketRef: 'SUP-20261120-0042', expiresAt: '2026-11-23T01:00:00.000Z' },
      },
    ])
    expect(listTenantsFor(stateAs('support-agent', 'empty-grants'), now)).toEqual([])
  })

  it('signs in only as a known persona', () => {
    const state = stateAs(null)
    signIn(state, { personaId: 'admin-northwind' })
    expect(state.session).toEqual({ personaId: 'admin-northwind' })
    expect(problemOf(() => signIn(state, { personaId: 'nobody' })).status).toBe(400)
    expect(problemOf(() => signIn(state, {})).status).toBe(400)
  })
})
