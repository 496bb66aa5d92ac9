// Bulk removal over HTTP: check an uploaded list, start a job (members by id or by a directory filter), follow it.
import { checkList, listKey } from '../../rules/member-list'
import { created, ok, tenantRoute } from '../route'
import { findJob, jobView, startRemovalJob } from '../removal-jobs'

const base = '/api/v1/tenants/:tenantId/member-removal-jobs'

export const memberJobRoutes = [
  // Matching emails and phone numbers is not for a reader who sees them masked: it takes the right to remove.
  tenantRoute({ method: 'post', path: `${base}/preview`, operationId: 'previewMemberRemovalList', access: 'tenant:write' }, async ({ tx, tenantId, body }) => {
    const keys = [...new Set(body.rows.map(listKey).filter((key) => key !== ''))]
    const [found, departments] = await Promise.all([keys.length === 0 ? [] : tx.members.byIdentifiers(tenantId, keys), tx.members.departments(tenantId)])
    const names = new Map(departments.map((department) => [department.id, department.name]))
    return ok({ rows: checkList(body.rows, found, (member) => names.get(member.departmentId) ?? '') })
  }),

  tenantRoute(
    { method: 'post', path: base, operationId: 'startMemberRemovalJob', access: 'tenant:write', idempotent: true },
    async ({ tx, actor, user, now, body }) => created(await jobView(tx, await startRemovalJob(tx, actor, user.memberId, now, body))),
  ),

  tenantRoute({ method: 'get', path: `${base}/:jobId`, operationId: 'getMemberRemovalJob', access: 'tenant:read' }, async ({ tx, tenantId, params }) =>
    ok(await jobView(tx, await findJob(tx, tenantId, params.jobId ?? ''))),
  ),
]
