// Who is signed in, and what they may do in a tenant: one query every screen shares.
import { queryOptions, useQuery, useQueryClient } from '@tanstack/react-query'
import { api, unwrap } from '../api/client'
import { rootKeys } from '../api/query-client'
import type { components } from '@contract/schema.gen'
import { syncServerTime } from '../lib/server-clock'
import { accessMap, type AccessMap } from './access'
import { forgetKeptInput } from '../ui/kept-input'

export type Session = components['schemas']['Session']
export type TenantSummary = components['schemas']['TenantSummary']
export type SupportGrantSummary = components['schemas']['SupportGrantSummary']

export async function fetchSession(): Promise<Session> {
  const session = await unwrap(api().GET('/api/v1/session'))
  syncServerTime(session.serverTime)
  return session
}

export const sessionQuery = queryOptions({
  queryKey: rootKeys.session,
  queryFn: fetchSession,
  staleTime: 60_000,
  // Grants expire: keep the list of tenants a support agent may open current.
  refetchInterval: 60_000,
})

export function useSession() {
  return useQuery(sessionQuery)
}

export function useSignOut() {
  const queryClient = useQueryClient()
  return async () => {
    try {
      await api().DELETE('/api/v1/session')
    } finally {
      // Nothing of the previous user may remain visible to the next one.
      queryClient.clear()
      forgetKeptInput()
    }
  }
}

export interface TenantAccess {
  tenant: TenantSummary | null
  /** What the caller may read and change here, per capability (controls are disabled with the reason). */
  access: AccessMap
  isSupport: boolean
  grant: SupportGrantSummary | null
}

export function tenantAccess(session: Session, tenantId: string): TenantAccess {
  const tenant = session.tenants.find((t) => t.id === tenantId) ?? null
  const isSupport = session.user.role === 'support_agent'
  const grant = tenant?.supportGrant ?? null
  return { tenant, isSupport, grant: isSupport ? grant : null, access: accessMap(session, tenantId) }
}
