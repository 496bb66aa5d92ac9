// Loads a demo scenario into empty tables: the same data the memory store generates, as real rows. Large
// tables go in as column arrays (unnest), a few thousand rows per statement.
import { APP_SCOPES } from '../../seed/apps'
import { chainedHistoryStretches, historyColumns, seedAuditRecords } from '../../seed/audit-history'
import { demoDataset, type Dataset, type ScenarioName } from '../../seed/dataset'
import { memberAt } from '../../seed/members'
import type { AppRecord, AppRequestRecord, AuditEntry, AuditRecord, RetentionRecord } from '../../rules/records'
import { chainEntries, GENESIS_HASH } from '../../rules/audit-chain'
import type { SqlClient, SqlQueryable } from './client'

const CHUNK = 5_000
const json = (value: unknown): string | null => (value === null || value === undefined ? null : JSON.stringify(value))

/** Every table of the schema, children first (for TRUNCATE). */
export const TABLES = [
  'seed_info', 'kin_files', 'kin_requests', 'kin_settings', 'member_settings', 'member_removal_job_results', 'member_removal_job_members', 'member_removal_jobs', 'deregistration_requests', 'member_lifecycles', 'idempotency_keys', 'legal_holds', 'retention_history', 'retention_runs', 'retention', 'emergency_stops',
  'app_requests', 'apps', 'app_scopes', 'audit_export_chunks', 'audit_exports', 'audit_facets', 'audit_events', 'counters', 'grants', 'sign_in_failures', 'sessions', 'users',
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
  target_type: '', target_id: '', target_name: '', before: '::jsonb', after: '::jsonb', reason: '', prev_hash: '', hash: '',
}

export const auditRow = (event: AuditRecord): (string | null)[] => [
  event.tenantId, String(event.seq), event.id, event.at, json(event.actor), event.onBehalfOf, event.ticketRef, event.action,
  event.targetType, event.targetId, event.targetName, json(event.before), json(event.after), event.reason, event.prevHash, event.hash,
]

/** An entry as a row holds it (lists read these columns; the chain's two are read apart). */
export const auditEntryFromRow = (r: Record<string, unknown>): AuditEntry => ({
  id: String(r.id),
  tenantId: String(r.tenant_id),
  seq: Number(r.seq),
  at: String(r.at),
  actor: r.actor as AuditEntry['actor'],
  onBehalfOf: r.on_behalf_of === null || r.on_behalf_of === undefined ? null : String(r.on_behalf_of),
  ticketRef: r.ticket_ref === null || r.ticket_ref === undefined ? null : String(r.ticket_ref),
  action: String(r.action),
  targetType: String(r.target_type),
  targetId: String(r.target_id),
  targetName: String(r.target_name),
  before: r.before ?? null,
  after: r.after ?? null,
  reason: r.reason === null || r.reason === undefined ? null : String(r.reason),
})

