// The workbench-app API over msw/node: permissions (a read-only support grant reads but never changes),
// idempotent POSTs, ETag on availability, and every answer checked against the contract by the shared set-up.
import { beforeEach, describe, expect, it } from 'vitest'
import type { components } from '@contract/schema.gen'
import { resetMock } from '../node'

type Schemas = components['schemas']
const BASE = 'http://localhost:3000/api/v1/tenants/t-acme'

beforeEach(() => resetMock())

async function call(method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<Response> {
  return fetch(path.startsWith('http') ? path : BASE + path, {
    method,
    headers: body === undefined ? headers : { 'Content-Type': 'application/json', ...headers },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  })
}

async function signInAs(personaId: string): Promise<void> {
  const response = await call('POST', 'http://localhost:3000/api/v1/mock/session', { personaId })
  expect(response.status).toBe(200)
}

const key = (name: string) => ({ 'Idempotency-Key': `test-key-${name}` })
const json = async <T>(response: Response): Promise<T> => (await response.json()) as T

describe('apps API', () => {
  it('lists apps with server-side filters and the scope catalogue', async () => {
    await signInAs('admin-acme')
    const all = await json<{ items: Schemas['App'][] }>(await call('GET', '/apps'))
    expect(all.items.length).toBeGreaterThanOrEqual(12)
    const disabled = await json<{ items: Schemas['App'][] }>(await call('GET', '/apps?status=disabled&category=finance'))
    expect(disabled.items.map((a) => a.id)).toEqual(['app-acme-expense'])
    const scopes = await json<{ items: Schemas['AppScope'][] }>(await call('GET', '/app-scopes'))
    expect(scopes.items.find((s) => s.id === 'location.precise')).toMatchObject({ sensitive: true })
    expect((await call('GET', '/apps?scope=nope')).status).toBe(400)
  })

  it('lets a read-only support agent read everything but change nothing', async () => {
    await signInAs('support-agent')
    expect((await call('GET', '/apps')).status).toBe(200)
    expect((await call('GET', '/app-requests?status=pending')).status).toBe(200)
    const attempts: Array<[string, string, unknown, Record<string, string>]> = [
      ['POST', '/apps/app-acme-bi/disable', { reason: 'x' }, key('ro-1')],
      ['POST', '/apps/app-acme-expense/enable', { acknowledgedScopes: ['finance.invoices'] }, key('ro-2')],
      ['POST', '/apps/app-acme-expense/remove', {}, key('ro-3')],
      ['PUT', '/apps/app-acme-bi/availability', { mode: 'all', departmentIds: [], memberIds: [], deniedMemberIds: [] }, { 'If-Match': 'W/"1"' }],
      ['POST', '/apps/app-acme-esign/scope-update/approve', { acknowledgedScopes: [] }, key('ro-4')],
      ['POST', '/app-requests/ar-acme-002/deny', { note: 'no' }, key('ro-5')],
      ['POST', '/app-emergency-stop', { target: 'third_party', reason: 'x' }, key('ro-6')],
    ]
    for (const [method, path, body, headers] of attempts) {
      const response = await call(method, path, body, headers)
      expect(response.status, `${method} ${path}`).toBe(403)
      expect(await json<Schemas['Problem']>(response)).toMatchObject({ type: 'urn:problem:read-only-grant' })
    }
    const bi = await json<Schemas['App']>(await call('GET', '/apps/app-acme-bi'))
    expect(bi.status).toBe('enabled')
  })

  it('replays a retried disable instead of disabling twice, and refuses a reused key with another body', async () => {
    await signInAs('admin-acme')
    const first = await call('POST', '/apps/app-acme-bi/disable', { reason: 'Vendor breach' }, key('disable-bi'))
    expect(first.status).toBe(200)
    const retry = await call('POST', '/apps/app-acme-bi/disable', { reason: 'Vendor breach' }, key('disable-bi'))
    expect(retry.status).toBe(200)
    expect(retry.headers.get('Idempotent-Replayed')).toBe('true')
    const other = await call('POST', '/apps/app-acme-bi/disable', { reason: 'Something else' }, key('disable-bi'))
    expect(other.status).toBe(422)
    const history = await json<{ items: Schemas['AuditEvent'][] }>(await call('GET', '/audit-events?targetType=app&targetId=app-acme-bi'))
    expect(history.items.filter((e) => e.action === 'app.disabled')).toHaveLength(1)
    expect((await call('POST', '/apps/app-acme-bi/disable', { reason: 'x' })).status).toBe(400)
  })

  it('changes availability only with the current ETag', async () => {
    await signInAs('admin-acme')
    const current = await call('GET', '/apps/app-acme-survey/availability')
    const etag = current.headers.get('ETag') ?? ''
    expect(etag).toMatch(/^W\/"\d+"$/)
    const body = { mode: 'departments', departmentIds: ['d-acme-rd'], memberIds: [], deniedMemberIds: [] }
    const saved = await call('PUT', '/apps/app-acme-survey/availability', body, { 'If-Match': etag })
    expect(saved.status).toBe(200)
    expect((await call('PUT', '/apps/app-acme-survey/availability', body, { 'If-Match': etag })).status).toBe(412)
  })

  it('removes a disabled app with 204, but refuses an enabled one with 409', async () => {
    await signInAs('admin-acme')
    expect((await call('POST', '/apps/app-acme-bi/remove', {}, key('rm-bi'))).status).toBe(409)
    expect((await call('POST', '/apps/app-acme-expense/remove', {}, key('rm-exp'))).status).toBe(204)
    expect((await call('GET', '/apps/app-acme-expense')).status).toBe(404)
  })

  it('runs an emergency stop and restores it', async () => {
    await signInAs('admin-acme')
    const stop = await call('POST', '/app-emergency-stop', { target: 'third_party', reason: 'Token leak' }, key('stop'))
    expect(stop.status).toBe(201)
    const { snapshotId } = await json<Schemas['AppEmergencyStop']>(stop)
    const state = await json<Schemas['AppEmergencyState']>(await call('GET', '/app-emergency-stop'))
    expect(state.active?.snapshotId).toBe(snapshotId)
    const restored = await call('POST', `/app-emergency-stop/${snapshotId}/restore`, undefined, key('restore'))
    expect(await json<Schemas['AppEmergencyState']>(restored)).toEqual({ active: null })
  })
})
