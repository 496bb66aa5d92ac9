// Injected faults: make the next N matching requests fail or slow down, for demos and failure-path tests.
import type { components } from '@contract/schema.gen'
import type { MockDbState } from '../db/state'
import { fieldError, validation, type FieldError } from './errors'
import { readEnum, readInteger, requireObject } from './input'

export type MockFault = components['schemas']['MockFault']
type FaultMethod = NonNullable<MockFault['method']>
const METHODS: readonly FaultMethod[] = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE']

/** `*` matches one segment; a trailing `**` matches whatever is left (including nothing). */
export function pathMatches(pattern: string, path: string): boolean {
  const want = pattern.split('/')
  const have = path.split('/')
  for (let i = 0; i < want.length; i++) {
    const segment = want[i]
    if (segment === '**' && i === want.length - 1) return true
    const actual = have[i]
    if (actual === undefined) return false
    if (segment === '*' ? actual === '' : segment !== actual) return false
  }
  return want.length === have.length
}

export function readFaultInput(body: unknown): components['schemas']['MockFaultInput'] {
  const input = requireObject(body)
  const errors: FieldError[] = []
  if (typeof input.path !== 'string' || input.path === '') errors.push(fieldError('path', 'required', 'path is required.'))
  else if (!input.path.startsWith('/')) errors.push(fieldError('path', 'invalid', 'path must start with "/".'))
  const method = readEnum(input.method, 'method', METHODS, errors)
  const status = readInteger(input.status, 'status', errors, { min: 400, max: 599 })
  const delayMs = readInteger(input.delayMs, 'delayMs', errors, { min: 0, max: 60_000 })
  const times = readInteger(input.times, 'times', errors, { min: 1 }) ?? 1
  if (input.networkError !== undefined && typeof input.networkError !== 'boolean') {
    errors.push(fieldError('networkError', 'invalid', 'networkError must be true or false.'))
  }
  if (errors.length > 0) throw validation(errors)
  return {
    path: String(input.path),
    times,
    ...(method !== undefined ? { method } : {}),
    ...(status !== undefined ? { status } : {}),
    ...(input.networkError === true ? { networkError: true } : {}),
    ...(delayMs !== undefined ? { delayMs } : {}),
  }
}

export function injectFault(state: MockDbState, body: unknown): MockFault {
  const input = readFaultInput(body)
  const fault: MockFault = { ...input, id: `fault-${state.faults.nextSeq++}`, remaining: input.times ?? 1 }
  state.faults.items.push(fault)
  return fault
}

export function clearFaults(state: MockDbState): void {
  state.faults.items = []
}

/** The first fault matching the request, used up by one; null when none applies. */
export function takeFault(state: MockDbState, method: string, path: string): MockFault | null {
  const upper = method.toUpperCase()
  const position = state.faults.items.findIndex(
    (fault) => (fault.method === undefined || fault.method === upper) && pathMatches(fault.path, path),
  )
  const fault = state.faults.items[position]
  if (!fault) return null
  const applied = { ...fault }
  fault.remaining--
  if (fault.remaining <= 0) state.faults.items.splice(position, 1)
  return applied
}
