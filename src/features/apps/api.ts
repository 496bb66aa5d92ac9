// The apps capability's server state: query keys, queries and mutations. Mutations are pessimistic and
// refresh apps and the audit trail whether they succeed or fail, so the screen always shows the real state.
import { keepPreviousData, queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { api, unwrap, unwrapWithEtag } from '@/shared/api/client'
import { rootKeys } from '@/shared/api/query-client'
import { appCategoryValues, appKindValues, appStatusValues, type components } from '@contract/schema.gen'
import { idempotencyHeaders, ifMatchHeaders } from '@/shared/api/write-headers'

type Schemas = components['schemas']
export type App = Schemas['App']
export type AppScope = Schemas['AppScope']
export type AppStatus = Schemas['AppStatus']
export type AppCategory = Schemas['AppCategory']
export type AppKind = Schemas['AppKind']
export type CustomAppInput = Schemas['CustomAppInput']
export type AppAvailability = Schemas['AppAvailability']
export type AppAvailabilityInput = Schemas['AppAvailabilityInput']
export type AppRequest = Schemas['AppRequest']
export type AppEmergencyStop = Schemas['AppEmergencyStop']
export type MemberRef = Schemas['MemberRef']
export type AuditEvent = Schemas['AuditEvent']

/** The contract's values, in the order the catalogue's filters offer them. */
export const APP_STATUSES = appStatusValues
export const APP_CATEGORIES = appCategoryValues
export const APP_KINDS = appKindValues

export interface AppFilters {
  q?: string
  status?: AppStatus
  category?: AppCategory
  scope?: string
  kind?: AppKind
}

/** The catalogue's filters, as the URL holds them (unknown values are ignored). */
export function readFilters(params: URLSearchParams): AppFilters {
  const status = params.get('status')
  const category = params.get('category')
  const filters: AppFilters = {}
  const q = params.get('q')?.trim()
  if (q) filters.q = q
  const knownStatus = APP_STATUSES.find((candidate) => candidate === status)
  if (knownStatus) filters.status = knownStatus
  const knownCategory = APP_CATEGORIES.find((candidate) => candidate === category)
  if (knownCategory) filters.category = knownCategory
  const scope = params.get('scope')
  if (scope) filters.scope = scope
  const knownKind = APP_KINDS.find((candidate) => candidate === params.get('kind'))
  if (knownKind) filters.kind = knownKind
  return filters
}

/** Keys shaped [resource, action, params]; everything of this capability sits below ['apps']. */
export const appKeys = {
  all: ['apps'] as const,
  list: (tenantId: string, filters: AppFilters) => ['apps', 'list', { tenantId, ...filters }] as const,
  detail: (tenantId: string, appId: string) => ['apps', 'detail', { tenantId, appId }] as const,
  availability: (tenantId: string, appId: string) => ['apps', 'availability', { tenantId, appId }] as const,
  scopes: (tenantId: string) => ['apps', 'scopes', { tenantId }] as const,
  requests: (tenantId: string) => ['apps', 'requests', { tenantId, status: 'pending' }] as const,
  emergency: (tenantId: string) => ['apps', 'emergency', { tenantId }] as const,
  /** Below the tenant's audit root, so any audited change anywhere refreshes the app's history. */
  departments: (tenantId: string) => ['departments', 'list', { tenantId }] as const,
}

const tenantPath = (tenantId: string) => ({ path: { tenantId } })
const appPath = (tenantId: string, appId: string) => ({ path: { tenantId, appId } })

export const appsQuery = (tenantId: string, filters: AppFilters) =>
  queryOptions({
    queryKey: appKeys.list(tenantId, filters),
    queryFn: () => unwrap(api().GET('/api/v1/tenants/{tenantId}/apps', { params: { ...tenantPath(tenantId), query: filters } })),
  })

export const useApps = (tenantId: string, filters: AppFilters) =>
  useQuery({ ...appsQuery(tenantId, filters), placeholderData: keepPreviousData })

export const useApp = (tenantId: string, appId: string | null) =>
  useQuery({
    queryKey: appKeys.detail(tenantId, appId ?? ''),
    queryFn: () => unwrap(api().GET('/api/v1/tenants/{tenantId}/apps/{appId}', { params: appPath(tenantId, appId ?? '') })),
    enabled: appId !== null,
  })

export const useAppScopes = (tenantId: string) =>
  useQuery({
    queryKey: appKeys.scopes(tenantId),
    queryFn: () => unwrap(api().GET('/api/v1/tenants/{tenantId}/app-scopes', { params: tenantPath(tenantId) })),
    staleTime: Number.POSITIVE_INFINITY,
  })

export const useAppAvailability = (tenantId: string, appId: string, enabled: boolean) =>
  useQuery({
    queryKey: appKeys.availability(tenantId, appId),
    queryFn: () => unwrapWithEtag(api().GET('/api/v1/tenants/{tenantId}/apps/{appId}/availability', { params: appPath(tenantId, appId) })),
    enabled,
    staleTime: 0,
  })

export const useAppRequests = (tenantId: string) =>
  useQuery({
    queryKey: appKeys.requests(tenantId),
    queryFn: () => unwrap(api().GET('/api/v1/tenants/{tenantId}/app-requests', { params: { ...tenantPath(tenantId), query: { status: 'pending' } } })),
  })

export const useEmergencyState = (tenantId: string) =>
  useQuery({
    queryKey: appKeys.emergency(tenantId),
    queryFn: () => unwrap(api().GET('/api/v1/tenants/{tenantId}/app-emergency-stop', { params: tenantPath(tenantId) })),
  })

export const useDepartments = (tenantId: string, enabled: boolean) =>
  useQuery({
    queryKey: appKeys.departments(tenantId),
    queryFn: () => unwrap(api().GET('/api/v1/tenants/{tenantId}/departments', { params: tenantPath(tenantId) })),
    enabled,
    staleTime: 5 * 60_000,
  })


/** Every app mutation refreshes apps and audit views afterwards — after a failure too, to show the real state. */
function useAppMutation<TInput, TResult>(tenantId: string, mutationFn: (input: TInput) => Promise<TResult>) {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn,
    onSettled: async () => {
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: appKeys.all }),
        queryClient.invalidateQueries({ queryKey: rootKeys.audit(tenantId) }),
      ])
    },
  })
}

