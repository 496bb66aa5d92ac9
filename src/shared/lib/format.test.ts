import { describe, expect, it } from 'vitest'
import { formatRelative, formatNumber } from './format'

const now = Date.parse('2026-11-20T01:00:00Z')

describe('formatRelative', () => {
  it('uses the largest unit in either language', () => {
    expect(formatRelative('2026-11-23T01:00:00Z', now, 'en-US')).toBe('in 3 days')
    expect(formatRelative('2026-11-20T03:20:00Z', now, 'en-US')).toBe('in 2 hours')
    expect(formatRelative('2026-11-19T01:00:00Z', now, 'en-US')).toBe('yesterday')
    expect(formatRelative('2026-11-23T01:00:00Z', now, 'zh-CN')).toBe('3天后')
  })

  it('counts minutes below an hour', () => {
    expect(formatRelative('2026-11-20T01:10:00Z', now, 'en-US')).toBe('in 10 minutes')
  })
})

describe('formatNumber', () => {
  it('groups digits', () => {
    expect(formatNumber(100000, 'en-US')).toBe('100,000')
  })
})

describe('formatRelative rounding', () => {
  it('reads a deadline a moment under three days away as three days', () => {
    expect(formatRelative('2026-11-23T01:00:00Z', now + 5_000, 'en-US')).toBe('in 3 days')
  })
})
