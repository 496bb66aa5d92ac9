// Route loaders start a page's queries as soon as the router knows where it is going — alongside the session
// request and the route's own code — instead of after the page has rendered. They never wait for the data: the
// page shows its own loading and error states, as it would without them.
import { createContext, RouterContextProvider, type LoaderFunctionArgs } from 'react-router'
import type { FetchQueryOptions, QueryClient, QueryKey } from '@tanstack/react-query'

const queryClientContext = createContext<QueryClient>()

/** The router's context for every loader: the console's query client. */
export function routerContext(queryClient: QueryClient): RouterContextProvider {
  return new RouterContextProvider(new Map([[queryClientContext, queryClient]]))
}

/** Starts fetching (unless the cache already has fresh data) and returns at once. */
export function prefetch<TData, TKey extends QueryKey>(
  { context }: Pick<LoaderFunctionArgs, 'context'>,
  options: FetchQueryOptions<TData, Error, TData, TKey>,
): void {
  void context.get(queryClientContext).prefetchQuery(options)
}
