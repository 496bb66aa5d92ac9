// Measures the SQL store: how long seeding takes (default and large, PGlite and PostgreSQL) and how fast member
// search answers on the 100 000-member tenant (p50/p95 of name, employee-number and email substrings).
// Run: npx tsx governance/store/sql/measure.ts [--database-url postgres://postgres@127.0.0.1:5432/postgres] [--pglite]
import pg from 'pg'
import type { ScenarioName } from '../../seed/dataset'
import { openSqlStore, type OpenedSqlStore } from './open'

const args = process.argv.slice(2)
const flag = (name: string) => args.indexOf(name)
const databaseUrl = flag('--database-url') >= 0 ? args[flag('--database-url') + 1] : process.env.TEST_DATABASE_URL
const withPglite = flag('--pglite') >= 0 || !databaseUrl
const ROUNDS = Number(process.env.MEASURE_ROUNDS ?? 20)

/** Substrings people type: surnames and full names (CJK), email parts, employee numbers (whole and partial). */
const QUERIES: Record<string, string[]> = {
  name: ['王', '王芳', '陈静', '李娜', '张伟', '刘洋', '黄', '周杰'],
  email: ['wang.fang', 'chen', 'jing.li', 'wei.zhang1', 'acme.example', 'yang12'],
  employeeNo: ['ac000001', 'ac012345', '09876', 'ac0999', '5432', 'ac1000'],
}

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? 0
const fmt = (ms: number) => `${ms.toFixed(1)} ms`

async function timed<T>(work: () => Promise<T>): Promise<[T, number]> {
  const start = performance.now()
  const result = await work()
  return [result, performance.now() - start]
}

async function searchTimings(opened: OpenedSqlStore, label: string): Promise<void> {
  const all: number[] = []
  for (const [kind, queries] of Object.entries(QUERIES)) {
    const times: number[] = []
    let hits = 0
    for (let round = 0; round < ROUNDS; round++) {
      for (const q of queries) {
        const [page, ms] = await timed(() =>
          opened.store.transaction((tx) => tx.members.search('t-acme', { q, departmentIds: null, status: null, role: null, offset: 0, limit: 50 }), { mostlyReads: true }),
        )
        if (round > 0) times.push(ms) // the first round warms caches and plans
        hits += round === 0 ? page.total : 0
      }
    }
    times.sort((a, b) => a - b)
    all.push(...times)
    console.log(`${label} search by ${kind.padEnd(10)} p50 ${fmt(percentile(times, 50))}  p95 ${fmt(percentile(times, 95))}  max ${fmt(times.at(-1) ?? 0)}  (${hits} matches over ${queries.length} queries)`)
  }
  const first = await timed(() =>
    opened.store.transaction((tx) => tx.members.search('t-acme', { q: null, departmentIds: null, status: null, role: null, offset: 50_000, limit: 50 }), { mostlyReads: true }),
  )
  all.sort((a, b) => a - b)
  console.log(`${label} search overall        p50 ${fmt(percentile(all, 50))}  p95 ${fmt(percentile(all, 95))}  (${all.length} searches); unfiltered page at offset 50 000: ${fmt(first[1])}`)
}

async function measure(label: string, open: (scenario: ScenarioName) => Promise<OpenedSqlStore>): Promise<void> {
  const [opened, openMs] = await timed(() => open('default'))
  console.log(`${label} open + migrate + seed default: ${fmt(openMs)}`)
  const [, resetDefaultMs] = await timed(() => opened.reset('default'))
  console.log(`${label} reset to default (truncate + seed): ${fmt(resetDefaultMs)}`)
  const [, largeMs] = await timed(() => opened.reset('large'))
  console.log(`${label} reset to large (100 000 members + 1 000 000 audit events): ${fmt(largeMs)}`)
  await searchTimings(opened, label)
  await opened.close()
}

async function withOwnDatabase(serverUrl: string, work: (url: string) => Promise<void>): Promise<void> {
  const name = `tdgc_measure_${process.pid}`
  const admin = new pg.Client({ connectionString: serverUrl })
  await admin.connect()
  await admin.query(`CREATE DATABASE ${name}`)
  try {
    const url = new URL(serverUrl)
    url.pathname = `/${name}`
    await work(url.toString())
  } finally {
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)
    await admin.end()
  }
}

if (databaseUrl) await withOwnDatabase(databaseUrl, (url) => measure('postgres', (scenario) => openSqlStore({ databaseUrl: url, scenario })))
if (withPglite) await measure('pglite  ', (scenario) => openSqlStore({ scenario }))
