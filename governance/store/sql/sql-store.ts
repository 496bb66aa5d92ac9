// The SQL adapter of the storage port, for PostgreSQL (node-postgres) and PGlite alike. One database transaction
// per request at SERIALIZABLE: when two requests collide, PostgreSQL aborts one (40001) and the whole request is
// run again on the new state — so a stale version answers 412 and a repeated Idempotency-Key replays.
import { seededProfile } from '../../seed/member-profile'
import type {
  AppRecord,
  AppRequestRecord,
  AppScopeRecord,
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
import type { MemberSortField } from '../../rules/members'
import { chainEntries, GENESIS_HASH } from '../../rules/audit-chain'
import { auditEntryId } from '../../seed/audit-history'
import type { MemberSource } from '../../seed/dataset'
import { tenantVolume } from '../../seed/retention'
import type { AuditFacets, AuditFilter, GovernanceStore, IdempotencyClaim, KinFile, MemberCounts, MemberSearch, Transaction, TransactionOptions } from '../port'
import type { KinRecord, KinSettings } from '../../rules/kin-requests'
import type { SqlClient, SqlQueryable } from './client'
import { auditEntryFromRow, insertAudit, saveAppRow, saveRequestRow, saveRetentionRow } from './seed'

type Row = Record<string, unknown>

/** A member's own columns, not the search text and grams kept beside them for the indexes. */
const MEMBER_COLUMNS = 'tenant_id, id, name, email, employee_no, phone, department_id, role, status, joined_at'

/** One or two characters, none of them ASCII: what the members' search_grams column holds (migration 0003). */
const isWideGram = (q: string) => {
  const characters = [...q]
  return characters.length <= 2 && characters.every((character) => (character.codePointAt(0) ?? 0) > 0x7f)
}

/** How far a filtered directory page looks ahead in the order before it asks the search indexes instead. */
const ORDER_WINDOW = 2000

/** Each directory order's column: as its index holds it, wrapped so no index answers it, and how a cursor value is cast. */
const ORDER_COLUMNS: Record<MemberSortField, { column: string; plain: string; cast: string }> = {
  name: { column: 'name COLLATE "C"', plain: `(name || '') COLLATE "C"`, cast: ' COLLATE "C"' },
  employeeNo: { column: 'employee_no COLLATE "C"', plain: `(employee_no || '') COLLATE "C"`, cast: ' COLLATE "C"' },
  joinedAt: { column: 'joined_at', plain: `(joined_at + interval '0 seconds')`, cast: '::timestamptz' },
}

const RETRYABLE = new Set(['40001', '40P01'])
const MAX_ATTEMPTS = 10
/** Runs kept per tenant, as in the memory store (the screen shows the last ten). */
const KEPT_RUNS = 50
/** Failed sign-ins remembered per address, as in the memory store. */
const KEPT_FAILURES = 20

/** Thrown inside a transaction when another one got there first: the request runs again. */
class RetryTransaction extends Error {}

const isRetryable = (error: unknown): boolean =>
  error instanceof RetryTransaction || (typeof error === 'object' && error !== null && RETRYABLE.has(String((error as { code?: unknown }).code)))

const wait = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms))
const json = (value: unknown): string | null => (value === null || value === undefined ? null : JSON.stringify(value))
const str = (value: unknown): string => String(value)
const strOrNull = (value: unknown): string | null => (value === null || value === undefined ? null : String(value))

export interface SqlStore extends GovernanceStore {
  readonly client: SqlClient
}

export function createSqlStore(client: SqlClient): SqlStore {
  return {
    client,
    async transaction<T>(work: (tx: Transaction) => Promise<T>, options?: TransactionOptions): Promise<T> {
      // Reads (which may still settle due retention runs) at REPEATABLE READ: a snapshot without SERIALIZABLE's
      // predicate locks over every row a search scans; two requests updating one row still conflict (40001).
      const isolation = options?.mostlyReads ? 'repeatable read' : 'serializable'
      for (let attempt = 1; ; attempt++) {
        try {
          return await client.transaction(isolation, (sql) => work(new SqlTransaction(sql)))
        } catch (error) {
          if (!isRetryable(error) || attempt >= MAX_ATTEMPTS) throw error
          await wait(Math.random() * 10 * attempt)
        }
      }
    },
  }
}

const tenant = (r: Row): TenantRecord => ({ id: str(r.id), name: str(r.name), plan: r.plan as TenantRecord['plan'], region: str(r.region), createdAt: str(r.created_at) })
const department = (r: Row): DepartmentRecord => ({ id: str(r.id), tenantId: str(r.tenant_id), name: str(r.name), parentId: strOrNull(r.parent_id) })
const member = (r: Row): MemberRecord => ({
  id: str(r.id),
  tenantId: str(r.tenant_id),
  name: str(r.name),
  email: str(r.email),
  employeeNo: str(r.employee_no),
  phone: str(r.phone),
  departmentId: str(r.department_id),
  role: r.role as MemberRecord['role'],
  status: r.status as MemberRecord['status'],
  joinedAt: str(r.joined_at),
})
const user = (r: Row): UserRecord => ({
  id: str(r.id),
  name: str(r.name),
  email: str(r.email),
  role: r.role as UserRecord['role'],
  tenantIds: (r.tenant_ids as string[]) ?? [],
  memberId: strOrNull(r.member_id),
})
const grant = (r: Row): GrantRecord => ({
  id: str(r.id),
  tenantId: str(r.tenant_id),
  mode: r.mode as GrantRecord['mode'],
  ticketRef: str(r.ticket_ref),
  reason: strOrNull(r.reason),
  createdAt: str(r.created_at),
  expiresAt: str(r.expires_at),
  createdBy: r.created_by as GrantRecord['createdBy'],
  ended: (r.ended ?? null) as GrantRecord['ended'],
})
const auditEntry = (r: Row): AuditEntry => auditEntryFromRow(r)
const audit = (r: Row): AuditRecord => ({ ...auditEntry(r), prevHash: str(r.prev_hash ?? ''), hash: str(r.hash ?? '') })

