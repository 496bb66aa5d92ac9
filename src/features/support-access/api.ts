// Support access's server state: the tenant's grants (with their usage), granting, revoking, and what support did
// under one grant (pages of the audit log). Writes refresh the grants, the session (the banner and the chooser read
// it), the tenant (its overview shows the grant) and the audit log.
import { queryOptions, useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import type { components } from '@contract/schema.gen'
import { api, unwrap } from '@/shared/api/client'
import { rootKeys } from '@/shared/api/query-client'
import { idempotencyHeaders } from '@/shared/api/write-headers'

type Schemas = components['schemas']
export type SupportGrant = Schemas['SupportGrant']
export type SupportGrantInput = Schemas['SupportGrantInput']

export const supportKeys = {
  grants: (tenantId: string) => ['support-grants', 'list', { tenantId }] as const,
}

export const supportGrantsQuery = (tenantId: string) =>
  queryOptions({
    queryKey: supportKeys.grants(tenantId),
    queryFn: () => unwrap(api().GET('/api/v1/tenants/{tenantId}/support-grants', { params: { path: { tenantId } } })),
    // Usage comes from the audit log and a grant can run out: keep it current while the page is open.
    refetchInterval: 30_000,
  })

export const useSupportGrants = (tenantId: string) => useQuery(supportGrantsQuery(tenantId))

function useRefreshSupport(tenantId: string) {
  const queryClient = useQueryClient()
  return () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: supportKeys.grants(tenantId) }),
      queryClient.invalidateQueries({ queryKey: rootKeys.session }),
      queryClient.invalidateQueries({ queryKey: rootKeys.tenant(tenantId) }),
      queryClient.invalidateQueries({ queryKey: rootKeys.audit(tenantId) }),
    ])
}

export function useCreateGrant(tenantId: string) {
  const refresh = useRefreshSupport(tenantId)
  return useMutation({
    mutationFn: ({ key, ...body }: SupportGrantInput & { key: string }) =>
      unwrap(api().POST('/api/v1/tenants/{tenantId}/support-grants', { params: { path: { tenantId }, header: idempotencyHeaders(key) }, body })),
    onSuccess: () => refresh(),
  })
}

export function useRevokeGrant(tenantId: string) {
  const refresh = useRefreshSupport(tenantId)
  return useMutation({
    mutationFn: ({ key, grantId, reason }: { key: string; grantId: string; reason: string }) =>
      unwrap(
        api().POST('/api/v1/tenants/{tenantId}/support-grants/{grantId}/revoke', {
          params: { path: { tenantId, grantId }, header: idempotencyHeaders(key) },
          body: reason ? { reason } : {},
        }),
      ),
    onSuccess: () => refresh(),
  })
}

const ACTIVITY_PAGE = 20

/** What support agents did under a grant, newest first, a page at a time. */
export const useGrantActivity = (tenantId: string, grantId: string, enabled: boolean) =>
  useInfiniteQuery({
    queryKey: [...rootKeys.audit(tenantId), 'grant', grantId] as const,
    queryFn: ({ pageParam }) =>
      unwrap(
        api().GET('/api/v1/tenants/{tenantId}/audit-events', {
          params: { path: { tenantId }, query: { grantId, limit: ACTIVITY_PAGE, ...(pageParam ? { cursor: pageParam } : {}) } },
        }),
      ),
    initialPageParam: '',
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    enabled,
  })

/** For support agents: every tenant, with the grant that lets them in now; searched on the server. */
export const useSupportTenants = (q: string, enabled: boolean) =>
  useQuery({
    queryKey: ['support-tenants', { q }] as const,
    queryFn: () => unwrap(api().GET('/api/v1/support/tenants', { params: { query: q ? { q } : {} } })),
    enabled,
    refetchInterval: 60_000,
  })
