// "/" takes an administrator straight into their tenant and a support agent to the tenants that granted access.
import { Navigate } from 'react-router'
import { useSession } from '@/shared/session/session'

export function HomeRedirect() {
  const { data } = useSession()
  if (!data) return null
  const first = data.tenants[0]
  if (data.user.role === 'tenant_admin' && data.tenants.length === 1 && first) {
    return <Navigate to={`/tenants/${encodeURIComponent(first.id)}`} replace />
  }
  return <Navigate to="/tenants" replace />
}
