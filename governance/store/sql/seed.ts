// Loads a demo scenario into empty tables: the same data the memory store generates, as real rows. Large
// tables go in as column arrays (unnest), a few thousand rows per statement.
import { APP_SCOPES } from '../../seed/apps'
import { auditHistoryColumns, auditHistoryEvent } from '../../seed/audit-history'
import { demoDataset, type Dataset, type ScenarioName } from '../../seed/dataset'
import { memberAt } from '../../seed/members'
import type { AppRecord, AppRequestRecord, AuditRecord, RetentionRecord } from '../../rules/records'
import type { SqlClient, SqlQueryable } from './client'

const CHUNK = 5_000
const json = (value: unknown): string | null => (value === null || value === undefined ? null : JSON.stringify(value))

/** Every table of the schema, children first (for TRUNCATE). */
export const TABLES = [
  'seed_info', 'member_removal_job_results', 'member_removal_job_members', 'member_removal_jobs', 'deregistration_requests', 'member_lifecycles', 'idempotency_keys', 'legal_holds', 'retention_history', 'retention_runs', 'retention', 'emergency_stops',
  'app_requests', 'apps', 'app_scopes', 'audit_events', 'counters', 'grants', 'sign_in_failures', 'sessions', 'users',
  'members', 'departments', 'tenants',
] as const

/**
 * Inserts rows given as columns of text (or null) through unnest; `casts` turns each text column into its type
 * (e.g. `::timestamptz`, `::jsonb`).
 */
export async function bulkInsert(tx: SqlQueryable, table: string, columns: Record<string, string>, rows: readonly (readonly (string | null)[])[]): Promise<void> {
  const names = Object.keys(columns)
  for (let start = 0; start < rows.length; start += CHUNK) {
    const chunk = rows.slice(start, start + CHUNK)
    const params = names.map((_, column) => chunk.map((row) => row[column] ?? null))
    const select = names.map((name) => `u.${name}${columns[name]}`).join(', ')
    const unnest = names.map((_, index) => `$${index + 1}::text[]`).join(', ')
    await tx.query(`INSERT INTO ${table} (${names.join(', ')}) SELECT ${select} FROM unnest(${unnest}) AS u(${names.join(', ')})`, params)
  }
}

const AUDIT_COLUMNS = {
  tenant_id: '', seq: '::bigint', id: '', at: '::timestamptz', actor: '::jsonb', on_behalf_of: '', ticket_ref: '', action: '',
  target_type: '', target_id: '', target_name: '', before: '::jsonb', after: '::jsonb', reason: '',
}

export const auditRow = (event: AuditRecord): (string | null)[] => [
  event.tenantId, String(event.seq), event.id, event.at, json(event.actor), event.onBehalfOf, event.ticketRef, event.action,
  event.targetType, event.targetId, event.targetName, json(event.before), json(event.after), event.reason,
]

export async function insertAudit(tx: SqlQueryable, events: readonly AuditRecord[]): Promise<void> {
  await bulkInsert(tx, 'audit_events', AUDIT_COLUMNS, events.map(auditRow))
}

async function seedMembers(tx: SqlQueryable, dataset: Dataset): Promise<void> {
  for (const [tenantId, source] of Object.entries(dataset.memberSources)) {
    for (let start = 0; start < source.count; start += CHUNK) {
      const rows: (string | null)[][] = []
      for (let index = start; index < Math.min(source.count, start + CHUNK); index++) {
        const m = memberAt(tenantId, index, source.seed)
        rows.push([tenantId, m.id, m.name, m.email, m.employeeNo, m.phone, m.departmentId, m.role, m.status, m.joinedAt])
      }
      await bulkInsert(
        tx,
        'members',
        { tenant_id: '', id: '', name: '', email: '', employee_no: '', phone: '', department_id: '', role: '', status: '', joined_at: '::timestamptz' },
        rows,
      )
    }
  }
}

async function seedAudit(tx: SqlQueryable, dataset: Dataset): Promise<void> {
  const last = new Map<string, number>()
  for (const source of dataset.auditHistory) {
    const columns = auditHistoryColumns(source)
    for (let start = 0; start < source.count; start += CHUNK) {
      const events: AuditRecord[] = []
      for (let index = start; index < Math.min(source.count, start + CHUNK); index++) events.push(auditHistoryEvent(source, columns, index))
      await insertAudit(tx, events)
    }
    last.set(source.tenantId, source.count)
  }
  const events: AuditRecord[] = dataset.audit.map((event) => {
    const seq = (last.get(event.tenantId) ?? 0) + 1
    last.set(event.tenantId, seq)
    return { ...event, seq, id: `ae-${event.tenantId.replace(/^t-/, '')}-${String(seq).padStart(8, '0')}` }
  })
  await insertAudit(tx, events)
  for (const [tenantId, seq] of last) await tx.query("INSERT INTO counters (scope, name, value) VALUES ($1, 'audit', $2)", [tenantId, seq])
}

