// The member directory's server state, shared by every feature that looks members up (pickers today, the
// directory next). One key factory: every search parameter is part of the key, so two pickers with different
// filters never share a cache entry.
import { keepPreviousData, useQuery } from '@tanstack/react-query'
import type { components } from '@contract/schema.gen'
import { api, unwrap } from '@/shared/api/client'

type Schemas = components['schemas']
export type Member = Schemas['Member']
export type MemberStatus = Schemas['MemberStatus']

export interface MemberSearch {
  q: string
  status?: MemberStatus
  limit: number
}

/** Keys shaped [resource, action, params]; everything about members sits below ['members']. */
export const memberKeys = {
  all: ['members'] as const,
  tenant: (tenantId: string) => ['members', 'search', { tenantId }] as const,
  search: (tenantId: string, search: MemberSearch) => ['members', 'search', { tenantId, ...search }] as const,
}

/** Server-side member search: never loads the directory, only the first `limit` matches. */
export const useMemberSearch = (tenantId: string, search: MemberSearch, enabled: boolean) =>
  useQuery({
    queryKey: memberKeys.search(tenantId, search),
    queryFn: () => unwrap(api().GET('/api/v1/tenants/{tenantId}/members', { params: { path: { tenantId }, query: search } })),
    enabled,
    placeholderData: keepPreviousData,
    staleTime: 60_000,
  })
