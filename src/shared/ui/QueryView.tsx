// Renders a query's three honest states: loading, failed (with retry), or the data.
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
  if (query.isError) {
    return <ErrorAlert error={query.error} onRetry={() => void query.refetch()} retrying={query.isFetching} />
  }
  return <>{children(query.data)}</>
}
