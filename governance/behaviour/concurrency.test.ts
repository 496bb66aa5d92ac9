// Races, on a real PostgreSQL (PGlite has one connection and cannot race): many requests at once against one
// version, and many requests with one Idempotency-Key. Needs TEST_DATABASE_URL; says so when it is not set.
import pg from 'pg'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createGovernanceApp, type GovernanceApp } from '../http/app'
import { advanceRemovalJobs } from '../http/removal-jobs'
import { SESSION_COOKIE, startSession } from '../http/session-cookie'
import { SCENARIO_EPOCH_MS } from '../seed/dataset'
import { openSqlStore, type OpenedSqlStore } from '../store/sql/open'

const serverUrl = process.env.TEST_DATABASE_URL
const CONCURRENT = 50

describe.skipIf(!serverUrl)('the SQL store under concurrent requests (PostgreSQL)', () => {
  const name = `tdgc_race_${process.pid}`
  let opened: OpenedSqlStore
  let app: GovernanceApp
  let cookie: string

  beforeAll(async () => {
    const admin = new pg.Client({ connectionString: serverUrl })
    await admin.connect()
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)
    await admin.query(`CREATE DATABASE ${name}`)
    await admin.end()
    const url = new URL(serverUrl ?? '')
    url.pathname = `/${name}`
    opened = await openSqlStore({ databaseUrl: url.toString(), scenario: 'default', maxConnections: 20 })
    app = createGovernanceApp({ store: opened.store, clock: { now: () => SCENARIO_EPOCH_MS }, problems: { exposeServerErrors: false }, secureCookies: false })
  }, 120_000)

  /** A fresh seed (which ends every session) and the administrator signed in. */
  async function freshAndSignedIn() {
    await opened.reset('default')
    const session = await opened.store.transaction((tx) => startSession(tx, 'admin-acme'))
    cookie = `${SESSION_COOKIE}=${session.id}`
  }

  afterAll(async () => {
    await opened?.close()
    const admin = new pg.Client({ connectionString: serverUrl })
    await admin.connect()
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)
    await admin.end()
  })

  const send = (method: string, path: string, body: unknown, headers: Record<string, string>) =>
    app.fetch(new Request(`http://governance.test${path}`, { method, headers: { Cookie: cookie, 'Content-Type': 'application/json', ...headers }, body: JSON.stringify(body) }))

  it(`lets exactly one of ${CONCURRENT} conflicting saves of one version win; the rest are told it moved on (412)`, async () => {
    await freshAndSignedIn()
    const current = await app.fetch(new Request('http://governance.test/api/v1/tenants/t-acme/retention', { headers: { Cookie: cookie } }))
    const etag = current.headers.get('ETag') ?? ''
    const periods = Array.from({ length: CONCURRENT }, (_, index) => ({ mode: 'period', value: 6 + index, unit: 'years' }))
    const answers = await Promise.all(
      periods.map((chat) => send('PUT', '/api/v1/tenants/t-acme/retention', { chat, files: { mode: 'forever' } }, { 'If-Match': etag })),
    )
    const statuses = answers.map((answer) => answer.status)
    expect(statuses.filter((status) => status === 200)).toHaveLength(1)
    expect(statuses.filter((status) => status === 412)).toHaveLength(CONCURRENT - 1)
    const winner = answers[statuses.indexOf(200)]
    const saved = (await winner?.json()) as { policies: { chat: { period: unknown } }; etag: string }
    const after = (await (await app.fetch(new Request('http://governance.test/api/v1/tenants/t-acme/retention', { headers: { Cookie: cookie } }))).json()) as typeof saved
    expect(after.policies.chat.period).toEqual(saved.policies.chat.period)
    expect(after.etag).toBe(saved.etag)
    const audit = (await (await app.fetch(new Request('http://governance.test/api/v1/tenants/t-acme/audit-events?targetType=retention_policy', { headers: { Cookie: cookie } }))).json()) as { items: unknown[] }
    expect(audit.items).toHaveLength(1)
  }, 120_000)

  it(`turns ${CONCURRENT} requests with one Idempotency-Key into one change and one audit event`, async () => {
    await freshAndSignedIn()
    const headers = { 'Idempotency-Key': `race-${Date.now()}` }
    const answers = await Promise.all(
      Array.from({ length: CONCURRENT }, () => send('POST', '/api/v1/tenants/t-acme/apps/app-acme-bi/disable', { reason: 'Vendor breach' }, headers)),
    )
    expect(answers.map((answer) => answer.status)).toEqual(Array.from({ length: CONCURRENT }, () => 200))
    expect(answers.filter((answer) => answer.headers.get('Idempotent-Replayed') === 'true')).toHaveLength(CONCURRENT - 1)
    const audit = (await (
      await app.fetch(new Request('http://governance.test/api/v1/tenants/t-acme/audit-events?targetType=app&targetId=app-acme-bi', { headers: { Cookie: cookie } }))
    ).json()) as { items: { action: string }[] }
    expect(audit.items.filter((event) => event.action === 'app.disabled')).toHaveLength(1)
  }, 120_000)

  it('lets three workers (three server instances) share one bulk removal without removing anyone twice', async () => {
    await freshAndSignedIn()
    const memberIds = Array.from({ length: 30 }, (_, index) => `m-acme-${String(index + 100).padStart(6, '0')}`)
    const started = await send('POST', '/api/v1/tenants/t-acme/member-removal-jobs', { memberIds, handoverToMemberId: null, dataHandling: 'delete', graceDays: 30, reason: 'race' }, { 'Idempotency-Key': `job-${Date.now()}` })
    const job = (await started.json()) as { id: string }
    const clock = { now: () => SCENARIO_EPOCH_MS }
    await Promise.all([1, 2, 3].map(() => advanceRemovalJobs(opened.store, clock, 60_000)))
    const view = (await (await app.fetch(new Request(`http://governance.test/api/v1/tenants/t-acme/member-removal-jobs/${job.id}`, { headers: { Cookie: cookie } }))).json()) as {
      status: string
      done: number
      removed: number
      skipped: number
      failed: number
    }
    expect(view.status).toBe('completed')
    expect(view.done).toBe(30)
    // Members who were already leaving in the seed would be skipped; nobody is removed twice or fails.
    expect(view.removed + view.skipped).toBe(30)
    expect(view.failed).toBe(0)
    for (const memberId of memberIds) {
      const audit = (await (
        await app.fetch(new Request(`http://governance.test/api/v1/tenants/t-acme/audit-events?targetType=member&targetId=${memberId}`, { headers: { Cookie: cookie } }))
      ).json()) as { items: { action: string }[] }
      expect(audit.items.filter((event) => event.action === 'member.removal_scheduled').length).toBeLessThanOrEqual(1)
    }
  }, 120_000)
})

describe.skipIf(Boolean(serverUrl))('the SQL store under concurrent requests', () => {
  it.skip('needs TEST_DATABASE_URL (a PostgreSQL server); PGlite has one connection and cannot show a race', () => {})
})
