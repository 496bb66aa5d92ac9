// Period arithmetic: months and years to days, month ends, leap years, and the per-unit 100-year limit.
import { describe, expect, it } from 'vitest'
import type { FieldError } from '../errors'
import { checkPeriodLimit, isShorter, periodCutoff, periodDays, samePeriod, subtractMonths } from './period'

const at = (iso: string) => Date.parse(iso)
const day = (n: number) => ({ mode: 'period', value: n, unit: 'days' }) as const
const month = (n: number) => ({ mode: 'period', value: n, unit: 'months' }) as const
const year = (n: number) => ({ mode: 'period', value: n, unit: 'years' }) as const

describe('period arithmetic (calendar, from the run date, UTC)', () => {
  it('counts days as 24 hours each', () => {
    expect(periodCutoff(day(1), at('2026-11-20T18:00:00Z'))).toBe(at('2026-11-19T18:00:00Z'))
    expect(periodDays(day(90), at('2026-11-20T18:00:00Z'))).toBe(90)
  })

  it('turns months and years into the days the calendar has', () => {
    expect(periodDays(month(1), at('2026-03-15T00:00:00Z'))).toBe(28) // back into February 2026
    expect(periodDays(month(1), at('2026-08-15T00:00:00Z'))).toBe(31)
    expect(periodDays(year(1), at('2026-11-20T00:00:00Z'))).toBe(365)
    expect(periodDays(year(1), at('2028-03-01T00:00:00Z'))).toBe(366) // spans 29 Feb 2028
    expect(periodDays(year(3), at('2026-11-20T00:00:00Z'))).toBe(1096) // includes 29 Feb 2024
    expect(periodDays(month(12), at('2026-11-20T00:00:00Z'))).toBe(periodDays(year(1), at('2026-11-20T00:00:00Z')))
  })

  it('clamps a month end to the shorter month’s last day', () => {
    expect(new Date(subtractMonths(at('2026-05-31T10:00:00Z'), 3)).toISOString()).toBe('2026-02-28T10:00:00.000Z')
    expect(new Date(subtractMonths(at('2028-05-31T10:00:00Z'), 3)).toISOString()).toBe('2028-02-29T10:00:00.000Z')
    expect(new Date(subtractMonths(at('2026-03-31T00:00:00Z'), 1)).toISOString()).toBe('2026-02-28T00:00:00.000Z')
    expect(new Date(subtractMonths(at('2028-02-29T00:00:00Z'), 12)).toISOString()).toBe('2027-02-28T00:00:00.000Z')
    expect(new Date(subtractMonths(at('2026-01-15T00:00:00Z'), 14)).toISOString()).toBe('2024-11-15T00:00:00.000Z')
  })

  it('reaches back 100 years at most, and keep forever has no cut-off', () => {
    expect(new Date(periodCutoff(year(100), at('2026-11-20T00:00:00Z')) ?? 0).toISOString()).toBe('1926-11-20T00:00:00.000Z')
    expect(periodDays(day(36_500), at('2026-11-20T00:00:00Z'))).toBe(36_500)
    expect(periodCutoff({ mode: 'forever' }, at('2026-11-20T00:00:00Z'))).toBeNull()
  })

  it('knows shorter from longer across units', () => {
    const now = at('2026-11-20T00:00:00Z')
    expect(isShorter(day(90), year(3), now)).toBe(true)
    expect(isShorter(year(5), year(3), now)).toBe(false)
    expect(isShorter(year(3), { mode: 'forever' }, now)).toBe(true)
    expect(isShorter({ mode: 'forever' }, year(3), now)).toBe(false)
    expect(isShorter(month(12), year(1), now)).toBe(false) // the same cut-off is not shorter
    expect(isShorter(day(364), year(1), now)).toBe(true)
    expect(samePeriod(month(12), year(1))).toBe(false)
  })
})

describe('the 100-year limit in each unit', () => {
  const check = (period: Parameters<typeof checkPeriodLimit>[0]) => {
    const errors: FieldError[] = []
    checkPeriodLimit(period, 'chat', errors)
    return errors.map((error) => `${error.field}:${error.code}:${String(error.params?.max ?? '')}`)
  }

  it.each([
    [month(1_201), 'chat.value:too_large:1200'],
    [year(101), 'chat.value:too_large:100'],
  ])('refuses %j', (period, expected) => {
    expect(check(period)).toEqual([expected])
  })

  it('accepts the boundaries and keep forever', () => {
    for (const period of [day(36_500), month(1_200), year(100), day(1), { mode: 'forever' as const }]) expect(check(period)).toEqual([])
  })
})
