// The member directory's server state: filters read from the URL, one page per (filters, cursor), departments.
import { keepPreviousData, queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { memberRoleValues, memberSortValues, memberStatusValues, type components } from '@contract/schema.gen'
import { api, unwrap } from '@/shared/api/client'
import { memberKeys } from '@/shared/members/api'
import { idempotencyHeaders } from '@/shared/api/write-headers'

type Schemas = components['schemas']
export type Member = Schemas['Member']
export type MemberStatus = Schemas['MemberStatus']
export type MemberRole = Schemas['MemberRole']
export type MemberSort = Schemas['MemberSort']
export type Department = Schemas['Department']

export const MEMBER_STATUSES = memberStatusValues
export const MEMBER_ROLES = memberRoleValues
export const PAGE_SIZE = 50

export interface DirectoryFilters {
  q?: string
  departmentId?: string
  status?: MemberStatus
  role?: MemberRole
}

/** The directory's filters as the URL holds them (unknown values are ignored). */
export function readDirectoryFilters(params: URLSearchParams): DirectoryFilters {
  const filters: DirectoryFilters = {}
  const q = params.get('q')?.trim()
  if (q) filters.q = q
  const departmentId = params.get('department')
  if (departmentId) filters.departmentId = departmentId
  const status = MEMBER_STATUSES.find((candidate) => candidate === params.get('status'))
  if (status) filters.status = status
  const role = MEMBER_ROLES.find((candidate) => candidate === params.get('role'))
  if (role) filters.role = role
  return filters
}

/** The directory's order as the URL holds it (`sort`; by name when absent or unknown). */
export const readDirectorySort = (params: URLSearchParams): MemberSort => memberSortValues.find((candidate) => candidate === params.get('sort')) ?? 'name'

export const directoryQuery = (tenantId: string, filters: DirectoryFilters, sort: MemberSort, cursor: string | null) =>
  queryOptions({
    queryKey: [...memberKeys.tenant(tenantId), 'directory', { ...filters, sort, cursor }] as const,
    queryFn: () =>
      unwrap(
        api().GET('/api/v1/tenants/{tenantId}/members', {
          params: { path: { tenantId }, query: { ...filters, ...(sort === 'name' ? {} : { sort }), limit: PAGE_SIZE, ...(cursor ? { cursor } : {}) } },
        }),
      ),
    staleTime: 30_000,
  })

/** One page of the directory; the previous page stays on screen while the next loads. */
export const useDirectory = (tenantId: string, filters: DirectoryFilters, sort: MemberSort, cursor: string | null) =>
  useQuery({ ...directoryQuery(tenantId, filters, sort, cursor), placeholderData: keepPreviousData })

export const useDepartments = (tenantId: string) =>
  useQuery({
    queryKey: ['departments', 'list', { tenantId }] as const,
    queryFn: () => unwrap(api().GET('/api/v1/tenants/{tenantId}/departments', { params: { path: { tenantId } } })),
    staleTime: 5 * 60_000,
  })

/** Departments in tree order (each after its parent), with their depth for indenting a flat list. */
export function departmentTree(departments: readonly Department[]): { department: Department; depth: number }[] {
  const children = new Map<string | null, Department[]>()
  for (const department of departments) {
    const siblings = children.get(department.parentId ?? null) ?? []
    siblings.push(department)
    children.set(department.parentId ?? null, siblings)
  }
  const ordered: { department: Department; depth: number }[] = []
  const visit = (parentId: string | null, depth: number) => {
    for (const department of children.get(parentId) ?? []) {
      ordered.push({ department, depth })
      visit(department.id, depth + 1)
    }
  }
  visit(null, 0)
  return ordered
}

export type MemberDetail = Schemas['MemberDetail']
export type MemberRemovalInput = Schemas['MemberRemovalInput']
export type MemberDataHandling = Schemas['MemberDataHandling']

const memberPath = (tenantId: string, memberId: string) => ({ path: { tenantId, memberId } })

export const memberDetailQuery = (tenantId: string, memberId: string) =>
  queryOptions({
    queryKey: [...memberKeys.all, 'detail', { tenantId, memberId }] as const,
    queryFn: () => unwrap(api().GET('/api/v1/tenants/{tenantId}/members/{memberId}', { params: memberPath(tenantId, memberId) })),
  })

export const useMemberDetail = (tenantId: string, memberId: string) => useQuery(memberDetailQuery(tenantId, memberId))

interface Keyed {
  /** The Idempotency-Key of this user action (reused when the user retries it). */
  idempotencyKey: string
}

export type MemberMove =
  | { kind: 'deactivate'; reason: string }
  | { kind: 'reactivate' }
  | { kind: 'remove'; input: MemberRemovalInput }
  | { kind: 'undo' }

function sendMove(tenantId: string, memberId: string, move: MemberMove, idempotencyKey: string) {
  const params = { ...memberPath(tenantId, memberId), header: idempotencyHeaders(idempotencyKey) }
  switch (move.kind) {
    case 'deactivate':
      return unwrap(api().POST('/api/v1/tenants/{tenantId}/members/{memberId}/deactivate', { params, body: { reason: move.reason } }))
    case 'reactivate':
      return unwrap(api().POST('/api/v1/tenants/{tenantId}/members/{memberId}/reactivate', { params }))
    case 'remove':
      return unwrap(api().POST('/api/v1/tenants/{tenantId}/members/{memberId}/removal', { params, body: move.input }))
    case 'undo':
      return unwrap(api().POST('/api/v1/tenants/{tenantId}/members/{memberId}/removal/cancel', { params }))
  }
}

/**
 * One move in a member's lifecycle. A removal reaches far (app availability, requests, the colleague who receives
 * the handover, retention figures, the audit log), so every cached view is refreshed afterwards.
 */
export function useMemberMove(tenantId: string, memberId: string) {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: ({ move, idempotencyKey }: Keyed & { move: MemberMove }) => sendMove(tenantId, memberId, move, idempotencyKey),
    onSuccess: (detail) => queryClient.setQueryData(memberDetailQuery(tenantId, memberId).queryKey, detail),
    onSettled: () => queryClient.invalidateQueries(),
  })
}

