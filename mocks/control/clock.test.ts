// The mock clock: running, frozen, jumped and advanced.
import { describe, expect, it } from 'vitest'
import { clockNow, setClock, type MockClock } from './clock'

const epoch = Date.parse('2026-11-20T01:00:00.000Z')
const running: MockClock = { baseMs: epoch, realAtBaseMs: 1_000, frozen: false }

describe('mock clock', () => {
  it('runs with real time from its epoch', () => {
    expect(clockNow(running, 1_000)).toBe(epoch)
    expect(clockNow(running, 6_000)).toBe(epoch + 5_000)
  })

  it('stands still when frozen, and restarts from where it stood', () => {
    const frozen = setClock(running, 2_000, { frozen: true })
    expect(clockNow(frozen, 99_000)).toBe(epoch + 1_000)
    const restarted = setClock(frozen, 99_000, { frozen: false })
    expect(clockNow(restarted, 100_000)).toBe(epoch + 2_000)
  })

  it('jumps to an instant, then advances (also backwards)', () => {
    const jumped = setClock(running, 5_000, { now: '2027-01-01T00:00:00.000Z', advanceMs: -60_000 })
    expect(clockNow(jumped, 5_000)).toBe(Date.parse('2026-12-31T23:59:00.000Z'))
    expect(jumped.frozen).toBe(false)
  })
})