/** An entry's columns as lists read them (not the chain's). */
const AUDIT_COLUMNS = 'tenant_id, seq, id, at, actor, on_behalf_of, ticket_ref, action, target_type, target_id, target_name, before, after, reason'

/** The WHERE clause of an audit filter: each condition one an index in the list's order answers. */
function auditWhere(tenantId: string, filter: Omit<AuditFilter, 'before' | 'limit'>): { where: string[]; params: unknown[] } {
  const where = ['tenant_id = $1']
  const params: unknown[] = [tenantId]
  const add = (clause: (placeholder: string) => string, value: unknown) => {
    params.push(value)
    where.push(clause(`$${params.length}`))
  }
  if (filter.targetType !== null) add((p) => `target_type = ${p}`, filter.targetType)
  if (filter.targetId !== null) add((p) => `target_id = ${p}`, filter.targetId)
  if (filter.actorId !== null) add((p) => `actor_id = ${p}`, filter.actorId)
  if (filter.action !== null) add((p) => `action = ${p}`, filter.action)
  if (filter.from !== null) add((p) => `at >= ${p}::timestamptz`, filter.from)
  if (filter.to !== null) add((p) => `at < ${p}::timestamptz`, filter.to)
  if (filter.maxSeq !== null) add((p) => `seq <= ${p}::bigint`, filter.maxSeq)
  if (filter.supportOnly) where.push('on_behalf_of IS NOT NULL')
  return { where, params }
}

const app = (r: Row): AppRecord => ({
  id: str(r.id),
  tenantId: str(r.tenant_id),
  name: str(r.name),
  vendor: str(r.vendor),
  category: r.category as AppRecord['category'],
  description: str(r.description),
  kind: r.kind as AppRecord['kind'],
  version: str(r.version),
  enabled: Boolean(r.enabled),
  scopeIds: (r.scope_ids as string[]) ?? [],
  scopeUpdate: (r.scope_update as AppRecord['scopeUpdate']) ?? null,
  availability: r.availability as AppRecord['availability'],
  lastDataAccessAt: strOrNull(r.last_data_access_at),
  installedAt: str(r.installed_at),
  disabledReason: strOrNull(r.disabled_reason),
  vendorDeletionRequests: (r.vendor_deletion_requests as AppRecord['vendorDeletionRequests']) ?? [],
})
const request = (r: Row): AppRequestRecord => ({
  id: str(r.id),
  tenantId: str(r.tenant_id),
  appId: str(r.app_id),
  memberId: str(r.member_id),
  message: str(r.message),
  requestedAt: str(r.requested_at),
  status: r.status as AppRequestRecord['status'],
  decidedAt: strOrNull(r.decided_at),
  decidedBy: strOrNull(r.decided_by),
  note: strOrNull(r.note),
})
const stop = (r: Row): EmergencyStopRecord => ({
  snapshotId: str(r.snapshot_id),
  tenantId: str(r.tenant_id),
  target: r.target as EmergencyStopRecord['target'],
  scopeId: strOrNull(r.scope_id),
  reason: str(r.reason),
  startedAt: str(r.started_at),
  startedBy: r.started_by as EmergencyStopRecord['startedBy'],
  snapshot: r.snapshot as EmergencyStopRecord['snapshot'],
  restoredAt: strOrNull(r.restored_at),
})
const retention = (r: Row): RetentionRecord => ({
  tenantId: str(r.tenant_id),
  version: Number(r.version),
  policies: r.policies as RetentionRecord['policies'],
  graceDays: Number(r.grace_days),
  updatedAt: str(r.updated_at),
  updatedBy: r.updated_by as RetentionRecord['updatedBy'],
  pending: (r.pending as RetentionRecord['pending']) ?? null,
  nextRunAt: str(r.next_run_at),
  purgedBefore: r.purged_before as RetentionRecord['purgedBefore'],
  purgedExceptions: r.purged_exceptions as RetentionRecord['purgedExceptions'],
})
const hold = (r: Row): LegalHoldRecord => ({
  id: str(r.id),
  tenantId: str(r.tenant_id),
  targetType: r.target_type as LegalHoldRecord['targetType'],
  targetId: str(r.target_id),
  targetName: str(r.target_name),
  reason: str(r.reason),
  placedAt: str(r.placed_at),
  placedBy: r.placed_by as LegalHoldRecord['placedBy'],
  releasedAt: strOrNull(r.released_at),
  releasedBy: (r.released_by as LegalHoldRecord['releasedBy']) ?? null,
  releaseReason: strOrNull(r.release_reason),
})

/** LIKE pattern for "contains", with LIKE's own characters taken literally. */
const containsPattern = (text: string) => `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`

class SqlTransaction implements Transaction {
  constructor(private readonly sql: SqlQueryable) {}

  private rows(text: string, params: readonly unknown[] = []): Promise<Row[]> {
    return this.sql.query<Row>(text, params)
  }

  private async one(text: string, params: readonly unknown[] = []): Promise<Row | null> {
    return (await this.rows(text, params))[0] ?? null
  }

