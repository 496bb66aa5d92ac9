// antd's Result, whose status illustrations are large, fetched only when an error or 404/403 page is actually shown.
// The illustrations carry fixed English titles ("No Found", "Unauthorized") that a screen reader announces and a
// hover shows as a tooltip: they are drawn here as decoration instead — hidden from assistive technology and from
// the pointer — beside the page's own heading in the user's language.
import { lazy, Suspense, type ComponentType, type LazyExoticComponent } from 'react'
import type { ResultProps } from 'antd'

const AntResult = lazy(() => import('antd/es/result'))

const illustrations: Record<'403' | '404' | '500', LazyExoticComponent<ComponentType>> = {
  '403': lazy(() => import('antd/es/result/unauthorized')),
  '404': lazy(() => import('antd/es/result/noFound')),
  '500': lazy(() => import('antd/es/result/serverError')),
}

export function Result({ status, ...props }: ResultProps) {
  const Illustration = status === '403' || status === '404' || status === '500' ? illustrations[status] : null
  return (
    <Suspense fallback={null}>
      {Illustration ? (
        <AntResult
          {...props}
          icon={
            <span aria-hidden="true" style={{ display: 'inline-block', pointerEvents: 'none', maxWidth: '100%' }}>
              <Illustration />
            </span>
          }
        />
      ) : (
        <AntResult status={status} {...props} />
      )}
    </Suspense>
  )
}
