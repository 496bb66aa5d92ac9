// Why a rule refused: a problem kind (the protocol layer turns kinds into HTTP statuses), words, and field errors.
import type { components } from '@contract/schema.gen'

export type FieldError = components['schemas']['FieldError']

export type ProblemKind =
  | 'validation'
  | 'unauthenticated'
  | 'forbidden'
  | 'no-support-grant'
  | 'read-only-grant'
  | 'admins-only'
  | 'not-found'
  | 'conflict'
  | 'stale-etag'
  | 'idempotency-mismatch'
  | 'member-is-you'
  | 'last-admin'
  | 'member-state'
  | 'wrong-track'
  | 'not-assigned'
  | 'deceased-arrangement'
  | 'legal-hold'
  | 'evidence-type'
  | 'evidence-too-large'
  | 'app-kind'

export interface RuleErrorInit {
  kind: ProblemKind
  title: string
  detail?: string
  errors?: FieldError[]
  /** Extra problem members, e.g. `current` for a stale version. */
  extra?: Record<string, unknown>
}

export class RuleError extends Error {
  readonly kind: ProblemKind
  readonly title: string
  readonly detail?: string
  readonly errors?: FieldError[]
  readonly extra?: Record<string, unknown>

  constructor(init: RuleErrorInit) {
    super(init.detail ?? init.title)
    this.name = 'RuleError'
    this.kind = init.kind
    this.title = init.title
    if (init.detail !== undefined) this.detail = init.detail
    if (init.errors !== undefined) this.errors = init.errors
    if (init.extra !== undefined) this.extra = init.extra
  }
}

export function fieldError(field: string, code: string, message: string, params?: Record<string, string | number>): FieldError {
  return params ? { field, code, message, params } : { field, code, message }
}

export const validation = (errors: FieldError[], detail = 'The request has invalid fields.'): RuleError =>
  new RuleError({ kind: 'validation', title: 'Validation failed', detail, errors })

export const unauthenticated = (detail = 'Sign in to continue.'): RuleError =>
  new RuleError({ kind: 'unauthenticated', title: 'Not signed in', detail })

export const forbidden = (detail: string, kind: 'forbidden' | 'no-support-grant' | 'read-only-grant' | 'admins-only' = 'forbidden'): RuleError =>
  new RuleError({ kind, title: 'Not allowed', detail })

export const notFound = (what: string, id: string): RuleError =>
  new RuleError({ kind: 'not-found', title: 'Not found', detail: `No ${what} with id "${id}".` })

export const conflict = (detail: string, extra?: Record<string, unknown>): RuleError =>
  new RuleError({ kind: 'conflict', title: 'Conflict', detail, ...(extra ? { extra } : {}) })

/** The resource moved on since the caller read it; `current` is what it is now, for the caller to compare. */
export const staleVersion = (current: unknown): RuleError =>
  new RuleError({
    kind: 'stale-etag',
    title: 'Changed by someone else',
    detail: 'This resource changed since you loaded it. Review the current version, then reapply or discard your changes.',
    extra: { current },
  })
