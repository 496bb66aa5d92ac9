// Deregistration requests (红圈CRM+ 6.1.3(2)): a member asks the platform to leave; the platform forwards it to the
// enterprise, whose administrator replies within the tenant's reply days — approve (the member is removed) or decline
// with a reason that goes back to the platform.
import type { components } from '@contract/schema.gen'
import { conflict } from './errors'
import type { AuditInput, DeregistrationRecord, MemberRecord } from './records'

type Schemas = components['schemas']

/** Days the enterprise has to reply, from receipt (the tenant's setting; the seeds' default). */
export const DEREGISTRATION_REPLY_DAYS = 15
/** An open request is due soon when its deadline is this many days away or fewer. */
export const DUE_SOON_DAYS = 3
const DAY_MS = 86_400_000

export function urgencyOf(request: DeregistrationRecord, now: number): Schemas['DeregistrationRequest']['urgency'] {
  if (request.status !== 'open') return null
  const left = Date.parse(request.dueAt) - now
  if (left < 0) return 'overdue'
  return left <= DUE_SOON_DAYS * DAY_MS ? 'due_soon' : 'on_time'
}

const audit = (request: DeregistrationRecord, member: MemberRecord, action: string, after: unknown, reason: string | null = null): AuditInput => ({
  action,
  targetType: 'member',
  targetId: member.id,
  targetName: member.name,
  before: { request: request.id, status: request.status },
  after,
  reason,
})

/** The platform forwards a request; one open request per member, and only for a member still in the enterprise. */
export function receiveRequest(
  existing: readonly DeregistrationRecord[],
  member: MemberRecord,
  input: { id: string; message: string; receivedAt: number; replyDays?: number },
): { request: DeregistrationRecord; audit: AuditInput[] } {
  if (member.status === 'removed' || member.status === 'pending_removal') throw conflict(`${member.name} is already leaving the enterprise.`)
  if (existing.some((request) => request.memberId === member.id && request.status === 'open')) throw conflict(`${member.name} already has an open request.`)
  const request: DeregistrationRecord = {
    id: input.id,
    tenantId: member.tenantId,
    memberId: member.id,
    message: input.message,
    receivedAt: new Date(input.receivedAt).toISOString(),
    dueAt: new Date(input.receivedAt + (input.replyDays ?? DEREGISTRATION_REPLY_DAYS) * DAY_MS).toISOString(),
    status: 'open',
    decidedAt: null,
    decidedBy: null,
    onBehalfOf: null,
    declineReason: null,
    platformNotifiedAt: null,
  }
  return { request, audit: [{ ...audit(request, member, 'deregistration.received', { dueAt: request.dueAt }), before: null }] }
}

export interface Decider {
  now: number
  by: Schemas['RetentionPerson']
  onBehalfOf: string | null
}

export function assertOpen(request: DeregistrationRecord): void {
  if (request.status !== 'open') throw conflict(`This request was already ${request.status}.`, { status: request.status })
}

/** Approved: the member is removed in the same change; the platform is told at once. */
export function approveRequest(request: DeregistrationRecord, member: MemberRecord, decider: Decider): { request: DeregistrationRecord; audit: AuditInput[] } {
  assertOpen(request)
  const at = new Date(decider.now).toISOString()
  const approved: DeregistrationRecord = { ...request, status: 'approved', decidedAt: at, decidedBy: decider.by, onBehalfOf: decider.onBehalfOf, platformNotifiedAt: at }
  return { request: approved, audit: [audit(request, member, 'deregistration.approved', { request: request.id, status: 'approved' })] }
}

/** Declined with a reason, which goes back to the platform (and from it to the member). */
export function declineRequest(request: DeregistrationRecord, member: MemberRecord, reason: string, decider: Decider): { request: DeregistrationRecord; audit: AuditInput[] } {
  assertOpen(request)
  const at = new Date(decider.now).toISOString()
  const declined: DeregistrationRecord = {
    ...request,
    status: 'declined',
    decidedAt: at,
    decidedBy: decider.by,
    onBehalfOf: decider.onBehalfOf,
    declineReason: reason,
    platformNotifiedAt: at,
  }
  return { request: declined, audit: [audit(request, member, 'deregistration.declined', { request: request.id, status: 'declined' }, reason)] }
}
