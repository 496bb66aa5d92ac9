// The tenant's audit trail, newest first, with a cursor that new events never shift.
import type { AuditRecord } from '../../rules/records'
import { decodeCursor, DEFAULT_LIMIT, encodeCursor, hashText } from '../paging'
import { ok, tenantRoute } from '../route'
import type { components } from '@contract/schema.gen'

export function auditView(event: AuditRecord): components['schemas']['AuditEvent'] {
  const { tenantId: _tenantId, seq: _seq, ...view } = event
  return view
}

export const auditRoutes = [
  tenantRoute(
    { method: 'get', path: '/api/v1/tenants/:tenantId/audit-events', operationId: 'listAuditEvents', access: 'tenant:read' },
    async ({ tx, tenantId, query }) => {
      const targetType = query.targetType || null
      const targetId = query.targetId || null
      const limit = query.limit ?? DEFAULT_LIMIT
      const fingerprint = hashText(JSON.stringify([tenantId, targetType, targetId]))
      const beforeSeq = decodeCursor(query.cursor, fingerprint)
      // One more than asked tells whether there is a next page.
      const events = await tx.audit.list(tenantId, { targetType, targetId, beforeSeq, limit: limit + 1 })
      const page = events.slice(0, limit)
      const last = page[page.length - 1]
      return ok({ items: page.map(auditView), nextCursor: events.length > limit && last ? encodeCursor(last.seq, fingerprint) : null })
    },
  ),
]
