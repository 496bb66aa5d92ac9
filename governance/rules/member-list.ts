// An uploaded list of members to remove (employee numbers, emails or phone numbers, one per row), checked row by
// row before anything runs: blank rows, repeats, values that match nobody, and members already leaving are named.
import type { components } from '@contract/schema.gen'
import type { MemberRecord } from './records'

type Row = components['schemas']['MemberListRow']

/** A row's value as it is matched: trimmed, lower-case; a phone number without spaces, dashes or a +86 prefix. */
export function listKey(value: string): string {
  const trimmed = value.trim().toLowerCase()
  const digits = trimmed.replace(/[\s-]/g, '').replace(/^\+?86(?=1\d{10}$)/, '')
  return /^1\d{10}$/.test(digits) ? digits : trimmed
}

export function checkList(rows: readonly string[], found: readonly MemberRecord[], departmentName: (member: MemberRecord) => string): Row[] {
  const byKey = new Map<string, MemberRecord>()
  for (const member of found) {
    for (const key of [member.employeeNo.toLowerCase(), member.email.toLowerCase(), member.phone]) if (key !== '') byKey.set(key, member)
  }
  const seenValues = new Set<string>()
  const seenMembers = new Set<string>()
  return rows.map((value, index) => {
    const row = index + 1
    const key = listKey(value)
    if (key === '') return { row, value, outcome: 'blank', member: null }
    const member = byKey.get(key) ?? null
    const ref = member ? { id: member.id, name: member.name, departmentName: departmentName(member) } : null
    if (seenValues.has(key) || (member !== null && seenMembers.has(member.id))) return { row, value, outcome: 'duplicate', member: ref }
    seenValues.add(key)
    if (member === null) return { row, value, outcome: 'unknown', member: null }
    seenMembers.add(member.id)
    if (member.status === 'removed' || member.status === 'pending_removal') return { row, value, outcome: 'already_removed', member: ref }
    return { row, value, outcome: 'member', member: ref }
  })
}
