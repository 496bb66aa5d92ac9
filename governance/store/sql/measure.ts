// Measures the SQL store: how long seeding takes (default and large, PGlite and PostgreSQL) and how fast member
// search answers on the 100 000-member tenant (p50/p95 of name, employee-number and email substrings, first and next
// pages as the API asks for them).
// Run: npx tsx governance/store/sql/measure.ts [--database-url postgres://postgres@127.0.0.1:5432/postgres] [--pglite]
import pg from 'pg'
import type { ScenarioName } from '../../seed/dataset'
import { SEARCH_COUNT_CAP, sortValue, type MemberOrder } from '../../rules/members'
import type { MemberSearch } from '../port'
import { openSqlStore, type OpenedSqlStore } from './open'

const args = process.argv.slice(2)
const flag = (name: string) => args.indexOf(name)
const databaseUrl = flag('--database-url') >= 0 ? args[flag('--database-url') + 1] : process.env.TEST_DATABASE_URL
const withPglite = flag('--pglite') >= 0 || !databaseUrl
const ROUNDS = Number(process.env.MEASURE_ROUNDS ?? 20)

/** Substrings people type: surnames and full names (CJK), email parts, employee numbers (whole and partial). */
const QUERIES: Record<string, string[]> = {
  name: ['王', '王芳', '陈静', '李娜', '张伟', '刘洋', '黄', '周杰'],
  email: ['wang.fang', 'chen', 'jing.li', 'wei.zhang1', 'acme.example', 'yang12', 'wang', 'zhang', 'li', 'liu'],
  employeeNo: ['ac000001', 'ac012345', '09876', 'ac0999', '5432', 'ac1000'],
}

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? 0
const fmt = (ms: number) => `${ms.toFixed(1)} ms`

async function timed<T>(work: () => Promise<T>): Promise<[T, number]> {
  const start = performance.now()
  const result = await work()
  return [result, performance.now() - start]
}

const BY_NAME: MemberOrder = { field: 'name', descending: false }

const search = (opened: OpenedSqlStore, q: string | null, after: MemberSearch['after'], count: MemberSearch['count'], order = BY_NAME) =>
  timed(() =>
    opened.store.transaction((tx) => tx.members.search('t-acme', { q, visibleOnly: false, departmentIds: null, status: null, role: null, order, after, limit: 50, count }), {
      mostlyReads: true,
    }),
  )

const report = (label: string, what: string, times: number[], extra = '') => {
  times.sort((a, b) => a - b)
  console.log(`${label} ${what.padEnd(24)} p50 ${fmt(percentile(times, 50))}  p95 ${fmt(percentile(times, 95))}  max ${fmt(times.at(-1) ?? 0)}${extra}`)
}

/** As the API asks: a first page counting up to SEARCH_COUNT_CAP matches, then the next page by keyset without a count. */
async function searchTimings(opened: OpenedSqlStore, label: string): Promise<void> {
  const firstPages: number[] = []
  const nextPages: number[] = []
  for (const [kind, queries] of Object.entries(QUERIES)) {
    const times: number[] = []
    let hits = 0
    for (let round = 0; round < ROUNDS; round++) {
      for (const q of queries) {
        const [page, ms] = await search(opened, q, null, { upTo: SEARCH_COUNT_CAP })
        const last = page.items.at(-1)
        if (round > 0) times.push(ms) // the first round warms caches and plans
        hits += round === 0 ? (page.matches?.total ?? 0) : 0
        if (round > 0 && last && page.items.length === 50) nextPages.push((await search(opened, q, { key: last.name, id: last.id }, null))[1])
      }
    }
    firstPages.push(...times)
    report(label, `first page by ${kind}`, times, `  (${hits} matches counted over ${queries.length} queries, each capped at ${SEARCH_COUNT_CAP})`)
  }
  report(label, 'first page, overall', firstPages, ` (${firstPages.length} searches)`)
  report(label, 'next page (keyset)', nextPages, ` (${nextPages.length} page changes)`)
  // Deep in the unfiltered list, in each order: the member at position 50 000 is found once (untimed), then the page after it.
  const orders: MemberOrder[] = [BY_NAME, { field: 'employeeNo', descending: true }, { field: 'joinedAt', descending: true }]
  for (const order of orders) {
    const middle = await opened.store.transaction(async (tx) => {
      let after: MemberSearch['after'] = null
      for (let step = 0; step < 10; step++) {
        const page = await tx.members.search('t-acme', { q: null, visibleOnly: false, departmentIds: null, status: null, role: null, order, after, limit: 5000, count: null })
        const last = page.items.at(-1)
        after = last ? { key: sortValue(last, order.field), id: last.id } : after
      }
      return after
    })
    const deep: number[] = []
    for (let round = 0; round < ROUNDS; round++) deep.push((await search(opened, null, middle, null, order))[1])
    report(label, `page at member 50 000 by ${order.descending ? '-' : ''}${order.field}`, deep)
  }
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
