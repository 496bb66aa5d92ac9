// A bulk removal job's lazy route.
import './i18n'
import type { LoaderFunctionArgs } from 'react-router'
import { prefetch } from '@/shared/api/route-prefetch'
import { removalJobQuery } from './api'
import { RemovalJobPage } from './components/RemovalJobPage'

export function loader(args: LoaderFunctionArgs) {
  const { tenantId, jobId } = args.params
  if (tenantId && jobId) prefetch(args, removalJobQuery(tenantId, jobId))
  return null
}

export function Component() {
  return <RemovalJobPage />
}
