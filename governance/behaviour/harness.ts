// The behaviour suite's harness: the governance app over each store the project has, driven with Fetch
// requests as the console sends them, and every answer checked against api/openapi.yaml.
import { auditTamperRoute, injectDeregistrationRoute } from '../http/control-routes'
import { advanceAuditExports } from '../http/audit-exports'
import { expireSupportGrants } from '../http/routes/support'
import { advanceRemovalJobs } from '../http/removal-jobs'
import { afterAll, expect } from 'vitest'
import { validateAgainstContract } from '@contract/response-contract'
import type { components } from '@contract/schema.gen'
import type { ScenarioName } from '../seed/dataset'
import { SCENARIO_EPOCH_MS } from '../seed/dataset'
import { createMemoryStore } from '../store/memory/memory-store'
import { volatilePersistence } from '../store/memory/tables'
import { openSqlStore, type OpenedSqlStore } from '../store/sql/open'
import pg from 'pg'
import type { GovernanceStore } from '../store/port'
import { createGovernanceApp, type GovernanceApp } from '../http/app'
import { RunFailure } from '../rules/retention/runs'
import { SESSION_COOKIE, startSession } from '../http/session-cookie'

export type Schemas = components['schemas']

/** A store the suite runs on; every adapter of the storage port is listed here. */
export interface StoreFactory {
  name: string
  create(scenario: ScenarioName): Promise<GovernanceStore>
}

/**
 * SQL stores are opened once per test file (PGlite starts in seconds, not milliseconds) and reset to the scenario
 * before each test: TRUNCATE and seed again, a few hundred milliseconds.
 */
const openedSql = new Map<string, OpenedSqlStore>()
const sqlCleanups: (() => Promise<void>)[] = []

async function sqlStore(name: string, scenario: ScenarioName, databaseUrl?: string): Promise<GovernanceStore> {
  const opened = openedSql.get(name)
  if (opened) {
    await opened.reset(scenario)
    return opened.store
  }
  const fresh = await openSqlStore({ databaseUrl, scenario })
  openedSql.set(name, fresh)
  sqlCleanups.push(() => fresh.close())
  if (!fresh.seeded) await fresh.reset(scenario)
  return fresh.store
}

/** A database of this test file's own on the PostgreSQL server named by TEST_DATABASE_URL, dropped afterwards. */
async function ownDatabase(serverUrl: string): Promise<string> {
  const name = `tdgc_behaviour_${process.pid}_${Math.random().toString(36).slice(2, 8)}`
  const admin = new pg.Client({ connectionString: serverUrl })
  await admin.connect()
  await admin.query(`CREATE DATABASE ${name}`)
  await admin.end()
  sqlCleanups.push(async () => {
    const dropper = new pg.Client({ connectionString: serverUrl })
    await dropper.connect()
    await dropper.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)
    await dropper.end()
  })
  const url = new URL(serverUrl)
  url.pathname = `/${name}`
  return url.toString()
}

let postgresUrl: Promise<string> | null = null
const testDatabaseUrl = process.env.TEST_DATABASE_URL

export const storeFactories: StoreFactory[] = [
  {
    name: 'memory',
    create: (scenario) => createMemoryStore(volatilePersistence(), scenario),
  },
  {
    name: 'pglite',
    create: (scenario) => sqlStore('pglite', scenario),
  },
  ...(testDatabaseUrl
    ? [
        {
          name: 'postgres',
          create: async (scenario: ScenarioName) => sqlStore('postgres', scenario, await (postgresUrl ??= ownDatabase(testDatabaseUrl))),
        },
      ]
    : []),
]

/** The governance clock under the suite's control: frozen at the scenario epoch until moved. */
export class TestClock {
  private current = SCENARIO_EPOCH_MS
  now = () => this.current
  set(iso: string) {
    this.current = Date.parse(iso)
  }
  advance(ms: number) {
    this.current += ms
  }
}

export interface CallOptions {
  headers?: Record<string, string>
  /** Skip the contract check (a test that sends or expects something the contract does not describe). */
  unchecked?: boolean
}

export class Api {
  readonly clock = new TestClock()
  readonly app: GovernanceApp
  private cookie: string | null = null
  private runFailures = 0

  constructor(readonly store: GovernanceStore) {
    const retentionJobs = {
      beforeRun: (tenantId: string) => {
        if (this.runFailures <= 0) return
        this.runFailures--
        throw new RunFailure(`deleting ${tenantId}'s data failed (behaviour suite)`)
      },
    }
    // The control route through which the platform forwards a member's request: mounted by the mock and by a server
    // with test controls, so it runs on every store here too.
    const midway = (path: string) => {
      if (this.failingMidway.delete(path)) throw new Error(`${path} failed midway (behaviour suite)`)
    }
    this.app = createGovernanceApp({ store, clock: this.clock, problems: { exposeServerErrors: false }, secureCookies: false, retentionJobs, midway }, [injectDeregistrationRoute, auditTamperRoute])
  }

