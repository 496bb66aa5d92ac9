// The apps capability's lazy route: the catalogue page with its drawer and dialogs.
import './i18n'
import type { LoaderFunctionArgs } from 'react-router'
import { prefetch } from '@/shared/api/route-prefetch'
import { appsQuery, readFilters } from './api'
import { AppsPage } from './components/AppsPage'

export function loader(args: LoaderFunctionArgs) {
  if (args.params.tenantId) prefetch(args, appsQuery(args.params.tenantId, readFilters(args.url.searchParams)))
  return null
}

export function Component() {
  return <AppsPage />
}
