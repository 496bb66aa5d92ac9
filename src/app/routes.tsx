// The route table. Each capability is a lazily loaded route below /tenants/:tenantId, with its own error boundary.
import type { RouteObject } from 'react-router'
import { prefetch } from '@/shared/api/route-prefetch'
import { sessionQuery } from '@/shared/session/session'
import { tenantQuery } from '@/features/overview/api'
import { RouteError } from './pages/RouteError'
import { PageLoading } from './pages/PageLoading'
import { NotFoundPage } from './pages/NotFoundPage'
import { SignInPage } from './pages/SignInPage'
import { HomeRedirect } from './pages/HomeRedirect'
import { TenantChooserPage } from './pages/TenantChooserPage'
import { RequireSession } from './shell/RequireSession'
import { PlatformLayout } from './shell/PlatformLayout'
import { TenantLayout } from './shell/TenantLayout'
import { withRouteStyles } from './route-styles'

/** Capability pages, relative to /tenants/:tenantId. */
const tenantRoutes: RouteObject[] = [
  {
    index: true,
    // The first screen after sign-in: its loader is here, not in the lazy module, so the tenant request leaves
    // with the session request instead of after the module has been imported again and React's first render.
    loader: (args) => {
      if (args.params.tenantId) prefetch(args, tenantQuery(args.params.tenantId))
      return null
    },
    lazy: () => import('@/features/overview/route'),
    errorElement: <RouteError />,
    hydrateFallbackElement: <PageLoading />,
  },
  { path: 'members', lazy: withRouteStyles(() => import('@/features/members/route')), errorElement: <RouteError />, hydrateFallbackElement: <PageLoading /> },
  { path: 'members/requests', lazy: withRouteStyles(() => import('@/features/members/requests-route')), errorElement: <RouteError />, hydrateFallbackElement: <PageLoading /> },
  { path: 'members/jobs/:jobId', lazy: withRouteStyles(() => import('@/features/members/job-route')), errorElement: <RouteError />, hydrateFallbackElement: <PageLoading /> },
  { path: 'members/:memberId', lazy: withRouteStyles(() => import('@/features/members/detail-route')), errorElement: <RouteError />, hydrateFallbackElement: <PageLoading /> },
  { path: 'apps', lazy: withRouteStyles(() => import('@/features/apps/route')), errorElement: <RouteError />, hydrateFallbackElement: <PageLoading /> },
  { path: 'retention', lazy: withRouteStyles(() => import('@/features/retention/route')), errorElement: <RouteError />, hydrateFallbackElement: <PageLoading /> },
  { path: 'audit', lazy: withRouteStyles(() => import('@/features/audit/route')), errorElement: <RouteError />, hydrateFallbackElement: <PageLoading /> },
  { path: 'support-access', lazy: withRouteStyles(() => import('@/features/support-access/route')), errorElement: <RouteError />, hydrateFallbackElement: <PageLoading /> },
  ...kinRoutes(),
]

/** Next-of-kin requests: in a tenant's console (its administrators) and at /kin-requests (the platform, every tenant). */
function kinRoutes(): RouteObject[] {
  return [
    { path: 'kin-requests', lazy: withRouteStyles(() => import('@/features/kin/route')), errorElement: <RouteError />, hydrateFallbackElement: <PageLoading /> },
    { path: 'kin-requests/new', lazy: withRouteStyles(() => import('@/features/kin/intake-route')), errorElement: <RouteError />, hydrateFallbackElement: <PageLoading /> },
    { path: 'kin-requests/:requestId', lazy: withRouteStyles(() => import('@/features/kin/case-route')), errorElement: <RouteError />, hydrateFallbackElement: <PageLoading /> },
  ]
}

export const routes: RouteObject[] = [
  { path: '/sign-in', element: <SignInPage />, errorElement: <RouteError /> },
  {
    path: '/',
    element: <RequireSession />,
    // The session request leaves with the route's code, not after the first render.
    loader: (args) => {
      prefetch(args, sessionQuery)
      return null
    },
    errorElement: <RouteError />,
    hydrateFallbackElement: <PageLoading />,
    children: [
      { index: true, element: <HomeRedirect /> },
      { path: 'tenants', element: <TenantChooserPage />, errorElement: <RouteError /> },
      { element: <PlatformLayout />, errorElement: <RouteError />, children: kinRoutes() },
      {
        path: 'tenants/:tenantId',
        element: <TenantLayout />,
        errorElement: <RouteError />,
        children: [...tenantRoutes, { path: '*', element: <NotFoundPage /> }],
      },
      {
        path: '*',
        element: (
          <main id="main">
            <NotFoundPage />
          </main>
        ),
      },
    ],
  },
]
