// The support access page's lazy route.
import './i18n'
import type { LoaderFunctionArgs } from 'react-router'
import { prefetch } from '@/shared/api/route-prefetch'
import { supportGrantsQuery } from './api'
import { SupportAccessPage } from './components/SupportAccessPage'

export function loader(args: LoaderFunctionArgs) {
  if (args.params.tenantId) prefetch(args, supportGrantsQuery(args.params.tenantId))
  return null
}

export function Component() {
  return <SupportAccessPage />
}
