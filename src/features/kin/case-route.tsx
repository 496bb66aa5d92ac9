// One next-of-kin request: the lazy route.
import './i18n'
import type { LoaderFunctionArgs } from 'react-router'
import { prefetch } from '@/shared/api/route-prefetch'
import { kinRequestQuery } from './api'
import { KinCase } from './components/KinCase'

export function loader(args: LoaderFunctionArgs) {
  if (args.params.requestId) prefetch(args, kinRequestQuery(args.params.requestId))
  return null
}

export function Component() {
  return <KinCase />
}
