// One small SQL interface over both drivers the server runs on: node-postgres (a real PostgreSQL) and PGlite
// (PostgreSQL in WebAssembly, embedded). Timestamps come back as ISO strings and int8 as numbers on both.
import type { PGlite } from '@electric-sql/pglite'
import type { Pool, PoolClient } from 'pg'

export type Isolation = 'serializable' | 'repeatable read' | 'read committed'

export interface SqlQueryable {
  query<T>(text: string, params?: readonly unknown[]): Promise<T[]>
}

export interface SqlClient extends SqlQueryable {
  /** Runs `work` in one transaction at `isolation`; a throw rolls it back. */
  transaction<T>(isolation: Isolation, work: (tx: SqlQueryable) => Promise<T>): Promise<T>
  close(): Promise<void>
  readonly driver: 'postgres' | 'pglite'
}

const TIMESTAMPTZ = 1184
const INT8 = 20
const toIso = (value: string) => new Date(value).toISOString()

export const pgliteParsers = { [TIMESTAMPTZ]: toIso, [INT8]: (value: string) => Number(value) }

export function pgliteClient(db: PGlite): SqlClient {
  return {
    driver: 'pglite',
    query: async <T>(text: string, params: readonly unknown[] = []) => (await db.query<T>(text, [...params])).rows,
    // PGlite has one connection: transactions never overlap, so every isolation level behaves as serial.
    transaction: (_isolation, work) =>
      db.transaction((tx) => work({ query: async <T>(text: string, params: readonly unknown[] = []) => (await tx.query<T>(text, [...params])).rows })),
    close: () => db.close(),
  }
}

/** node-postgres type parsers with the same answers as PGlite's above; everything else as pg parses it. */
export function pgTypeParser(fallback: (oid: number, format?: string) => unknown) {
  return (oid: number, format?: string): unknown => (oid === TIMESTAMPTZ ? toIso : oid === INT8 ? (value: string) => Number(value) : fallback(oid, format))
}

export function postgresClient(pool: Pool): SqlClient {
  const on = (client: Pool | PoolClient): SqlQueryable => {
    // One connection runs one statement at a time: queue them (Promise.all over a transaction's reads is fine).
    let queue: Promise<unknown> = Promise.resolve()
    return {
      query: <T>(text: string, params: readonly unknown[] = []) => {
        const run = queue.then(async () => (await client.query(text, [...params])).rows as T[])
        queue = run.catch(() => undefined)
        return run
      },
    }
  }
  return {
    driver: 'postgres',
    ...on(pool),
    async transaction(isolation, work) {
      const client = await pool.connect()
      try {
        await client.query(`BEGIN ISOLATION LEVEL ${isolation.toUpperCase()}`)
        const result = await work(on(client))
        await client.query('COMMIT')
        return result
      } catch (error) {
        await client.query('ROLLBACK').catch(() => undefined)
        throw error
      } finally {
        client.release()
      }
    },
    close: () => pool.end(),
  }
}
