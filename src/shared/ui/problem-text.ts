// Turns any error into words the user can act on, in their language.
import type { TFunction } from 'i18next'
import { isApiError } from '../api/problem'

type Known = 'forbidden' | 'noSupportGrant' | 'readOnlyGrant' | 'notFound' | 'conflict' | 'staleEtag' | 'validation' | 'injected' | 'invalidCredentials' | 'tooManyAttempts' | 'csrf'

const byType: Record<string, Known> = {
  'urn:problem:forbidden': 'forbidden',
  'urn:problem:no-support-grant': 'noSupportGrant',
  'urn:problem:read-only-grant': 'readOnlyGrant',
  'urn:problem:not-found': 'notFound',
  'urn:problem:conflict': 'conflict',
  'urn:problem:stale-etag': 'staleEtag',
  'urn:problem:validation': 'validation',
  'urn:problem:injected-fault': 'injected',
  'urn:problem:invalid-credentials': 'invalidCredentials',
  'urn:problem:too-many-attempts': 'tooManyAttempts',
  'urn:problem:csrf': 'csrf',
}

/** One sentence for the user; the server's own detail is kept for what it adds. */
export function problemText(t: TFunction, error: unknown): { message: string; detail: string | null } {
  if (!isApiError(error)) return { message: t('errors.unknown'), detail: error instanceof Error ? error.message : null }
  if (error.kind === 'network') return { message: t('errors.network'), detail: null }
  if (error.kind === 'contract') return { message: t('errors.contract'), detail: error.message }
  const known = error.type ? byType[error.type] : undefined
  const detail = error.problem?.detail ?? null
  // An injected fault reads like the real failure of that status; the detail says it was staged.
  if (known === 'injected') return { message: statusText(t, error.status, error.problem?.title), detail: t('errors.injected') }
  // For these our own sentence says all the server's does (and in the user's language).
  if (known === 'invalidCredentials' || known === 'tooManyAttempts' || known === 'csrf') return { message: t(`errors.${known}`), detail: null }
  if (known) return { message: t(`errors.${known}`), detail }
  return { message: statusText(t, error.status, error.problem?.title), detail }
}

function statusText(t: TFunction, status: number, title: string | undefined): string {
  if (status === 403) return t('errors.forbidden')
  if (status === 404) return t('errors.notFound')
  if (status === 409) return t('errors.conflict')
  if (status >= 500) return t('errors.server')
  return title ?? t('errors.unknown')
}
