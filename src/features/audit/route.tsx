// The audit log's lazy route.
import './i18n'
import type { LoaderFunctionArgs } from 'react-router'
import { prefetch } from '@/shared/api/route-prefetch'
import { auditLogQuery, isBackwards, readAuditFilters } from './api'
import { AuditLogPage } from './components/AuditLogPage'

export function loader(args: LoaderFunctionArgs) {
  const filters = readAuditFilters(args.url.searchParams)
  if (args.params.tenantId && !isBackwards(filters)) prefetch(args, auditLogQuery(args.params.tenantId, filters, args.url.searchParams.get('cursor')))
  return null
}

export function Component() {
  return <AuditLogPage />
}