/** Inserts linked entries, and the people, actions and target types they bring into the filters' choices. */
export async function insertAudit(tx: SqlQueryable, events: readonly AuditRecord[]): Promise<void> {
  await bulkInsert(tx, 'audit_events', AUDIT_COLUMNS, events.map(auditRow))
  const facets = new Map<string, (string | null)[]>()
  for (const event of events) {
    facets.set(`${event.tenantId}\u0000actor\u0000${event.actor.id}`, [event.tenantId, 'actor', event.actor.id, json(event.actor)])
    facets.set(`${event.tenantId}\u0000action\u0000${event.action}`, [event.tenantId, 'action', event.action, null])
    facets.set(`${event.tenantId}\u0000target_type\u0000${event.targetType}`, [event.tenantId, 'target_type', event.targetType, null])
  }
  const rows = [...facets.values()]
  const params = [0, 1, 2, 3].map((column) => rows.map((row) => row[column] ?? null))
  // A person's latest name wins (a renamed admin shows as they are called now).
  await tx.query(
    `INSERT INTO audit_facets (tenant_id, kind, value, label) SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::jsonb[])
     ON CONFLICT (tenant_id, kind, value) DO UPDATE SET label = excluded.label WHERE audit_facets.label IS DISTINCT FROM excluded.label`,
    params,
  )
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
    for (const stretch of chainedHistoryStretches(source, historyColumns(source), CHUNK)) await insertAudit(tx, stretch)
    last.set(source.tenantId, source.count)
  }
  const events = seedAuditRecords(dataset.audit, dataset.auditHistory, historyColumns)
  await insertAudit(tx, events)
  for (const event of events) last.set(event.tenantId, event.seq)
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
      'INSERT INTO grants (tenant_id, id, mode, ticket_ref, reason, created_at, expires_at, created_by, ended) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)',
      [g.tenantId, g.id, g.mode, g.ticketRef, g.reason, g.createdAt, g.expiresAt, json(g.createdBy), json(g.ended)],
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
    `INSERT INTO apps (tenant_id, id, name, vendor, category, description, third_party, kind, version, enabled, scope_ids, scope_update, availability, last_data_access_at, installed_at, disabled_reason, vendor_deletion_requests)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17)
     ON CONFLICT (tenant_id, id) DO UPDATE SET name = excluded.name, vendor = excluded.vendor, category = excluded.category,
       description = excluded.description, third_party = excluded.third_party, kind = excluded.kind, version = excluded.version, enabled = excluded.enabled,
       scope_ids = excluded.scope_ids, scope_update = excluded.scope_update, availability = excluded.availability,
       last_data_access_at = excluded.last_data_access_at, installed_at = excluded.installed_at, disabled_reason = excluded.disabled_reason,
       vendor_deletion_requests = excluded.vendor_deletion_requests`,
    [app.tenantId, app.id, app.name, app.vendor, app.category, app.description, app.kind === 'third_party', app.kind, app.version, app.enabled, app.scopeIds,
      json(app.scopeUpdate), json(app.availability), app.lastDataAccessAt, app.installedAt, app.disabledReason, json(app.vendorDeletionRequests)],
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

/**
 * Links entries written before the log had its hash chain (migration 0006) into it, tenant by tenant, oldest first.
 * A database created since has none; this only finds work in one that is older.
 */
export async function backfillAuditChain(client: SqlClient): Promise<number> {
  const tenants = await client.query<{ tenant_id: string }>('SELECT DISTINCT tenant_id FROM audit_events WHERE hash IS NULL')
  let linked = 0
  for (const { tenant_id: tenantId } of tenants) {
    await client.transaction('serializable', async (tx) => {
      await tx.query("SELECT set_config('tdgc.maintenance', 'on', true)")
      let previous = GENESIS_HASH
      let after = 0
      for (;;) {
        const rows = await tx.query<Record<string, unknown>>(
          `SELECT seq, id, at, actor, on_behalf_of, ticket_ref, action, target_type, target_id, target_name, before, after, reason
           FROM audit_events WHERE tenant_id = $1 AND seq > $2 ORDER BY seq LIMIT ${CHUNK}`,
          [tenantId, after],
        )
        if (rows.length === 0) break
        const records = chainEntries(previous, rows.map((r) => auditEntryFromRow({ ...r, tenant_id: tenantId })))
        await tx.query(
          `UPDATE audit_events AS e SET prev_hash = u.prev_hash, hash = u.hash
           FROM unnest($2::bigint[], $3::text[], $4::text[]) AS u(seq, prev_hash, hash) WHERE e.tenant_id = $1 AND e.seq = u.seq`,
          [tenantId, records.map((record) => record.seq), records.map((record) => record.prevHash), records.map((record) => record.hash)],
        )
        previous = records.at(-1)?.hash ?? previous
        after = records.at(-1)?.seq ?? after
        linked += records.length
      }
    })
  }
  return linked
}
