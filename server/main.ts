// `npm run server`: the console and the governance API on one origin, over PostgreSQL — an embedded PGlite in
// ./.data by default, a real server with DATABASE_URL. `--test-controls` adds the test controls (never in production).
import { mkdirSync } from 'node:fs'
import path from 'node:path'
import { serve } from '@hono/node-server'
import { DEMO_USERS } from '@governance/seed/users'
import { openSqlStore } from '@governance/store/sql/open'
import { createServerApp } from './app'
import { hashPassword } from './passwords'
import { startRemovalJobWorker } from './removal-worker'
import { startRetentionScheduler } from './retention-jobs'
import { testControls as makeTestControls, TestClock } from './test-controls'

const env = process.env
const port = Number(env.PORT ?? 8787)
const host = env.HOST ?? 'localhost'
const testControls = process.argv.includes('--test-controls') || env.TEST_CONTROLS === '1'
const dataDir = path.resolve(env.DATA_DIR ?? '.data')
const staticDir = env.STATIC_DIR === '' ? null : path.resolve(env.STATIC_DIR ?? 'dist-server')
const demoPassword = env.DEMO_PASSWORD ?? 'governance-demo'
const log = (line: string) => console.log(`[server] ${line}`)

if (!env.DATABASE_URL) mkdirSync(dataDir, { recursive: true })
const seedScenario = env.SEED_SCENARIO === 'large' || env.SEED_SCENARIO === 'empty-grants' || env.SEED_SCENARIO === 'hostile' ? env.SEED_SCENARIO : 'default'
const opened = await openSqlStore({
  databaseUrl: env.DATABASE_URL,
  scenario: seedScenario,
  dataDir: env.DATABASE_URL ? undefined : dataDir,
  onIdleError: (error) => log(`database connection dropped: ${error.message}`),
})
const where = env.DATABASE_URL ? `PostgreSQL at ${new URL(env.DATABASE_URL).host}` : `embedded PGlite in ${dataDir}`
log(opened.seeded ? `created, migrated and seeded the demo tenants (${where})` : `using ${where}`)

// Demo accounts sign in with the demo password until someone sets another (and again after a test reset).
const demoHash = await hashPassword(demoPassword)
async function ensureDemoPasswords(): Promise<number> {
  return opened.store.transaction(async (tx) => {
    let set = 0
    for (const user of DEMO_USERS) {
      if ((await tx.access.passwordHash(user.id)) !== null) continue
      await tx.access.setPasswordHash(user.id, demoHash)
      set++
    }
    return set
  })
}
if ((await ensureDemoPasswords()) > 0) log(`demo accounts (${DEMO_USERS.map((user) => user.email).join(', ')}) sign in with the password "${demoPassword}"`)

const clock = new TestClock()
const secure = !['localhost', '127.0.0.1', '::1'].includes(host) && env.INSECURE_COOKIES !== '1'
const controls = testControls ? makeTestControls(opened, clock, ensureDemoPasswords) : null
const app = createServerApp({
  store: opened.store,
  clock: testControls ? clock : { now: () => Date.now() },
  problems: { exposeServerErrors: false, onServerError: (error) => log(`unexpected failure: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`) },
  secureCookies: secure,
  staticDir,
  allowedOrigins: (env.ALLOWED_ORIGINS ?? '').split(',').map((origin) => origin.trim()).filter(Boolean),
  extraRoutes: controls?.routes ?? [],
  apiMiddleware: controls?.faults,
  retentionJobs: controls?.retentionJobs,
  midway: controls?.midway,
})

const stopScheduler = startRetentionScheduler(opened.store, testControls ? clock : { now: () => Date.now() }, log, 60_000, controls?.retentionJobs)
const stopRemovalWorker = startRemovalJobWorker(opened.store, testControls ? clock : { now: () => Date.now() }, log, controls?.removalJobs)

const server = serve({ fetch: app.fetch, port, hostname: host }, (info) => {
  log(`console and API on http://${host}:${info.port}${testControls ? ' (TEST CONTROLS ON: never do this in production)' : ''}`)
})

const stop = async () => {
  stopScheduler()
  stopRemovalWorker()
  server.close()
  await opened.close()
  process.exit(0)
}
process.on('SIGINT', () => void stop())
process.on('SIGTERM', () => void stop())
