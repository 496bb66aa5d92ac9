// Client-side reading and wording of retention periods: the same limits and error codes as the API, so a
// refused input gets the same message whether the browser or the server caught it.
import type { TFunction } from 'i18next'
import { isApiError } from '@/shared/api/problem'
import { MAX_PERIOD, MIN_PERIOD_VALUE } from '@contract/limits'
import { retentionUnitValues } from '@contract/schema.gen'
import type { RetentionPeriod, RetentionSettings, RetentionUnit } from './api'

export { MAX_PERIOD }
export const RETENTION_UNITS = retentionUnitValues

export type PeriodValueError =
  | { code: 'required' }
  | { code: 'not_integer' }
  | { code: 'too_small'; min: number }
  | { code: 'too_large'; max: number }

/**
 * Reads what was typed in the period box. The box is plain text (not a number spinner) on purpose:
 * a spinner silently drops "abc" or "1.5", and the admin would save a value they did not type.
 */
export function readPeriodValue(text: string | undefined, unit: RetentionUnit): { value: number } | PeriodValueError {
  const trimmed = (text ?? '').trim()
  if (trimmed === '') return { code: 'required' }
  if (!/^[+-]?\d+$/.test(trimmed)) return { code: 'not_integer' }
  const value = Number(trimmed)
  if (value < MIN_PERIOD_VALUE) return { code: 'too_small', min: MIN_PERIOD_VALUE }
  if (value > MAX_PERIOD[unit]) return { code: 'too_large', max: MAX_PERIOD[unit] }
  return { value }
}

/** "3 years", "1 day", "永久保留". */
export function periodText(t: TFunction<'retention'>, period: RetentionPeriod): string {
  if (period.mode === 'forever') return t('period.forever')
  return t(`period.${period.unit}.${period.value === 1 ? 'one' : 'other'}`, { value: period.value })
}

export function samePeriod(a: RetentionPeriod, b: RetentionPeriod): boolean {
  if (a.mode === 'forever' || b.mode === 'forever') return a.mode === b.mode
  return a.value === b.value && a.unit === b.unit
}

/** The server's current version carried by a 412 stale-ETag problem, when it is one. */
export function conflictingVersion(error: unknown): RetentionSettings | null {
  if (!isApiError(error) || error.status !== 412) return null
  const current = error.problem?.current
  if (typeof current !== 'object' || current === null) return null
  const candidate = current as Partial<RetentionSettings>
  return typeof candidate.etag === 'string' && typeof candidate.policies === 'object' ? (current as RetentionSettings) : null
}