export type DeregistrationRequest = Schemas['DeregistrationRequest']
export type DeregistrationStatus = Schemas['DeregistrationStatus']

export const deregistrationQuery = (tenantId: string) =>
  queryOptions({
    queryKey: [...memberKeys.all, 'deregistration', { tenantId }] as const,
    queryFn: () => unwrap(api().GET('/api/v1/tenants/{tenantId}/deregistration-requests', { params: { path: { tenantId } } })),
  })

export const useDeregistrationRequests = (tenantId: string) => useQuery(deregistrationQuery(tenantId))

export type MemberSettings = Schemas['MemberSettings']
/** The settings' bounds in days (as the contract has them). */
export const MEMBER_SETTING_DAYS = { removalGraceDays: { min: 1, max: 60 }, deregistrationReplyDays: { min: 5, max: 30 } } as const

const memberSettingsKey = (tenantId: string) => [...memberKeys.all, 'settings', { tenantId }] as const

export const useMemberSettings = (tenantId: string) =>
  useQuery({ queryKey: memberSettingsKey(tenantId), queryFn: () => unwrap(api().GET('/api/v1/tenants/{tenantId}/member-settings', { params: { path: { tenantId } } })) })

/** The grace period a removal offers and the reply days change what the queue and every removal show: all are read again. */
export function useUpdateMemberSettings(tenantId: string) {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: ({ idempotencyKey, settings }: Keyed & { settings: MemberSettings }) =>
      unwrap(api().PUT('/api/v1/tenants/{tenantId}/member-settings', { params: { path: { tenantId }, header: idempotencyHeaders(idempotencyKey) }, body: settings })),
    onSuccess: () => queryClient.invalidateQueries(),
  })
}

export type DeregistrationDecision = { kind: 'approve'; input: MemberRemovalInput } | { kind: 'decline'; reason: string }

/** Approving removes the member (as the removal flow does), so every cached view is refreshed afterwards. */
export function useDecideDeregistration(tenantId: string) {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: ({ requestId, decision, idempotencyKey }: Keyed & { requestId: string; decision: DeregistrationDecision }) => {
      const params = { path: { tenantId, requestId }, header: idempotencyHeaders(idempotencyKey) }
      return decision.kind === 'approve'
        ? unwrap(api().POST('/api/v1/tenants/{tenantId}/deregistration-requests/{requestId}/approve', { params, body: decision.input }))
        : unwrap(api().POST('/api/v1/tenants/{tenantId}/deregistration-requests/{requestId}/decline', { params, body: { reason: decision.reason } }))
    },
    onSettled: () => queryClient.invalidateQueries(),
  })
}

export type MemberListRow = Schemas['MemberListRow']
export type MemberRemovalJob = Schemas['MemberRemovalJob']
export type MemberRemovalJobInput = Schemas['MemberRemovalJobInput']

export const usePreviewMemberList = (tenantId: string) =>
  useMutation({
    mutationFn: (rows: string[]) => unwrap(api().POST('/api/v1/tenants/{tenantId}/member-removal-jobs/preview', { params: { path: { tenantId } }, body: { rows } })),
  })

export function useStartRemovalJob(tenantId: string) {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: ({ input, idempotencyKey }: Keyed & { input: MemberRemovalJobInput }) =>
      unwrap(api().POST('/api/v1/tenants/{tenantId}/member-removal-jobs', { params: { path: { tenantId }, header: idempotencyHeaders(idempotencyKey) }, body: input })),
    onSuccess: (job) => queryClient.setQueryData(removalJobQuery(tenantId, job.id).queryKey, job),
  })
}

export const removalJobQuery = (tenantId: string, jobId: string) =>
  queryOptions({
    queryKey: [...memberKeys.all, 'removal-job', { tenantId, jobId }] as const,
    queryFn: () => unwrap(api().GET('/api/v1/tenants/{tenantId}/member-removal-jobs/{jobId}', { params: { path: { tenantId, jobId } } })),
  })

/** A job's progress, looked at twice a second while it runs; when it finishes, the rest of the console is refreshed. */
export function useRemovalJob(tenantId: string, jobId: string) {
  return useQuery({
    ...removalJobQuery(tenantId, jobId),
    refetchInterval: (query) => (query.state.data?.status === 'completed' ? false : 500),
  })
}