async function seedRest(tx: SqlQueryable, dataset: Dataset): Promise<void> {
  for (const t of dataset.tenants) await tx.query('INSERT INTO tenants (id, name, plan, region, created_at) VALUES ($1, $2, $3, $4, $5)', [t.id, t.name, t.plan, t.region, t.createdAt])
  for (const d of dataset.departments) {
    await tx.query('INSERT INTO departments (tenant_id, id, name, parent_id) VALUES ($1, $2, $3, $4)', [d.tenantId, d.id, d.name, d.parentId])
  }
  for (const u of dataset.users) {
    await tx.query('INSERT INTO users (id, name, email, role, tenant_ids, member_id) VALUES ($1, $2, $3, $4, $5, $6)', [u.id, u.name, u.email, u.role, u.tenantIds, u.memberId])
  }
  for (const g of dataset.grants) {
    await tx.query(
      'INSERT INTO grants (tenant_id, id, mode, ticket_ref, reason, created_at, expires_at, created_by, revoked_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)',
      [g.tenantId, g.id, g.mode, g.ticketRef, g.reason, g.createdAt, g.expiresAt, json(g.createdBy), g.revokedAt],
    )
  }
  for (const [position, s] of APP_SCOPES.entries()) {
    await tx.query('INSERT INTO app_scopes (id, position, sensitive, label, explanation) VALUES ($1, $2, $3, $4, $5)', [s.id, position, s.sensitive, json(s.label), json(s.explanation)])
  }
  for (const app of dataset.apps) await saveAppRow(tx, app)
  for (const r of dataset.appRequests) await saveRequestRow(tx, r)
  for (const record of dataset.retention) await saveRetentionRow(tx, record)
  for (const entry of dataset.retentionHistory) {
    const { tenantId, seq, id, ...rest } = entry
    await tx.query('INSERT INTO retention_history (tenant_id, seq, id, entry) VALUES ($1, $2, $3, $4)', [tenantId, seq, id, json(rest)])
  }
  await tx.query('INSERT INTO seed_info (scenario, member_sources) VALUES ($1, $2)', [dataset.scenario, json(dataset.memberSources)])
}

export async function seedScenario(db: SqlClient, scenario: ScenarioName): Promise<void> {
  const dataset = demoDataset(scenario)
  await db.transaction('read committed', async (tx) => {
    await seedRest(tx, dataset)
    await seedMembers(tx, dataset)
    // Requests name members: after them.
    for (const r of dataset.deregistrations) {
      await tx.query('INSERT INTO deregistration_requests (tenant_id, id, member_id, status, record) VALUES ($1, $2, $3, $4, $5::jsonb)', [r.tenantId, r.id, r.memberId, r.status, json(r)])
    }
    await seedAudit(tx, dataset)
  })
  // Fresh statistics after a bulk load: without them the planner guesses at 100 000 members and a million events
  // (and picks sequential scans a search index would beat). Autovacuum would get there, minutes later.
  if (scenario === 'large') await db.query('ANALYZE')
}

/** Forgets everything and seeds `scenario` afresh (test controls, and the first start). */
export async function resetToScenario(db: SqlClient, scenario: ScenarioName): Promise<void> {
  await db.query(`TRUNCATE ${TABLES.join(', ')}`)
  await seedScenario(db, scenario)
}

// Row writers shared with the store (upserts keyed by the primary key).

export async function saveAppRow(tx: SqlQueryable, app: AppRecord): Promise<void> {
  await tx.query(
    `INSERT INTO apps (tenant_id, id, name, vendor, category, description, third_party, version, enabled, scope_ids, scope_update, availability, last_data_access_at, installed_at, disabled_reason)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15)
     ON CONFLICT (tenant_id, id) DO UPDATE SET name = excluded.name, vendor = excluded.vendor, category = excluded.category,
       description = excluded.description, third_party = excluded.third_party, version = excluded.version, enabled = excluded.enabled,
       scope_ids = excluded.scope_ids, scope_update = excluded.scope_update, availability = excluded.availability,
       last_data_access_at = excluded.last_data_access_at, installed_at = excluded.installed_at, disabled_reason = excluded.disabled_reason`,
    [app.tenantId, app.id, app.name, app.vendor, app.category, app.description, app.thirdParty, app.version, app.enabled, app.scopeIds,
      json(app.scopeUpdate), json(app.availability), app.lastDataAccessAt, app.installedAt, app.disabledReason],
  )
}

export async function saveRequestRow(tx: SqlQueryable, r: AppRequestRecord): Promise<void> {
  await tx.query(
    `INSERT INTO app_requests (tenant_id, id, app_id, member_id, message, requested_at, status, decided_at, decided_by, note)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)
     ON CONFLICT (tenant_id, id) DO UPDATE SET app_id = excluded.app_id, member_id = excluded.member_id, message = excluded.message,
       requested_at = excluded.requested_at, status = excluded.status, decided_at = excluded.decided_at, decided_by = excluded.decided_by, note = excluded.note`,
    [r.tenantId, r.id, r.appId, r.memberId, r.message, r.requestedAt, r.status, r.decidedAt, r.decidedBy, r.note],
  )
}

export async function saveRetentionRow(tx: SqlQueryable, r: RetentionRecord): Promise<void> {
  await tx.query(
    `INSERT INTO retention (tenant_id, version, policies, grace_days, updated_at, updated_by, pending, next_run_at, purged_before, purged_exceptions)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)
     ON CONFLICT (tenant_id) DO UPDATE SET version = excluded.version, policies = excluded.policies, grace_days = excluded.grace_days,
       updated_at = excluded.updated_at, updated_by = excluded.updated_by, pending = excluded.pending, next_run_at = excluded.next_run_at,
       purged_before = excluded.purged_before, purged_exceptions = excluded.purged_exceptions`,
    [r.tenantId, r.version, json(r.policies), r.graceDays, r.updatedAt, json(r.updatedBy), json(r.pending), r.nextRunAt, json(r.purgedBefore), json(r.purgedExceptions)],
  )
}
