// Generated audit history for large scenarios: event N of a tenant is a pure function of (tenant, N), so a
// million earlier events cost no storage, and filters read compact columns instead of whole events.
import { chainEntries, GENESIS_HASH } from '../rules/audit-chain'
import type { AuditEntry, AuditRecord } from '../rules/records'
import { mulberry32, seedFor } from './rng'

const DAY_MS = 86_400_000
const EPOCH_MS = Date.parse('2026-11-20T01:00:00.000Z')
/** The generated history ends before the first hand-written seed event (120 days before the epoch). */
const HISTORY_END_MS = EPOCH_MS - 150 * DAY_MS
const HISTORY_SPAN_MS = 3 * 365 * DAY_MS

interface HistoryActor {
  id: string
  name: string
}

/** The kinds of event the generated history contains, with what they change. */
const ACTIONS: readonly {
  action: string
  targetType: string
  before: unknown
  after: unknown
  reason: string | null
}[] = [
  { action: 'app.disabled', targetType: 'app', before: { status: 'enabled' }, after: { status: 'disabled' }, reason: '季度安全复核' },
  { action: 'app.enabled', targetType: 'app', before: { status: 'disabled' }, after: { status: 'enabled' }, reason: null },
  { action: 'app.availability_changed', targetType: 'app', before: { mode: 'all' }, after: { mode: 'departments' }, reason: null },
  { action: 'member.role_changed', targetType: 'member', before: { role: 'member' }, after: { role: 'admin' }, reason: '轮值管理员' },
  { action: 'member.role_changed', targetType: 'member', before: { role: 'admin' }, after: { role: 'member' }, reason: '轮值结束' },
  { action: 'legal_hold.placed', targetType: 'legal_hold', before: null, after: { targetType: 'member' }, reason: '诉讼保全' },
]

/** What a tenant's generated history is made of. */
export interface AuditHistorySource {
  tenantId: string
  count: number
  actors: readonly HistoryActor[]
  /** Targets events point at, by type. */
  targets: Readonly<Record<string, readonly { id: string; name: string }[]>>
}

/** The columns filters need, for every event: one typed array each, a few megabytes for a million events. */
export interface AuditHistoryColumns {
  at: Float64Array
  action: Uint8Array
  actor: Uint8Array
  target: Uint32Array
}

const SEED = 90_210

export function auditHistoryColumns(source: AuditHistorySource): AuditHistoryColumns {
  const { count } = source
  const columns: AuditHistoryColumns = {
    at: new Float64Array(count),
    action: new Uint8Array(count),
    actor: new Uint8Array(count),
    target: new Uint32Array(count),
  }
  const step = HISTORY_SPAN_MS / Math.max(1, count)
  const random = mulberry32(seedFor(SEED, count))
  for (let index = 0; index < count; index++) {
    columns.at[index] = Math.floor(HISTORY_END_MS - HISTORY_SPAN_MS + index * step)
    columns.action[index] = Math.floor(random() * ACTIONS.length)
    columns.actor[index] = Math.floor(random() * source.actors.length)
    columns.target[index] = Math.floor(random() * 1_000_000)
  }
  return columns
}

/** The history's distinct target types, so a filter on one can be answered from the action column. */
export function actionTargetType(actionIndex: number): string {
  return ACTIONS[actionIndex]?.targetType ?? 'app'
}

export function targetOf(source: AuditHistorySource, columns: AuditHistoryColumns, index: number): { id: string; name: string } {
  const action = ACTIONS[columns.action[index] ?? 0] ?? ACTIONS[0]
  const targets = source.targets[action?.targetType ?? 'app'] ?? []
  const pickIndex = (columns.target[index] ?? 0) % Math.max(1, targets.length)
  return targets[pickIndex] ?? { id: `${action?.targetType ?? 'app'}-archived`, name: 'Archived' }
}

/** Event `index` (0-based; its sequence number is index + 1). */
export function auditHistoryEvent(source: AuditHistorySource, columns: AuditHistoryColumns, index: number): AuditEntry {
  const action = ACTIONS[columns.action[index] ?? 0] ?? ACTIONS[0]
  const actor = source.actors[columns.actor[index] ?? 0] ?? source.actors[0] ?? { id: 'system', name: 'System' }
  const target = targetOf(source, columns, index)
  const seq = index + 1
  return {
    id: auditEntryId(source.tenantId, seq),
    tenantId: source.tenantId,
    seq,
    at: new Date(columns.at[index] ?? HISTORY_END_MS).toISOString(),
    actor: { id: actor.id, name: actor.name, role: 'tenant_admin' },
    onBehalfOf: null,
    ticketRef: null,
    action: action?.action ?? 'app.enabled',
    targetType: action?.targetType ?? 'app',
    targetId: target.id,
    targetName: target.name,
    before: action?.before ?? null,
    after: action?.after ?? null,
    reason: action?.reason ?? null,
  }
}

/** The generated actions by name, for filters on the action column. */
export function historyActionIndexes(action: string): Set<number> {
  return new Set(ACTIONS.flatMap((candidate, index) => (candidate.action === action ? [index] : [])))
}

