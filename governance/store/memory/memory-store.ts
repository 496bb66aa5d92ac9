// The in-memory adapter of the storage port, which the browser mock runs on: the scenario's generated base plus
// changed rows, transactions that write nothing until they succeed, and optimistic retries when another tab of
// the same browser committed in between.
import { removalDue } from '../../rules/member-lifecycle'
import { seededProfile } from '../../seed/member-profile'
import type {
  AppRecord,
  AppRequestRecord,
  AuditDraft,
  AuditEntry,
  AuditExportRecord,
  AuditRecord,
  DepartmentRecord,
  DeregistrationRecord,
  EmergencyStopRecord,
  GrantRecord,
  LegalHoldRecord,
  MemberLifecycleRecord,
  MemberSettings,
  MemberRecord,
  RemovalJobRecord,
  RemovalJobResultRecord,
  RetentionHistoryRecord,
  RetentionRecord,
  RetentionRunRecord,
  SessionRecord,
  StoredReply,
  TenantRecord,
  UserRecord,
} from '../../rules/records'
import { APP_SCOPES } from '../../seed/apps'
import {
  actionTargetType,
  auditHistoryEvent,
  chainedHistory,
  historyActionIndexes,
  historyActions,
  historyColumns,
  historyTail,
  historyTargetTypes,
  targetOf,
  type AuditHistoryColumns,
  type AuditHistorySource,
} from '../../seed/audit-history'
import { chainEntries, GENESIS_HASH } from '../../rules/audit-chain'
import { demoDataset, type ScenarioName } from '../../seed/dataset'
import { tenantVolume } from '../../seed/retention'
import type { KinRecord, KinSettings } from '../../rules/kin-requests'
import type { AuditFacets, AuditFilter, GovernanceStore, IdempotencyClaim, KinFile, Transaction } from '../port'
import { baseMember, countMembers, membersByIdentifier, searchMembers, type MemberPatch } from './members-index'
import { auditId, seqKey, Tables, type MemoryPersistence, type PersistedRow, type TableName } from './tables'

/** The member fields a change may touch (stored as a patch over the generated member). */
const MEMBER_PATCH_KEYS = ['name', 'email', 'employeeNo', 'phone', 'departmentId', 'role', 'status', 'joinedAt'] as const satisfies readonly (keyof MemberRecord)[]

/** Member ids of a removal job per stored key. */
const JOB_CHUNK = 500
/** Runs kept per tenant (the screen shows the last ten). */
const KEPT_RUNS = 50
/** Idempotency keys kept; the oldest go first (a retry comes within minutes, not after 5 000 other actions). */
const KEPT_KEYS = 5_000
/** An optimistic transaction that keeps losing to other tabs gives up after this many tries. */
const MAX_ATTEMPTS = 5

const clone = <T>(value: T): T => structuredClone(value)
const byPrefix = (prefix: string) => (key: string) => key.startsWith(prefix)

interface IdempotencyRow {
  fingerprint: string
  at: string
  reply: StoredReply | null
}

export interface MemoryStore extends GovernanceStore {
  readonly scenario: () => ScenarioName
  /** Starts the scenario afresh, here and in every other tab. */
  reset(scenario: ScenarioName): Promise<void>
}

export async function createMemoryStore(persistence: MemoryPersistence, initial: ScenarioName = 'default'): Promise<MemoryStore> {
  let tables = await load()
  let queue: Promise<unknown> = Promise.resolve()

  async function load(): Promise<Tables> {
    const saved = await persistence.load()
    const next = new Tables(saved?.scenario ?? initial, demoDataset(saved?.scenario ?? initial))
    if (saved) next.apply(saved.rows)
    return next
  }

  /** One transaction at a time in this tab; another tab's commit is caught up with before each. */
  function serialised<T>(work: () => Promise<T>): Promise<T> {
    const run = queue.then(work, work)
    queue = run.catch(() => undefined)
    return run
  }

  return {
    scenario: () => tables.scenario,
    reset: (scenario) =>
      serialised(async () => {
        await persistence.exclusive(() => persistence.reset(scenario))
        tables = new Tables(scenario, demoDataset(scenario))
      }),
    transaction: <T>(work: (tx: Transaction) => Promise<T>) =>
      serialised(async () => {
        for (let attempt = 1; ; attempt++) {
          if (persistence.stale()) tables = await load()
          const tx = new MemoryTransaction(tables)
          const result = await work(tx)
          const rows = tx.changedRows()
          if (rows.length === 0) return result
          const committed = await persistence.exclusive(async () => {
            if (persistence.stale()) return false
            await persistence.write(rows)
            return true
          })
          if (committed) {
            tables.apply(rows)
            return result
          }
          if (attempt >= MAX_ATTEMPTS) throw new Error('The mock store stayed busy in another tab; try again.')
        }
      }),
  }
}

