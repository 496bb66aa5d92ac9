// Support grants: a tenant's administrator lets the platform's support in for 1 hour to 7 days, read-only or
// read-write, on a ticket. One grant is active at a time (a new one supersedes it), an administrator may revoke it
// at any moment, and it runs out by itself; each of these is audited. Support agents can never grant anything.
import type { components } from '@contract/schema.gen'
import { conflict, fieldError, validation } from './errors'
import type { AuditInput, GrantRecord } from './records'

type Schemas = components['schemas']

export const GRANT_MIN_HOURS = 1
export const GRANT_MAX_HOURS = 7 * 24
const HOUR_MS = 3_600_000

export type GrantStatus = Schemas['SupportGrant']['status']

/** Active until it ends early or its time runs out (an expiry not yet recorded is already an expiry). */
export function grantStatus(grant: GrantRecord, now: number): GrantStatus {
  if (grant.ended) return grant.ended.reason
  return Date.parse(grant.expiresAt) > now ? 'active' : 'expired'
}

/** When the grant stopped (or will stop) letting support in. */
export const grantEndsAt = (grant: GrantRecord): string => grant.ended?.at ?? grant.expiresAt

/** Active first, then newest first. */
export function sortGrants(grants: readonly GrantRecord[], now: number): GrantRecord[] {
  const rank = (grant: GrantRecord) => (grantStatus(grant, now) === 'active' ? 0 : 1)
  return [...grants].sort((a, b) => rank(a) - rank(b) || b.createdAt.localeCompare(a.createdAt) || b.id.localeCompare(a.id))
}

/** How a grant ended (an expiry not yet recorded counts), or null while it lasts. */
export function grantEnd(grant: GrantRecord, now: number): Schemas['GrantEnd'] | null {
  if (grant.ended) return grant.ended
  return grantStatus(grant, now) === 'expired' ? { reason: 'expired', at: grant.expiresAt, by: null } : null
}

/** How the caller's access in a tenant ended, for the refusal: the most recently ended grant, if any. */
export function lastGrantEnd(grants: readonly GrantRecord[], now: number): Schemas['GrantEnd'] | null {
  let latest: Schemas['GrantEnd'] | null = null
  for (const grant of grants) {
    const end = grantEnd(grant, now)
    if (end && (!latest || end.at > latest.at)) latest = end
  }
  return latest
}

export interface GrantRequest {
  mode: GrantRecord['mode']
  hours: number
  ticketRef: string
  reason: string
}

const grantAudit = (grant: GrantRecord) => ({ mode: grant.mode, ticketRef: grant.ticketRef, expiresAt: grant.expiresAt })

/** A new grant; the active one, if any, ends now as superseded (both audited). */
export function createGrant(
  grants: readonly GrantRecord[],
  request: GrantRequest,
  grant: { id: string; tenantId: string; now: number; by: Schemas['RetentionPerson'] },
): { grant: GrantRecord; superseded: GrantRecord | null; audit: AuditInput[] } {
  const errors = []
  if (!Number.isInteger(request.hours) || request.hours < GRANT_MIN_HOURS || request.hours > GRANT_MAX_HOURS) {
    errors.push(fieldError('hours', request.hours < GRANT_MIN_HOURS ? 'too_small' : 'too_large', `A grant lasts ${GRANT_MIN_HOURS} to ${GRANT_MAX_HOURS} hours.`, { min: GRANT_MIN_HOURS, max: GRANT_MAX_HOURS }))
  }
  const ticketRef = request.ticketRef.trim()
  const reason = request.reason.trim()
  if (!ticketRef) errors.push(fieldError('ticketRef', 'required', 'A ticket reference is required.'))
  if (!reason) errors.push(fieldError('reason', 'required', 'A reason is required.'))
  if (errors.length > 0) throw validation(errors)

  const at = new Date(grant.now).toISOString()
  const record: GrantRecord = {
    id: grant.id,
    tenantId: grant.tenantId,
    mode: request.mode,
    ticketRef,
    reason,
    createdAt: at,
    expiresAt: new Date(grant.now + request.hours * HOUR_MS).toISOString(),
    createdBy: grant.by,
    ended: null,
  }
  const active = grants.find((candidate) => candidate.tenantId === grant.tenantId && grantStatus(candidate, grant.now) === 'active') ?? null
  const superseded: GrantRecord | null = active ? { ...active, ended: { reason: 'superseded', at, by: grant.by } } : null
  const audit: AuditInput[] = []
  if (superseded) {
    audit.push({
      action: 'support_grant.superseded',
      targetType: 'support_grant',
      targetId: superseded.id,
      targetName: superseded.ticketRef,
      before: grantAudit(superseded),
      after: { endedAt: at, supersededBy: record.ticketRef },
      reason,
    })
  }
  audit.push({ action: 'support_grant.created', targetType: 'support_grant', targetId: record.id, targetName: ticketRef, before: null, after: grantAudit(record), reason })
  return { grant: record, superseded, audit }
}

/** Ends an active grant now. */
export function revokeGrant(grant: GrantRecord, now: number, by: Schemas['RetentionPerson'], reason: string | null): { grant: GrantRecord; audit: AuditInput[] } {
  const status = grantStatus(grant, now)
  if (status !== 'active') throw conflict(`The grant on ticket ${grant.ticketRef} has already ended (${status}).`)
  const at = new Date(now).toISOString()
  return {
    grant: { ...grant, ended: { reason: 'revoked', at, by } },
    audit: [
      {
        action: 'support_grant.revoked',
        targetType: 'support_grant',
        targetId: grant.id,
        targetName: grant.ticketRef,
        before: grantAudit(grant),
        after: { endedAt: at },
        reason,
      },
    ],
  }
}

/** Grants whose time ran out and whose expiry is not recorded yet: recorded now, as the platform's doing. */
export function expireGrants(grants: readonly GrantRecord[], now: number): { grant: GrantRecord; audit: AuditInput }[] {
  return grants
    .filter((grant) => grant.ended === null && Date.parse(grant.expiresAt) <= now)
    .map((grant) => ({
      grant: { ...grant, ended: { reason: 'expired' as const, at: grant.expiresAt, by: null } },
      audit: {
        action: 'support_grant.expired',
        targetType: 'support_grant',
        targetId: grant.id,
        targetName: grant.ticketRef,
        before: grantAudit(grant),
        after: { endedAt: grant.expiresAt },
      },
    }))
}
