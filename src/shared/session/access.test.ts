import { describe, expect, it } from 'vitest'
import type { components } from '@contract/schema.gen'
import { accessMap, CAPABILITIES } from './access'

type Session = components['schemas']['Session']

const tenant = (supportGrant: components['schemas']['TenantSummary']['supportGrant'] = null) => ({
  id: 't-acme',
  name: 'Acme',
  supportGrant,
})
const grant = (mode: 'read_only' | 'read_write') => ({ id: 'g-1', mode, ticketRef: 'SUP-1', expiresAt: '2026-11-21T00:00:00.000Z' })
const session = (role: 'tenant_admin' | 'support_agent', tenants: Session['tenants']): Session =>
  ({ user: { id: 'u', name: 'U', email: 'u@example.test', role }, tenants, serverTime: '2026-11-20T00:00:00.000Z' }) as Session

describe('accessMap', () => {
  it('lets an administrator read and change everything in their tenant', () => {
    const map = accessMap(session('tenant_admin', [tenant()]), 't-acme')
    for (const capability of CAPABILITIES) expect(map[capability]).toEqual({ read: { allowed: true }, write: { allowed: true } })
  })

  it('lets a read-only support agent read everything and change nothing, saying why', () => {
    const map = accessMap(session('support_agent', [tenant(grant('read_only'))]), 't-acme')
    expect(map.apps.read).toEqual({ allowed: true })
    expect(map.apps.write).toEqual({ allowed: false, reason: 'readOnlyGrant' })
    expect(map.retention.write).toEqual({ allowed: false, reason: 'readOnlyGrant' })
  })

  it('lets a read-write support agent change data, but never support access itself', () => {
    const map = accessMap(session('support_agent', [tenant(grant('read_write'))]), 't-acme')
    expect(map.apps.write).toEqual({ allowed: true })
    expect(map.legalHolds.write).toEqual({ allowed: true })
    expect(map.supportAccess.write).toEqual({ allowed: false, reason: 'adminsOnly' })
  })

  it('allows nothing in a tenant the session does not list', () => {
    const map = accessMap(session('tenant_admin', [tenant()]), 't-other')
    expect(map.apps.read).toEqual({ allowed: false, reason: 'noTenant' })
    expect(map.audit.write).toEqual({ allowed: false, reason: 'noTenant' })
  })
})
