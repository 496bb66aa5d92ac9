// The hand-written limits must say what the contract says.
import { readFileSync } from 'node:fs'
import { parse } from 'yaml'
import { describe, expect, it } from 'vitest'
import { MAX_PERIOD, MIN_PERIOD_VALUE } from './limits'

type Schema = { oneOf?: Schema[]; properties?: Record<string, Schema>; minimum?: number; maximum?: number; description?: string }

const spec = parse(readFileSync(new URL('./openapi.yaml', import.meta.url), 'utf8')) as { components: { schemas: Record<string, Schema> } }

describe('contract limits', () => {
  it('bound a retention period as the contract does', () => {
    const period = spec.components.schemas.RetentionPeriod
    const value = period?.oneOf?.find((branch) => branch.properties?.value)?.properties?.value
    expect(value?.maximum).toBe(MAX_PERIOD.days)
    expect(value?.minimum).toBe(MIN_PERIOD_VALUE)
    expect(period?.description).toContain(`${MAX_PERIOD.days} days, ${MAX_PERIOD.months} months`)
    expect(period?.description).toContain(`${MAX_PERIOD.years} years`)
  })
})
