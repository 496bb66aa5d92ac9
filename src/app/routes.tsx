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

/** What the router's lazy() takes in its function form: the import of a route module. */
type LoadPage = Extract<NonNullable<RouteObject['lazy']>, (...args: never[]) => unknown>

/**
 * A page whose code (and antd's whole stylesheet, which the first screens do without) loads when it is first
 * visited, with its own error boundary and a skeleton while it loads.
 */
function lazyPage(path: string, load: LoadPage): RouteObject {
  return { path, lazy: withRouteStyles(load), errorElement: <RouteError />, hydrateFallbackElement: <PageLoading /> }
}

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
  lazyPage('members', () => import('@/features/members/route')),
  lazyPage('members/requests', () => import('@/features/members/requests-route')),
  lazyPage('members/jobs/:jobId', () => import('@/features/members/job-route')),
  lazyPage('members/:memberId', () => import('@/features/members/detail-route')),
  lazyPage('apps', () => import('@/features/apps/route')),
  lazyPage('retention', () => import('@/features/retention/route')),
  lazyPage('audit', () => import('@/features/audit/route')),
  lazyPage('support-access', () => import('@/features/support-access/route')),
  ...kinRoutes(),
]

/** Next-of-kin requests: in a tenant's console (its administrators) and at /kin-requests (the platform, every tenant). */
function kinRoutes(): RouteObject[] {
  return [
    lazyPage('kin-requests', () => import('@/features/kin/route')),
    lazyPage('kin-requests/new', () => import('@/features/kin/intake-route')),
    lazyPage('kin-requests/:requestId', () => import('@/features/kin/case-route')),
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