interface Keyed {
  /** The Idempotency-Key of this user action (reused when the user retries). */
  idempotencyKey: string
}

export const useEnableApp = (tenantId: string) =>
  useAppMutation(tenantId, ({ appId, acknowledgedScopes, idempotencyKey }: Keyed & { appId: string; acknowledgedScopes: string[] }) =>
    unwrap(
      api().POST('/api/v1/tenants/{tenantId}/apps/{appId}/enable', {
        params: { ...appPath(tenantId, appId), header: idempotencyHeaders(idempotencyKey) },
        body: { acknowledgedScopes },
      }),
    ),
  )

export const useDisableApp = (tenantId: string) =>
  useAppMutation(tenantId, ({ appId, reason, askVendorToDelete, idempotencyKey }: Keyed & { appId: string; reason: string; askVendorToDelete: boolean }) =>
    unwrap(
      api().POST('/api/v1/tenants/{tenantId}/apps/{appId}/disable', {
        params: { ...appPath(tenantId, appId), header: idempotencyHeaders(idempotencyKey) },
        body: askVendorToDelete ? { reason, askVendorToDelete } : { reason },
      }),
    ),
  )

export const useRequestVendorDeletion = (tenantId: string) =>
  useAppMutation(tenantId, ({ appId, reason, idempotencyKey }: Keyed & { appId: string; reason: string }) =>
    unwrap(
      api().POST('/api/v1/tenants/{tenantId}/apps/{appId}/vendor-deletion-requests', {
        params: { ...appPath(tenantId, appId), header: idempotencyHeaders(idempotencyKey) },
        body: { reason },
      }),
    ),
  )

export const useAnswerVendorDeletion = (tenantId: string) =>
  useAppMutation(tenantId, ({ appId, requestId, outcome, note, idempotencyKey }: Keyed & { appId: string; requestId: string; outcome: 'confirmed' | 'refused'; note: string }) =>
    unwrap(
      api().POST('/api/v1/tenants/{tenantId}/apps/{appId}/vendor-deletion-requests/{requestId}/answer', {
        params: { path: { tenantId, appId, requestId }, header: idempotencyHeaders(idempotencyKey) },
        body: { outcome, note },
      }),
    ),
  )

