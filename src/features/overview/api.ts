// The tenant overview's data: one query, keyed under the shared tenant root key so others can refresh it.
import { queryOptions, useQuery } from '@tanstack/react-query'
import { api, unwrap } from '@/shared/api/client'
import { rootKeys } from '@/shared/api/query-client'

export const tenantQuery = (tenantId: string) =>
  queryOptions({
    queryKey: rootKeys.tenant(tenantId),
    queryFn: () => unwrap(api().GET('/api/v1/tenants/{tenantId}', { params: { path: { tenantId } } })),
  })

export const useTenant = (tenantId: string) => useQuery(tenantQuery(tenantId))
