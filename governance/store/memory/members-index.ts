// The memory store's member directory: generated members in name order, searched in one pass over compact
// text, with stored changes (patches) laid over the generated base at read time.
import type { MemberRecord } from '../../rules/records'
import type { MemberCounts, MemberMatches, MemberSearch } from '../port'
import { memberAt, memberIdPrefix } from '../../seed/members'
import type { MemberSource } from '../../seed/dataset'

export type MemberPatch = Partial<Omit<MemberRecord, 'id' | 'tenantId'>>

interface BaseIndex {
  members: readonly MemberRecord[]
  /** Positions into `members`, by name then id. */
  order: Uint32Array
  /** Lower-case name, email and employee number, by position in `members`. */
  text: readonly string[]
}

const bases = new Map<string, BaseIndex>()

/** Built once per (tenant, count, seed) and kept: 100 000 members take ~0.3 s to generate and sort. */
function baseIndex(tenantId: string, source: MemberSource): BaseIndex {
  const key = `${tenantId}:${source.count}:${source.seed}`
  const hit = bases.get(key)
  if (hit) return hit
  const members: MemberRecord[] = new Array<MemberRecord>(source.count)
  for (let index = 0; index < source.count; index++) members[index] = memberAt(tenantId, index, source.seed)
  const order = Uint32Array.from({ length: source.count }, (_, index) => index)
  // Code-point order, not locale collation: a locale compare over 100 000 names costs far more than it adds.
  order.sort((a, b) => {
    const x = members[a]?.name ?? ''
    const y = members[b]?.name ?? ''
    return x < y ? -1 : x > y ? 1 : a - b
  })
  const text = members.map(searchText)
  const index = { members, order, text }
  bases.set(key, index)
  return index
}

const searchText = (member: MemberRecord): string => `${member.name}\n${member.email}\n${member.employeeNo}\n${member.phone.slice(-4)}`.toLowerCase()

/** What a reader who sees masked data may match: never the email, never more of the phone than its last four. */
const visibleText = (member: MemberRecord): string => `${member.name}\n${member.employeeNo}\n${member.phone.slice(-4)}`.toLowerCase()

/** The generated member with that id, if the id is one of the generated ones. */
export function baseMember(tenantId: string, source: MemberSource, memberId: string): MemberRecord | null {
  const prefix = memberIdPrefix(tenantId)
  if (!memberId.startsWith(prefix)) return null
  const index = Number(memberId.slice(prefix.length))
  if (!Number.isInteger(index) || index < 0 || index >= source.count) return null
  const member = baseIndex(tenantId, source).members[index]
  return member?.id === memberId ? member : null
}

export function searchMembers(
  tenantId: string,
  source: MemberSource,
  patches: ReadonlyMap<string, MemberPatch>,
  query: MemberSearch,
): { items: MemberRecord[]; matches: MemberMatches | null } {
  const { members, order, text } = baseIndex(tenantId, source)
  const departments = query.departmentIds === null ? null : new Set(query.departmentIds)
  const after = query.after
  const upTo = query.count?.upTo ?? null
  const matches = (member: MemberRecord, baseText: string | null): boolean => {
    if (query.status !== null && member.status !== query.status) return false
    if (query.role !== null && member.role !== query.role) return false
    if (departments !== null && !departments.has(member.departmentId)) return false
    if (query.q !== null && !(baseText ?? searchText(member)).includes(query.q)) return false
    if (query.q !== null && query.visibleOnly && !visibleText(member).includes(query.q)) return false
    return true
  }
  const isPast = (member: MemberRecord) => after === null || member.name > after.name || (member.name === after.name && member.id > after.id)
  // Members whose stored name changed (an erased profile) sit elsewhere in name order: matched apart, merged in order.
  const moved: MemberRecord[] = []
  for (const [memberId, patch] of patches) {
    if (patch.name === undefined) continue
    const base = baseMember(tenantId, source, memberId)
    if (!base || base.name === patch.name) continue
    const member = { ...base, ...patch }
    if (matches(member, null)) moved.push(member)
  }
  const movedIds = new Set(moved.map((member) => member.id))
  const items: MemberRecord[] = []
  let total = moved.length
  let capped = false
  for (let position = 0; position < order.length; position++) {
    const index = order[position] ?? 0
    const base = members[index]
    if (!base || movedIds.has(base.id)) continue
    const patch = patches.get(base.id)
    const member = patch ? { ...base, ...patch } : base
    if (!matches(member, patch ? null : (text[index] ?? ''))) continue
    if (isPast(member) && items.length < query.limit) items.push(member)
    if (query.count === null) {
      if (items.length >= query.limit) break
      continue
    }
    if (upTo !== null && total >= upTo) {
      capped = true
      if (items.length >= query.limit) break
      continue
    }
    total++
  }
  if (moved.length > 0) {
    items.push(...moved.filter(isPast))
    items.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
    items.length = Math.min(items.length, query.limit)
  }
  if (upTo !== null && total > upTo) {
    total = upTo
    capped = true
  }
  return { items, matches: query.count === null ? null : { total, capped } }
}

const baseCounts = new Map<string, MemberCounts>()

function countInto(counts: MemberCounts, member: MemberRecord, sign: 1 | -1): void {
  if (member.status === 'removed') return
  counts.members += sign
  if (member.status === 'active') counts.active += sign
  if (member.status === 'active' && member.role === 'admin') counts.admins += sign
  counts.byDepartment.set(member.departmentId, (counts.byDepartment.get(member.departmentId) ?? 0) + sign)
}

export function countMembers(tenantId: string, source: MemberSource, patches: ReadonlyMap<string, MemberPatch>): MemberCounts {
  const key = `${tenantId}:${source.count}:${source.seed}`
  let base = baseCounts.get(key)
  if (!base) {
    base = { members: 0, active: 0, admins: 0, byDepartment: new Map() }
    for (const member of baseIndex(tenantId, source).members) countInto(base, member, 1)
    baseCounts.set(key, base)
  }
  const counts = { ...base, byDepartment: new Map(base.byDepartment) }
  for (const [memberId, patch] of patches) {
    const member = baseMember(tenantId, source, memberId)
    if (!member) continue
    countInto(counts, member, -1)
    countInto(counts, { ...member, ...patch }, 1)
  }
  return counts
}

/** Members whose employee number, email (both case-insensitive) or phone number is one of `values` (lower-cased). */
export function membersByIdentifier(tenantId: string, source: MemberSource, patches: ReadonlyMap<string, MemberPatch>, values: ReadonlySet<string>): MemberRecord[] {
  const found: MemberRecord[] = []
  for (const base of baseIndex(tenantId, source).members) {
    const patch = patches.get(base.id)
    const member = patch ? { ...base, ...patch } : base
    if (values.has(member.employeeNo.toLowerCase()) || values.has(member.email.toLowerCase()) || values.has(member.phone)) found.push(member)
  }
  return found
}