  /** Adds `by` to a counter and returns its new value. */
  private async bump(scope: string, name: string, by: number): Promise<number> {
    const row = await this.one(
      `INSERT INTO counters (scope, name, value) VALUES ($1, $2, $3)
       ON CONFLICT (scope, name) DO UPDATE SET value = counters.value + excluded.value RETURNING value`,
      [scope, name, by],
    )
    return Number(row?.value ?? by)
  }

  readonly ids = {
    next: async (prefix: string): Promise<string> => `${prefix}-${String(await this.bump('ids', prefix, 1)).padStart(5, '0')}`,
  }

  readonly tenants = {
    get: async (tenantId: string) => {
      const row = await this.one('SELECT * FROM tenants WHERE id = $1', [tenantId])
      return row ? tenant(row) : null
    },
    list: async () => (await this.rows('SELECT * FROM tenants ORDER BY id COLLATE "C"')).map(tenant),
  }

  readonly members = {
    departments: async (tenantId: string) => (await this.rows('SELECT * FROM departments WHERE tenant_id = $1 ORDER BY id COLLATE "C"', [tenantId])).map(department),
    get: async (tenantId: string, memberId: string) => {
      const row = await this.one(`SELECT ${MEMBER_COLUMNS} FROM members WHERE tenant_id = $1 AND id = $2`, [tenantId, memberId])
      return row ? member(row) : null
    },
    getMany: async (tenantId: string, memberIds: readonly string[]) => {
      const found = new Map<string, MemberRecord>()
      if (memberIds.length === 0) return found
      const rows = new Map<string, MemberRecord>()
      for (const row of await this.rows(`SELECT ${MEMBER_COLUMNS} FROM members WHERE tenant_id = $1 AND id = ANY($2::text[])`, [tenantId, [...new Set(memberIds)]])) {
        const record = member(row)
        rows.set(record.id, record)
      }
      // In the order asked for, as the memory store answers.
      for (const memberId of memberIds) {
        const record = rows.get(memberId)
        if (record) found.set(memberId, record)
      }
      return found
    },
    search: async (tenantId: string, query: MemberSearch) => {
      const where = ['tenant_id = $1']
      const params: unknown[] = [tenantId]
      const add = (clause: (placeholder: string) => string, value: unknown) => {
        params.push(value)
        where.push(clause(`$${params.length}`))
      }
      if (query.q !== null) add((p) => `search LIKE ${p} ESCAPE '\\'`, containsPattern(query.q))
      if (query.q !== null && query.visibleOnly) {
        // The index narrows; this keeps only what the reader sees (a masked email must not be searchable).
        add((p) => `(lower(name) LIKE ${p} ESCAPE '\\' OR lower(employee_no) LIKE ${p} ESCAPE '\\' OR right(phone, 4) LIKE ${p} ESCAPE '\\')`, containsPattern(query.q))
      }
      // One or two wide characters (a Chinese given name, a surname): the grams index finds them; trigrams cannot.
      if (query.q !== null && isWideGram(query.q)) add((p) => `search_grams @> ARRAY[${p}::text]`, query.q)
      if (query.departmentIds !== null) add((p) => `department_id = ANY(${p}::text[])`, query.departmentIds)
      if (query.status !== null) add((p) => `status = ${p}`, query.status)
      if (query.role !== null) add((p) => `role = ${p}`, query.role)
      const filter = where.join(' AND ')
      const countParams = [...params]
      const limit = Math.max(0, Math.trunc(query.limit))
      // The order's column as the (tenant_id, column, id) index holds it, and a form of it no index answers.
      const { column, plain, cast } = ORDER_COLUMNS[query.order.field]
      const [direction, past] = query.order.descending ? [' DESC', '<'] : ['', '>']
      const orderBy = ` ORDER BY ${column}${direction}, id COLLATE "C"${direction}`
      const plainOrderBy = ` ORDER BY ${plain}${direction}, (id || '') COLLATE "C"${direction}`
      let keyset = ''
      let plainKeyset = ''
      if (query.after !== null) {
        params.push(query.after.key, query.after.id)
        const [a, b] = [`$${params.length - 1}${cast}`, `$${params.length} COLLATE "C"`]
        // A row comparison the order's index answers directly: page 2 000 costs what page 1 does.
        keyset = ` AND (${column}, id COLLATE "C") ${past} (${a}, ${b})`
        plainKeyset = ` AND (${plain}, (id || '') COLLATE "C") ${past} (${a}, ${b})`
      }
      const inOrder = (sql: string) => this.rows(sql, params).then((rows) => rows.map(member))
      let items: MemberRecord[]
      if (where.length === 1) {
        items = await inOrder(`SELECT ${MEMBER_COLUMNS} FROM members WHERE ${filter}${keyset}${orderBy} LIMIT ${limit}`)
      } else {
        // Filtered: when matches are dense, the next few thousand members in the order hold the page (cheap, by the
        // order's index). When they are sparse or bunched elsewhere in the order (pinyin "wang" are all the 王 names),
        // walking that index would visit most of the tenant: the search indexes find every match and sort those.
        items = await inOrder(
          `SELECT ${MEMBER_COLUMNS} FROM (SELECT * FROM members WHERE tenant_id = $1${keyset}${orderBy} LIMIT ${ORDER_WINDOW}) AS next
           WHERE ${filter}${orderBy} LIMIT ${limit}`,
        )
        if (items.length < limit) items = await inOrder(`SELECT ${MEMBER_COLUMNS} FROM members WHERE ${filter}${plainKeyset}${plainOrderBy} LIMIT ${limit}`)
      }
      if (query.count === null) return { items, matches: null }
      // A first page that is not full is the whole list: no second pass over the tenant.
      if (query.after === null && items.length < limit) return { items, matches: { total: items.length, capped: false } }
      const upTo = query.count.upTo
      // Counting stops one past the cap: a broad search ("a", a mail domain) would otherwise visit every member.
      const counted = await this.one(
        upTo === null
          ? `SELECT count(*) AS total FROM members WHERE ${filter}`
          : `SELECT count(*) AS total FROM (SELECT 1 FROM members WHERE ${filter} LIMIT ${Math.trunc(upTo) + 1}) AS capped`,
        countParams,
      )
      const total = Number(counted?.total ?? 0)
      return { items, matches: upTo !== null && total > upTo ? { total: upTo, capped: true } : { total, capped: false } }
    },
    byIdentifiers: async (tenantId: string, values: readonly string[]) =>
      (
        await this.rows(
          `SELECT ${MEMBER_COLUMNS} FROM members WHERE tenant_id = $1 AND (lower(employee_no) = ANY($2::text[]) OR lower(email) = ANY($2::text[]) OR phone = ANY($2::text[]))`,
          [tenantId, values],
        )
      ).map(member),
    update: async (m: MemberRecord) => {
      await this.rows(
        `UPDATE members SET name = $3, email = $4, employee_no = $5, phone = $6, department_id = $7, role = $8, status = $9, joined_at = $10
         WHERE tenant_id = $1 AND id = $2`,
        [m.tenantId, m.id, m.name, m.email, m.employeeNo, m.phone, m.departmentId, m.role, m.status, m.joinedAt],
      )
    },
    profile: async (member: MemberRecord, now: number) => seededProfile(member, now),
    lifecycle: async (tenantId: string, memberId: string) => {
      const row = await this.one('SELECT record FROM member_lifecycles WHERE tenant_id = $1 AND member_id = $2', [tenantId, memberId])
      return row ? (row.record as MemberLifecycleRecord) : null
    },
    saveLifecycle: async (record: MemberLifecycleRecord) => {
      const due = record.removal !== null && record.removal.completedAt === null ? record.removal.removeAt : null
      await this.rows(
        `INSERT INTO member_lifecycles (tenant_id, member_id, record, remove_at) VALUES ($1, $2, $3::jsonb, $4)
         ON CONFLICT (tenant_id, member_id) DO UPDATE SET record = excluded.record, remove_at = excluded.remove_at`,
        [record.tenantId, record.memberId, json(record), due],
      )
    },
    removalsDue: async (tenantId: string, dueBy: string) =>
      (await this.rows('SELECT record FROM member_lifecycles WHERE tenant_id = $1 AND remove_at <= $2 ORDER BY remove_at, member_id COLLATE "C"', [tenantId, dueBy])).map(
        (row) => row.record as MemberLifecycleRecord,
      ),
    settings: async (tenantId: string) => {
      const row = await this.one('SELECT record FROM member_settings WHERE tenant_id = $1', [tenantId])
      return row ? (row.record as MemberSettings) : null
    },
    saveSettings: async (tenantId: string, settings: MemberSettings) => {
      await this.rows(
        'INSERT INTO member_settings (tenant_id, record) VALUES ($1, $2::jsonb) ON CONFLICT (tenant_id) DO UPDATE SET record = excluded.record',
        [tenantId, json(settings)],
      )
    },
    counts: async (tenantId: string): Promise<MemberCounts> => {
      const rows = await this.rows(
        `SELECT department_id, count(*) AS members, count(*) FILTER (WHERE status = 'active') AS active,
                count(*) FILTER (WHERE status = 'active' AND role = 'admin') AS admins
         FROM members WHERE tenant_id = $1 AND status <> 'removed' GROUP BY department_id`,
        [tenantId],
      )
      const counts: MemberCounts = { members: 0, active: 0, admins: 0, byDepartment: new Map() }
      for (const row of rows) {
        counts.members += Number(row.members)
        counts.active += Number(row.active)
        counts.admins += Number(row.admins)
        counts.byDepartment.set(str(row.department_id), Number(row.members))
      }
      return counts
    },
  }

