// For the rules' unit tests: run `work`, expect it to refuse with a RuleError of `kind`, and hand that error back.
import { expect } from 'vitest'
import { RuleError } from './errors'

export function expectRule(work: () => unknown, kind: RuleError['kind']): RuleError {
  try {
    work()
  } catch (error) {
    expect(error).toBeInstanceOf(RuleError)
    expect((error as RuleError).kind).toBe(kind)
    return error as RuleError
  }
  throw new Error(`expected a ${kind} RuleError`)
}
