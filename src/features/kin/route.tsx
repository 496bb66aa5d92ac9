// The next-of-kin inbox's lazy route (in a tenant's console, or the platform's across tenants).
import './i18n'
import type { LoaderFunctionArgs } from 'react-router'
import { prefetch } from '@/shared/api/route-prefetch'
import { kinListQuery } from './api'
import { KinInbox } from './components/KinInbox'

export function loader(args: LoaderFunctionArgs) {
  const url = new URL(args.request.url)
  // Only the unfiltered inbox is prefetched; a filtered one loads with the page.
  if (!url.search) prefetch(args, kinListQuery(args.params.tenantId ? { tenantId: args.params.tenantId } : {}))
  return null
}

export function Component() {
  return <KinInbox />
}
