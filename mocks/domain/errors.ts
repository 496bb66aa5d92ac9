// Business-rule failures, carrying what the HTTP layer needs to answer with RFC 9457 problem details.
import type { components } from '@contract/schema.gen'

export type FieldError = components['schemas']['FieldError']

export type ProblemKind =
  | 'validation'
  | 'unauthenticated'
  | 'forbidden'
  | 'no-support-grant'
  | 'read-only-grant'
  | 'not-found'
  | 'conflict'
  | 'stale-etag'
  | 'idempotency-mismatch'
  | 'injected-fault'
  | 'server-error'

export const problemType = (kind: ProblemKind): string => `urn:problem:${kind}`

export interface DomainErrorInit {
  status: number
  kind: ProblemKind
  title: string
  detail?: string
  errors?: FieldError[]
  extra?: Record<string, unknown>
}

export class DomainError extends Error {
  readonly status: number
  readonly type: string
  readonly title: string
  readonly detail?: string
  readonly errors?: FieldError[]
  // Extra problem members, e.g. `current` for a stale ETag.
  readonly extra?: Record<string, unknown>

  constructor(init: DomainErrorInit) {
    super(init.detail ?? init.title)
    this.name = 'DomainError'
    this.status = init.status
    this.type = problemType(init.kind)
    this.title = init.title
    if (init.detail !== undefined) this.detail = init.detail
    if (init.errors !== undefined) this.errors = init.errors
    if (init.extra !== undefined) this.extra = init.extra
  }
}

export function fieldError(
  field: string,
  code: string,
  message: string,
  params?: Record<string, string | number>,
): FieldError {
  return params ? { field, code, message, params } : { field, code, message }
}

export const validation = (errors: FieldError[], detail = 'The request has invalid fields.'): DomainError =>
  new DomainError({ status: 400, kind: 'validation', title: 'Validation failed', detail, errors })

export const unauthenticated = (detail = 'Sign in to continue.'): DomainError =>
  new DomainError({ status: 401, kind: 'unauthenticated', title: 'Not signed in', detail })

export const forbidden = (
  detail: string,
  kind: 'forbidden' | 'no-support-grant' | 'read-only-grant' = 'forbidden',
): DomainError => new DomainError({ status: 403, kind, title: 'Not allowed', detail })

export const notFound = (what: string, id: string): DomainError =>
  new DomainError({ status: 404, kind: 'not-found', title: 'Not found', detail: `No ${what} with id "${id}".` })

export const conflict = (detail: string, extra?: Record<string, unknown>): DomainError =>
  new DomainError({ status: 409, kind: 'conflict', title: 'Conflict', detail, ...(extra ? { extra } : {}) })
