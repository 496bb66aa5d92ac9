// The memory store's data: a scenario's generated base plus every row changed since, as plain maps. Only the
// changed rows are ever persisted, so a write costs the rows it touched, not the whole state.
import { historyColumns, seedAuditRecords } from '../../seed/audit-history'
import type { Dataset, ScenarioName } from '../../seed/dataset'

/** One changed row as persisted; `value: null` means the row was deleted. */
export interface PersistedRow {
  table: string
  key: string
  value: unknown
}

/** Where the memory store keeps its changes: the browser's IndexedDB for the mock, nothing for tests. */
export interface MemoryPersistence {
  /** The persisted scenario and changed rows, or null when nothing was persisted yet. */
  load(): Promise<{ scenario: ScenarioName; rows: PersistedRow[] } | null>
  /** True when another tab committed since this one last loaded or wrote. */
  stale(): boolean
  /** Runs `work` while no other tab writes. */
  exclusive<T>(work: () => Promise<T>): Promise<T>
  /** Persists one transaction's rows. */
  write(rows: PersistedRow[]): Promise<void>
  /** Forgets every change and starts the scenario afresh. */
  reset(scenario: ScenarioName): Promise<void>
}

/** For Node and tests: the state lives as long as the process. */
export function volatilePersistence(): MemoryPersistence {
  return {
    load: async () => null,
    stale: () => false,
    exclusive: (work) => work(),
    write: async () => {},
    reset: async () => {},
  }
}

export type TableName =
  | 'tenants'
  | 'departments'
  | 'users'
  | 'sessions'
  | 'grants'
  | 'memberPatches'
  | 'memberLifecycles'
  | 'deregistrations'
  | 'kinRequests'
  | 'kinFiles'
  | 'kinSettings'
  | 'memberSettings'
  | 'removalJobs'
  | 'removalJobResults'
  | 'removalJobMembers'
  | 'auditExports'
  | 'auditExportChunks'
  | 'audit'
  | 'apps'
  | 'appRequests'
  | 'emergencyStops'
  | 'retention'
  | 'retentionRuns'
  | 'retentionHistory'
  | 'holds'
  | 'idempotency'
  | 'counters'
  | 'credentials'
  | 'signInFailures'

/** Keys that sort in sequence order as text. */
export const seqKey = (scope: string, seq: number): string => `${scope}/${String(seq).padStart(10, '0')}`

/** The committed state of every table: base rows from the dataset, then persisted changes on top. */
export class Tables {
  private readonly maps = new Map<TableName, Map<string, unknown>>()
  /** Bumped per table on every committed change, so derived indexes know when to rebuild. */
  private readonly versions = new Map<TableName, number>()

  constructor(
    readonly scenario: ScenarioName,
    readonly dataset: Dataset,
  ) {
    const put = (table: TableName, key: string, value: unknown) => this.map(table).set(key, value)
    for (const tenant of dataset.tenants) put('tenants', tenant.id, tenant)
    for (const department of dataset.departments) put('departments', `${department.tenantId}/${department.id}`, department)
    for (const user of dataset.users) put('users', user.id, user)
    for (const grant of dataset.grants) put('grants', grant.id, grant)
    for (const app of dataset.apps) put('apps', `${app.tenantId}/${app.id}`, app)
    for (const request of dataset.appRequests) put('appRequests', `${request.tenantId}/${request.id}`, request)
    for (const request of dataset.deregistrations) put('deregistrations', `${request.tenantId}/${request.id}`, request)
    for (const record of dataset.retention) put('retention', record.tenantId, record)
    for (const entry of dataset.retentionHistory) put('retentionHistory', seqKey(entry.tenantId, entry.seq), entry)
    for (const record of seedAuditRecords(dataset.audit, dataset.auditHistory, historyColumns)) put('audit', seqKey(record.tenantId, record.seq), record)
  }

  map(table: TableName): Map<string, unknown> {
    let map = this.maps.get(table)
    if (!map) {
      map = new Map()
      this.maps.set(table, map)
    }
    return map
  }

  version(table: TableName): number {
    return this.versions.get(table) ?? 0
  }

  apply(rows: readonly PersistedRow[]): void {
    for (const row of rows) {
      const table = row.table as TableName
      if (row.value === null) this.map(table).delete(row.key)
      else this.map(table).set(row.key, row.value)
      this.versions.set(table, this.version(table) + 1)
    }
  }
}

export { auditEntryId as auditId } from '../../seed/audit-history'
