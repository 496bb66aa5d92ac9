// The member directory's lazy route.
import './i18n'
import type { LoaderFunctionArgs } from 'react-router'
import { prefetch } from '@/shared/api/route-prefetch'
import { directoryQuery, readDirectoryFilters, readDirectorySort } from './api'
import { MembersPage } from './components/MembersPage'

export function loader(args: LoaderFunctionArgs) {
  if (args.params.tenantId) prefetch(args, directoryQuery(args.params.tenantId, readDirectoryFilters(args.url.searchParams), readDirectorySort(args.url.searchParams), args.url.searchParams.get('cursor')))
  return null
}

export function Component() {
  return <MembersPage />
}
