// The demo tenants' retention: policies and their history, and the generated model of the chat messages and files
// each member and group stores, by day.
import type { components } from '@contract/schema.gen'
import type { RetentionHistoryRecord, RetentionKind, RetentionRecord, VolumeModel, VolumeOwner } from '../rules/records'
import { DAY_MS, periodCutoff } from '../rules/retention/period'
import { DAY_ZERO_MS, dayIndex, RUN_HOUR_UTC } from '../rules/retention/volume'
import { memberAt } from './members'
import { int, mulberry32, seedFor } from './rng'

type Schemas = components['schemas']

const GROUPS: Record<string, readonly string[]> = {
  't-acme': ['全员群', '销售部群', '华东销售周会', '研发中心', '前端组讨论', '客户服务值班', '市场活动策划', '财务报销答疑'],
  't-northwind': ['All hands', 'Fleet dispatch', 'Warehouse shift', 'Finance'],
}
/** Only the first members of big tenants carry modelled data: enough for holds to matter, cheap at 100 000 members. */
const MEMBERS_WITH_DATA = 200
const HISTORY_DAYS = 1_460 // four years of stored data
const FUTURE_DAYS = 400

const cache = new Map<string, VolumeModel>()

/** A tenant's stored items per owner and day: volume(owner, day, kind) = owner.weight × perUnit[kind][day]. */
export function tenantVolume(tenantId: string, source: { count: number; seed: number }): VolumeModel {
  const key = `${tenantId}:${source.count}:${source.seed}`
  const hit = cache.get(key)
  if (hit) return hit
  const random = mulberry32(seedFor(source.seed, 7_777))
  const groupNames = GROUPS[tenantId] ?? GROUPS['t-northwind'] ?? []
  const groups = groupNames.map((name, index) => ({ id: `g-${tenantId.replace(/^t-/, '')}-${String(index + 1).padStart(2, '0')}`, name }))
  const owners: VolumeOwner[] = groups.map((group, index) => ({ id: group.id, weight: index === 0 ? 60 : int(random, 15, 40) }))
  const withData = Math.min(source.count, MEMBERS_WITH_DATA)
  for (let index = 0; index < withData; index++) {
    owners.push({ id: memberAt(tenantId, index, source.seed).id, weight: int(random, 1, 6) })
  }
  const firstDay = -HISTORY_DAYS
  const endDay = FUTURE_DAYS
  const days = endDay - firstDay
  const prefix = { chat: new Float64Array(days + 1), files: new Float64Array(days + 1) }
  for (let i = 0; i < days; i++) {
    const day = firstDay + i
    const age = Math.max(0, -day)
    // The company grew: older days carry less traffic; weekends carry less.
    const growth = 0.35 + 0.65 * (1 - age / HISTORY_DAYS)
    const weekday = new Date(DAY_ZERO_MS + day * DAY_MS).getUTCDay()
    const weekend = weekday === 0 || weekday === 6 ? 0.4 : 1
    const chat = Math.round(4 * growth * weekend * (0.7 + 0.6 * random()))
    const files = random() < 0.3 * growth * weekend ? 1 : 0
    prefix.chat[i + 1] = (prefix.chat[i] ?? 0) + chat
    prefix.files[i + 1] = (prefix.files[i] ?? 0) + files
  }
  const volume = { owners, groups, firstDay, endDay, prefix }
  cache.set(key, volume)
  return volume
}

// ---- Seeded policies and history ----------------------------------------------------------------

const iso = (ms: number) => new Date(ms).toISOString()
const wangFang = { id: 'admin-acme', name: '王芳' }
const chenJing = { id: 'admin-acme-2', name: '陈静' }
const oliver = { id: 'admin-northwind', name: 'Oliver Bennett' }

interface SeedChange {
  at: string
  by: Schemas['RetentionPerson']
  kind: RetentionKind
  before: Schemas['RetentionPeriod']
  after: Schemas['RetentionPeriod']
  reason: string
  graceDays: number
}

