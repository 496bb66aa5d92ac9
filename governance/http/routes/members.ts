// The member directory: departments (with head-counts) and the searchable, paged member list.
import type { components } from '@contract/schema.gen'
import { departmentSubtree } from '../../rules/departments'
import { fieldError, validation } from '../../rules/errors'
import { maskEmail, maskPhone, memberOrder, SEARCH_COUNT_CAP, sortValue } from '../../rules/members'
import type { MemberRecord } from '../../rules/records'
import { decodeJsonCursor, DEFAULT_LIMIT, encodeJsonCursor, hashText } from '../paging'
import { settleRemovals } from '../member-removals'
import { ok, tenantRoute } from '../route'

type Member = components['schemas']['Member']

/** Where the next page starts (after this member) and what the first page counted. */
interface MemberCursor {
  /** The last member's sort value. */
  key: string
  id: string
  total: number
  capped: boolean
  /** Members on this page and the ones before it. */
  seen: number
}

const isMemberCursor = (value: unknown): value is MemberCursor => {
  if (typeof value !== 'object' || value === null) return false
  const cursor = value as Record<string, unknown>
  return typeof cursor.key === 'string' && typeof cursor.id === 'string' && Number.isInteger(cursor.total) && typeof cursor.capped === 'boolean' && Number.isInteger(cursor.seen)
}

export function memberView(member: MemberRecord, departmentName: string, masked: boolean): Member {
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

export const memberRoutes = [
  tenantRoute(
    { method: 'get', path: '/api/v1/tenants/:tenantId/departments', operationId: 'listDepartments', access: 'tenant:read' },
    async ({ tx, tenantId }) => {
      const [departments, counts] = await Promise.all([tx.members.departments(tenantId), tx.members.counts(tenantId)])
      // Head-counts include sub-departments and leave out removed members.
      const items = departments.map((department) => {
        let memberCount = 0
        for (const id of departmentSubtree(departments, [department.id])) memberCount += counts.byDepartment.get(id) ?? 0
        return { id: department.id, name: department.name, parentId: department.parentId, memberCount }
      })
      return ok({ items })
    },
  ),
  tenantRoute(
    { method: 'get', path: '/api/v1/tenants/:tenantId/members', operationId: 'listMembers', access: 'tenant:read' },
    async ({ tx, tenantId, actor, query, now }) => {
      await settleRemovals(tx, tenantId, now)
      const departments = await tx.members.departments(tenantId)
      const departmentId = query.departmentId ?? null
      if (departmentId !== null && !departments.some((department) => department.id === departmentId)) {
        throw validation([fieldError('departmentId', 'invalid', `No department "${departmentId}" in this tenant.`)])
      }
      const q = (query.q ?? '').trim().toLowerCase()
      const status = query.status ?? null
      const role = query.role ?? null
      const limit = query.limit ?? DEFAULT_LIMIT
      const order = memberOrder(query.sort)
      const fingerprint = hashText(JSON.stringify([tenantId, q, departmentId, status, role, order]))
      const cursor = decodeJsonCursor(query.cursor, fingerprint, isMemberCursor)
      const page = await tx.members.search(tenantId, {
        q: q === '' ? null : q,
        visibleOnly: actor.masked,
        departmentIds: departmentId === null ? null : [...departmentSubtree(departments, [departmentId])],
        status,
        role,
        order,
        after: cursor ? { key: cursor.key, id: cursor.id } : null,
        limit,
        // Counted once, on the first page; the cursor carries it on.
        count: cursor ? null : { upTo: q === '' ? null : SEARCH_COUNT_CAP },
      })
      const matches = page.matches ?? { total: cursor?.total ?? 0, capped: cursor?.capped ?? false }
      const names = new Map(departments.map((department) => [department.id, department.name]))
      const last = page.items.at(-1)
      const seen = (cursor?.seen ?? 0) + page.items.length
      // A full page may be the last one: the count (when it is exact) says so, so no cursor leads to an empty page.
      const more = page.items.length === limit && last !== undefined && (matches.capped || seen < matches.total)
      return ok({
        items: page.items.map((member) => memberView(member, names.get(member.departmentId) ?? '', actor.masked)),
        total: matches.total,
        totalCapped: matches.capped,
        nextCursor: more ? encodeJsonCursor({ key: sortValue(last, order.field), id: last.id, total: matches.total, capped: matches.capped, seen } satisfies MemberCursor, fingerprint) : null,
      })
    },
  ),
]
