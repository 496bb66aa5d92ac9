// The stored-volume model a tenant's retention works on: items per owner and day, what runs have purged
// ("everything before day X" per owner and kind), and which owners a legal hold protects.
import type { LegalHoldRecord, RetentionKind, RetentionRecord, VolumeModel } from '../records'
import { DAY_MS } from './period'

/** Runs kept in view (the settings show the last ten). */
export const RECENT_RUNS = 10
/** Day 0 starts at UTC midnight of the scenario epoch; day indexes count from there (negative = before). */
export const DAY_ZERO_MS = Date.UTC(2026, 10, 20)
export const dayIndex = (ms: number): number => Math.floor((ms - DAY_ZERO_MS) / DAY_MS)
/** Runs happen daily at 18:00 UTC (02:00 in Beijing). */
export const RUN_HOUR_UTC = 18

/** Items per unit of owner weight stored on days [fromDay, toDay). */
export function unitsBetween(volume: VolumeModel, kind: RetentionKind, fromDay: number, toDay: number): number {
  const lo = Math.max(fromDay, volume.firstDay)
  const hi = Math.min(toDay, volume.endDay)
  if (hi <= lo) return 0
  const prefix = volume.prefix[kind]
  return (prefix[hi - volume.firstDay] ?? 0) - (prefix[lo - volume.firstDay] ?? 0)
}

export const purgedFor = (record: RetentionRecord, ownerId: string, kind: RetentionKind): number =>
  record.purgedExceptions[ownerId]?.[kind] ?? record.purgedBefore[kind]

export function heldOwners(holds: readonly LegalHoldRecord[]): Set<string> {
  return new Set(holds.filter((hold) => hold.releasedAt === null).map((hold) => hold.targetId))
}

/** Owners grouped by (first stored day, held): a handful of classes instead of hundreds of owners. */
export function ownerClasses(volume: VolumeModel, record: RetentionRecord, kind: RetentionKind, held: ReadonlySet<string>) {
  const classes = new Map<string, { from: number; held: boolean; weight: number }>()
  for (const owner of volume.owners) {
    const from = purgedFor(record, owner.id, kind)
    const isHeld = held.has(owner.id)
    const key = `${from}:${isHeld}`
    const entry = classes.get(key)
    if (entry) entry.weight += owner.weight
    else classes.set(key, { from, held: isHeld, weight: owner.weight })
  }
  return [...classes.values()]
}
