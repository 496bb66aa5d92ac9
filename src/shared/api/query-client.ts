// Query defaults every feature shares, and the root keys used for refreshes that cross features.
import { MutationCache, QueryCache, QueryClient } from '@tanstack/react-query'
import { isClientError, isUnauthenticated } from './problem'

/** Keys owned by no single feature: a feature invalidates these instead of importing another feature. */
export const rootKeys = {
  session: ['session'] as const,
  tenants: ['tenants'] as const,
  tenant: (tenantId: string) => ['tenants', tenantId] as const,
  /** Everything audited for a tenant; invalidate after any change so audit views refresh. */
  audit: (tenantId: string) => ['audit', tenantId] as const,
}

export interface QueryClientOptions {
  /** Called once per 401, wherever it happened. */
  onUnauthenticated?: () => void
  /** Tests turn retries off so failures show at once. */
  retries?: number
}

export function createQueryClient({ onUnauthenticated, retries = 2 }: QueryClientOptions = {}): QueryClient {
  const handle = (error: unknown) => {
    if (isUnauthenticated(error)) onUnauthenticated?.()
  }
  return new QueryClient({
    queryCache: new QueryCache({ onError: handle }),
    mutationCache: new MutationCache({ onError: handle }),
    defaultOptions: {
      queries: {
        staleTime: 30_000,
        refetchOnWindowFocus: false,
        // Only transient failures are retried; a 4xx is the server's answer.
        retry: (failureCount, error) => !isClientError(error) && failureCount < retries,
      },
      mutations: { retry: false },
    },
  })
}