/** Reads see this transaction's own writes first; nothing reaches the tables until commit. */
class MemoryTransaction implements Transaction {
  private readonly writes = new Map<TableName, Map<string, unknown>>()

  constructor(private readonly tables: Tables) {}

  changedRows(): PersistedRow[] {
    const rows: PersistedRow[] = []
    for (const [table, map] of this.writes) for (const [key, value] of map) rows.push({ table, key, value })
    return rows
  }

  private get<T>(table: TableName, key: string): T | null {
    const own = this.writes.get(table)
    if (own?.has(key)) {
      const value = own.get(key)
      return value === null || value === undefined ? null : clone(value as T)
    }
    const value = this.tables.map(table).get(key)
    return value === undefined ? null : clone(value as T)
  }

  private put(table: TableName, key: string, value: unknown): void {
    let own = this.writes.get(table)
    if (!own) {
      own = new Map()
      this.writes.set(table, own)
    }
    own.set(key, value === null ? null : clone(value))
  }

  /**
   * Every live row of a table whose key passes `match` (and whose value passes `where`, asked before anything is
   * copied, so a narrow question over a big table stays cheap), this transaction's writes included, in key order.
   */
  private scan<T>(table: TableName, match: (key: string) => boolean, where?: (value: T) => boolean): T[] {
    const merged = new Map<string, unknown>()
    for (const [key, value] of this.tables.map(table)) if (match(key)) merged.set(key, value)
    for (const [key, value] of this.writes.get(table) ?? []) if (match(key)) merged.set(key, value)
    return [...merged.entries()]
      .filter(([, value]) => value !== null && (where === undefined || where(value as T)))
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([, value]) => clone(value as T))
  }

  private memberPatches(tenantId: string): Map<string, MemberPatch> {
    const prefix = `${tenantId}/`
    const patches = new Map<string, MemberPatch>()
    const collect = (entries: Iterable<[string, unknown]>) => {
      for (const [key, value] of entries) {
        if (!key.startsWith(prefix)) continue
        if (value === null) patches.delete(key.slice(prefix.length))
        else patches.set(key.slice(prefix.length), value as MemberPatch)
      }
    }
    collect(this.tables.map('memberPatches'))
    collect(this.writes.get('memberPatches') ?? [])
    return patches
  }

  private source(tenantId: string) {
    return this.tables.dataset.memberSources[tenantId] ?? null
  }

  readonly ids = {
    next: async (prefix: string): Promise<string> => {
      const next = (this.get<number>('counters', prefix) ?? 0) + 1
      this.put('counters', prefix, next)
      return `${prefix}-${String(next).padStart(5, '0')}`
    },
  }

  readonly tenants = {
    get: async (tenantId: string) => this.get<TenantRecord>('tenants', tenantId),
    list: async () => this.scan<TenantRecord>('tenants', () => true),
  }

  readonly members = {
    departments: async (tenantId: string) => this.scan<DepartmentRecord>('departments', byPrefix(`${tenantId}/`)),
    get: async (tenantId: string, memberId: string): Promise<MemberRecord | null> => {
      const source = this.source(tenantId)
      const base = source ? baseMember(tenantId, source, memberId) : null
      if (!base) return null
      const patch = this.get<MemberPatch>('memberPatches', `${tenantId}/${memberId}`)
      return patch ? { ...base, ...patch } : base
    },
    getMany: async (tenantId: string, memberIds: readonly string[]) => {
      const found = new Map<string, MemberRecord>()
      for (const memberId of memberIds) {
        const member = await this.members.get(tenantId, memberId)
        if (member) found.set(memberId, member)
      }
      return found
    },
    search: async (tenantId: string, query: Parameters<Transaction['members']['search']>[1]) => {
      const source = this.source(tenantId)
      return source ? searchMembers(tenantId, source, this.memberPatches(tenantId), query) : { items: [], matches: query.count === null ? null : { total: 0, capped: false } }
    },
    byIdentifiers: async (tenantId: string, values: readonly string[]) => {
      const source = this.source(tenantId)
      return source ? membersByIdentifier(tenantId, source, this.memberPatches(tenantId), new Set(values)) : []
    },
    update: async (member: MemberRecord) => {
      const source = this.source(member.tenantId)
      const base = source ? baseMember(member.tenantId, source, member.id) : null
      if (!base) throw new Error(`No member ${member.id} in ${member.tenantId}`)
      const patch: MemberPatch = {}
      for (const key of MEMBER_PATCH_KEYS) if (member[key] !== base[key]) Object.assign(patch, { [key]: member[key] })
      this.put('memberPatches', `${member.tenantId}/${member.id}`, Object.keys(patch).length === 0 ? null : patch)
    },
    profile: async (member: MemberRecord, now: number) => seededProfile(member, now),
    lifecycle: async (tenantId: string, memberId: string) => this.get<MemberLifecycleRecord>('memberLifecycles', `${tenantId}/${memberId}`),
    saveLifecycle: async (record: MemberLifecycleRecord) => this.put('memberLifecycles', `${record.tenantId}/${record.memberId}`, record),
    removalsDue: async (tenantId: string, dueBy: string) =>
      this.scan<MemberLifecycleRecord>('memberLifecycles', byPrefix(`${tenantId}/`), (record) => removalDue(record, Date.parse(dueBy))),
    settings: async (tenantId: string) => this.get<MemberSettings>('memberSettings', tenantId),
    saveSettings: async (tenantId: string, settings: MemberSettings) => this.put('memberSettings', tenantId, settings),
    counts: async (tenantId: string) => {
      const source = this.source(tenantId)
      return source
        ? countMembers(tenantId, source, this.memberPatches(tenantId))
        : { members: 0, active: 0, admins: 0, byDepartment: new Map<string, number>() }
    },
  }

  readonly kin = {
    list: async (tenantIds: readonly string[] | null) =>
      this.scan<KinRecord>('kinRequests', () => true).filter((request) => tenantIds === null || tenantIds.includes(request.tenantId)),
    get: async (requestId: string) => this.get<KinRecord>('kinRequests', requestId),
    save: async (request: KinRecord) => this.put('kinRequests', request.id, request),
    saveFile: async (file: KinFile) => this.put('kinFiles', `${file.requestId}/${file.id}`, file),
    file: async (requestId: string, fileId: string) => this.get<KinFile>('kinFiles', `${requestId}/${fileId}`),
    settings: async (tenantId: string) => this.get<KinSettings>('kinSettings', tenantId),
    saveSettings: async (tenantId: string, settings: KinSettings) => this.put('kinSettings', tenantId, settings),
  }

  readonly deregistrations = {
    list: async (tenantId: string) => this.scan<DeregistrationRecord>('deregistrations', byPrefix(`${tenantId}/`)),
    get: async (tenantId: string, requestId: string) => this.get<DeregistrationRecord>('deregistrations', `${tenantId}/${requestId}`),
    save: async (request: DeregistrationRecord) => this.put('deregistrations', `${request.tenantId}/${request.id}`, request),
  }

  readonly removalJobs = {
    save: async (job: RemovalJobRecord) => this.put('removalJobs', `${job.tenantId}/${job.id}`, job),
    get: async (tenantId: string, jobId: string) => this.get<RemovalJobRecord>('removalJobs', `${tenantId}/${jobId}`),
    // In chunks of 500 ids per key: one put per chunk, and a read of the next members touches one or two keys.
    saveMembers: async (tenantId: string, jobId: string, memberIds: readonly string[]) => {
      for (let from = 0; from < memberIds.length; from += JOB_CHUNK) {
        this.put('removalJobMembers', `${tenantId}/${jobId}/${String(from / JOB_CHUNK).padStart(4, '0')}`, memberIds.slice(from, from + JOB_CHUNK))
      }
    },
    membersFrom: async (tenantId: string, jobId: string, from: number, limit: number) => {
      const ids: string[] = []
      for (let chunk = Math.floor(from / JOB_CHUNK); ids.length < limit; chunk++) {
        const part = this.get<string[]>('removalJobMembers', `${tenantId}/${jobId}/${String(chunk).padStart(4, '0')}`)
        if (!part) break
        const skip = chunk === Math.floor(from / JOB_CHUNK) ? from % JOB_CHUNK : 0
        ids.push(...part.slice(skip, skip + limit - ids.length))
      }
      return ids
    },
    running: async () => this.scan<RemovalJobRecord>('removalJobs', () => true).filter((job) => job.status === 'running').sort((a, b) => (a.createdAt < b.createdAt ? -1 : 1)),
    addResult: async (tenantId: string, jobId: string, result: RemovalJobResultRecord) =>
      this.put('removalJobResults', `${tenantId}/${jobId}/${String(result.position).padStart(6, '0')}`, result),
    results: async (tenantId: string, jobId: string, removedShown: number) => {
      const all = this.scan<RemovalJobResultRecord>('removalJobResults', byPrefix(`${tenantId}/${jobId}/`))
      const removed = all.filter((result) => result.outcome === 'removed').slice(-removedShown)
      const shown = new Set(removed.map((result) => result.position))
      return all.filter((result) => result.outcome !== 'removed' || shown.has(result.position))
    },
  }

  readonly access = {
    user: async (userId: string) => this.get<UserRecord>('users', userId),
    users: async () => this.scan<UserRecord>('users', () => true),
    session: async (sessionId: string) => this.get<SessionRecord>('sessions', sessionId),
    saveSession: async (session: SessionRecord) => this.put('sessions', session.id, session),
    deleteSession: async (sessionId: string) => this.put('sessions', sessionId, null),
    userByEmail: async (email: string) =>
      this.scan<UserRecord>('users', () => true).find((candidate) => candidate.email.toLowerCase() === email.trim().toLowerCase()) ?? null,
    passwordHash: async (userId: string) => this.get<string>('credentials', userId),
    setPasswordHash: async (userId: string, hash: string) => this.put('credentials', userId, hash),
    signInFailures: async (email: string, since: string) =>
      (this.get<string[]>('signInFailures', email.toLowerCase()) ?? []).filter((at) => at >= since).length,
    recordSignInFailure: async (email: string, at: string) =>
      this.put('signInFailures', email.toLowerCase(), [...(this.get<string[]>('signInFailures', email.toLowerCase()) ?? []).slice(-19), at]),
    clearSignInFailures: async (email: string) => this.put('signInFailures', email.toLowerCase(), null),
    grants: async (tenantId: string | null) =>
      this.scan<GrantRecord>('grants', () => true)
        .filter((grant) => tenantId === null || grant.tenantId === tenantId)
        .sort((a, b) => Date.parse(b.createdAt) - Date.parse(a.createdAt)),
    saveGrant: async (grant: GrantRecord) => this.put('grants', grant.id, grant),
  }

  readonly audit = {
    append: async (tenantId: string, events: AuditDraft[]): Promise<AuditRecord[]> => {
      const first = this.lastAuditSeq(tenantId) + 1
      const records = chainEntries(
        this.auditHash(tenantId, first - 1),
        events.map((event, index) => ({ ...event, tenantId, seq: first + index, id: auditId(tenantId, first + index) })),
      )
      for (const record of records) this.put('audit', seqKey(tenantId, record.seq), record)
      // The number given last, kept apart: an entry deleted behind the store's back must not free its number.
      this.put('counters', `audit:${tenantId}`, first + records.length - 1)
      return records
    },
    list: async (tenantId: string, filter: AuditFilter): Promise<AuditEntry[]> => {
      const items: AuditEntry[] = []
      const stored = [...this.storedAudit(tenantId, (event) => auditMatches(event, filter) && isBefore(event, filter.before))].reverse()
      const history = this.history(tenantId)
      const generated = history ? historyWalk(history.source, history.columns, filter) : null
      const pull = () => {
        const step = generated?.next()
        return step && !step.done ? step.value : null
      }
      let next = pull()
      let position = 0
      // Two newest-first sequences merged: stored entries and the generated history.
      while (items.length < filter.limit) {
        const own = stored[position]
        if (!own && !next) break
        if (own && (!next || compareAudit(own, next) > 0)) {
          items.push(clone(own))
          position++
        } else if (next && history) {
          items.push(auditHistoryEvent(history.source, history.columns, next.seq - 1))
          next = pull()
        }
      }
      return items
    },
    count: async (tenantId: string, filter: Omit<AuditFilter, 'before' | 'limit'>, upTo: number): Promise<number> => {
      const full = { ...filter, before: null, limit: upTo + 1 }
      let total = this.storedAudit(tenantId, (event) => auditMatches(event, full)).length
      const history = this.history(tenantId)
      if (history) {
        const walk = historyWalk(history.source, history.columns, full)
        while (total <= upTo && !walk.next().done) total++
      }
      return Math.min(total, upTo + 1)
    },
    chain: async (tenantId: string, afterSeq: number, limit: number): Promise<AuditRecord[]> => {
      const history = this.history(tenantId)
      const generatedCount = history?.source.count ?? 0
      const records: AuditRecord[] = history && afterSeq < generatedCount ? chainedHistory(history.source, history.columns, afterSeq, afterSeq + limit) : []
      const last = Math.min(this.lastAuditSeq(tenantId), afterSeq + limit)
      for (let seq = Math.max(afterSeq, generatedCount) + 1; seq <= last; seq++) {
        const record = this.get<AuditRecord>('audit', seqKey(tenantId, seq))
        if (record) records.push(record)
      }
      return records
    },
    lastSeq: async (tenantId: string) => this.lastAuditSeq(tenantId),
    facets: async (tenantId: string): Promise<AuditFacets> => {
      const actors = new Map<string, AuditRecord['actor']>()
      const actions = new Set<string>()
      const targetTypes = new Set<string>()
      const history = this.history(tenantId)
      if (history) {
        for (const actor of history.source.actors) actors.set(actor.id, { id: actor.id, name: actor.name, role: 'tenant_admin' })
        for (const action of historyActions()) actions.add(action)
        for (const type of historyTargetTypes()) targetTypes.add(type)
      }
      for (const event of this.storedAudit(tenantId)) {
        actors.set(event.actor.id, clone(event.actor))
        actions.add(event.action)
        targetTypes.add(event.targetType)
      }
      return sortFacets({ actors: [...actors.values()], actions: [...actions], targetTypes: [...targetTypes] })
    },
    tamper: async (tenantId: string, seq: number, change: { kind: 'edit_reason'; reason: string } | { kind: 'delete' }) => {
      const record = this.get<AuditRecord>('audit', seqKey(tenantId, seq))
      if (!record) return false
      this.put('audit', seqKey(tenantId, seq), change.kind === 'delete' ? null : { ...record, reason: change.reason })
      return true
    },
  }

  readonly auditExports = {
    save: async (record: AuditExportRecord) => this.put('auditExports', `${record.tenantId}/${record.id}`, record),
    get: async (tenantId: string, exportId: string) => this.get<AuditExportRecord>('auditExports', `${tenantId}/${exportId}`),
    running: async () =>
      this.scan<AuditExportRecord>('auditExports', () => true)
        .filter((record) => record.status === 'running')
        .sort((a, b) => (a.createdAt < b.createdAt ? -1 : 1)),
    saveChunk: async (tenantId: string, exportId: string, position: number, text: string) =>
      this.put('auditExportChunks', `${tenantId}/${exportId}/${String(position).padStart(6, '0')}`, text),
    chunks: async (tenantId: string, exportId: string) => this.scan<string>('auditExportChunks', byPrefix(`${tenantId}/${exportId}/`)),
  }

  /**
   * The tenant's stored entries (not the generated history) that `keep` passes, oldest first — as stored, not copied
   * (a long log would be copied whole for every page): copy what leaves the store.
   */
  private storedAudit(tenantId: string, keep: (event: AuditRecord) => boolean = () => true): readonly AuditRecord[] {
    const prefix = `${tenantId}/`
    const merged = new Map<string, AuditRecord | null>()
    for (const [key, value] of this.tables.map('audit')) if (key.startsWith(prefix)) merged.set(key, value as AuditRecord | null)
    for (const [key, value] of this.writes.get('audit') ?? []) if (key.startsWith(prefix)) merged.set(key, value as AuditRecord | null)
    const kept: AuditRecord[] = []
    for (const value of merged.values()) if (value !== null && keep(value)) kept.push(value)
    return kept.sort(compareAudit)
  }

  /** The hash of entry `seq` (the link the next one carries). */
  private auditHash(tenantId: string, seq: number): string {
    if (seq === 0) return GENESIS_HASH
    const stored = this.get<AuditRecord>('audit', seqKey(tenantId, seq))
    if (stored) return stored.hash
    const history = this.history(tenantId)
    if (history && seq === history.source.count) return historyTail(history.source, () => history.columns)
    if (history && seq < history.source.count) return chainedHistory(history.source, history.columns, seq - 1, seq)[0]?.hash ?? GENESIS_HASH
    // The entry before is gone (deleted behind the application's back): the chain check will say so.
    return GENESIS_HASH
  }

  private lastAuditSeq(tenantId: string): number {
    // Kept as a counter once the tenant has appended (a scan per append would cost the whole log every time).
    const counted = this.get<number>('counters', `audit:${tenantId}`)
    if (counted !== null) return counted
    let last = this.tables.dataset.auditHistory.find((source) => source.tenantId === tenantId)?.count ?? 0
    const prefix = `${tenantId}/`
    for (const map of [this.tables.map('audit'), this.writes.get('audit') ?? new Map<string, unknown>()]) {
      for (const [key, value] of map) {
        if (key.startsWith(prefix) && value !== null) last = Math.max(last, (value as AuditRecord).seq)
      }
    }
    return last
  }


  private history(tenantId: string): { source: AuditHistorySource; columns: AuditHistoryColumns } | null {
    const source = this.tables.dataset.auditHistory.find((candidate) => candidate.tenantId === tenantId)
    return source ? { source, columns: historyColumns(source) } : null
  }

  readonly apps = {
    scopes: async () => clone([...APP_SCOPES]),
    list: async (tenantId: string) => this.scan<AppRecord>('apps', byPrefix(`${tenantId}/`)),
    get: async (tenantId: string, appId: string) => this.get<AppRecord>('apps', `${tenantId}/${appId}`),
    save: async (app: AppRecord) => this.put('apps', `${app.tenantId}/${app.id}`, app),
    delete: async (tenantId: string, appId: string) => this.put('apps', `${tenantId}/${appId}`, null),
    requests: async (tenantId: string) => this.scan<AppRequestRecord>('appRequests', byPrefix(`${tenantId}/`)),
    request: async (tenantId: string, requestId: string) => this.get<AppRequestRecord>('appRequests', `${tenantId}/${requestId}`),
    saveRequest: async (request: AppRequestRecord) => this.put('appRequests', `${request.tenantId}/${request.id}`, request),
    emergencyStops: async (tenantId: string) => this.scan<EmergencyStopRecord>('emergencyStops', byPrefix(`${tenantId}/`)),
    saveEmergencyStop: async (stop: EmergencyStopRecord) => this.put('emergencyStops', `${stop.tenantId}/${stop.snapshotId}`, stop),
  }

  readonly retention = {
    get: async (tenantId: string) => this.get<RetentionRecord>('retention', tenantId),
    save: async (record: RetentionRecord) => this.put('retention', record.tenantId, record),
    // Runs a browser kept from before runs had an outcome were all completed ones.
    runs: async (tenantId: string, limit: number) =>
      (this.get<RetentionRunRecord[]>('retentionRuns', tenantId) ?? []).slice(0, limit).map((run) => ({ ...run, outcome: run.outcome ?? 'completed', retryAt: run.retryAt ?? null })),
    addRun: async (run: RetentionRunRecord) => {
      const runs = this.get<RetentionRunRecord[]>('retentionRuns', run.tenantId) ?? []
      this.put('retentionRuns', run.tenantId, [run, ...runs].slice(0, KEPT_RUNS))
    },
    history: async (tenantId: string, beforeSeq: number | null, limit: number) => {
      const below = beforeSeq ?? Number.POSITIVE_INFINITY
      return this.scan<RetentionHistoryRecord>('retentionHistory', byPrefix(`${tenantId}/`))
        .filter((entry) => entry.seq < below)
        .reverse()
        .slice(0, limit)
    },
    appendHistory: async (tenantId: string, entries: Omit<RetentionHistoryRecord, 'seq' | 'id' | 'tenantId'>[]) => {
      const existing = this.scan<RetentionHistoryRecord>('retentionHistory', byPrefix(`${tenantId}/`))
      let seq = existing.reduce((max, entry) => Math.max(max, entry.seq), 0)
      for (const entry of entries) {
        seq++
        this.put('retentionHistory', seqKey(tenantId, seq), { ...entry, tenantId, seq, id: `rh-${seq}` })
      }
    },
    holds: async (tenantId: string) => this.scan<LegalHoldRecord>('holds', byPrefix(`${tenantId}/`)),
    saveHold: async (hold: LegalHoldRecord) => this.put('holds', `${hold.tenantId}/${hold.id}`, hold),
    volume: async (tenantId: string) => {
      const source = this.source(tenantId)
      return source ? tenantVolume(tenantId, source) : null
    },
  }

  readonly idempotency = {
    claim: async (scope: string, key: string, fingerprint: string, at: string): Promise<IdempotencyClaim> => {
      const seen = this.get<IdempotencyRow>('idempotency', `${scope}/${key}`)
      if (seen) {
        if (seen.fingerprint !== fingerprint) return { state: 'mismatch' }
        if (seen.reply) return { state: 'replay', reply: seen.reply }
      }
      this.put('idempotency', `${scope}/${key}`, { fingerprint, at, reply: null } satisfies IdempotencyRow)
      this.forgetOldKeys()
      return { state: 'fresh' }
    },
    complete: async (scope: string, key: string, reply: StoredReply) => {
      const claimed = this.get<IdempotencyRow>('idempotency', `${scope}/${key}`)
      if (claimed) this.put('idempotency', `${scope}/${key}`, { ...claimed, reply })
    },
  }

  private forgetOldKeys(): void {
    const committed = this.tables.map('idempotency')
    if (committed.size <= KEPT_KEYS) return
    const oldest = [...committed.entries()]
      .sort(([, a], [, b]) => ((a as IdempotencyRow).at < (b as IdempotencyRow).at ? -1 : 1))
      .slice(0, committed.size - KEPT_KEYS)
    for (const [key] of oldest) this.put('idempotency', key, null)
  }
}


