// ETags and If-Match: current, stale and missing.
import { describe, expect, it } from 'vitest'
import { DomainError } from './errors'
import { assertIfMatch, etagFor } from './etag'

function failureOf(run: () => void): DomainError | null {
  try {
    run()
    return null
  } catch (error) {
    if (error instanceof DomainError) return error
    throw error
  }
}

describe('ETags', () => {
  it('accepts the current version, with or without the weak prefix', () => {
    expect(etagFor(3)).toBe('W/"3"')
    expect(failureOf(() => assertIfMatch('W/"3"', 3, {}))).toBeNull()
    expect(failureOf(() => assertIfMatch('"3"', 3, {}))).toBeNull()
  })

  it('answers a stale version with 412 and the current resource', () => {
    const error = failureOf(() => assertIfMatch('W/"2"', 3, { days: 30 }))
    expect(error).toMatchObject({ status: 412, type: 'urn:problem:stale-etag', extra: { current: { days: 30 } } })
  })

  it('requires If-Match', () => {
    const error = failureOf(() => assertIfMatch(null, 3, {}))
    expect(error?.status).toBe(400)
    expect(error?.errors).toEqual([expect.objectContaining({ field: 'If-Match', code: 'required' })])
  })
})
