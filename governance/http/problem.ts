// RFC 9457 problem answers: rule failures carry a kind, and this is the one place that turns kinds into statuses.
import { RuleError, type ProblemKind } from '../rules/errors'

const STATUS: Record<ProblemKind, number> = {
  validation: 400,
  unauthenticated: 401,
  forbidden: 403,
  'no-support-grant': 403,
  'read-only-grant': 403,
  'admins-only': 403,
  'not-found': 404,
  conflict: 409,
  'stale-etag': 412,
  'idempotency-mismatch': 422,
  'member-is-you': 409,
  'last-admin': 409,
  'member-state': 409,
  'wrong-track': 403,
  'not-assigned': 403,
  'deceased-arrangement': 409,
  'legal-hold': 409,
  'evidence-type': 415,
  'evidence-too-large': 413,
  'app-kind': 409,
}

export const problemType = (kind: string): string => `urn:problem:${kind}`

/** A failure of the protocol itself (not of a rule): wrong media type, body too large, missing CSRF proof … */
export class ProtocolProblem extends Error {
  constructor(
    readonly status: number,
    readonly kind: string,
    readonly title: string,
    readonly detail?: string,
  ) {
    super(detail ?? title)
  }
}

const PROBLEM_JSON = { 'Content-Type': 'application/problem+json' }

export function problemBody(status: number, kind: string, title: string, detail?: string, extra?: Record<string, unknown>) {
  return { ...extra, type: problemType(kind), title, status, ...(detail !== undefined ? { detail } : {}) }
}

export function problemJson(status: number, body: unknown, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), { status, headers: { ...PROBLEM_JSON, ...headers } })
}

export interface ProblemOptions {
  /** Put the failure's own message in a 500's detail (the mock, for demos); a real server never does. */
  exposeServerErrors: boolean
  /** Told about every unexpected failure (a real server logs it). */
  onServerError?: (error: unknown) => void
}

export function problemResponse(error: unknown, options: ProblemOptions): Response {
  if (error instanceof RuleError) {
    const status = STATUS[error.kind]
    const body = problemBody(status, error.kind, error.title, error.detail, error.extra)
    return problemJson(status, error.errors ? { ...body, errors: error.errors } : body)
  }
  if (error instanceof ProtocolProblem) return problemJson(error.status, problemBody(error.status, error.kind, error.title, error.detail))
  options.onServerError?.(error)
  const detail = options.exposeServerErrors && error instanceof Error ? error.message : 'Something went wrong on our side. Nothing was changed; try again.'
  return problemJson(500, problemBody(500, 'server-error', 'Internal server error', detail))
}
