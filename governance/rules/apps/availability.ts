// Who may use an app: everyone, some departments (with their sub-departments) and named members, or only named
// members — and a deny list that overrides every allow rule. Each change moves the version the ETag is made of.
import type { components } from '@contract/schema.gen'
import { fieldError, validation, type FieldError } from '../errors'
import type { AppAvailabilityRecord, AppRecord, AuditInput } from '../records'

type Schemas = components['schemas']

/** The most people one list may name (the contract's limit, kept for every list). */
export const MAX_PEOPLE = 500

export interface AvailabilityReferences {
  departmentIds: ReadonlySet<string>
  /** Which of the named member ids exist in the tenant. */
  memberExists: (memberId: string) => boolean
}

/** Checks the references and the mode's needs; returns the availability to store (one version on). */
export function nextAvailability(
  current: AppAvailabilityRecord,
  input: Schemas['AppAvailabilityInput'],
  references: AvailabilityReferences,
): AppAvailabilityRecord {
  const errors: FieldError[] = []
  const unique = (field: string, ids: readonly string[]): string[] => {
    if (ids.length > MAX_PEOPLE) errors.push(fieldError(field, 'too_large', `At most ${MAX_PEOPLE}.`, { max: MAX_PEOPLE }))
    return [...new Set(ids)]
  }
  const departmentIds = unique('departmentIds', input.departmentIds)
  const memberIds = unique('memberIds', input.memberIds)
  const deniedMemberIds = unique('deniedMemberIds', input.deniedMemberIds)
  const unknownDepartment = departmentIds.find((id) => !references.departmentIds.has(id))
  if (unknownDepartment) errors.push(fieldError('departmentIds', 'invalid', `No department "${unknownDepartment}" in this tenant.`))
  for (const [field, ids] of [['memberIds', memberIds], ['deniedMemberIds', deniedMemberIds]] as const) {
    const unknownMember = ids.find((id) => !references.memberExists(id))
    if (unknownMember) errors.push(fieldError(field, 'invalid', `No member "${unknownMember}" in this tenant.`))
  }
  const { mode } = input
  if (mode === 'departments' && departmentIds.length === 0) errors.push(fieldError('departmentIds', 'required', 'Choose at least one department.'))
  if (mode === 'members' && memberIds.length === 0) errors.push(fieldError('memberIds', 'required', 'Choose at least one member.'))
  if (errors.length > 0) throw validation(errors)
  return {
    mode,
    departmentIds: mode === 'departments' ? departmentIds : [],
    memberIds: mode === 'all' ? [] : memberIds,
    deniedMemberIds,
    version: current.version + 1,
  }
}

/** The audit entry of an availability change; `describe` turns an availability into the readable view. */
export function availabilityChanged(
  app: AppRecord,
  next: AppAvailabilityRecord,
  describe: (availability: AppAvailabilityRecord) => Schemas['AppAvailability'],
): AuditInput {
  return {
    action: 'app.availability_changed',
    targetType: 'app',
    targetId: app.id,
    targetName: app.name,
    before: describe(app.availability),
    after: describe(next),
  }
}

/**
 * Whether an enabled app can reach this member now: the deny list first, then the allow rules. `ancestry` is the
 * member's department and every department above it (a department rule covers its sub-departments).
 */
export function reachesMember(app: AppRecord, memberId: string, ancestry: ReadonlySet<string>): boolean {
  if (!app.enabled) return false
  const { mode, departmentIds, memberIds, deniedMemberIds } = app.availability
  if (deniedMemberIds.includes(memberId)) return false
  if (mode === 'all') return true
  if (memberIds.includes(memberId)) return true
  return mode === 'departments' && departmentIds.some((id) => ancestry.has(id))
}

/** The availability with a removed member dropped from every list (a new version), or null when none named them. */
export function withoutMember(availability: AppAvailabilityRecord, memberId: string): AppAvailabilityRecord | null {
  if (!availability.memberIds.includes(memberId) && !availability.deniedMemberIds.includes(memberId)) return null
  const memberIds = availability.memberIds.filter((id) => id !== memberId)
  // A members-only list that named nobody else would open the app to no one: it stays "members", empty, as the admin left it.
  return { ...availability, memberIds, deniedMemberIds: availability.deniedMemberIds.filter((id) => id !== memberId), version: availability.version + 1 }
}
