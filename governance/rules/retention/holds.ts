// Legal holds: a member or chat group whose data no deletion run may touch until the hold is lifted.
import type { components } from '@contract/schema.gen'
import { conflict, fieldError, validation } from '../errors'
import type { AuditInput, LegalHoldRecord } from '../records'

type Schemas = components['schemas']

export interface HoldRequest {
  targetType: LegalHoldRecord['targetType']
  targetId: string
  reason: string
}

/** Places a hold; `targetName` is undefined when the target does not exist in the tenant. */
export function placeHold(
  holds: readonly LegalHoldRecord[],
  request: HoldRequest,
  targetName: string | undefined,
  hold: { id: string; tenantId: string; at: string; by: Schemas['RetentionPerson'] },
): { hold: LegalHoldRecord; audit: AuditInput[] } {
  const { targetType, targetId, reason } = request
  if (targetName === undefined) throw validation([fieldError('targetId', 'invalid', `No ${targetType} "${targetId}" in this tenant.`)])
  if (holds.some((existing) => existing.targetId === targetId && existing.releasedAt === null)) {
    throw conflict(`${targetName} is already under a legal hold.`)
  }
  const record: LegalHoldRecord = {
    id: hold.id,
    tenantId: hold.tenantId,
    targetType,
    targetId,
    targetName,
    reason,
    placedAt: hold.at,
    placedBy: hold.by,
    releasedAt: null,
    releasedBy: null,
    releaseReason: null,
  }
  return {
    hold: record,
    audit: [
      { action: 'legal_hold.placed', targetType: 'legal_hold', targetId: record.id, targetName, before: null, after: { targetType, targetId, targetName }, reason },
    ],
  }
}

export function releaseHold(hold: LegalHoldRecord, reason: string, at: string, by: Schemas['RetentionPerson']): { hold: LegalHoldRecord; audit: AuditInput[] } {
  if (hold.releasedAt !== null) throw conflict(`The hold on ${hold.targetName} was already lifted.`)
  const released: LegalHoldRecord = { ...hold, releasedAt: at, releasedBy: by, releaseReason: reason }
  return {
    hold: released,
    audit: [
      {
        action: 'legal_hold.released',
        targetType: 'legal_hold',
        targetId: hold.id,
        targetName: hold.targetName,
        before: { releasedAt: null },
        after: { releasedAt: at },
        reason,
      },
    ],
  }
}

/** Holds in force first, then the most recent. */
export function sortHolds(holds: readonly LegalHoldRecord[]): LegalHoldRecord[] {
  return [...holds].sort((a, b) => {
    if ((a.releasedAt === null) !== (b.releasedAt === null)) return a.releasedAt === null ? -1 : 1
    return Date.parse(b.placedAt) - Date.parse(a.placedAt)
  })
}
