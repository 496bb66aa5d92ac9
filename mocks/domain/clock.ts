// The mock clock: a fixed epoch that runs with real time unless frozen, so deadlines are deterministic in tests.
import { fieldError, validation, type FieldError } from './errors'
import { isRecord, readInteger } from './input'

export interface MockClock {
  /** Mock time (ms) at the moment `realAtBaseMs` was read from the real clock. */
  baseMs: number
  realAtBaseMs: number
  frozen: boolean
}

export function clockNow(clock: MockClock, realNowMs: number): number {
  return clock.frozen ? clock.baseMs : clock.baseMs + (realNowMs - clock.realAtBaseMs)
}

export interface ClockChange {
  now?: string
  advanceMs?: number
  frozen?: boolean
}

/** Validates a clock change request body (contract: setMockClock). */
export function readClockChange(body: unknown): ClockChange {
  if (!isRecord(body)) throw validation([fieldError('body', 'invalid', 'The request body must be a JSON object.')])
  const errors: FieldError[] = []
  const change: ClockChange = {}
  if (body.now !== undefined) {
    if (typeof body.now !== 'string' || Number.isNaN(Date.parse(body.now))) {
      errors.push(fieldError('now', 'invalid', 'now must be an ISO 8601 date-time.'))
    } else change.now = body.now
  }
  const advanceMs = readInteger(body.advanceMs, 'advanceMs', errors)
  if (advanceMs !== undefined) change.advanceMs = advanceMs
  if (body.frozen !== undefined) {
    if (typeof body.frozen !== 'boolean') errors.push(fieldError('frozen', 'invalid', 'frozen must be true or false.'))
    else change.frozen = body.frozen
  }
  if (errors.length > 0) throw validation(errors)
  return change
}

/** Jumps (`now`), then advances (`advanceMs`), then freezes or restarts; re-anchors on the real clock so time keeps flowing from there. */
export function setClock(clock: MockClock, realNowMs: number, change: ClockChange): MockClock {
  let mockNow = clockNow(clock, realNowMs)
  if (change.now !== undefined) mockNow = Date.parse(change.now)
  if (change.advanceMs !== undefined) mockNow += change.advanceMs
  return { baseMs: mockNow, realAtBaseMs: realNowMs, frozen: change.frozen ?? clock.frozen }
}
