// Retention periods: the calendar arithmetic that turns a period into a cut-off, and the per-unit limits the
// contract states in words (the contract's schema checks shape and the overall 1 … 36 500 bounds).
import type { components } from '@contract/schema.gen'
import { MAX_PERIOD } from '@contract/limits'
import { fieldError, type FieldError } from '../errors'

export type RetentionPeriod = components['schemas']['RetentionPeriod']
export type RetentionUnit = components['schemas']['RetentionUnit']

export const DAY_MS = 86_400_000

/** A period longer than 100 years in its own unit (e.g. 1 201 months) is a field error `<field>.value`. */
export function checkPeriodLimit(period: RetentionPeriod, field: string, errors: FieldError[]): void {
  if (period.mode !== 'period') return
  const max = MAX_PERIOD[period.unit]
  if (period.value > max) {
    errors.push(fieldError(`${field}.value`, 'too_large', `${field}.value must be at most ${max} ${period.unit} (100 years).`, { max }))
  }
}

const daysInMonth = (year: number, monthIndex: number): number => new Date(Date.UTC(year, monthIndex + 1, 0)).getUTCDate()

/** The same instant `months` calendar months earlier, in UTC; a day that does not exist there clamps to the month's last day. */
export function subtractMonths(atMs: number, months: number): number {
  const at = new Date(atMs)
  const total = at.getUTCFullYear() * 12 + at.getUTCMonth() - months
  const year = Math.floor(total / 12)
  const month = total - year * 12
  const day = Math.min(at.getUTCDate(), daysInMonth(year, month))
  return Date.UTC(year, month, day, at.getUTCHours(), at.getUTCMinutes(), at.getUTCSeconds(), at.getUTCMilliseconds())
}

/**
 * The cut-off of a period as seen from `atMs` (a run's time): items created before it are past the
 * policy. Rule: calendar arithmetic from the run date in UTC — days are 24 h each, months and years
 * step back on the calendar (years = 12 months), and a month-end clamps (31 May − 3 months = 28/29 Feb).
 * Keep forever has no cut-off (null).
 */
export function periodCutoff(period: RetentionPeriod, atMs: number): number | null {
  if (period.mode === 'forever') return null
  if (period.unit === 'days') return atMs - period.value * DAY_MS
  return subtractMonths(atMs, period.unit === 'months' ? period.value : period.value * 12)
}

/** How many days a period keeps, as seen from `atMs` (whole days; null for forever). */
export function periodDays(period: RetentionPeriod, atMs: number): number | null {
  const cutoff = periodCutoff(period, atMs)
  return cutoff === null ? null : Math.round((atMs - cutoff) / DAY_MS)
}

/** True when `proposed` keeps less than `current` as seen from `atMs` (its cut-off is later). */
export function isShorter(proposed: RetentionPeriod, current: RetentionPeriod, atMs: number): boolean {
  const next = periodCutoff(proposed, atMs)
  if (next === null) return false
  const now = periodCutoff(current, atMs)
  return now === null || next > now
}

export function samePeriod(a: RetentionPeriod, b: RetentionPeriod): boolean {
  if (a.mode === 'forever' || b.mode === 'forever') return a.mode === b.mode
  return a.value === b.value && a.unit === b.unit
}