function historyOf(tenantId: string, changes: SeedChange[]): RetentionHistoryRecord[] {
  const history: RetentionHistoryRecord[] = []
  let seq = 1
  for (const change of changes) {
    const effectiveAt = iso(Date.parse(change.at) + change.graceDays * DAY_MS)
    const common = { tenantId, by: change.by, onBehalfOf: null, kind: change.kind, before: change.before, after: change.after }
    history.push({ ...common, id: `rh-${seq}`, seq, at: change.at, event: 'scheduled', effectiveAt, reason: change.reason })
    seq++
    history.push({ ...common, id: `rh-${seq}`, seq, at: effectiveAt, event: 'took_effect', effectiveAt, reason: change.reason })
    seq++
  }
  return history
}

function seedTenant(
  tenantId: string,
  policies: Record<RetentionKind, Schemas['RetentionPeriod']>,
  changes: SeedChange[],
  setBy: Record<RetentionKind, { at: string; by: Schemas['RetentionPerson'] }>,
): { record: RetentionRecord; history: RetentionHistoryRecord[] } {
  const history = historyOf(tenantId, changes)
  // Runs ran daily until three days before the epoch; the three since are replayed by the domain on seeding.
  const lastRunMs = Date.UTC(2026, 10, 16, RUN_HOUR_UTC)
  const purgeDay = (kind: RetentionKind) => {
    const cutoff = periodCutoff(policies[kind], lastRunMs)
    return cutoff === null ? -Infinity : dayIndex(cutoff)
  }
  const latest = [setBy.chat, setBy.files].sort((a, b) => Date.parse(b.at) - Date.parse(a.at))[0] ?? setBy.chat
  const record: RetentionRecord = {
    tenantId,
    version: 1,
    policies: {
      chat: { period: policies.chat, updatedAt: setBy.chat.at, updatedBy: setBy.chat.by },
      files: { period: policies.files, updatedAt: setBy.files.at, updatedBy: setBy.files.by },
    },
    graceDays: 7,
    updatedAt: latest.at,
    updatedBy: latest.by,
    pending: null,
    nextRunAt: iso(lastRunMs + DAY_MS),
    // JSON has no -Infinity: "nothing purged" is the day before any data.
    purgedBefore: { chat: Math.max(purgeDay('chat'), -HISTORY_DAYS), files: Math.max(purgeDay('files'), -HISTORY_DAYS) },
    purgedExceptions: {},
  }
  return { record, history }
}

export function seedRetention(): { record: RetentionRecord; history: RetentionHistoryRecord[] }[] {
  const acmeChatChange = '2025-02-10T02:30:00.000Z'
  const acmeFilesChange = '2023-06-12T06:00:00.000Z'
  return [
    seedTenant(
      't-acme',
      { chat: { mode: 'period', value: 3, unit: 'years' }, files: { mode: 'period', value: 5, unit: 'years' } },
      [
        {
          at: acmeFilesChange, by: wangFang, kind: 'files', graceDays: 7, before: { mode: 'forever' },
          after: { mode: 'period', value: 5, unit: 'years' }, reason: '按集团信息安全制度统一文件保留期限',
        },
        {
          at: '2024-09-03T01:15:00.000Z', by: wangFang, kind: 'chat', graceDays: 7, before: { mode: 'forever' },
          after: { mode: 'period', value: 5, unit: 'years' }, reason: '聊天记录不再永久保存',
        },
        {
          at: acmeChatChange, by: chenJing, kind: 'chat', graceDays: 7, before: { mode: 'period', value: 5, unit: 'years' },
          after: { mode: 'period', value: 3, unit: 'years' }, reason: '法务部建议：聊天记录保留三年',
        },
      ],
      {
        chat: { at: iso(Date.parse(acmeChatChange) + 7 * DAY_MS), by: chenJing },
        files: { at: iso(Date.parse(acmeFilesChange) + 7 * DAY_MS), by: wangFang },
      },
    ),
    seedTenant(
      't-northwind',
      { chat: { mode: 'period', value: 1, unit: 'years' }, files: { mode: 'forever' } },
      [
        {
          at: '2025-08-20T09:00:00.000Z', by: oliver, kind: 'chat', graceDays: 7, before: { mode: 'forever' },
          after: { mode: 'period', value: 1, unit: 'years' }, reason: 'Data minimisation review',
        },
      ],
      {
        chat: { at: '2025-08-27T09:00:00.000Z', by: oliver },
        files: { at: '2021-06-01T08:00:00.000Z', by: oliver },
      },
    ),
  ]
}
