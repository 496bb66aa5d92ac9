// The one error type every API call throws: an RFC 9457 problem, a dropped connection, or a contract violation.
import type { components } from '@contract/schema.gen'

export type Problem = components['schemas']['Problem']
export type FieldError = components['schemas']['FieldError']

export type ApiErrorKind = 'problem' | 'network' | 'contract'

export class ApiError extends Error {
  readonly kind: ApiErrorKind
  readonly status: number
  readonly problem: Problem | null

  constructor(kind: ApiErrorKind, status: number, problem: Problem | null, message?: string) {
    super(message ?? problem?.title ?? kind)
    this.name = 'ApiError'
    this.kind = kind
    this.status = status
    this.problem = problem
  }

  get type(): string | null {
    return this.problem?.type ?? null
  }

  get fieldErrors(): FieldError[] {
    return this.problem?.errors ?? []
  }
}

export function isApiError(error: unknown): error is ApiError {
  return error instanceof ApiError
}

/** The session is gone (not: a sign-in attempt with the wrong password, which is also a 401). */
export const isUnauthenticated = (error: unknown): boolean =>
  isApiError(error) && error.status === 401 && error.type !== 'urn:problem:invalid-credentials'

/** Client errors (4xx) are answers, not hiccups: retrying them only repeats the refusal. */
export const isClientError = (error: unknown): boolean =>
  isApiError(error) && error.status >= 400 && error.status < 500

function isProblem(value: unknown): value is Problem {
  if (typeof value !== 'object' || value === null) return false
  const o = value as Record<string, unknown>
  return typeof o.type === 'string' && typeof o.title === 'string' && typeof o.status === 'number'
}

/** Builds an ApiError from a non-2xx response body, whatever the server put in it. */
export function problemError(status: number, body: unknown): ApiError {
  if (isProblem(body)) return new ApiError('problem', status, body)
  return new ApiError('problem', status, {
    type: status >= 500 ? 'urn:problem:server-error' : 'about:blank',
    title: `HTTP ${status}`,
    status,
  })
}