  readonly kin = {
    list: async (tenantIds: readonly string[] | null) =>
      (tenantIds === null
        ? await this.rows('SELECT record FROM kin_requests ORDER BY received_at, id COLLATE "C"')
        : await this.rows('SELECT record FROM kin_requests WHERE tenant_id = ANY($1::text[]) ORDER BY received_at, id COLLATE "C"', [tenantIds])
      ).map((row) => row.record as KinRecord),
    get: async (requestId: string) => {
      const row = await this.one('SELECT record FROM kin_requests WHERE id = $1', [requestId])
      return row ? (row.record as KinRecord) : null
    },
    save: async (request: KinRecord) => {
      await this.rows(
        `INSERT INTO kin_requests (id, tenant_id, member_id, status, received_at, record) VALUES ($1, $2, $3, $4, $5, $6::jsonb)
         ON CONFLICT (id) DO UPDATE SET status = excluded.status, record = excluded.record`,
        [request.id, request.tenantId, request.memberId, request.status, request.receivedAt, json(request)],
      )
    },
    saveFile: async (file: KinFile) => {
      await this.rows('INSERT INTO kin_files (request_id, id, content_type, content) VALUES ($1, $2, $3, $4)', [file.requestId, file.id, file.contentType, file.bytes])
    },
    file: async (requestId: string, fileId: string): Promise<KinFile | null> => {
      const row = await this.one('SELECT content_type, content FROM kin_files WHERE request_id = $1 AND id = $2', [requestId, fileId])
      return row ? { id: fileId, requestId, contentType: str(row.content_type), bytes: new Uint8Array(row.content as Uint8Array) } : null
    },
    settings: async (tenantId: string) => {
      const row = await this.one('SELECT record FROM kin_settings WHERE tenant_id = $1', [tenantId])
      return row ? (row.record as KinSettings) : null
    },
    saveSettings: async (tenantId: string, settings: KinSettings) => {
      await this.rows(
        'INSERT INTO kin_settings (tenant_id, record) VALUES ($1, $2::jsonb) ON CONFLICT (tenant_id) DO UPDATE SET record = excluded.record',
        [tenantId, json(settings)],
      )
    },
  }

