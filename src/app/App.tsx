// The console: providers around the router; one place decides what a 401 anywhere does.
import { useState } from 'react'
import { createBrowserRouter, RouterProvider } from 'react-router'
import { createQueryClient } from '@/shared/api/query-client'
import { routerContext } from '@/shared/api/route-prefetch'
import { Providers } from './providers'
import { routes } from './routes'
import { currentPath, signInIsInternal, signInUrl } from './sign-in-redirect'

type Router = ReturnType<typeof createBrowserRouter>

function sendToSignIn(router: Router) {
  if (window.location.pathname.startsWith('/sign-in')) return
  const target = signInUrl(currentPath(), true)
  if (signInIsInternal()) void router.navigate(target, { replace: true })
  else window.location.assign(target)
}

export function App() {
  const [{ router, queryClient }] = useState(() => {
    const client = createQueryClient({ onUnauthenticated: () => sendToSignIn(browserRouter) })
    // Loaders get the query client through the router's context, to start a page's requests early.
    const browserRouter = createBrowserRouter(routes, { getContext: () => routerContext(client) })
    return { router: browserRouter, queryClient: client }
  })
  return (
    <Providers queryClient={queryClient}>
      <RouterProvider router={router} />
    </Providers>
  )
}
