// Deregistration requests over HTTP: the queue with its deadlines, approve (removes the member in the same change),
// decline with a reason for the platform; and the control route through which the platform forwards one.
import type { components } from '@contract/schema.gen'
import { assertOpen, declineRequest, DUE_SOON_DAYS, receiveRequest, urgencyOf } from '../../rules/deregistration'
import { notFound } from '../../rules/errors'
import type { DeregistrationRecord } from '../../rules/records'
import { givenText } from '../../rules/text'
import type { Transaction } from '../../store/port'
import { recordAudit, recordSystemAudit } from '../audit-trail'
import { settleRemovals } from '../member-removals'
import { created, ok, route, tenantRoute } from '../route'
import { memberSettings, removeMember } from './member-lifecycle'

type Schemas = components['schemas']
const base = '/api/v1/tenants/:tenantId/deregistration-requests'

async function views(tx: Transaction, tenantId: string, requests: readonly DeregistrationRecord[], now: number): Promise<Schemas['DeregistrationRequest'][]> {
  const [members, departments] = await Promise.all([tx.members.getMany(tenantId, [...new Set(requests.map((request) => request.memberId))]), tx.members.departments(tenantId)])
  const names = new Map(departments.map((department) => [department.id, department.name]))
  return requests.map(({ tenantId: _tenantId, memberId, ...request }) => {
    const member = members.get(memberId)
    return {
      ...request,
      member: {
        id: memberId,
        name: member?.name ?? memberId,
        employeeNo: member?.employeeNo ?? '',
        departmentName: member ? (names.get(member.departmentId) ?? '') : '',
        status: member?.status ?? 'removed',
      },
      urgency: urgencyOf({ ...request, tenantId, memberId }, now),
    }
  })
}

/** Open first, soonest deadline first; then decided ones, newest decision first. */
const queueOrder = (a: DeregistrationRecord, b: DeregistrationRecord): number => {
  if (a.status === 'open' && b.status !== 'open') return -1
  if (b.status === 'open' && a.status !== 'open') return 1
  if (a.status === 'open') return a.dueAt < b.dueAt ? -1 : a.dueAt > b.dueAt ? 1 : 0
  return (b.decidedAt ?? '') < (a.decidedAt ?? '') ? -1 : (b.decidedAt ?? '') > (a.decidedAt ?? '') ? 1 : 0
}

async function findRequest(tx: Transaction, tenantId: string, requestId: string): Promise<DeregistrationRecord> {
  const request = await tx.deregistrations.get(tenantId, requestId)
  if (!request) throw notFound('deregistration request', requestId)
  return request
}

async function oneView(tx: Transaction, request: DeregistrationRecord, now: number) {
  const [view] = await views(tx, request.tenantId, [request], now)
  return ok(view)
}

export const deregistrationRoutes = [
  tenantRoute({ method: 'get', path: base, operationId: 'listDeregistrationRequests', access: 'tenant:read' }, async ({ tx, tenantId, query, now }) => {
    await settleRemovals(tx, tenantId, now)
    const all = await tx.deregistrations.list(tenantId)
    const chosen = all.filter((request) => query.status === undefined || request.status === query.status).sort(queueOrder)
    return ok({ items: await views(tx, tenantId, chosen, now), replyDays: (await memberSettings(tx, tenantId)).deregistrationReplyDays, dueSoonDays: DUE_SOON_DAYS })
  }),

  tenantRoute(
    { method: 'post', path: `${base}/:requestId/approve`, operationId: 'approveDeregistrationRequest', access: 'tenant:write', idempotent: true },
    async ({ tx, tenantId, params, actor, user, now, body }) => {
      const request = await findRequest(tx, tenantId, params.requestId ?? '')
      assertOpen(request)
      // Removing the member answers their open request (approved, the platform told) in the same change.
      await removeMember({ tx, tenantId, actor, callerMemberId: user.memberId, now, memberId: request.memberId }, body)
      return oneView(tx, await findRequest(tx, tenantId, request.id), now)
    },
  ),

  tenantRoute(
    { method: 'post', path: `${base}/:requestId/decline`, operationId: 'declineDeregistrationRequest', access: 'tenant:write', idempotent: true },
    async ({ tx, tenantId, params, actor, now, body }) => {
      const request = await findRequest(tx, tenantId, params.requestId ?? '')
      const member = await tx.members.get(tenantId, request.memberId)
      if (!member) throw notFound('member', request.memberId)
      const result = declineRequest(request, member, givenText(body.reason, 'reason', true) ?? '', { now, by: { id: actor.user.id, name: actor.user.name }, onBehalfOf: actor.onBehalfOf })
      await tx.deregistrations.save(result.request)
      await recordAudit(tx, actor, now, result.audit)
      return oneView(tx, result.request, now)
    },
  ),
]

/** The platform forwards a member's request (control route: demos and tests). */
export const injectDeregistrationRoute = route(
  { method: 'post', path: '/api/v1/mock/deregistration-requests', operationId: 'injectDeregistrationRequest', access: 'public' },
  async ({ tx, body, now }) => {
    const tenant = await tx.tenants.get(body.tenantId)
    if (!tenant) throw notFound('tenant', body.tenantId)
    const member = await tx.members.get(tenant.id, body.memberId)
    if (!member) throw notFound('member', body.memberId)
    const result = receiveRequest(await tx.deregistrations.list(tenant.id), member, {
      id: await tx.ids.next(`dr-${tenant.id.replace(/^t-/, '')}`),
      message: body.message ?? '',
      receivedAt: body.receivedAt === undefined ? now : Date.parse(body.receivedAt),
      replyDays: (await memberSettings(tx, tenant.id)).deregistrationReplyDays,
    })
    await tx.deregistrations.save(result.request)
    await recordSystemAudit(tx, tenant.id, now, result.audit)
    const [view] = await views(tx, tenant.id, [result.request], now)
    return created(view)
  },
)