  readonly deregistrations = {
    list: async (tenantId: string) =>
      (await this.rows('SELECT record FROM deregistration_requests WHERE tenant_id = $1 ORDER BY id COLLATE "C"', [tenantId])).map((row) => row.record as DeregistrationRecord),
    get: async (tenantId: string, requestId: string) => {
      const row = await this.one('SELECT record FROM deregistration_requests WHERE tenant_id = $1 AND id = $2', [tenantId, requestId])
      return row ? (row.record as DeregistrationRecord) : null
    },
    save: async (request: DeregistrationRecord) => {
      await this.rows(
        `INSERT INTO deregistration_requests (tenant_id, id, member_id, status, record) VALUES ($1, $2, $3, $4, $5::jsonb)
         ON CONFLICT (tenant_id, id) DO UPDATE SET status = excluded.status, record = excluded.record`,
        [request.tenantId, request.id, request.memberId, request.status, json(request)],
      )
    },
  }

  readonly removalJobs = {
    save: async (job: RemovalJobRecord) => {
      await this.rows(
        `INSERT INTO member_removal_jobs (tenant_id, id, status, created_at, record) VALUES ($1, $2, $3, $4, $5::jsonb)
         ON CONFLICT (tenant_id, id) DO UPDATE SET status = excluded.status, record = excluded.record`,
        [job.tenantId, job.id, job.status, job.createdAt, json(job)],
      )
    },
    get: async (tenantId: string, jobId: string) => {
      const row = await this.one('SELECT record FROM member_removal_jobs WHERE tenant_id = $1 AND id = $2', [tenantId, jobId])
      return row ? (row.record as RemovalJobRecord) : null
    },
    saveMembers: async (tenantId: string, jobId: string, memberIds: readonly string[]) => {
      await this.rows(
        `INSERT INTO member_removal_job_members (tenant_id, job_id, position, member_id)
         SELECT $1, $2, ordinality - 1, id FROM unnest($3::text[]) WITH ORDINALITY AS ids (id, ordinality)`,
        [tenantId, jobId, memberIds],
      )
    },
    membersFrom: async (tenantId: string, jobId: string, from: number, limit: number) =>
      (
        await this.rows(
          `SELECT member_id FROM member_removal_job_members WHERE tenant_id = $1 AND job_id = $2 AND position >= $3 ORDER BY position LIMIT ${Math.trunc(limit)}`,
          [tenantId, jobId, from],
        )
      ).map((row) => str(row.member_id)),
    running: async () =>
      (await this.rows(`SELECT record FROM member_removal_jobs WHERE status = 'running' ORDER BY created_at, id COLLATE "C"`)).map((row) => row.record as RemovalJobRecord),
    addResult: async (tenantId: string, jobId: string, r: RemovalJobResultRecord) => {
      await this.rows(
        `INSERT INTO member_removal_job_results (tenant_id, job_id, position, member_id, outcome, result) VALUES ($1, $2, $3, $4, $5, $6::jsonb)`,
        [tenantId, jobId, r.position, r.memberId, r.outcome, json(r)],
      )
    },
    results: async (tenantId: string, jobId: string, removedShown: number) =>
      (
        await this.rows(
          `SELECT result FROM (
             SELECT result, position FROM member_removal_job_results WHERE tenant_id = $1 AND job_id = $2 AND outcome <> 'removed'
             UNION ALL
             (SELECT result, position FROM member_removal_job_results WHERE tenant_id = $1 AND job_id = $2 AND outcome = 'removed' ORDER BY position DESC LIMIT ${Math.trunc(removedShown)})
           ) AS shown ORDER BY position`,
          [tenantId, jobId],
        )
      ).map((row) => row.result as RemovalJobResultRecord),
  }

