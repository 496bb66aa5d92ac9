// Idempotency keys: a retried user action gets its first answer back instead of running twice.
import type { MockDbState, StoredReply } from '../db/state'
import { DomainError, fieldError, validation } from './errors'

const KEPT_KEYS = 500

export type IdempotencyCheck = { replay: StoredReply } | { fresh: true }

/** Validates the header value (contract: 8–100 characters). */
export function readIdempotencyKey(header: string | null): string {
  const field = 'Idempotency-Key'
  if (header === null || header.trim() === '') {
    throw validation([fieldError(field, 'required', 'Every state-changing request needs an Idempotency-Key header.')])
  }
  if (header.length < 8) throw validation([fieldError(field, 'too_small', 'The key must have at least 8 characters.', { min: 8 })])
  if (header.length > 100) throw validation([fieldError(field, 'too_large', 'The key must have at most 100 characters.', { max: 100 })])
  return header
}

export function checkIdempotency(state: MockDbState, key: string, fingerprint: string): IdempotencyCheck {
  const seen = state.idempotency.find((entry) => entry.key === key)
  if (!seen) return { fresh: true }
  if (seen.fingerprint !== fingerprint) {
    throw new DomainError({
      status: 422,
      kind: 'idempotency-mismatch',
      title: 'Idempotency key reused',
      detail: 'This Idempotency-Key was already used for a different request.',
    })
  }
  return { replay: seen.reply }
}

export function rememberIdempotent(state: MockDbState, key: string, fingerprint: string, reply: StoredReply): void {
  state.idempotency = state.idempotency.filter((entry) => entry.key !== key)
  state.idempotency.push({ key, fingerprint, reply })
  if (state.idempotency.length > KEPT_KEYS) state.idempotency.splice(0, state.idempotency.length - KEPT_KEYS)
}
