// Retention's server state: query keys, queries and mutations. Writes are pessimistic and refresh
// retention, legal holds and the audit trail, so the screen always shows what the server holds.
import { queryOptions, useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { api, unwrap } from '@/shared/api/client'
import { rootKeys } from '@/shared/api/query-client'
import { retentionPolicyKindValues, type components } from '@contract/schema.gen'
import { idempotencyHeaders, ifMatchHeaders } from '@/shared/api/write-headers'
import { syncServerTime } from '@/shared/lib/server-clock'

type Schemas = components['schemas']
export type RetentionSettings = Schemas['RetentionSettings']
export type RetentionPeriod = Schemas['RetentionPeriod']
export type RetentionKind = Schemas['RetentionPolicyKind']
export type RetentionUnit = Schemas['RetentionUnit']
export type RetentionImpact = Schemas['RetentionImpact']
export type RetentionPreview = Schemas['RetentionPreview']
export type RetentionHistoryEntry = Schemas['RetentionHistoryEntry']
export type LegalHold = Schemas['LegalHold']
export type RetentionPolicySet = Record<RetentionKind, RetentionPeriod>

/** The contract's policy kinds, in the order the page shows them. */
export const RETENTION_KINDS = retentionPolicyKindValues

/** Keys shaped [resource, action, params]; everything of this capability sits below ['retention'] or ['legal-holds']. */
export const retentionKeys = {
  all: ['retention'] as const,
  detail: (tenantId: string) => ['retention', 'detail', { tenantId }] as const,
  history: (tenantId: string) => ['retention', 'history', { tenantId }] as const,
  holds: (tenantId: string) => ['legal-holds', 'list', { tenantId }] as const,
}

const tenantPath = (tenantId: string) => ({ path: { tenantId } })

export const retentionQuery = (tenantId: string) =>
  queryOptions({
    queryKey: retentionKeys.detail(tenantId),
    queryFn: async () => {
      const settings = await unwrap(api().GET('/api/v1/tenants/{tenantId}/retention', { params: tenantPath(tenantId) }))
      // The mock's clock can jump; countdowns follow the server's time, not the browser's.
      syncServerTime(settings.asOf)
      return settings
    },
  })

export const useRetention = (tenantId: string) => useQuery(retentionQuery(tenantId))

/** What the other policies should say when one is edited: a scheduled value stays scheduled. */
export function policySetFrom(settings: RetentionSettings): RetentionPolicySet {
  return {
    chat: settings.pending?.policies.chat ?? settings.policies.chat.period,
    files: settings.pending?.policies.files ?? settings.policies.files.period,
  }
}

export function usePreviewRetention(tenantId: string) {
  return useMutation({
    mutationFn: (policies: RetentionPolicySet) =>
      unwrap(api().POST('/api/v1/tenants/{tenantId}/retention/preview', { params: tenantPath(tenantId), body: policies })),
  })
}

export interface SaveRetentionInput {
  policies: RetentionPolicySet
  /** The version this change was made against; a newer one on the server gets a 412. */
  etag: string
  graceDays?: number
  reason?: string
}

function useRefreshRetention(tenantId: string) {
  const queryClient = useQueryClient()
  return async (settings?: RetentionSettings) => {
    if (settings) queryClient.setQueryData(retentionKeys.detail(tenantId), settings)
    await Promise.all([
      queryClient.invalidateQueries({ queryKey: retentionKeys.all }),
      queryClient.invalidateQueries({ queryKey: retentionKeys.holds(tenantId) }),
      queryClient.invalidateQueries({ queryKey: rootKeys.audit(tenantId) }),
    ])
  }
}

export function useSaveRetention(tenantId: string) {
  const refresh = useRefreshRetention(tenantId)
  return useMutation({
    mutationFn: ({ policies, etag, graceDays, reason }: SaveRetentionInput) =>
      unwrap(
        api().PUT('/api/v1/tenants/{tenantId}/retention', {
          params: { ...tenantPath(tenantId), header: ifMatchHeaders(etag) },
          body: { ...policies, ...(graceDays !== undefined ? { graceDays } : {}), ...(reason ? { reason } : {}) },
        }),
      ),
    onSuccess: (settings) => refresh(settings),
  })
}

export function useCancelPendingRetention(tenantId: string) {
  const refresh = useRefreshRetention(tenantId)
  return useMutation({
    mutationFn: ({ key }: { key: string }) =>
      unwrap(
        api().POST('/api/v1/tenants/{tenantId}/retention/pending/cancel', {
          params: { ...tenantPath(tenantId), header: idempotencyHeaders(key) },
          body: {},
        }),
      ),
    onSuccess: (settings) => refresh(settings),
    // A 409 means the grace period ended or someone cancelled first: show the real state either way.
    onError: () => refresh(),
  })
}

export const useRetentionHistory = (tenantId: string) =>
  useInfiniteQuery({
    queryKey: retentionKeys.history(tenantId),
    initialPageParam: null as string | null,
    queryFn: ({ pageParam }) =>
      unwrap(
        api().GET('/api/v1/tenants/{tenantId}/retention/history', {
          params: { ...tenantPath(tenantId), query: { limit: 20, ...(pageParam ? { cursor: pageParam } : {}) } },
        }),
      ),
    getNextPageParam: (last) => last.nextCursor,
  })

export const useLegalHolds = (tenantId: string) =>
  useQuery({
    queryKey: retentionKeys.holds(tenantId),
    queryFn: () => unwrap(api().GET('/api/v1/tenants/{tenantId}/legal-holds', { params: tenantPath(tenantId) })),
  })

export function usePlaceLegalHold(tenantId: string) {
  const refresh = useRefreshRetention(tenantId)
  return useMutation({
    mutationFn: ({ key, ...body }: Schemas['LegalHoldInput'] & { key: string }) =>
      unwrap(
        api().POST('/api/v1/tenants/{tenantId}/legal-holds', {
          params: { ...tenantPath(tenantId), header: idempotencyHeaders(key) },
          body,
        }),
      ),
    onSuccess: () => refresh(),
  })
}

export function useReleaseLegalHold(tenantId: string) {
  const refresh = useRefreshRetention(tenantId)
  return useMutation({
    mutationFn: ({ key, holdId, reason }: { key: string; holdId: string; reason: string }) =>
      unwrap(
        api().POST('/api/v1/tenants/{tenantId}/legal-holds/{holdId}/release', {
          params: { path: { tenantId, holdId }, header: idempotencyHeaders(key) },
          body: { reason },
        }),
      ),
    onSuccess: () => refresh(),
  })
}

