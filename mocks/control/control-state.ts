// What the mock's controls steer — the clock and the injected faults — kept where every tab of the browser sees it.
import { SCENARIO_EPOCH_MS } from '@governance/seed/dataset'
import { clockNow, setClock, type ClockChange, type MockClock } from './clock'
import { addFault, takeFault, type FaultList, type MockFault, type MockFaultInput } from '@governance/http/faults'

export interface ControlSnapshot {
  clock: MockClock
  faults: FaultList
}

/** Where the snapshot lives: localStorage in the browser (shared by tabs, read synchronously), memory in Node. */
export interface ControlPersistence {
  load(): ControlSnapshot | null
  save(snapshot: ControlSnapshot): void
}

export function memoryControlPersistence(): ControlPersistence {
  let saved: ControlSnapshot | null = null
  return {
    load: () => (saved ? structuredClone(saved) : null),
    save: (snapshot) => {
      saved = structuredClone(snapshot)
    },
  }
}

export function localStorageControlPersistence(key: string): ControlPersistence {
  return {
    load() {
      try {
        const text = localStorage.getItem(key)
        return text ? (JSON.parse(text) as ControlSnapshot) : null
      } catch {
        return null
      }
    },
    save: (snapshot) => localStorage.setItem(key, JSON.stringify(snapshot)),
  }
}

export class MockControls {
  constructor(
    private readonly persistence: ControlPersistence,
    private readonly realNow: () => number = () => Date.now(),
  ) {}

  private read(): ControlSnapshot {
    return this.persistence.load() ?? this.fresh()
  }

  private fresh(): ControlSnapshot {
    return { clock: { baseMs: SCENARIO_EPOCH_MS, realAtBaseMs: this.realNow(), frozen: false }, faults: { nextSeq: 1, items: [] } }
  }

  /** Mock time now (ms). */
  now(): number {
    return clockNow(this.read().clock, this.realNow())
  }

  frozen(): boolean {
    return this.read().clock.frozen
  }

  faults(): MockFault[] {
    return this.read().faults.items
  }

  /** Back to the epoch, no faults: what every scenario starts with. */
  reset(): void {
    this.persistence.save(this.fresh())
  }

  setClock(change: ClockChange): void {
    const snapshot = this.read()
    this.persistence.save({ ...snapshot, clock: setClock(snapshot.clock, this.realNow(), change) })
  }

  inject(input: MockFaultInput): MockFault {
    const snapshot = this.read()
    const fault = addFault(snapshot.faults, input)
    this.persistence.save(snapshot)
    return fault
  }

  clearFaults(): void {
    const snapshot = this.read()
    this.persistence.save({ ...snapshot, faults: { ...snapshot.faults, items: [] } })
  }

  /** The fault (if any) this request runs into; it is used up by one. */
  take(method: string, path: string): MockFault | null {
    const snapshot = this.read()
    if (snapshot.faults.items.length === 0) return null
    const fault = takeFault(snapshot.faults, method, path)
    if (fault) this.persistence.save(snapshot)
    return fault
  }
}
