// Numbered SQL migrations (migrations/NNNN_name.sql), each applied once, in order, in its own transaction.
import { readdirSync, readFileSync } from 'node:fs'
import type { SqlClient } from './client'

const folder = new URL('./migrations/', import.meta.url)

export async function migrate(db: SqlClient): Promise<string[]> {
  await db.query('CREATE TABLE IF NOT EXISTS schema_migrations (name text PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())')
  const applied = new Set((await db.query<{ name: string }>('SELECT name FROM schema_migrations')).map((row) => row.name))
  const files = readdirSync(folder).filter((file) => /^\d{4}_.+\.sql$/.test(file)).sort()
  const ran: string[] = []
  for (const file of files) {
    if (applied.has(file)) continue
    const sql = readFileSync(new URL(file, folder), 'utf8')
    await db.transaction('read committed', async (tx) => {
      for (const statement of splitStatements(sql)) await tx.query(statement)
      await tx.query('INSERT INTO schema_migrations (name) VALUES ($1)', [file])
    })
    ran.push(file)
  }
  return ran
}

/** Statements end with `;` at the end of a line, outside a dollar-quoted body ($$ … $$); comments are dropped. */
function splitStatements(sql: string): string[] {
  const statements: string[] = []
  let current: string[] = []
  let quoted = false
  for (const line of sql.split('\n')) {
    if (!quoted && line.trim().startsWith('--')) continue
    current.push(line)
    if ((line.match(/\$\$/g)?.length ?? 0) % 2 === 1) quoted = !quoted
    if (!quoted && /;\s*$/.test(line)) {
      statements.push(current.join('\n').replace(/;\s*$/, '').trim())
      current = []
    }
  }
  statements.push(current.join('\n').trim())
  return statements.filter((statement) => statement !== '')
}
