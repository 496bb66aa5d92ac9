// Idempotency keys: replay, mismatch and how many keys are kept.
import { describe, expect, it } from 'vitest'
import { seedState } from '../db/seeds'
import { DomainError } from './errors'
import { checkIdempotency, readIdempotencyKey, rememberIdempotent } from './idempotency'

describe('idempotency keys', () => {
  it('is fresh for an unseen key and replays the stored answer for the same request', () => {
    const state = seedState('default', 0)
    expect(checkIdempotency(state, 'key-00001', 'fp-a')).toEqual({ fresh: true })
    rememberIdempotent(state, 'key-00001', 'fp-a', { status: 201, body: { id: 'x' } })
    expect(checkIdempotency(state, 'key-00001', 'fp-a')).toEqual({ replay: { status: 201, body: { id: 'x' } } })
  })

  it('refuses the same key with a different request (422)', () => {
    const state = seedState('default', 0)
    rememberIdempotent(state, 'key-00001', 'fp-a', { status: 200 })
    expect(() => checkIdempotency(state, 'key-00001', 'fp-b')).toThrowError(
      expect.objectContaining({ status: 422, type: 'urn:problem:idempotency-mismatch' }),
    )
  })

  it('keeps only the last 500 keys', () => {
    const state = seedState('default', 0)
    for (let i = 0; i < 501; i++) rememberIdempotent(state, `key-${i}-xxxx`, 'fp', { status: 200 })
    expect(state.idempotency).toHaveLength(500)
    expect(checkIdempotency(state, 'key-0-xxxx', 'other')).toEqual({ fresh: true })
    expect('replay' in checkIdempotency(state, 'key-500-xxxx', 'fp')).toBe(true)
  })

  it('requires a key of 8 to 100 characters', () => {
    const codeOf = (header: string | null) => {
      try {
        readIdempotencyKey(header)
        return 'ok'
      } catch (error) {
        if (error instanceof DomainError) return error.errors?.[0]?.code
        throw error
      }
    }
    expect(codeOf(null)).toBe('required')
    expect(codeOf('short')).toBe('too_small')
    expect(codeOf('x'.repeat(101))).toBe('too_large')
    expect(codeOf('a-good-key')).toBe('ok')
  })
})
