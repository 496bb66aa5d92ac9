// The console: providers around the router; one place decides what a 401 anywhere does.
import type { QueryClient } from '@tanstack/react-query'
import { createBrowserRouter, matchRoutes, RouterProvider } from 'react-router'
import { createQueryClient } from '@/shared/api/query-client'
import { routerContext } from '@/shared/api/route-prefetch'
import { keepInputForSignIn } from '@/shared/ui/kept-input'
import { Providers } from './providers'
import { routes } from './routes'
import { currentPath, signInIsInternal, signInUrl } from './sign-in-redirect'

type Router = ReturnType<typeof createBrowserRouter>

function sendToSignIn(router: Router) {
  if (window.location.pathname.startsWith('/sign-in')) return
  const target = signInUrl(currentPath(), true)
  // What the admin typed comes back with them (forms and the open dialog), once they have signed in again.
  keepInputForSignIn(currentPath())
  if (signInIsInternal()) void router.navigate(target, { replace: true })
  else window.location.assign(target)
}

/**
 * Starts downloading the code of the routes the address leads to, before the demo mock's service worker starts:
 * once the worker runs, every request (scripts too) waits for the page to answer it. The router's own lazy()
 * calls then find the modules already loaded. A failed download here is left to the router to retry and report.
 */
export function preloadRouteCode(): void {
  for (const match of matchRoutes(routes, window.location) ?? []) {
    const { lazy } = match.route
    if (typeof lazy === 'function') void lazy().catch(() => undefined)
  }
}

export interface Console {
  router: Router
  queryClient: QueryClient
}

/**
 * The router and the query client, made before React renders anything: the router then matches the URL, fetches
 * the route's code and runs its loaders (which start the session and page requests) while React renders the
 * first frame, instead of after it.
 */
export function createConsole(): Console {
  const queryClient = createQueryClient({ onUnauthenticated: () => sendToSignIn(router) })
  // Loaders get the query client through the router's context, to start a page's requests early.
  const router = createBrowserRouter(routes, { getContext: () => routerContext(queryClient) })
  return { router, queryClient }
}

export function App({ router, queryClient }: Console) {
  return (
    <Providers queryClient={queryClient}>
      <RouterProvider router={router} />
    </Providers>
  )
}
