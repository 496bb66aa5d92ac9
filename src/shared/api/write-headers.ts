// Headers every state-changing request needs: Idempotency-Key (one per user action) and If-Match (the version being changed).

/** A fresh key for one user action; reuse it for retries of that same action, never for a new one. */
export function newIdempotencyKey(): string {
  return crypto.randomUUID()
}

export function idempotencyHeaders(key: string): { 'Idempotency-Key': string } {
  return { 'Idempotency-Key': key }
}

export function ifMatchHeaders(etag: string): { 'If-Match': string } {
  return { 'If-Match': etag }
}
