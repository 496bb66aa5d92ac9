// One member's lazy route.
import './i18n'
import type { LoaderFunctionArgs } from 'react-router'
import { prefetch } from '@/shared/api/route-prefetch'
import { memberDetailQuery } from './api'
import { MemberDetailPage } from './components/MemberDetailPage'

export function loader(args: LoaderFunctionArgs) {
  const { tenantId, memberId } = args.params
  if (tenantId && memberId) prefetch(args, memberDetailQuery(tenantId, memberId))
  return null
}

export function Component() {
  return <MemberDetailPage />
}