  readonly access = {
    user: async (userId: string) => {
      const row = await this.one('SELECT * FROM users WHERE id = $1', [userId])
      return row ? user(row) : null
    },
    users: async () => (await this.rows('SELECT * FROM users ORDER BY id COLLATE "C"')).map(user),
    session: async (sessionId: string): Promise<SessionRecord | null> => {
      const row = await this.one('SELECT * FROM sessions WHERE id = $1', [sessionId])
      return row ? { id: str(row.id), userId: str(row.user_id), createdAt: str(row.created_at), expiresAt: str(row.expires_at) } : null
    },
    saveSession: async (session: SessionRecord) => {
      await this.rows(
        'INSERT INTO sessions (id, user_id, created_at, expires_at) VALUES ($1, $2, $3, $4) ON CONFLICT (id) DO UPDATE SET user_id = excluded.user_id, created_at = excluded.created_at, expires_at = excluded.expires_at',
        [session.id, session.userId, session.createdAt, session.expiresAt],
      )
    },
    deleteSession: async (sessionId: string) => {
      await this.rows('DELETE FROM sessions WHERE id = $1', [sessionId])
    },
    userByEmail: async (email: string) => {
      const row = await this.one('SELECT * FROM users WHERE lower(email) = lower($1)', [email.trim()])
      return row ? user(row) : null
    },
    passwordHash: async (userId: string) => strOrNull((await this.one('SELECT password_hash FROM users WHERE id = $1', [userId]))?.password_hash),
    setPasswordHash: async (userId: string, hash: string) => {
      await this.rows('UPDATE users SET password_hash = $2 WHERE id = $1', [userId, hash])
    },
    // The last KEPT_FAILURES failures per address count, as in the memory store.
    signInFailures: async (email: string, since: string) =>
      Number(
        (
          await this.one(
            `SELECT count(*) AS n FROM (SELECT at FROM sign_in_failures WHERE email = lower($1) ORDER BY at DESC LIMIT ${KEPT_FAILURES}) AS kept WHERE at >= $2`,
            [email, since],
          )
        )?.n ?? 0,
      ),
    recordSignInFailure: async (email: string, at: string) => {
      await this.rows('INSERT INTO sign_in_failures (email, at) VALUES (lower($1), $2)', [email, at])
      await this.rows(
        `DELETE FROM sign_in_failures WHERE email = lower($1) AND at < (SELECT min(at) FROM (SELECT at FROM sign_in_failures WHERE email = lower($1) ORDER BY at DESC LIMIT ${KEPT_FAILURES}) AS kept)`,
        [email],
      )
    },
    clearSignInFailures: async (email: string) => {
      await this.rows('DELETE FROM sign_in_failures WHERE email = lower($1)', [email])
    },
    grants: async (tenantId: string | null) =>
      (
        await (tenantId === null
          ? this.rows('SELECT * FROM grants ORDER BY created_at DESC, id COLLATE "C"')
          : this.rows('SELECT * FROM grants WHERE tenant_id = $1 ORDER BY created_at DESC, id COLLATE "C"', [tenantId]))
      ).map(grant),
    saveGrant: async (g: GrantRecord) => {
      await this.rows(
        `INSERT INTO grants (tenant_id, id, mode, ticket_ref, reason, created_at, expires_at, created_by, ended) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
         ON CONFLICT (tenant_id, id) DO UPDATE SET mode = excluded.mode, ticket_ref = excluded.ticket_ref, reason = excluded.reason, created_at = excluded.created_at,
           expires_at = excluded.expires_at, created_by = excluded.created_by, ended = excluded.ended`,
        [g.tenantId, g.id, g.mode, g.ticketRef, g.reason, g.createdAt, g.expiresAt, json(g.createdBy), json(g.ended)],
      )
    },
  }

