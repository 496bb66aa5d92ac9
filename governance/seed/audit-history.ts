// Generated audit history for large scenarios: event N of a tenant is a pure function of (tenant, N), so a
// million earlier events cost no storage, and filters read compact columns instead of whole events.
import type { AuditRecord } from '../rules/records'
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
export function auditHistoryEvent(source: AuditHistorySource, columns: AuditHistoryColumns, index: number): AuditRecord {
  const action = ACTIONS[columns.action[index] ?? 0] ?? ACTIONS[0]
  const actor = source.actors[columns.actor[index] ?? 0] ?? source.actors[0] ?? { id: 'system', name: 'System' }
  const target = targetOf(source, columns, index)
  const seq = index + 1
  return {
    id: `ae-${source.tenantId.replace(/^t-/, '')}-${String(seq).padStart(8, '0')}`,
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
