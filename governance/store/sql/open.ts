// Opens the server's database: a real PostgreSQL when given a URL, else PGlite (files in `dataDir`, or in
// memory); migrates it and seeds the demo scenario on first start.
import { PGlite } from '@electric-sql/pglite'
import { btree_gin } from '@electric-sql/pglite/contrib/btree_gin'
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm'
import pg from 'pg'
import type { ScenarioName } from '../../seed/dataset'
import { pgliteClient, pgliteParsers, pgTypeParser, postgresClient, type SqlClient } from './client'
import { migrate } from './migrate'
import { backfillAuditChain, resetToScenario, seedScenario } from './seed'
import { createSqlStore, type SqlStore } from './sql-store'

export interface SqlStoreOptions {
  databaseUrl?: string | undefined
  /** PGlite's folder; none = in memory. */
  dataDir?: string | undefined
  /** Seeded when the database is empty. */
  scenario?: ScenarioName
  /** node-postgres pool size. */
  maxConnections?: number
  /** Told when an idle pooled connection fails (a server logs it). */
  onIdleError?: (error: Error) => void
}

export interface OpenedSqlStore {
  store: SqlStore
  /** True when this start created and seeded the database. */
  seeded: boolean
  reset(scenario: ScenarioName): Promise<void>
  close(): Promise<void>
}

export async function openClient(options: SqlStoreOptions): Promise<SqlClient> {
  if (options.databaseUrl) {
    const pool = new pg.Pool({
      connectionString: options.databaseUrl,
      max: options.maxConnections ?? 10,
      types: { getTypeParser: pgTypeParser((oid, format) => pg.types.getTypeParser(oid, format === 'binary' ? 'binary' : 'text')) as typeof pg.types.getTypeParser },
    })
    // An idle connection the server ends (restart, admin termination) must not take the process down; the pool
    // replaces it on the next query.
    pool.on('error', (error) => options.onIdleError?.(error))
    return postgresClient(pool)
  }
  const db = await PGlite.create({ ...(options.dataDir ? { dataDir: options.dataDir } : {}), extensions: { pg_trgm, btree_gin }, parsers: pgliteParsers })
  return pgliteClient(db)
}

export async function openSqlStore(options: SqlStoreOptions): Promise<OpenedSqlStore> {
  const client = await openClient(options)
  await migrate(client)
  await backfillAuditChain(client)
  const seededBefore = await client.query<{ scenario: string }>('SELECT scenario FROM seed_info')
  const seeded = seededBefore.length === 0
  if (seeded) await seedScenario(client, options.scenario ?? 'default')
  return {
    store: createSqlStore(client),
    seeded,
    reset: (scenario) => resetToScenario(client, scenario),
    close: () => client.close(),
  }
}