/** Newest-first order of the log: by time, then by number (negative when `a` comes after `b` in the list). */
function compareAudit(a: { at: string; seq: number }, b: { at: string; seq: number }): number {
  return a.at < b.at ? -1 : a.at > b.at ? 1 : a.seq - b.seq
}

const isBefore = (event: { at: string; seq: number }, before: AuditFilter['before']) => before === null || compareAudit(event, before) < 0

function auditMatches(event: AuditEntry, filter: AuditFilter): boolean {
  return (
    (filter.targetType === null || event.targetType === filter.targetType) &&
    (filter.targetId === null || event.targetId === filter.targetId) &&
    (filter.actorId === null || event.actor.id === filter.actorId) &&
    (filter.action === null || event.action === filter.action) &&
    (filter.from === null || event.at >= filter.from) &&
    (filter.to === null || event.at < filter.to) &&
    (filter.maxSeq === null || event.seq <= filter.maxSeq) &&
    (!filter.supportOnly || event.onBehalfOf !== null)
  )
}

/** The generated history's entries a filter matches, newest first, read from its columns (no entry is built). */
function* historyWalk(source: AuditHistorySource, columns: AuditHistoryColumns, filter: AuditFilter): Generator<{ at: string; seq: number }> {
  // The generated history is administrators' own work: nothing in it was done on a tenant's behalf.
  if (filter.supportOnly) return
  const actions = filter.action === null ? null : historyActionIndexes(filter.action)
  const actor = filter.actorId === null ? -1 : source.actors.findIndex((candidate) => candidate.id === filter.actorId)
  if (filter.actorId !== null && actor < 0) return
  const from = filter.from === null ? Number.NEGATIVE_INFINITY : Date.parse(filter.from)
  const to = filter.to === null ? Number.POSITIVE_INFINITY : Date.parse(filter.to)
  const before = filter.before === null ? null : { at: Date.parse(filter.before.at), seq: filter.before.seq }
  let index = Math.min(source.count, filter.maxSeq ?? source.count) - 1
  for (; index >= 0; index--) {
    const at = columns.at[index] ?? 0
    if (at < from) return
    if (at >= to) continue
    if (before !== null && (at > before.at || (at === before.at && index + 1 >= before.seq))) continue
    if (actions !== null && !actions.has(columns.action[index] ?? -1)) continue
    if (actor >= 0 && columns.actor[index] !== actor) continue
    if (filter.targetType !== null && actionTargetType(columns.action[index] ?? 0) !== filter.targetType) continue
    if (filter.targetId !== null && targetOf(source, columns, index).id !== filter.targetId) continue
    yield { at: new Date(at).toISOString(), seq: index + 1 }
  }
}

/** Facets in a stable order: people by name, actions and types alphabetically. */
function sortFacets(facets: AuditFacets): AuditFacets {
  const text = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0)
  return {
    actors: [...facets.actors].sort((a, b) => text(a.name, b.name) || text(a.id, b.id)),
    actions: [...facets.actions].sort(text),
    targetTypes: [...facets.targetTypes].sort(text),
  }
}
