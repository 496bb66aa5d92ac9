// The audit log's server state: filters read from the URL, one page per (filters, cursor), the filters' choices, the
// chain check stretch by stretch, and exports (started, followed until written, downloaded).
import { keepPreviousData, queryOptions, useMutation, useQuery } from '@tanstack/react-query'
import type { components } from '@contract/schema.gen'
import { api, unwrap } from '@/shared/api/client'
import { rootKeys } from '@/shared/api/query-client'
import { idempotencyHeaders } from '@/shared/api/write-headers'

type Schemas = components['schemas']
export type AuditEvent = Schemas['AuditEvent']
export type AuditExport = Schemas['AuditExport']
export type AuditChainCheck = Schemas['AuditChainCheck']

export const AUDIT_PAGE_SIZE = 50
/** Entries per stretch of the chain check: small enough that the demo's in-page mock stays responsive. */
export const CHAIN_STRETCH = 10_000
/** The server's limit for one export (rules/audit-log.ts MAX_EXPORT_ENTRIES). */
export const MAX_EXPORT_ENTRIES = 200_000

/** The filters as the URL holds them. Dates are days (yyyy-mm-dd) in the reader's time zone, both ends included. */
export interface AuditFilters {
  actorId?: string
  action?: string
  targetType?: string
  targetId?: string
  from?: string
  to?: string
}

export const AUDIT_PARAMS = { actorId: 'actor', action: 'action', targetType: 'type', targetId: 'target', from: 'from', to: 'to' } as const

const DAY = /^\d{4}-\d{2}-\d{2}$/

export function readAuditFilters(params: URLSearchParams): AuditFilters {
  const filters: AuditFilters = {}
  for (const [name, param] of Object.entries(AUDIT_PARAMS) as [keyof AuditFilters, string][]) {
    const value = params.get(param)?.trim()
    if (!value) continue
    if ((name === 'from' || name === 'to') && !DAY.test(value)) continue
    filters[name] = value
  }
  return filters
}

/** A period that ends before it starts: not asked for (the page explains instead). */
export const isBackwards = (filters: AuditFilters): boolean => filters.from !== undefined && filters.to !== undefined && filters.to < filters.from

/** Local midnight of a yyyy-mm-dd day, as an instant; `dayAfter` for the end of a range that includes that day. */
function dayStart(day: string, dayAfter = false): string {
  const [year, month, date] = day.split('-').map(Number)
  return new Date(year ?? 1970, (month ?? 1) - 1, (date ?? 1) + (dayAfter ? 1 : 0)).toISOString()
}

/** The filters as the API takes them. */
export function auditQuery(filters: AuditFilters): Schemas['AuditExportFilter'] {
  const { from, to, ...rest } = filters
  return { ...rest, ...(from ? { from: dayStart(from) } : {}), ...(to ? { to: dayStart(to, true) } : {}) }
}

export const auditLogQuery = (tenantId: string, filters: AuditFilters, cursor: string | null) =>
  queryOptions({
    queryKey: [...rootKeys.audit(tenantId), 'log', { ...filters, cursor }] as const,
    queryFn: () =>
      unwrap(
        api().GET('/api/v1/tenants/{tenantId}/audit-events', {
          params: { path: { tenantId }, query: { ...auditQuery(filters), limit: AUDIT_PAGE_SIZE, ...(cursor ? { cursor } : {}) } },
        }),
      ),
    staleTime: 15_000,
  })

export const useAuditLog = (tenantId: string, filters: AuditFilters, cursor: string | null, enabled = true) =>
  useQuery({ ...auditLogQuery(tenantId, filters, cursor), placeholderData: keepPreviousData, enabled })

export const useAuditFacets = (tenantId: string) =>
  useQuery({
    queryKey: [...rootKeys.audit(tenantId), 'facets'] as const,
    queryFn: () => unwrap(api().GET('/api/v1/tenants/{tenantId}/audit-events/facets', { params: { path: { tenantId } } })),
    staleTime: 60_000,
  })

export const checkChainStretch = (tenantId: string, afterSeq: number) =>
  unwrap(api().GET('/api/v1/tenants/{tenantId}/audit-chain', { params: { path: { tenantId }, query: { afterSeq, limit: CHAIN_STRETCH } } }))

export function useStartAuditExport(tenantId: string) {
  return useMutation({
    mutationFn: ({ filters, language, idempotencyKey }: { filters: AuditFilters; language: 'en-US' | 'zh-CN'; idempotencyKey: string }) =>
      unwrap(
        api().POST('/api/v1/tenants/{tenantId}/audit-exports', {
          params: { path: { tenantId }, header: idempotencyHeaders(idempotencyKey) },
          body: { filter: auditQuery(filters), language },
        }),
      ),
  })
}

/** An export, followed every half second until it is written. */
export const useAuditExport = (tenantId: string, exportId: string | null) =>
  useQuery({
    queryKey: [...rootKeys.audit(tenantId), 'export', exportId] as const,
    queryFn: () => unwrap(api().GET('/api/v1/tenants/{tenantId}/audit-exports/{exportId}', { params: { path: { tenantId, exportId: exportId ?? '' } } })),
    enabled: exportId !== null,
    refetchInterval: (query) => (query.state.data?.status === 'completed' ? false : 500),
  })

/** The written file, saved under its name through a temporary link. */
export async function downloadAuditExport(tenantId: string, record: AuditExport): Promise<void> {
  const blob = await unwrap(
    api().GET('/api/v1/tenants/{tenantId}/audit-exports/{exportId}/file', { params: { path: { tenantId, exportId: record.id } }, parseAs: 'blob' }),
  )
  const url = URL.createObjectURL(blob)
  const link = document.createElement('a')
  link.href = url
  link.download = record.fileName
  document.body.append(link)
  link.click()
  link.remove()
  // The browser has the file once the click is handled; the URL can go on the next task.
  setTimeout(() => URL.revokeObjectURL(url), 0)
}