export const useRegisterCustomApp = (tenantId: string) =>
  useAppMutation(tenantId, ({ input, idempotencyKey }: Keyed & { input: CustomAppInput }) =>
    unwrap(
      api().POST('/api/v1/tenants/{tenantId}/custom-apps', {
        params: { ...tenantPath(tenantId), header: idempotencyHeaders(idempotencyKey) },
        body: input,
      }),
    ),
  )

export const useRemoveApp = (tenantId: string) =>
  useAppMutation(tenantId, ({ appId, reason, idempotencyKey }: Keyed & { appId: string; reason: string }) =>
    unwrap(
      api().POST('/api/v1/tenants/{tenantId}/apps/{appId}/remove', {
        params: { ...appPath(tenantId, appId), header: idempotencyHeaders(idempotencyKey) },
        body: reason ? { reason } : {},
      }),
    ),
  )

export const useSetAvailability = (tenantId: string) =>
  useAppMutation(tenantId, ({ appId, etag, input }: { appId: string; etag: string; input: AppAvailabilityInput }) =>
    unwrapWithEtag(
      api().PUT('/api/v1/tenants/{tenantId}/apps/{appId}/availability', {
        params: { ...appPath(tenantId, appId), header: ifMatchHeaders(etag) },
        body: input,
      }),
    ),
  )

export const useApproveScopeUpdate = (tenantId: string) =>
  useAppMutation(tenantId, ({ appId, acknowledgedScopes, idempotencyKey }: Keyed & { appId: string; acknowledgedScopes: string[] }) =>
    unwrap(
      api().POST('/api/v1/tenants/{tenantId}/apps/{appId}/scope-update/approve', {
        params: { ...appPath(tenantId, appId), header: idempotencyHeaders(idempotencyKey) },
        body: { acknowledgedScopes },
      }),
    ),
  )

export const useDeclineScopeUpdate = (tenantId: string) =>
  useAppMutation(tenantId, ({ appId, reason, idempotencyKey }: Keyed & { appId: string; reason: string }) =>
    unwrap(
      api().POST('/api/v1/tenants/{tenantId}/apps/{appId}/scope-update/decline', {
        params: { ...appPath(tenantId, appId), header: idempotencyHeaders(idempotencyKey) },
        body: { reason },
      }),
    ),
  )

export const useDecideRequest = (tenantId: string) =>
  useAppMutation(
    tenantId,
    ({ requestId, decision, note, idempotencyKey }: Keyed & { requestId: string; decision: 'approve' | 'deny'; note: string }) => {
      const options = {
        params: { path: { tenantId, requestId }, header: idempotencyHeaders(idempotencyKey) },
        body: note ? { note } : {},
      }
      return unwrap(
        decision === 'approve'
          ? api().POST('/api/v1/tenants/{tenantId}/app-requests/{requestId}/approve', options)
          : api().POST('/api/v1/tenants/{tenantId}/app-requests/{requestId}/deny', options),
      )
    },
  )

export const useStartEmergencyStop = (tenantId: string) =>
  useAppMutation(
    tenantId,
    ({ target, scopeId, reason, idempotencyKey }: Keyed & { target: 'third_party' | 'scope'; scopeId?: string; reason: string }) =>
      unwrap(
        api().POST('/api/v1/tenants/{tenantId}/app-emergency-stop', {
          params: { ...tenantPath(tenantId), header: idempotencyHeaders(idempotencyKey) },
          body: { target, reason, ...(scopeId ? { scopeId } : {}) },
        }),
      ),
  )

export const useRestoreEmergencyStop = (tenantId: string) =>
  useAppMutation(tenantId, ({ snapshotId, idempotencyKey }: Keyed & { snapshotId: string }) =>
    unwrap(
      api().POST('/api/v1/tenants/{tenantId}/app-emergency-stop/{snapshotId}/restore', {
        params: { path: { tenantId, snapshotId }, header: idempotencyHeaders(idempotencyKey) },
      }),
    ),
  )
