// Renders a query's honest states: loading, failed (with retry), the data, or the data with a failed refresh above it.
import type { ReactNode } from 'react'
import { Skeleton } from 'antd'
import type { UseQueryResult } from '@tanstack/react-query'
import { ErrorAlert } from './ErrorAlert'

interface QueryViewProps<T> {
  query: UseQueryResult<T>
  children: (data: T) => ReactNode
  loading?: ReactNode
}

export function QueryView<T>({ query, children, loading }: QueryViewProps<T>) {
  if (query.isPending) return <>{loading ?? <Skeleton active />}</>
  const failure = query.isError ? <ErrorAlert error={query.error} onRetry={() => void query.refetch()} retrying={query.isFetching} /> : null
  // A refresh that failed keeps what was shown (and anything typed into it) below the error.
  if (query.data === undefined) return failure
  return (
    <>
      {failure}
      {children(query.data)}
    </>
  )
}
