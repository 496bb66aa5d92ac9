// The support-grant rules: status by the clock, one active grant (a new one supersedes), revoke once, expiry recorded
// once, and how the caller's last grant ended.
import { describe, expect, it } from 'vitest'
import { activeGrant } from './access'
import { expectRule } from './expect-rule'
import type { GrantRecord } from './records'
import { createGrant, expireGrants, grantStatus, lastGrantEnd, revokeGrant } from './support-grants'

const HOUR = 3_600_000
const T0 = Date.parse('2026-12-01T00:00:00.000Z')
const admin = { id: 'admin-acme', name: '王芳' }
const make = (id: string, hours: number, grants: GrantRecord[] = [], now = T0) =>
  createGrant(grants, { mode: 'read_write', hours, ticketRef: ` ${id.toUpperCase()} `, reason: ' help ' }, { id, tenantId: 't-acme', now, by: admin })

describe('support grants', () => {
  it('is active until its time runs out, then expired even before the expiry is recorded', () => {
    const { grant } = make('sg-1', 2)
    expect(grant).toMatchObject({ ticketRef: 'SG-1', reason: 'help', expiresAt: '2026-12-01T02:00:00.000Z', ended: null })
    expect(grantStatus(grant, T0 + 2 * HOUR - 1)).toBe('active')
    expect(grantStatus(grant, T0 + 2 * HOUR)).toBe('expired')
    expect(activeGrant([grant], 't-acme', T0 + 2 * HOUR)).toBeNull()
  })

  it('a new grant supersedes the active one, and both changes are audited', () => {
    const first = make('sg-1', 24).grant
    const second = make('sg-2', 1, [first], T0 + HOUR)
    expect(second.superseded).toMatchObject({ id: 'sg-1', ended: { reason: 'superseded', at: '2026-12-01T01:00:00.000Z', by: admin } })
    expect(second.audit.map((entry) => entry.action)).toEqual(['support_grant.superseded', 'support_grant.created'])
    expect(activeGrant([second.superseded as GrantRecord, second.grant], 't-acme', T0 + HOUR)?.id).toBe('sg-2')
    // An ended grant is not superseded again.
    expect(make('sg-3', 1, [first], T0 + 25 * HOUR).superseded).toBeNull()
  })

  it('refuses a length outside 1 hour to 7 days and a blank ticket or reason', () => {
    expect(expectRule(() => make('sg-1', 0), 'validation').errors?.map((error) => error.field)).toEqual(['hours'])
    expect(expectRule(() => make('sg-1', 169), 'validation').errors?.map((error) => error.code)).toEqual(['too_large'])
    expect(expectRule(() => make('sg-1', 1.5), 'validation').errors?.map((error) => error.field)).toEqual(['hours'])
    const blank = expectRule(() => createGrant([], { mode: 'read_only', hours: 1, ticketRef: ' ', reason: '' }, { id: 'x', tenantId: 't-acme', now: T0, by: admin }), 'validation')
    expect(blank.errors?.map((error) => error.field)).toEqual(['ticketRef', 'reason'])
  })

  it('revokes an active grant once; an ended one is a conflict', () => {
    const { grant } = make('sg-1', 2)
    const revoked = revokeGrant(grant, T0 + HOUR, admin, 'done')
    expect(revoked.grant.ended).toEqual({ reason: 'revoked', at: '2026-12-01T01:00:00.000Z', by: admin })
    expect(revoked.audit[0]).toMatchObject({ action: 'support_grant.revoked', reason: 'done' })
    expectRule(() => revokeGrant(revoked.grant, T0 + HOUR, admin, null), 'conflict')
    expectRule(() => revokeGrant(grant, T0 + 3 * HOUR, admin, null), 'conflict')
  })

  it('records an expiry once, at the time it ran out', () => {
    const { grant } = make('sg-1', 1)
    expect(expireGrants([grant], T0 + HOUR - 1)).toEqual([])
    const [expired] = expireGrants([grant], T0 + 5 * HOUR)
    expect(expired?.grant.ended).toEqual({ reason: 'expired', at: grant.expiresAt, by: null })
    expect(expireGrants([expired?.grant as GrantRecord], T0 + 6 * HOUR)).toEqual([])
  })

  it('says how the last grant ended: the latest end wins; none when there never was one', () => {
    const first = make('sg-1', 1).grant
    const second = revokeGrant(make('sg-2', 5, [], T0 + 2 * HOUR).grant, T0 + 3 * HOUR, admin, null).grant
    expect(lastGrantEnd([first, second], T0 + 4 * HOUR)).toEqual({ reason: 'revoked', at: '2026-12-01T03:00:00.000Z', by: admin })
    expect(lastGrantEnd([first], T0 + 4 * HOUR)).toEqual({ reason: 'expired', at: first.expiresAt, by: null })
    expect(lastGrantEnd([], T0)).toBeNull()
  })
})
