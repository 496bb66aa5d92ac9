// The deregistration queue's lazy route.
import './i18n'
import type { LoaderFunctionArgs } from 'react-router'
import { prefetch } from '@/shared/api/route-prefetch'
import { deregistrationQuery } from './api'
import { DeregistrationPage } from './components/DeregistrationPage'

export function loader(args: LoaderFunctionArgs) {
  if (args.params.tenantId) prefetch(args, deregistrationQuery(args.params.tenantId))
  return null
}

export function Component() {
  return <DeregistrationPage />
}
