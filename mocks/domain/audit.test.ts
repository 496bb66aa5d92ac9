// The audit trail: who, on whose behalf, newest first, cursor-paged.
import { describe, expect, it } from 'vitest'
import { MOCK_EPOCH_ISO } from '../db/members'
import { seedState } from '../db/seeds'
import { authorize } from './access'
import { listAudit, recordAudit } from './audit'

const now = Date.parse(MOCK_EPOCH_ISO)

describe('audit trail', () => {
  it('records who acted, for whom and under which ticket, newest first', () => {
    const state = seedState('default', 0)
    state.session = { personaId: 'support-agent' }
    const ctx = authorize(state, now, 't-acme', 'read')
    recordAudit(state, ctx, now + 1000, {
      action: 'member.viewed', targetType: 'member', targetId: 'm-acme-000003', targetName: 'x', before: null, after: null,
    })
    const [newest] = listAudit(state, 't-acme', {}).items
    expect(newest).toMatchObject({
      at: '2026-11-20T01:00:01.000Z',
      actor: { id: 'support-agent', name: '李雷', role: 'support_agent' },
      onBehalfOf: 't-acme',
      ticketRef: 'SUP-20261120-0042',
      reason: null,
    })
    expect(newest).not.toHaveProperty('tenantId')
  })

  it('pages with a cursor, filters by target, and keeps tenants apart', () => {
    const state = seedState('default', 0)
    state.session = { personaId: 'admin-acme' }
    const ctx = authorize(state, now, 't-acme', 'write')
    for (let i = 0; i < 5; i++) {
      recordAudit(state, ctx, now + i, { action: 'x.changed', targetType: 'x', targetId: `x${i}`, targetName: `X${i}`, before: i, after: i + 1 })
    }
    const first = listAudit(state, 't-acme', { targetType: 'x', limit: 3 })
    expect(first.items.map((e) => e.targetId)).toEqual(['x4', 'x3', 'x2'])
    const second = listAudit(state, 't-acme', { targetType: 'x', limit: 3, cursor: first.nextCursor })
    expect(second.items.map((e) => e.targetId)).toEqual(['x1', 'x0'])
    expect(second.nextCursor).toBeNull()
    expect(listAudit(state, 't-northwind', { targetType: 'x' }).items).toEqual([])
    expect(() => listAudit(state, 't-acme', { cursor: first.nextCursor })).toThrowError(expect.objectContaining({ status: 400 }))
  })
})
