// Limits the contract states in words (api/openapi.yaml) that JSON Schema cannot express per case: the console
// checks input against them before sending, and the governance rules enforce them. One source for both.
import type { components } from './schema.gen'

type RetentionUnit = components['schemas']['RetentionUnit']

/** The longest retention period, per unit: 100 years (RetentionPeriod in the contract). */
export const MAX_PERIOD: Readonly<Record<RetentionUnit, number>> = { days: 36_500, months: 1_200, years: 100 }
/** The shortest: one day, or one of any unit. */
export const MIN_PERIOD_VALUE = 1
