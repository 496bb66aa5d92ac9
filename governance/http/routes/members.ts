// The member directory: departments (with head-counts) and the searchable, paged member list.
import type { components } from '@contract/schema.gen'
import { departmentSubtree } from '../../rules/departments'
import { fieldError, validation } from '../../rules/errors'
import { maskEmail, maskPhone } from '../../rules/members'
import type { MemberRecord } from '../../rules/records'
import { decodeCursor, DEFAULT_LIMIT, encodeCursor, hashText } from '../paging'
import { ok, tenantRoute } from '../route'

type Member = components['schemas']['Member']

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
    async ({ tx, tenantId, actor, query }) => {
      const departments = await tx.members.departments(tenantId)
      const departmentId = query.departmentId ?? null
      if (departmentId !== null && !departments.some((department) => department.id === departmentId)) {
        throw validation([fieldError('departmentId', 'invalid', `No department "${departmentId}" in this tenant.`)])
      }
      const q = (query.q ?? '').trim().toLowerCase()
      const status = query.status ?? null
      const role = query.role ?? null
      const limit = query.limit ?? DEFAULT_LIMIT
      const fingerprint = hashText(JSON.stringify([tenantId, q, departmentId, status, role]))
      const offset = decodeCursor(query.cursor, fingerprint) ?? 0
      const page = await tx.members.search(tenantId, {
        q: q === '' ? null : q,
        departmentIds: departmentId === null ? null : [...departmentSubtree(departments, [departmentId])],
        status,
        role,
        offset,
        limit,
      })
      const names = new Map(departments.map((department) => [department.id, department.name]))
      const next = offset + page.items.length
      return ok({
        items: page.items.map((member) => memberView(member, names.get(member.departmentId) ?? '', actor.masked)),
        total: page.total,
        nextCursor: next < page.total ? encodeCursor(next, fingerprint) : null,
      })
    },
  ),
]