  /** Steps (by fault path, e.g. `/jobs/kin/{id}/fulfilment`) whose next run fails after it wrote and before it commits. */
  readonly failingMidway = new Set<string>()

  /** Members whose removal in a bulk job fails (as when a system holding their data cannot be reached). */
  readonly failingRemovals = new Set<string>()

  /** The server's bulk-removal worker: works on the running jobs for up to `budgetMs`. */
  advanceJobs(budgetMs = Number.POSITIVE_INFINITY): Promise<number> {
    return advanceRemovalJobs(this.store, this.clock, budgetMs, {
      beforeRemoval: (_tenantId, memberId) => {
        if (this.failingRemovals.has(memberId)) throw new Error(`the removal of ${memberId} failed (behaviour suite)`)
      },
    })
  }

  /** The server's worker on audit exports: writes their stretches for up to `budgetMs`. */
  advanceExports(budgetMs = Number.POSITIVE_INFINITY): Promise<number> {
    return advanceAuditExports(this.store, this.clock, budgetMs)
  }

  /** The server's worker on support grants: records the expiry of those whose time ran out. */
  expireGrants(): Promise<number> {
    return expireSupportGrants(this.store, this.clock)
  }

  /** The next `count` deletion runs fail, as when the storage that holds the data cannot delete it. */
  failNextRuns(count: number): void {
    this.runFailures = count
  }

  /** Signs in as a demo user (the suite seeds the session; sign-in itself is a deployment's route). */
  async signInAs(userId: string): Promise<void> {
    const session = await this.store.transaction((tx) => startSession(tx, userId))
    this.cookie = `${SESSION_COOKIE}=${session.id}`
  }

  signOut(): void {
    this.cookie = null
  }

  async call(method: string, path: string, body?: unknown, options: CallOptions = {}): Promise<Response> {
    const headers: Record<string, string> = { ...options.headers }
    if (body !== undefined) headers['Content-Type'] ??= body instanceof Uint8Array ? 'application/octet-stream' : 'application/json'
    if (this.cookie) headers.Cookie = this.cookie
    const response = await this.app.fetch(
      new Request(`http://governance.test${path}`, {
        method,
        headers,
        ...(body !== undefined ? { body: body instanceof Uint8Array || typeof body === 'string' ? (body as BodyInit) : JSON.stringify(body) } : {}),
      }),
    )
    const setCookie = response.headers.get('Set-Cookie')
    if (setCookie?.startsWith(`${SESSION_COOKIE}=`)) {
      const value = setCookie.slice(SESSION_COOKIE.length + 1).split(';')[0] ?? ''
      this.cookie = value === '' ? null : `${SESSION_COOKIE}=${value}`
    }
    if (!options.unchecked) {
      const text = await response.clone().text()
      const contentType = response.headers.get('content-type')
      const parsed: unknown = text && /json/.test(contentType ?? '') ? JSON.parse(text) : text || undefined
      const violations = validateAgainstContract(method, new URL(`http://governance.test${path}`).pathname, response.status, contentType, parsed)
      expect(violations, `${method} ${path}: answer breaks the contract`).toEqual([])
    }
    return response
  }

  get = (path: string, options?: CallOptions) => this.call('GET', path, undefined, options)
  post = (path: string, body?: unknown, options?: CallOptions) => this.call('POST', path, body, options)
  put = (path: string, body?: unknown, options?: CallOptions) => this.call('PUT', path, body, options)
  delete = (path: string, options?: CallOptions) => this.call('DELETE', path, undefined, options)
}

export async function json<T>(response: Response): Promise<T> {
  return (await response.json()) as T
}

export async function expectProblem(response: Response, status: number, type: string): Promise<Schemas['Problem']> {
  expect(response.status).toBe(status)
  expect(response.headers.get('content-type')).toBe('application/problem+json')
  const problem = await json<Schemas['Problem']>(response)
  expect(problem).toMatchObject({ status, type })
  expect(typeof problem.title).toBe('string')
  return problem
}

let keys = 0
/** A fresh Idempotency-Key header, as the console makes one per user action. */
export const key = (name = 'action') => ({ 'Idempotency-Key': `behaviour-${name}-${++keys}-${Date.now()}` })

/** Runs `define` once per store adapter, with a fresh store per test. */
export function forEachStore(define: (setup: (scenario?: ScenarioName) => Promise<Api>, store: StoreFactory) => void): void {
  afterAll(async () => {
    for (const cleanup of sqlCleanups.splice(0).reverse()) await cleanup()
    openedSql.clear()
    postgresUrl = null
  })
  for (const factory of storeFactories) define(async (scenario = 'default') => new Api(await factory.create(scenario)), factory)
}
