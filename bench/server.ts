// `npm run bench:server`: the real server on PostgreSQL under load, on loopback. Starts `server/main.ts` on a fresh
// database seeded with the large scenario (100 000 members), then: member search and the apps list at 100 concurrent
// connections (autocannon; throughput and latency percentiles), the audit log on 1 000 000 events (filtered pages
// forward and back, budget 300 ms a page), 50 concurrent conflicting saves of one retention
// version, and 50 concurrent requests with one Idempotency-Key. BENCH_DATABASE_URL (default: TEST_DATABASE_URL, else
// postgres://postgres@127.0.0.1:5432/postgres) names the PostgreSQL server; BENCH_SECONDS (default 10) per load run.
import { spawn } from 'node:child_process'
import { mkdirSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import autocannon from 'autocannon'
import pg from 'pg'

const serverUrl = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres'
const seconds = Number(process.env.BENCH_SECONDS ?? 10)
const port = Number(process.env.BENCH_SERVER_PORT ?? 4795)
const origin = `http://127.0.0.1:${port}`
const database = 'tdgc_bench_server'

const admin = new pg.Client({ connectionString: serverUrl })
await admin.connect()
await admin.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`)
await admin.query(`CREATE DATABASE ${database}`)
const version = (await admin.query<{ server_version: string }>('SHOW server_version')).rows[0]?.server_version
await admin.end()
const databaseUrl = new URL(serverUrl)
databaseUrl.pathname = `/${database}`

console.log(`starting the server on ${origin} (PostgreSQL ${version}, seeding 100 000 members) …`)
const started = performance.now()
const server = spawn('npx', ['tsx', 'server/main.ts'], {
  env: { ...process.env, DATABASE_URL: databaseUrl.toString(), PORT: String(port), HOST: '127.0.0.1', STATIC_DIR: '', SEED_SCENARIO: 'large' },
  stdio: ['ignore', 'pipe', 'inherit'],
})
await new Promise<void>((resolve, reject) => {
  server.stdout.on('data', (chunk: Buffer) => {
    if (chunk.toString().includes('console and API on')) resolve()
  })
  server.on('exit', (code) => reject(new Error(`server exited with ${code}`)))
})
console.log(`server ready in ${((performance.now() - started) / 1000).toFixed(1)} s`)

try {
  const signIn = await fetch(`${origin}/api/v1/session`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Origin: origin },
    body: JSON.stringify({ email: 'wang.fang@acme.example', password: process.env.DEMO_PASSWORD ?? 'governance-demo' }),
  })
  const cookie = (signIn.headers.get('set-cookie') ?? '').split(';')[0] ?? ''
  if (signIn.status !== 200) throw new Error(`sign-in answered ${signIn.status}`)
  const headers = { Cookie: cookie, Origin: origin }

  const queries = ['wang', 'li', 'ac00', 'zhang', 'chen', 'ac099', 'liu', 'yang']
  const load = async (title: string, paths: string[]) => {
    const result = await autocannon({ url: origin, connections: 100, duration: seconds, headers, requests: paths.map((requestPath) => ({ method: 'GET' as const, path: requestPath })) })
    return {
      title,
      requestsPerSecond: Math.round(result.requests.average),
      p50: result.latency.p50,
      p95: result.latency.p97_5,
      p99: result.latency.p99,
      non2xx: result.non2xx,
      statuses: Object.fromEntries(Object.entries(result).filter(([name, value]) => /^\d\dxx$/.test(name) && value !== 0)),
      errors: result.errors,
    }
  }
  const search = await load('member search (100 000 members)', queries.map((q) => `/api/v1/tenants/t-acme/members?q=${q}&limit=50`))
  const apps = await load('apps list', ['/api/v1/tenants/t-acme/apps'])

  const retention = await fetch(`${origin}/api/v1/tenants/t-acme/retention`, { headers })
  const etag = retention.headers.get('etag') ?? ''
  const saves = await Promise.all(
    Array.from({ length: 50 }, (_, index) =>
      fetch(`${origin}/api/v1/tenants/t-acme/retention`, {
        method: 'PUT',
        headers: { ...headers, 'Content-Type': 'application/json', 'If-Match': etag },
        body: JSON.stringify({ chat: { mode: 'period', value: 6 + index, unit: 'years' }, files: { mode: 'forever' } }),
      }).then((response) => response.status),
    ),
  )
  const key = `bench-${Date.now()}`
  const disables = await Promise.all(
    Array.from({ length: 50 }, () =>
      fetch(`${origin}/api/v1/tenants/t-acme/apps/app-acme-bi/disable`, {
        method: 'POST',
        headers: { ...headers, 'Content-Type': 'application/json', 'Idempotency-Key': key },
        body: JSON.stringify({ reason: 'Bench: one key, fifty requests' }),
      }).then((response) => ({ status: response.status, replayed: response.headers.get('idempotent-replayed') === 'true' })),
    ),
  )
  const audit = (await (await fetch(`${origin}/api/v1/tenants/t-acme/audit-events?targetType=app&targetId=app-acme-bi&limit=200`, { headers })).json()) as {
    items: { action: string; reason: string | null }[]
  }
  // The audit log on a million events: filtered by a person and a period, ten pages forward, then back again by the
  // cursors the console keeps (one reader, each page timed end to end); budget 300 ms a page.
  const facets = (await (await fetch(`${origin}/api/v1/tenants/t-acme/audit-events/facets`, { headers })).json()) as { actors: { id: string; name: string }[] }
  const actor = facets.actors.find((candidate) => candidate.id !== 'system')?.id ?? 'admin-acme'
  const timed = async (requestPath: string) => {
    const begun = performance.now()
    const response = await fetch(`${origin}${requestPath}`, { headers })
    const body = (await response.json()) as { items: unknown[]; nextCursor: string | null }
    if (response.status !== 200) throw new Error(`${requestPath} answered ${response.status}`)
    return { ms: performance.now() - begun, body }
  }
  const walk = async (title: string, query: string) => {
    const base = `/api/v1/tenants/t-acme/audit-events?${query}${query ? '&' : ''}limit=50`
    const cursors: string[] = []
    const forward: number[] = []
    let cursor: string | null = null
    for (let page = 0; page < 10; page++) {
      const { ms, body } = await timed(cursor ? `${base}&cursor=${encodeURIComponent(cursor)}` : base)
      forward.push(ms)
      if (!body.nextCursor) break
      cursors.push(body.nextCursor)
      cursor = body.nextCursor
    }
    const back: number[] = []
    for (const earlier of cursors.slice(0, -1).reverse()) back.push((await timed(`${base}&cursor=${encodeURIComponent(earlier)}`)).ms)
    back.push((await timed(base)).ms)
    const sorted = [...forward, ...back].sort((a, b) => a - b)
    return { title, pages: forward.length, p50: Math.round(sorted[Math.floor(sorted.length / 2)] ?? 0), max: Math.round(sorted.at(-1) ?? 0) }
  }
  const auditRows = [
    await walk('audit, everything', ''),
    await walk('audit, one person + 90 days', `actorId=${actor}&from=2026-03-01T00:00:00.000Z&to=2026-05-30T00:00:00.000Z`),
    await walk('audit, one action', 'action=app.disabled'),
  ]
  const auditLoad = await load('audit, person + period (first page)', [`/api/v1/tenants/t-acme/audit-events?actorId=${actor}&from=2026-03-01T00:00:00.000Z&to=2026-05-30T00:00:00.000Z&limit=50`])

  const count = (values: number[], wanted: number) => values.filter((value) => value === wanted).length
  const races = {
    conflictingSaves: { ok: count(saves, 200), preconditionFailed: count(saves, 412), other: saves.length - count(saves, 200) - count(saves, 412) },
    oneKey: {
      ok: disables.filter((answer) => answer.status === 200).length,
      replayed: disables.filter((answer) => answer.replayed).length,
      auditEvents: audit.items.filter((event) => event.action === 'app.disabled' && event.reason === 'Bench: one key, fifty requests').length,
    },
  }

  const machine = `${os.cpus()[0]?.model ?? 'cpu'}, ${os.cpus().length} cores, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}, PostgreSQL ${version}`
  console.log(`\nMachine: ${machine}; server and load generator on one machine (loopback), ${seconds} s per load run, 100 connections`)
  console.log('\n  what                               req/s    p50     p97.5   p99     non-2xx  errors')
  for (const row of [search, apps, auditLoad]) {
    console.log(`  ${row.title.padEnd(34)} ${String(row.requestsPerSecond).padStart(6)}  ${`${row.p50} ms`.padEnd(7)} ${`${row.p95} ms`.padEnd(7)} ${`${row.p99} ms`.padEnd(7)} ${String(row.non2xx).padStart(7)}  ${row.errors}`)
  }
  console.log(`\n  50 conflicting saves of one version: ${races.conflictingSaves.ok} × 200, ${races.conflictingSaves.preconditionFailed} × 412, ${races.conflictingSaves.other} other`)
  console.log(`  50 requests with one Idempotency-Key: ${races.oneKey.ok} × 200 (${races.oneKey.replayed} replayed), ${races.oneKey.auditEvents} audit event(s)`)
  console.log('\n  audit log, 1 000 000 events, one reader   pages  p50      max (forward 10 pages, then back)')
  for (const row of auditRows) console.log(`  ${row.title.padEnd(40)} ${String(row.pages).padStart(5)}  ${`${row.p50} ms`.padEnd(8)} ${row.max} ms`)
  const auditWithinBudget = auditRows.every((row) => row.max <= 300)
  const ok = auditWithinBudget && races.conflictingSaves.ok === 1 && races.conflictingSaves.preconditionFailed === 49 && races.oneKey.auditEvents === 1 && races.oneKey.ok === 50
  const results = path.join('bench', 'results')
  mkdirSync(results, { recursive: true })
  writeFileSync(path.join(results, 'server.json'), JSON.stringify({ date: new Date().toISOString(), machine, seconds, load: [search, apps, auditLoad], audit: auditRows, races }, null, 2))
  console.log(`\n${ok ? 'races resolved as promised, audit pages within 300 ms' : 'RACES OR AUDIT PAGES NOT AS PROMISED'}; bench/results/server.json written`)
  if (!ok) process.exitCode = 1
} finally {
  server.kill('SIGTERM')
}
