// The console: providers around the router; one place decides what a 401 anywhere does.
import { useState } from 'react'
import { createBrowserRouter, RouterProvider } from 'react-router'
import { createQueryClient } from '@/shared/api/query-client'
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
  const [router] = useState(() => createBrowserRouter(routes))
  const [queryClient] = useState(() => createQueryClient({ onUnauthenticated: () => sendToSignIn(router) }))
  return (
    <Providers queryClient={queryClient}>
      <RouterProvider router={router} />
    </Providers>
  )
}
