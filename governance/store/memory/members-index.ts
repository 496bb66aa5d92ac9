// The memory store's member directory: generated members in name order, searched in one pass over compact
// text, with stored changes (patches) laid over the generated base at read time.
import type { MemberSortField } from '../../rules/members'
import type { MemberRecord } from '../../rules/records'
import type { MemberCounts, MemberMatches, MemberSearch } from '../port'
import { memberAt, memberIdPrefix } from '../../seed/members'
import type { MemberSource } from '../../seed/dataset'

export type MemberPatch = Partial<Omit<MemberRecord, 'id' | 'tenantId'>>

interface BaseIndex {
  members: readonly MemberRecord[]
  /** Positions into `members`, by each sort field then id (built when first asked for). */
  orders: Map<MemberSortField, Uint32Array>
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
  const text = members.map(searchText)
  const index = { members, orders: new Map(), text }
  bases.set(key, index)
  return index
}

function orderOf(base: BaseIndex, field: MemberSortField): Uint32Array {
  const hit = base.orders.get(field)
  if (hit) return hit
  const { members } = base
  const order = Uint32Array.from({ length: members.length }, (_, index) => index)
  // Code-point order, not locale collation: a locale compare over 100 000 names costs far more than it adds.
  order.sort((a, b) => {
    const x = members[a]?.[field] ?? ''
    const y = members[b]?.[field] ?? ''
    return x < y ? -1 : x > y ? 1 : a - b
  })
  base.orders.set(field, order)
  return order
}

/** (sort value, id) pairs compared bytewise, as the SQL store's COLLATE "C" does. */
const compareKeys = (key: string, id: string, otherKey: string, otherId: string): number =>
  key < otherKey ? -1 : key > otherKey ? 1 : id < otherId ? -1 : id > otherId ? 1 : 0

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
  const base = baseIndex(tenantId, source)
  const { members, text } = base
  const { field, descending } = query.order
  const order = orderOf(base, field)
  const compare = (a: MemberRecord, b: MemberRecord) => compareKeys(a[field], a.id, b[field], b.id)
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
  const isPast = (member: MemberRecord) => {
    if (after === null) return true
    const step = compareKeys(member[field], member.id, after.key, after.id)
    return descending ? step < 0 : step > 0
  }
  // Members whose stored sort value changed (an erased profile's name) sit elsewhere in the order: matched apart, merged in.
  const moved: MemberRecord[] = []
  for (const [memberId, patch] of patches) {
    if (patch[field] === undefined) continue
    const original = baseMember(tenantId, source, memberId)
    if (!original || original[field] === patch[field]) continue
    const member = { ...original, ...patch }
    if (matches(member, null)) moved.push(member)
  }
  const movedIds = new Set(moved.map((member) => member.id))
  const items: MemberRecord[] = []
  let total = moved.length
  let capped = false
  for (let step = 0; step < order.length; step++) {
    const index = order[descending ? order.length - 1 - step : step] ?? 0
    const original = members[index]
    if (!original || movedIds.has(original.id)) continue
    const patch = patches.get(original.id)
    const member = patch ? { ...original, ...patch } : original
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
    items.sort(descending ? (a, b) => compare(b, a) : compare)
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
