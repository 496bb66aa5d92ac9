// What happens once someone has signed in, whichever way they did.
import { useQueryClient } from '@tanstack/react-query'
import { useNavigate } from 'react-router'
import type { components } from '@contract/schema.gen'
import { rootKeys } from '@/shared/api/query-client'
import { syncServerTime } from '@/shared/lib/server-clock'

/** After signing in: an empty cache (another person may have used this browser), the session, and on to the page. */
export function useSignedIn(returnTo: string) {
  const navigate = useNavigate()
  const queryClient = useQueryClient()
  return (session: components['schemas']['Session']) => {
    queryClient.clear()
    syncServerTime(session.serverTime)
    queryClient.setQueryData(rootKeys.session, session)
    void navigate(returnTo, { replace: true })
  }
}
