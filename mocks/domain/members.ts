// The member directory: server-side search, filters, stable sort and cursor paging, fast at 100 000 members.
import type { components } from '@contract/schema.gen'
import { listTenantMembers } from '../db/members'
import type { MockDbState, StoredDepartment, StoredMember } from '../db/state'
import type { ActorContext } from './access'
import { fieldError, validation, type FieldError } from './errors'
import { readEnum } from './input'
import { decodeCursor, encodeCursor, readLimit } from './paging'
import { hashString } from './rng'

type Schemas = components['schemas']
type Member = Schemas['Member']

export const MEMBER_STATUSES: readonly Schemas['MemberStatus'][] = ['active', 'deactivated', 'pending_removal', 'removed']
export const MEMBER_ROLES: readonly Schemas['MemberRole'][] = ['admin', 'member']
const MAX_QUERY_LENGTH = 100

export interface MemberQuery {
  q?: string | null
  departmentId?: string | null
  status?: string | null
  role?: string | null
  cursor?: string | null
  limit?: string | number | null
}

export interface MemberPage {
  items: Member[]
  total: number
  nextCursor: string | null
}

/** Derived once per member list (the list is replaced whenever members change). */
interface MemberIndex {
  /** Members by name, then id, with their lowercase search text at the same position. */
  sorted: StoredMember[]
  searchText: string[]
  counts: { members: number; active: number; admins: number; byDepartment: Map<string, number> }
}

const indexes = new WeakMap<readonly StoredMember[], MemberIndex>()

function indexFor(members: readonly StoredMember[]): MemberIndex {
  const cached = indexes.get(members)
  if (cached) return cached
  // Lists are in id order and the sort is stable, so comparing names alone yields "name, then id".
  // Code-point order, not locale collation: a locale compare over 100 000 names costs far more than it adds.
  const sorted = members.slice().sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
  const searchText = sorted.map((m) => `${m.name}\n${m.email}\n${m.employeeNo}`.toLowerCase())
  const counts = { members: 0, active: 0, admins: 0, byDepartment: new Map<string, number>() }
  for (const member of members) {
    if (member.status === 'removed') continue
    counts.members++
    if (member.status === 'active') counts.active++
    if (member.status === 'active' && member.role === 'admin') counts.admins++
    counts.byDepartment.set(member.departmentId, (counts.byDepartment.get(member.departmentId) ?? 0) + 1)
  }
  const index = { sorted, searchText, counts }
  indexes.set(members, index)
  return index
}

export function maskPhone(phone: string): string {
  return phone.length < 8 ? '****' : `${phone.slice(0, 3)}****${phone.slice(-4)}`
}

export function maskEmail(email: string): string {
  const at = email.indexOf('@')
  return at <= 0 ? '***' : `${email.slice(0, 1)}***${email.slice(at)}`
}

export function tenantDepartments(state: MockDbState, tenantId: string): StoredDepartment[] {
  return state.departments.filter((department) => department.tenantId === tenantId)
}

/** The departments given and everything below them. */
export function departmentSubtree(departments: readonly StoredDepartment[], roots: Iterable<string>): Set<string> {
  const ids = new Set(roots)
  let grew = true
  while (grew) {
    grew = false
    for (const department of departments) {
      if (department.parentId !== null && ids.has(department.parentId) && !ids.has(department.id)) {
        ids.add(department.id)
        grew = true
      }
    }
  }
  return ids
}

export function toMemberView(member: StoredMember, departmentName: string, masked: boolean): Member {
  return {
    id: member.id,
    name: member.name,
    email: masked ? maskEmail(member.email) : member.email,
    employeeNo: member.employeeNo,
    phoneMasked: maskPhone(member.phone),
    departmentId: member.departmentId,
    departmentName,
    role: member.role,
    status: member.status,
    joinedAt: member.joinedAt,
  }
}

export function searchMembers(state: MockDbState, ctx: ActorContext, query: MemberQuery): MemberPage {
  const errors: FieldError[] = []
  const q = (query.q ?? '').trim().toLowerCase()
  if (q.length > MAX_QUERY_LENGTH) {
    errors.push(fieldError('q', 'too_large', `q must be at most ${MAX_QUERY_LENGTH} characters.`, { max: MAX_QUERY_LENGTH }))
  }
  const status = readEnum(query.status, 'status', MEMBER_STATUSES, errors)
  const role = readEnum(query.role, 'role', MEMBER_ROLES, errors)
  const limit = readLimit(query.limit, errors)
  const departments = tenantDepartments(state, ctx.tenantId)
  const departmentId = query.departmentId || null
  if (departmentId !== null && !departments.some((department) => department.id === departmentId)) {
    errors.push(fieldError('departmentId', 'invalid', `No department "${departmentId}" in this tenant.`))
  }
  if (errors.length > 0) throw validation(errors)

  const fingerprint = hashString(JSON.stringify([ctx.tenantId, q, departmentId, status, role]))
  const offset = decodeCursor(query.cursor, fingerprint) ?? 0
  const inDepartment = departmentId === null ? null : departmentSubtree(departments, [departmentId])
  const members = listTenantMembers(state, ctx.tenantId)
  const { sorted, searchText } = indexFor(members)
  const names = new Map(departments.map((department) => [department.id, department.name]))

  const items: Member[] = []
  let total = 0
  for (let position = 0; position < sorted.length; position++) {
    const member = sorted[position]
    if (!member) continue
    if (status !== undefined && member.status !== status) continue
    if (role !== undefined && member.role !== role) continue
    if (inDepartment !== null && !inDepartment.has(member.departmentId)) continue
    if (q !== '' && !(searchText[position] ?? '').includes(q)) continue
    if (total >= offset && items.length < limit) {
      items.push(toMemberView(member, names.get(member.departmentId) ?? '', ctx.masked))
    }
    total++
  }
  const next = offset + items.length
  return { items, total, nextCursor: next < total ? encodeCursor(next, fingerprint) : null }
}

/** Head-counts include sub-departments and leave out removed members. */
export function listDepartments(state: MockDbState, tenantId: string): Schemas['Department'][] {
  const departments = tenantDepartments(state, tenantId)
  const { byDepartment } = indexFor(listTenantMembers(state, tenantId)).counts
  return departments.map((department) => {
    let memberCount = 0
    for (const id of departmentSubtree(departments, [department.id])) memberCount += byDepartment.get(id) ?? 0
    return { id: department.id, name: department.name, parentId: department.parentId, memberCount }
  })
}

export function memberCounts(state: MockDbState, tenantId: string): MemberIndex['counts'] {
  return indexFor(listTenantMembers(state, tenantId)).counts
}
