// The audit trail of one thing (an app, a member): its newest events, refreshed with every change in the tenant.
import { useQuery } from '@tanstack/react-query'
import type { components } from '@contract/schema.gen'
import { api, unwrap } from '@/shared/api/client'
import { rootKeys } from '@/shared/api/query-client'

export type AuditEvent = components['schemas']['AuditEvent']

export const auditTrailKey = (tenantId: string, targetType: string, targetId: string) => [...rootKeys.audit(tenantId), targetType, targetId] as const

export const useAuditTrail = (tenantId: string, targetType: string, targetId: string | null, limit = 10) =>
  useQuery({
    queryKey: auditTrailKey(tenantId, targetType, targetId ?? ''),
    queryFn: () =>
      unwrap(
        api().GET('/api/v1/tenants/{tenantId}/audit-events', {
          params: { path: { tenantId }, query: { targetType, targetId: targetId ?? '', limit } },
        }),
      ),
    enabled: targetId !== null,
  })
