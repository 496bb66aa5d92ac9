// The tenant the current route is about, with the caller's access to it (read from the session).
import { useParams } from 'react-router'
import { useSession, tenantAccess, type TenantAccess } from './session'

export function useTenantId(): string {
  const { tenantId } = useParams()
  if (!tenantId) throw new Error('useTenantId used outside a /tenants/:tenantId route')
  return tenantId
}

/** Only valid below the session guard, where the session is loaded. */
export function useTenantAccess(): TenantAccess & { tenantId: string } {
  const tenantId = useTenantId()
  const { data } = useSession()
  if (!data) throw new Error('useTenantAccess used outside the session guard')
  return { ...tenantAccess(data, tenantId), tenantId }
}
