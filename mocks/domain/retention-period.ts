// Retention periods: validation of a period from untrusted input, and the calendar arithmetic that turns a period into a cut-off.
import type { components } from '@contract/schema.gen'
import { fieldError, type FieldError } from './errors'
import { isRecord } from './input'

export type RetentionPeriod = components['schemas']['RetentionPeriod']
export type RetentionUnit = components['schemas']['RetentionUnit']

export const DAY_MS = 86_400_000
export const RETENTION_UNITS: readonly RetentionUnit[] = ['days', 'months', 'years']
/** At most 100 years, said in each unit (36500 days is the day-unit ceiling, not 100 calendar years). */
export const MAX_PERIOD: Readonly<Record<RetentionUnit, number>> = { days: 36_500, months: 1_200, years: 100 }
export const MIN_PERIOD_VALUE = 1

/**
 * Reads a period from a request body; pushes field errors named `<field>`, `<field>.mode`,
 * `<field>.value`, `<field>.unit` with codes required / invalid / not_integer / too_small / too_large.
 */
export function readPeriod(raw: unknown, field: string, errors: FieldError[]): RetentionPeriod | undefined {
  if (raw === undefined || raw === null) {
    errors.push(fieldError(field, 'required', `${field} is required.`))
    return undefined
  }
  if (!isRecord(raw)) {
    errors.push(fieldError(field, 'invalid', `${field} must be an object with a mode.`))
    return undefined
  }
  if (raw.mode === undefined || raw.mode === null || raw.mode === '') {
    errors.push(fieldError(`${field}.mode`, 'required', `${field}.mode is required.`))
    return undefined
  }
  if (raw.mode === 'forever') return { mode: 'forever' }
  if (raw.mode !== 'period') {
    errors.push(fieldError(`${field}.mode`, 'invalid', `${field}.mode must be one of: forever, period.`))
    return undefined
  }
  const before = errors.length
  let unit: RetentionUnit | undefined
  if (raw.unit === undefined || raw.unit === null || raw.unit === '') {
    errors.push(fieldError(`${field}.unit`, 'required', `${field}.unit is required.`))
  } else {
    unit = RETENTION_UNITS.find((candidate) => candidate === raw.unit)
    if (!unit) errors.push(fieldError(`${field}.unit`, 'invalid', `${field}.unit must be one of: ${RETENTION_UNITS.join(', ')}.`))
  }
  const value = raw.value
  if (value === undefined || value === null || value === '') {
    errors.push(fieldError(`${field}.value`, 'required', `${field}.value is required.`))
  } else if (typeof value !== 'number' || !Number.isInteger(value)) {
    // Numbers in strings ("12") are refused too: the contract says integer, and a lenient server hides client bugs.
    errors.push(fieldError(`${field}.value`, 'not_integer', `${field}.value must be a whole number.`))
  } else if (value < MIN_PERIOD_VALUE) {
    errors.push(fieldError(`${field}.value`, 'too_small', `${field}.value must be at least ${MIN_PERIOD_VALUE}.`, { min: MIN_PERIOD_VALUE }))
  } else if (unit && value > MAX_PERIOD[unit]) {
    const max = MAX_PERIOD[unit]
    errors.push(fieldError(`${field}.value`, 'too_large', `${field}.value must be at most ${max} ${unit} (100 years).`, { max }))
  }
  if (errors.length > before || !unit || typeof value !== 'number') return undefined
  return { mode: 'period', value, unit }
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
