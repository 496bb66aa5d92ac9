// Members ask for an app; the administrator grants (the member is added to who may use it, and taken off the
// deny list) or denies with a note the member sees.
import type { components } from '@contract/schema.gen'
import { conflict } from '../errors'
import type { AppAvailabilityRecord, AppRecord, AppRequestRecord, AuditInput } from '../records'

type Schemas = components['schemas']

export function assertPending(request: AppRequestRecord): void {
  if (request.status !== 'pending') throw conflict(`The request was already ${request.status}.`)
}

export interface Decision {
  at: string
  /** The deciding person's name, as the member sees it. */
  by: string
  note: string | null
}

export function approveRequest(
  request: AppRequestRecord,
  app: AppRecord,
  decision: Decision,
  member: Schemas['MemberRef'],
  describe: (availability: AppAvailabilityRecord) => Schemas['AppAvailability'],
): { request: AppRequestRecord; app: AppRecord; audit: AuditInput[] } {
  assertPending(request)
  if (!app.enabled) throw conflict('Enable the app before granting requests for it.')
  const current = app.availability
  const availability: AppAvailabilityRecord = {
    ...current,
    deniedMemberIds: current.deniedMemberIds.filter((id) => id !== request.memberId),
    memberIds: current.mode !== 'all' && !current.memberIds.includes(request.memberId) ? [...current.memberIds, request.memberId] : current.memberIds,
    version: current.version + 1,
  }
  const decided: AppRequestRecord = { ...request, status: 'approved', decidedAt: decision.at, decidedBy: decision.by, note: decision.note }
  return {
    request: decided,
    app: { ...app, availability },
    audit: [
      {
        action: 'app.request_approved',
        targetType: 'app',
        targetId: app.id,
        targetName: app.name,
        before: { request: request.id, member, availability: describe(current) },
        after: { request: request.id, member, availability: describe(availability) },
        reason: decision.note,
      },
    ],
  }
}

export function denyRequest(
  request: AppRequestRecord,
  appName: string,
  decision: Decision & { note: string },
  member: Schemas['MemberRef'],
): { request: AppRequestRecord; audit: AuditInput[] } {
  assertPending(request)
  return {
    request: { ...request, status: 'denied', decidedAt: decision.at, decidedBy: decision.by, note: decision.note },
    audit: [
      {
        action: 'app.request_denied',
        targetType: 'app',
        targetId: request.appId,
        targetName: appName,
        before: { request: request.id, member, status: 'pending' },
        after: { request: request.id, status: 'denied' },
        reason: decision.note,
      },
    ],
  }
}
