// antd's Result, whose status illustrations are large, fetched only when an error or 404/403 page is actually shown.
import { lazy, Suspense } from 'react'
import type { ResultProps } from 'antd'

const AntResult = lazy(() => import('antd/es/result'))

export function Result(props: ResultProps) {
  return (
    <Suspense fallback={null}>
      <AntResult {...props} />
    </Suspense>
  )
}