export const historyActions = (): string[] => [...new Set(ACTIONS.map((action) => action.action))]
export const historyTargetTypes = (): string[] => [...new Set(ACTIONS.map((action) => action.targetType))]

/** Every entry's link is the one before's hash: this many entries apart, the walk keeps where it was. */
const CHECKPOINT_EVERY = 4096

/** Per history, the prevHash of every entry k × CHECKPOINT_EVERY walked so far (a check goes oldest first, so the walk
 * only ever extends by what it is asked for: a million entries at once would hold the page for seconds). */
const checkpointsOf = new Map<string, string[]>()

/** Generated entries [from, to) (0-based) with their hashes, walked from the nearest checkpoint. */
export function chainedHistory(source: AuditHistorySource, columns: AuditHistoryColumns, from: number, to: number): AuditRecord[] {
  const key = `${source.tenantId}:${source.count}`
  const checkpoints = checkpointsOf.get(key) ?? [GENESIS_HASH]
  checkpointsOf.set(key, checkpoints)
  const end = Math.min(to, source.count)
  let index = Math.min(Math.floor(from / CHECKPOINT_EVERY), checkpoints.length - 1) * CHECKPOINT_EVERY
  let previous = checkpoints[index / CHECKPOINT_EVERY] ?? GENESIS_HASH
  const wanted: AuditRecord[] = []
  while (index < end) {
    const stop = Math.min(end, index + CHECKPOINT_EVERY - (index % CHECKPOINT_EVERY))
    const entries: AuditEntry[] = []
    for (let position = index; position < stop; position++) entries.push(auditHistoryEvent(source, columns, position))
    const linked = chainEntries(previous, entries)
    for (const record of linked) if (record.seq > from) wanted.push(record)
    previous = linked.at(-1)?.hash ?? previous
    index = stop
    if (index % CHECKPOINT_EVERY === 0 && checkpoints.length === index / CHECKPOINT_EVERY) checkpoints.push(previous)
  }
  return wanted
}

/**
 * The last hash of the generated history the large scenario has (a million entries): known here so a store can link
 * the hand-written seed entries after it without walking the whole history at every reset. A unit test walks it and
 * checks this value (audit-history.test.ts), so it cannot drift from the generator.
 */
export const KNOWN_HISTORY_TAILS: Readonly<Record<string, string>> = {
  't-acme:1000000': '005fa7c53efb0c477b0da5dc6913b29b2b01153f96ee8e5df025e431b8e133f4',
}

export function historyTail(source: AuditHistorySource, columns: () => AuditHistoryColumns): string {
  if (source.count === 0) return GENESIS_HASH
  return KNOWN_HISTORY_TAILS[`${source.tenantId}:${source.count}`] ?? chainedHistory(source, columns(), source.count - 1, source.count)[0]?.hash ?? GENESIS_HASH
}

/** The generated history in stretches of `size`, linked (for a store that keeps every entry: the SQL seed). */
export function* chainedHistoryStretches(source: AuditHistorySource, columns: AuditHistoryColumns, size: number): Generator<AuditRecord[]> {
  let previous = GENESIS_HASH
  for (let start = 0; start < source.count; start += size) {
    const entries: AuditEntry[] = []
    for (let index = start; index < Math.min(source.count, start + size); index++) entries.push(auditHistoryEvent(source, columns, index))
    const linked = chainEntries(previous, entries)
    previous = linked.at(-1)?.hash ?? previous
    yield linked
  }
}

/** The hand-written seed entries, numbered after the generated history and linked onto its chain. */
export function seedAuditRecords(
  events: readonly Omit<AuditEntry, 'seq' | 'id'>[],
  histories: readonly AuditHistorySource[],
  columnsOf: (source: AuditHistorySource) => AuditHistoryColumns,
): AuditRecord[] {
  const last = new Map<string, { seq: number; hash: string }>()
  for (const source of histories) last.set(source.tenantId, { seq: source.count, hash: historyTail(source, () => columnsOf(source)) })
  return events.map((event) => {
    const previous = last.get(event.tenantId) ?? { seq: 0, hash: GENESIS_HASH }
    const seq = previous.seq + 1
    const [record] = chainEntries(previous.hash, [{ ...event, seq, id: auditEntryId(event.tenantId, seq) }])
    if (!record) throw new Error('no record')
    last.set(event.tenantId, { seq, hash: record.hash })
    return record
  })
}

export const auditEntryId = (tenantId: string, seq: number): string => `ae-${tenantId.replace(/^t-/, '')}-${String(seq).padStart(8, '0')}`

const columnsCache = new WeakMap<AuditHistorySource, AuditHistoryColumns>()

/** A history's columns, built once per source. */
export function historyColumns(source: AuditHistorySource): AuditHistoryColumns {
  let columns = columnsCache.get(source)
  if (!columns) {
    columns = auditHistoryColumns(source)
    columnsCache.set(source, columns)
  }
  return columns
}