  readonly audit = {
    append: async (tenantId: string, events: AuditDraft[]): Promise<AuditRecord[]> => {
      if (events.length === 0) return []
      // The counter row serialises appends per tenant: the entry before the first new one is committed by now.
      const last = await this.bump(tenantId, 'audit', events.length)
      const first = last - events.length + 1
      const previous = first === 1 ? null : await this.one('SELECT hash FROM audit_events WHERE tenant_id = $1 AND seq = $2', [tenantId, first - 1])
      const records = chainEntries(
        strOrNull(previous?.hash) ?? GENESIS_HASH,
        events.map((event, index) => ({ ...event, tenantId, seq: first + index, id: auditEntryId(tenantId, first + index) })),
      )
      await insertAudit(this.sql, records)
      return records
    },
    list: async (tenantId: string, filter: AuditFilter): Promise<AuditEntry[]> => {
      const { where, params } = auditWhere(tenantId, filter)
      if (filter.before !== null) {
        params.push(filter.before.at, filter.before.seq)
        where.push(`(at, seq) < ($${params.length - 1}::timestamptz, $${params.length}::bigint)`)
      }
      const rows = await this.rows(`SELECT ${AUDIT_COLUMNS} FROM audit_events WHERE ${where.join(' AND ')} ORDER BY at DESC, seq DESC LIMIT ${Math.trunc(filter.limit)}`, params)
      return rows.map(auditEntry)
    },
    count: async (tenantId: string, filter: Omit<AuditFilter, 'before' | 'limit'>, upTo: number): Promise<number> => {
      const { where, params } = auditWhere(tenantId, filter)
      const row = await this.one(`SELECT count(*) AS total FROM (SELECT 1 FROM audit_events WHERE ${where.join(' AND ')} LIMIT ${Math.trunc(upTo) + 1}) AS capped`, params)
      return Number(row?.total ?? 0)
    },
    chain: async (tenantId: string, afterSeq: number, limit: number): Promise<AuditRecord[]> =>
      (
        await this.rows(`SELECT ${AUDIT_COLUMNS}, prev_hash, hash FROM audit_events WHERE tenant_id = $1 AND seq > $2 AND seq <= $3 ORDER BY seq`, [
          tenantId,
          afterSeq,
          afterSeq + Math.trunc(limit),
        ])
      ).map(audit),
    lastSeq: async (tenantId: string) => Number((await this.one("SELECT value FROM counters WHERE scope = $1 AND name = 'audit'", [tenantId]))?.value ?? 0),
    facets: async (tenantId: string): Promise<AuditFacets> => {
      const rows = await this.rows('SELECT kind, value, label FROM audit_facets WHERE tenant_id = $1 ORDER BY kind, value COLLATE "C"', [tenantId])
      const text = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0)
      return {
        actors: rows
          .filter((row) => row.kind === 'actor')
          .map((row) => row.label as AuditRecord['actor'])
          .sort((a, b) => text(a.name, b.name) || text(a.id, b.id)),
        actions: rows.filter((row) => row.kind === 'action').map((row) => str(row.value)),
        targetTypes: rows.filter((row) => row.kind === 'target_type').map((row) => str(row.value)),
      }
    },
    tamper: async (tenantId: string, seq: number, change: { kind: 'edit_reason'; reason: string } | { kind: 'delete' }) => {
      // What someone with direct access to the database could do: the append-only trigger lets maintenance through.
      await this.rows("SELECT set_config('tdgc.maintenance', 'on', true)")
      const rows =
        change.kind === 'delete'
          ? await this.rows('DELETE FROM audit_events WHERE tenant_id = $1 AND seq = $2 RETURNING seq', [tenantId, seq])
          : await this.rows('UPDATE audit_events SET reason = $3 WHERE tenant_id = $1 AND seq = $2 RETURNING seq', [tenantId, seq, change.reason])
      await this.rows("SELECT set_config('tdgc.maintenance', 'off', true)")
      return rows.length > 0
    },
  }

  readonly auditExports = {
    save: async (record: AuditExportRecord) => {
      await this.rows(
        `INSERT INTO audit_exports (tenant_id, id, status, created_at, record) VALUES ($1, $2, $3, $4, $5)
         ON CONFLICT (tenant_id, id) DO UPDATE SET status = excluded.status, record = excluded.record`,
        [record.tenantId, record.id, record.status, record.createdAt, JSON.stringify(record)],
      )
    },
    get: async (tenantId: string, exportId: string) => {
      const row = await this.one('SELECT record FROM audit_exports WHERE tenant_id = $1 AND id = $2', [tenantId, exportId])
      return row ? (row.record as AuditExportRecord) : null
    },
    running: async () =>
      (await this.rows(`SELECT record FROM audit_exports WHERE status = 'running' ORDER BY created_at, id COLLATE "C"`)).map((row) => row.record as AuditExportRecord),
    saveChunk: async (tenantId: string, exportId: string, position: number, text: string) => {
      await this.rows(
        `INSERT INTO audit_export_chunks (tenant_id, export_id, position, body) VALUES ($1, $2, $3, $4)
         ON CONFLICT (tenant_id, export_id, position) DO UPDATE SET body = excluded.body`,
        [tenantId, exportId, position, text],
      )
    },
    chunks: async (tenantId: string, exportId: string) =>
      (await this.rows('SELECT body FROM audit_export_chunks WHERE tenant_id = $1 AND export_id = $2 ORDER BY position', [tenantId, exportId])).map((row) => str(row.body)),
  }


  readonly apps = {
    scopes: async (): Promise<AppScopeRecord[]> =>
      (await this.rows('SELECT * FROM app_scopes ORDER BY position')).map((r) => ({
        id: str(r.id),
        sensitive: Boolean(r.sensitive),
        label: r.label as AppScopeRecord['label'],
        explanation: r.explanation as AppScopeRecord['explanation'],
      })),
    list: async (tenantId: string) => (await this.rows('SELECT * FROM apps WHERE tenant_id = $1 ORDER BY id COLLATE "C"', [tenantId])).map(app),
    get: async (tenantId: string, appId: string) => {
      const row = await this.one('SELECT * FROM apps WHERE tenant_id = $1 AND id = $2', [tenantId, appId])
      return row ? app(row) : null
    },
    save: (record: AppRecord) => saveAppRow(this.sql, record),
    delete: async (tenantId: string, appId: string) => {
      await this.rows('DELETE FROM apps WHERE tenant_id = $1 AND id = $2', [tenantId, appId])
    },
    requests: async (tenantId: string) => (await this.rows('SELECT * FROM app_requests WHERE tenant_id = $1 ORDER BY id COLLATE "C"', [tenantId])).map(request),
    request: async (tenantId: string, requestId: string) => {
      const row = await this.one('SELECT * FROM app_requests WHERE tenant_id = $1 AND id = $2', [tenantId, requestId])
      return row ? request(row) : null
    },
    saveRequest: (record: AppRequestRecord) => saveRequestRow(this.sql, record),
    emergencyStops: async (tenantId: string) => (await this.rows('SELECT * FROM emergency_stops WHERE tenant_id = $1 ORDER BY snapshot_id COLLATE "C"', [tenantId])).map(stop),
    saveEmergencyStop: async (s: EmergencyStopRecord) => {
      await this.rows(
        `INSERT INTO emergency_stops (tenant_id, snapshot_id, target, scope_id, reason, started_at, started_by, snapshot, restored_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
         ON CONFLICT (tenant_id, snapshot_id) DO UPDATE SET target = excluded.target, scope_id = excluded.scope_id, reason = excluded.reason,
           started_at = excluded.started_at, started_by = excluded.started_by, snapshot = excluded.snapshot, restored_at = excluded.restored_at`,
        [s.tenantId, s.snapshotId, s.target, s.scopeId, s.reason, s.startedAt, json(s.startedBy), json(s.snapshot), s.restoredAt],
      )
    },
  }

  readonly retention = {
    get: async (tenantId: string) => {
      const row = await this.one('SELECT * FROM retention WHERE tenant_id = $1', [tenantId])
      return row ? retention(row) : null
    },
    save: (record: RetentionRecord) => saveRetentionRow(this.sql, record),
    runs: async (tenantId: string, limit: number): Promise<RetentionRunRecord[]> =>
      (await this.rows(`SELECT * FROM retention_runs WHERE tenant_id = $1 ORDER BY seq DESC LIMIT ${Number(limit)}`, [tenantId])).map((r) => ({
        tenantId: str(r.tenant_id),
        at: str(r.at),
        outcome: r.outcome === 'failed' ? 'failed' : 'completed',
        retryAt: r.retry_at === null ? null : str(r.retry_at),
        deletedMessages: Number(r.deleted_messages),
        deletedFiles: Number(r.deleted_files),
        heldMessages: Number(r.held_messages),
        heldFiles: Number(r.held_files),
      })),
    addRun: async (run: RetentionRunRecord) => {
      const seq = await this.bump(run.tenantId, 'retention_runs', 1)
      await this.rows(
        'INSERT INTO retention_runs (tenant_id, seq, at, outcome, retry_at, deleted_messages, deleted_files, held_messages, held_files) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)',
        [run.tenantId, seq, run.at, run.outcome, run.retryAt, run.deletedMessages, run.deletedFiles, run.heldMessages, run.heldFiles],
      )
      // Only the newest KEPT_RUNS are kept, as in the memory store.
      await this.rows('DELETE FROM retention_runs WHERE tenant_id = $1 AND seq <= $2', [run.tenantId, seq - KEPT_RUNS])
    },
    history: async (tenantId: string, beforeSeq: number | null, limit: number): Promise<RetentionHistoryRecord[]> => {
      const rows =
        beforeSeq === null
          ? await this.rows(`SELECT * FROM retention_history WHERE tenant_id = $1 ORDER BY seq DESC LIMIT ${Number(limit)}`, [tenantId])
          : await this.rows(`SELECT * FROM retention_history WHERE tenant_id = $1 AND seq < $2 ORDER BY seq DESC LIMIT ${Number(limit)}`, [tenantId, beforeSeq])
      return rows.map((r) => ({ ...(r.entry as Omit<RetentionHistoryRecord, 'tenantId' | 'seq' | 'id'>), tenantId: str(r.tenant_id), seq: Number(r.seq), id: str(r.id) }))
    },
    appendHistory: async (tenantId: string, entries: Omit<RetentionHistoryRecord, 'seq' | 'id' | 'tenantId'>[]) => {
      const last = await this.one('SELECT coalesce(max(seq), 0) AS seq FROM retention_history WHERE tenant_id = $1', [tenantId])
      let seq = Number(last?.seq ?? 0)
      for (const entry of entries) {
        seq++
        await this.rows('INSERT INTO retention_history (tenant_id, seq, id, entry) VALUES ($1, $2, $3, $4)', [tenantId, seq, `rh-${seq}`, json(entry)])
      }
    },
    holds: async (tenantId: string) => (await this.rows('SELECT * FROM legal_holds WHERE tenant_id = $1 ORDER BY id COLLATE "C"', [tenantId])).map(hold),
    saveHold: async (h: LegalHoldRecord) => {
      await this.rows(
        `INSERT INTO legal_holds (tenant_id, id, target_type, target_id, target_name, reason, placed_at, placed_by, released_at, released_by, release_reason)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)
         ON CONFLICT (tenant_id, id) DO UPDATE SET target_type = excluded.target_type, target_id = excluded.target_id, target_name = excluded.target_name,
           reason = excluded.reason, placed_at = excluded.placed_at, placed_by = excluded.placed_by, released_at = excluded.released_at,
           released_by = excluded.released_by, release_reason = excluded.release_reason`,
        [h.tenantId, h.id, h.targetType, h.targetId, h.targetName, h.reason, h.placedAt, json(h.placedBy), h.releasedAt, json(h.releasedBy), h.releaseReason],
      )
    },
    /** The stored-volume model stays derived from the seed's parameters, as in the memory store (read-only). */
    volume: async (tenantId: string) => {
      const row = await this.one('SELECT member_sources FROM seed_info')
      const source = (row?.member_sources as Record<string, MemberSource> | undefined)?.[tenantId]
      return source ? tenantVolume(tenantId, source) : null
    },
  }

  readonly idempotency = {
    claim: async (scope: string, key: string, fingerprint: string, at: string): Promise<IdempotencyClaim> => {
      const seen = await this.one('SELECT fingerprint, reply FROM idempotency_keys WHERE scope = $1 AND key = $2 FOR UPDATE', [scope, key])
      if (seen) {
        if (seen.fingerprint !== fingerprint) return { state: 'mismatch' }
        if (seen.reply) return { state: 'replay', reply: seen.reply as StoredReply }
        await this.rows('UPDATE idempotency_keys SET at = $3 WHERE scope = $1 AND key = $2', [scope, key, at])
        return { state: 'fresh' }
      }
      const claimed = await this.rows(
        'INSERT INTO idempotency_keys (scope, key, fingerprint, at) VALUES ($1, $2, $3, $4) ON CONFLICT (scope, key) DO NOTHING RETURNING key',
        [scope, key, fingerprint, at],
      )
      // Another request with this key committed first: run again and replay its answer.
      if (claimed.length === 0) throw new RetryTransaction('idempotency key claimed concurrently')
      return { state: 'fresh' }
    },
    complete: async (scope: string, key: string, reply: StoredReply) => {
      await this.rows('UPDATE idempotency_keys SET reply = $3 WHERE scope = $1 AND key = $2', [scope, key, json(reply)])
    },
  }
}
