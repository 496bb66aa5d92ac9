// Session guard: nothing below renders until we know who is signed in; a 401 goes to sign-in with the way back.
import { Flex, Spin } from 'antd'
import { Navigate, Outlet, useLocation } from 'react-router'
import { useTranslation } from 'react-i18next'
import { isUnauthenticated } from '@/shared/api/problem'
import { useSession } from '@/shared/session/session'
import { ErrorAlert } from '@/shared/ui/ErrorAlert'
import { signInIsInternal, signInUrl } from '../sign-in-redirect'
import { ExternalRedirect } from './ExternalRedirect'

export function RequireSession() {
  const session = useSession()
  const { t } = useTranslation()
  // The router's location, not window.location: a global 401 handler may already be navigating away.
  const location = useLocation()
  if (session.isPending) {
    return (
      <Flex justify="center" align="center" style={{ minHeight: '100vh' }}>
        <Spin size="large" description={t('pages.loading')} />
      </Flex>
    )
  }
  if (session.isError) {
    if (isUnauthenticated(session.error)) {
      const target = signInUrl(`${location.pathname}${location.search}${location.hash}`, false)
      return signInIsInternal() ? <Navigate to={target} replace /> : <ExternalRedirect to={target} />
    }
    return (
      <main id="main" style={{ padding: 48 }}>
        <ErrorAlert error={session.error} onRetry={() => void session.refetch()} retrying={session.isFetching} />
      </main>
    )
  }
  return <Outlet />
}
