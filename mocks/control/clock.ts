// The mock clock: a fixed epoch that runs with real time unless frozen, so deadlines are deterministic in tests.
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

/** Jumps (`now`), then advances (`advanceMs`), then freezes or restarts; re-anchors on the real clock so time keeps flowing from there. */
export function setClock(clock: MockClock, realNowMs: number, change: ClockChange): MockClock {
  let mockNow = clockNow(clock, realNowMs)
  if (change.now !== undefined) mockNow = Date.parse(change.now)
  if (change.advanceMs !== undefined) mockNow += change.advanceMs
  return { baseMs: mockNow, realAtBaseMs: realNowMs, frozen: change.frozen ?? clock.frozen }
}
