// What a proposed policy would do if a run happened now: how much is stored, how much would go, how much a
// legal hold keeps, by age for the chart.
import type { components } from '@contract/schema.gen'
import type { RetentionKind, RetentionRecord, VolumeModel } from '../records'
import { isShorter, periodCutoff, type RetentionPeriod } from './period'
import { dayIndex, ownerClasses, unitsBetween } from './volume'

type Schemas = components['schemas']

/** Age buckets of the preview chart. */
export const BUCKET_DAYS = 30
const iso = (ms: number) => new Date(ms).toISOString()

export function impactOf(
  record: RetentionRecord,
  volume: VolumeModel,
  held: ReadonlySet<string>,
  kind: RetentionKind,
  period: RetentionPeriod,
  now: number,
): Schemas['RetentionImpact'] {
  const classes = ownerClasses(volume, record, kind, held)
  const today = dayIndex(now)
  const end = today + 1
  const cutoff = periodCutoff(period, now)
  const cut = cutoff === null ? null : dayIndex(cutoff)
  let total = 0
  let toDelete = 0
  let heldCount = 0
  for (const group of classes) {
    total += group.weight * unitsBetween(volume, kind, group.from, end)
    if (cut === null) continue
    const past = group.weight * unitsBetween(volume, kind, group.from, cut)
    if (group.held) heldCount += past
    else toDelete += past
  }
  const buckets: Schemas['RetentionAgeBucket'][] = []
  const oldestAge = today - volume.firstDay
  for (let fromDays = 0; fromDays <= oldestAge; fromDays += BUCKET_DAYS) {
    const toDays = fromDays + BUCKET_DAYS
    // Ages [fromDays, toDays) are the days (today - toDays, today - fromDays].
    const lo = today - toDays + 1
    const hi = today - fromDays + 1
    const bucket = { fromDays, toDays, kept: 0, toDelete: 0, held: 0 }
    for (const group of classes) {
      const start = Math.max(lo, group.from)
      const inBucket = group.weight * unitsBetween(volume, kind, start, hi)
      const past = cut === null ? 0 : group.weight * unitsBetween(volume, kind, start, Math.min(hi, cut))
      bucket.kept += inBucket - past
      if (group.held) bucket.held += past
      else bucket.toDelete += past
    }
    buckets.push(bucket)
  }
  return {
    kind,
    shortens: isShorter(period, record.policies[kind].period, now),
    cutoff: cutoff === null ? null : iso(cutoff),
    cutoffDays: cut === null ? null : today - cut,
    total,
    toDelete,
    held: heldCount,
    buckets,
  }
}
