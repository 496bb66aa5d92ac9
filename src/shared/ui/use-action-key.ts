// One Idempotency-Key per user action: retries of the same action reuse it, a new action gets a new one.
import { useCallback, useRef } from 'react'
import { newIdempotencyKey } from '../api/write-headers'

export function useActionKey(): { key: () => string; renew: () => void } {
  const ref = useRef<string | null>(null)
  const key = useCallback(() => {
    ref.current ??= newIdempotencyKey()
    return ref.current
  }, [])
  const renew = useCallback(() => {
    ref.current = null
  }, [])
  return { key, renew }
}
