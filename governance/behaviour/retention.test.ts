// Behaviour of the retention endpoints, on every store: seeded policies and runs, the preview, changes applied or
// scheduled behind a grace period (ETag/If-Match), cancelling, history paging, legal holds that keep data
// through runs, lazy catch-up with the clock, and a read-only support agent who can look but not change.
import { describe, expect, it } from 'vitest'
import { expectProblem, forEachStore, json, key, type Api, type Schemas } from './harness'
import { runRetentionNow } from '../http/routes/retention'

const R = '/api/v1/tenants/t-acme/retention'
const H = '/api/v1/tenants/t-acme/legal-holds'
const DAY = 86_400_000
const EPOCH = Date.parse('2026-11-20T01:00:00.000Z')
const threeYears = { mode: 'period', value: 3, unit: 'years' } as const
const fiveYears = { mode: 'period', value: 5, unit: 'years' } as const
const ninetyDays = { mode: 'period', value: 90, unit: 'days' } as const
type History = { items: Schemas['RetentionHistoryEntry'][]; nextCursor: string | null }

async function settings(api: Api): Promise<{ view: Schemas['RetentionSettings']; etag: string }> {
  const response = await api.get(R)
  expect(response.status).toBe(200)
  const view = await json<Schemas['RetentionSettings']>(response)
  expect(response.headers.get('ETag')).toBe(view.etag)
  return { view, etag: view.etag }
}

const put = async (api: Api, body: unknown, etag: string) => api.put(R, body, { headers: { 'If-Match': etag } })
const preview = async (api: Api, body: unknown) => json<Schemas['RetentionPreview']>(await api.post(`${R}/preview`, body))

forEachStore((setup, store) => {
  describe(`retention [${store.name}]`, () => {
    async function admin(): Promise<Api> {
      const api = await setup()
      await api.signInAs('admin-acme')
      return api
    }

    it('has Acme’s policies, history and the runs the clock has passed', async () => {
      const api = await admin()
      const { view } = await settings(api)
      expect(view.policies.chat.period).toEqual(threeYears)
      expect(view.policies.files.period).toEqual(fiveYears)
      expect(view.auditLog.minimumDays).toBe(180)
      expect(view.nextRunAt).toBe('2026-11-20T18:00:00.000Z')
      expect(view.recentRuns).toHaveLength(3)
      expect(view.lastRun).toEqual(view.recentRuns[0])
      expect(view.recentRuns.some((run) => run.deletedMessages > 0)).toBe(true)
      const history = await json<History>(await api.get(`${R}/history`))
      expect(history.items.length).toBeGreaterThanOrEqual(6)
      // Looking again changes nothing: runs are settled once.
      expect((await settings(api)).view.recentRuns).toEqual(view.recentRuns)
    })

    it('previews what a shorter chat period would delete, with a chart of volume by age', async () => {
      const api = await admin()
      const result = await preview(api, { chat: ninetyDays, files: fiveYears })
      expect(result.chat.shortens).toBe(true)
      expect(result.chat.toDelete).toBeGreaterThan(10_000)
      expect(result.chat.toDelete).toBeLessThan(result.chat.total)
      expect(result.chat.cutoffDays).toBe(90)
      expect(result.files).toMatchObject({ shortens: false, toDelete: 0 })
      expect(result.chat.buckets.reduce((sum, bucket) => sum + bucket.toDelete, 0)).toBe(result.chat.toDelete)
      expect(result.chat.buckets.reduce((sum, bucket) => sum + bucket.kept + bucket.toDelete + bucket.held, 0)).toBe(result.chat.total)
      expect(result.chat.buckets.filter((bucket) => bucket.toDays <= 90).every((bucket) => bucket.toDelete === 0)).toBe(true)
    })

    it.each([
      [undefined, 'chat:required'],
      ['3 years', 'chat:invalid'],
      [{}, 'chat.mode:required'],
      [{ mode: 'sometimes' }, 'chat.mode:invalid'],
      [{ mode: 'period', unit: 'days' }, 'chat.value:required'],
      [{ mode: 'period', value: '', unit: 'days' }, 'chat.value:required'],
      [{ mode: 'period', value: 'abc', unit: 'days' }, 'chat.value:not_integer'],
      [{ mode: 'period', value: '12', unit: 'days' }, 'chat.value:not_integer'],
      [{ mode: 'period', value: 1.5, unit: 'days' }, 'chat.value:not_integer'],
      [{ mode: 'period', value: 0, unit: 'days' }, 'chat.value:too_small'],
      [{ mode: 'period', value: -3, unit: 'months' }, 'chat.value:too_small'],
      [{ mode: 'period', value: 36_501, unit: 'days' }, 'chat.value:too_large'],
      [{ mode: 'period', value: 1_201, unit: 'months' }, 'chat.value:too_large'],
      [{ mode: 'period', value: 101, unit: 'years' }, 'chat.value:too_large'],
      [{ mode: 'period', value: 3 }, 'chat.unit:required'],
      [{ mode: 'period', value: 3, unit: 'weeks' }, 'chat.unit:invalid'],
    ])('refuses the period %j with one field error', async (chat, expected) => {
      const api = await admin()
      const problem = await expectProblem(await api.post(`${R}/preview`, { chat, files: fiveYears }), 400, 'urn:problem:validation')
      expect(problem.errors?.map((error) => `${error.field}:${error.code}`)).toEqual([expected])
    })

    it('accepts the boundaries of a period and keep forever', async () => {
      const api = await admin()
      for (const chat of [
        { mode: 'period', value: 1, unit: 'days' },
        { mode: 'period', value: 36_500, unit: 'days' },
        { mode: 'period', value: 1_200, unit: 'months' },
        { mode: 'period', value: 100, unit: 'years' },
        { mode: 'forever' },
      ]) {
        expect((await api.post(`${R}/preview`, { chat, files: fiveYears })).status).toBe(200)
      }
    })

    it('applies a longer period at once, with history and one audit event', async () => {
      const api = await admin()
      const { etag } = await settings(api)
      const saved = await put(api, { chat: fiveYears, files: { mode: 'forever' }, reason: '延长' }, etag)
      const view = await json<Schemas['RetentionSettings']>(saved)
      expect(saved.headers.get('ETag')).toBe(view.etag)
      expect(view.etag).not.toBe(etag)
      expect(view.policies.files.period).toEqual({ mode: 'forever' })
      expect(view.policies.chat.period).toEqual(fiveYears)
      expect(view.pending).toBeNull()
      const history = await json<History>(await api.get(`${R}/history?limit=2`))
      expect(history.items.map((entry) => `${entry.kind}:${entry.event}`)).toEqual(['files:applied', 'chat:applied'])
      const audit = await json<{ items: Schemas['AuditEvent'][] }>(await api.get('/api/v1/tenants/t-acme/audit-events?targetType=retention_policy&limit=10'))
      expect(audit.items.filter((event) => event.action === 'retention.changed')).toHaveLength(1)
      expect(audit.items[0]).toMatchObject({ reason: '延长', actor: { id: 'admin-acme' } })
    })

    it('schedules a shorter period after the grace period, deletes nothing past it until then, and then runs', async () => {
      const api = await admin()
      const stored = await preview(api, { chat: ninetyDays, files: fiveYears })
      const { etag } = await settings(api)
      const view = await json<Schemas['RetentionSettings']>(await put(api, { chat: ninetyDays, files: fiveYears, graceDays: 7 }, etag))
      expect(view.policies.chat.period).toEqual(threeYears)
      expect(view.pending?.policies.chat).toEqual(ninetyDays)
      expect(view.pending?.effectiveAt).toBe(new Date(EPOCH + 7 * DAY).toISOString())

      api.clock.set(new Date(EPOCH + 6 * DAY).toISOString())
      const during = (await settings(api)).view
      expect(during.pending).not.toBeNull()
      expect(during.recentRuns[0]?.deletedMessages).toBeLessThan(stored.chat.toDelete / 100)

      const graceEnd = EPOCH + 7 * DAY
      api.clock.set(new Date(graceEnd + 60_000).toISOString())
      const after = (await settings(api)).view
      expect(after.pending).toBeNull()
      expect(after.policies.chat.period).toEqual(ninetyDays)
      expect(after.lastRun?.at).toBe(new Date(graceEnd).toISOString())
      expect(after.lastRun?.deletedMessages).toBeGreaterThan(10_000)
      // What the run deleted is gone: a second look finds nothing more past the cut-off.
      expect((await preview(api, { chat: ninetyDays, files: fiveYears })).chat.toDelete).toBe(0)
      expect((await json<History>(await api.get(`${R}/history?limit=1`))).items[0]?.event).toBe('took_effect')
      // The audit log has both as the platform's own doing: the change taking effect and the run that deleted.
      const system = (await json<{ items: Schemas['AuditEvent'][] }>(await api.get('/api/v1/tenants/t-acme/audit-events?actorId=system&limit=100'))).items
      const tookEffect = system.find((event) => event.action === 'retention.change_took_effect')
      expect(tookEffect).toMatchObject({ actor: { role: 'system' }, targetType: 'retention_policy', after: { chat: { mode: 'period' } } })
      const run = system.find((event) => event.action === 'retention.run_completed' && event.targetId === new Date(graceEnd).toISOString())
      expect((run?.after as { deletedMessages: number }).deletedMessages).toBe(after.lastRun?.deletedMessages)
    })

    it('records a run that fails as failed, deletes nothing, waits longer after each failure, and completes on a retry', async () => {
      const api = await admin()
      const { etag } = await settings(api)
      await put(api, { chat: ninetyDays, files: fiveYears, graceDays: 7 }, etag)
      const at = (ms: number) => new Date(ms).toISOString()
      const graceEnd = EPOCH + 7 * DAY
      api.failNextRuns(2)

      api.clock.set(at(graceEnd + 60_000))
      const failed = (await settings(api)).view
      expect(failed.lastRun).toMatchObject({ outcome: 'failed', at: at(graceEnd + 60_000), retryAt: at(graceEnd + 2 * 60_000), deletedMessages: 0, deletedFiles: 0 })
      expect(failed.pending?.policies.chat).toEqual(ninetyDays)
      expect(failed.policies.chat.period).toEqual(threeYears)
      // Until its retry time nobody tries again: another look records nothing new.
      expect((await settings(api)).view.recentRuns.filter((run) => run.outcome === 'failed')).toHaveLength(1)

      api.clock.set(at(graceEnd + 2 * 60_000))
      expect((await settings(api)).view.lastRun).toMatchObject({ outcome: 'failed', retryAt: at(graceEnd + 4 * 60_000) })

      api.clock.set(at(graceEnd + 4 * 60_000))
      const done = (await settings(api)).view
      expect(done.lastRun).toMatchObject({ outcome: 'completed', retryAt: null })
      expect(done.lastRun?.deletedMessages).toBeGreaterThan(10_000)
      expect(done.pending).toBeNull()
      expect(done.policies.chat.period).toEqual(ninetyDays)
      // The failed attempts stay in the history, behind the completed catch-up.
      const outcomes = done.recentRuns.map((run) => run.outcome)
      expect(outcomes.filter((outcome) => outcome === 'failed')).toHaveLength(2)
      expect(outcomes.indexOf('failed')).toBeGreaterThan(0)
      const failures = await json<{ items: Schemas['AuditEvent'][] }>(await api.get('/api/v1/tenants/t-acme/audit-events?action=retention.run_failed'))
      expect(failures.items.map((event) => [event.actor.id, (event.after as { retryAt: string }).retryAt])).toEqual([
        ['system', at(graceEnd + 4 * 60_000)],
        ['system', at(graceEnd + 2 * 60_000)],
      ])
    })

    it('lets the scheduled change be cancelled until the grace period ends, once, replaying a retried cancel', async () => {
      const api = await admin()
      await put(api, { chat: ninetyDays, files: fiveYears }, (await settings(api)).etag)
      api.clock.set(new Date(EPOCH + DAY).toISOString())
      const headers = key('cancel')
      const cancelled = await api.post(`${R}/pending/cancel`, { reason: '误操作' }, { headers })
      const view = await json<Schemas['RetentionSettings']>(cancelled)
      expect(view.pending).toBeNull()
      expect(view.policies.chat.period).toEqual(threeYears)
      const retry = await api.post(`${R}/pending/cancel`, { reason: '误操作' }, { headers })
      expect(retry.headers.get('Idempotent-Replayed')).toBe('true')
      await expectProblem(await api.post(`${R}/pending/cancel`, { reason: 'other' }, { headers }), 422, 'urn:problem:idempotency-mismatch')
      await expectProblem(await api.post(`${R}/pending/cancel`, {}, { headers: key() }), 409, 'urn:problem:conflict')
      await expectProblem(await api.post(`${R}/pending/cancel`, {}), 400, 'urn:problem:validation')
      api.clock.set(new Date(EPOCH + 10 * DAY).toISOString())
      expect((await settings(api)).view.policies.chat.period).toEqual(threeYears)
    })

    it('a scheduled shortening replaced by a longer period is withdrawn in the history and never runs', async () => {
      const api = await admin()
      await put(api, { chat: ninetyDays, files: fiveYears }, (await settings(api)).etag)
      const sevenYears = { mode: 'period', value: 7, unit: 'years' } as const
      const replaced = await json<Schemas['RetentionSettings']>(await put(api, { chat: sevenYears, files: fiveYears }, (await settings(api)).etag))
      expect(replaced.pending).toBeNull()
      expect(replaced.policies.chat.period).toEqual(sevenYears)
      const history = await json<History>(await api.get(`${R}/history?limit=3`))
      expect(history.items.map((entry) => `${entry.kind}:${entry.event}`)).toEqual(['chat:applied', 'chat:withdrawn', 'chat:scheduled'])
      expect(history.items[1]).toMatchObject({ after: ninetyDays })
      api.clock.set(new Date(EPOCH + 40 * DAY).toISOString())
      expect((await settings(api)).view.policies.chat.period).toEqual(sevenYears)
    })

    it('needs If-Match, refuses a stale ETag with the current version, and invalid input with field errors', async () => {
      const api = await admin()
      const stale = (await settings(api)).etag
      await expectProblem(await api.put(R, { chat: fiveYears, files: fiveYears }), 400, 'urn:problem:validation')
      expect((await put(api, { chat: fiveYears, files: fiveYears }, stale)).status).toBe(200)
      const conflict = await expectProblem(await put(api, { chat: threeYears, files: { mode: 'forever' } }, stale), 412, 'urn:problem:stale-etag')
      expect((conflict as { current?: Schemas['RetentionSettings'] }).current?.policies.chat.period).toEqual(fiveYears)
      await expectProblem(await put(api, { chat: threeYears, files: fiveYears }, 'W/"nonsense"'), 412, 'urn:problem:stale-etag')
      const current = (await settings(api)).etag
      const invalid = await expectProblem(await put(api, { chat: { mode: 'period', value: 1.5, unit: 'days' }, files: fiveYears }, current), 400, 'urn:problem:validation')
      expect(invalid.errors?.map((error) => `${error.field}:${error.code}`)).toEqual(['chat.value:not_integer'])
      const auditLog = await expectProblem(await put(api, { chat: fiveYears, files: fiveYears, auditLog: { days: 30 } }, current), 400, 'urn:problem:validation')
      expect(auditLog.errors?.map((error) => `${error.field}:${error.code}`)).toEqual(['auditLog:invalid'])
      const grace = await expectProblem(await put(api, { chat: ninetyDays, files: fiveYears, graceDays: 91 }, current), 400, 'urn:problem:validation')
      expect(grace.errors?.[0]).toMatchObject({ field: 'graceDays', code: 'too_large' })
    })

    it('pages the history with a cursor bound to the tenant', async () => {
      const api = await admin()
      const first = await json<History>(await api.get(`${R}/history?limit=2`))
      expect(first.items).toHaveLength(2)
      expect(first.nextCursor).not.toBeNull()
      const second = await json<History>(await api.get(`${R}/history?limit=2&cursor=${encodeURIComponent(first.nextCursor ?? '')}`))
      expect(second.items.map((entry) => entry.id)).not.toContain(first.items[0]?.id)
      await api.signInAs('admin-northwind')
      await expectProblem(await api.get(`/api/v1/tenants/t-northwind/retention/history?cursor=${encodeURIComponent(first.nextCursor ?? '')}`), 400, 'urn:problem:validation')
    })

    it('keeps held data through a run and lets the next run delete it once the hold is lifted', async () => {
      const api = await admin()
      const holds = await json<{ items: Schemas['LegalHold'][]; groups: Schemas['ChatGroup'][] }>(await api.get(H))
      expect(holds.groups.map((group) => group.id)).toContain('g-acme-01')
      const before = await preview(api, { chat: ninetyDays, files: fiveYears })
      const placed = await api.post(H, { targetType: 'group', targetId: 'g-acme-01', reason: '诉讼保全' }, { headers: key() })
      expect(placed.status).toBe(201)
      const hold = await json<Schemas['LegalHold']>(placed)
      expect(hold).toMatchObject({ targetName: holds.groups.find((group) => group.id === 'g-acme-01')?.name, releasedAt: null, placedBy: { id: 'admin-acme' } })
      await expectProblem(await api.post(H, { targetType: 'group', targetId: 'g-acme-01', reason: 'again' }, { headers: key() }), 409, 'urn:problem:conflict')
      const heldPreview = await preview(api, { chat: ninetyDays, files: fiveYears })
      expect(heldPreview.chat.held).toBeGreaterThan(0)
      expect(heldPreview.chat.toDelete + heldPreview.chat.held).toBe(before.chat.toDelete)

      // A 90-day policy in force at once (by the grace period's end) drives the runs.
      await put(api, { chat: ninetyDays, files: fiveYears, graceDays: 1 }, (await settings(api)).etag)
      api.clock.set(new Date(EPOCH + DAY + 60_000).toISOString())
      const run = (await settings(api)).view.lastRun
      expect(run?.deletedMessages).toBeGreaterThan(0)
      expect(run?.heldMessages).toBeGreaterThan(0)
      expect((await preview(api, { chat: ninetyDays, files: fiveYears })).chat.held).toBe(run?.heldMessages)

      const released = await json<Schemas['LegalHold']>(await api.post(`${H}/${hold.id}/release`, { reason: '案件结束' }, { headers: key() }))
      expect(released).toMatchObject({ releaseReason: '案件结束', releasedBy: { id: 'admin-acme' } })
      await expectProblem(await api.post(`${H}/${hold.id}/release`, { reason: 'again' }, { headers: key() }), 409, 'urn:problem:conflict')
      const next = await api.store.transaction((tx) => runRetentionNow(tx, 't-acme', api.clock.now()))
      expect(next.heldMessages).toBe(0)
      expect(next.deletedMessages).toBeGreaterThanOrEqual(run?.heldMessages ?? 0)
      expect((await preview(api, { chat: ninetyDays, files: fiveYears })).chat.toDelete).toBe(0)
      const audit = await json<{ items: Schemas['AuditEvent'][] }>(await api.get('/api/v1/tenants/t-acme/audit-events?targetType=legal_hold&limit=10'))
      expect(audit.items.map((event) => event.action)).toEqual(['legal_hold.released', 'legal_hold.placed'])
    })

    it('refuses a hold without a reason, on someone who is not in the tenant, or that does not exist', async () => {
      const api = await admin()
      expect((await expectProblem(await api.post(H, { targetType: 'member', targetId: 'm-acme-000001', reason: ' ' }, { headers: key() }), 400, 'urn:problem:validation')).errors?.[0]?.field).toBe('reason')
      expect((await expectProblem(await api.post(H, { targetType: 'member', targetId: 'nobody', reason: 'x' }, { headers: key() }), 400, 'urn:problem:validation')).errors?.[0]?.code).toBe('invalid')
      expect((await expectProblem(await api.post(H, { targetType: 'member', targetId: 'm-northwind-000001', reason: 'x' }, { headers: key() }), 400, 'urn:problem:validation')).errors?.[0]?.code).toBe('invalid')
      const member = await json<Schemas['LegalHold']>(await api.post(H, { targetType: 'member', targetId: 'm-acme-000001', reason: 'Investigation' }, { headers: key() }))
      expect(member.targetName).not.toBe('m-acme-000001')
      await expectProblem(await api.post(`${H}/lh-nope/release`, { reason: 'x' }, { headers: key() }), 404, 'urn:problem:not-found')
    })

    it('lets a read-only support agent read retention but change nothing', async () => {
      const api = await setup()
      await api.signInAs('support-agent')
      const { etag } = await settings(api)
      expect((await api.get(H)).status).toBe(200)
      expect((await api.get(`${R}/history`)).status).toBe(200)
      expect((await api.post(`${R}/preview`, { chat: ninetyDays, files: fiveYears })).status).toBe(200)
      await expectProblem(await put(api, { chat: fiveYears, files: fiveYears }, etag), 403, 'urn:problem:read-only-grant')
      await expectProblem(await api.post(`${R}/pending/cancel`, {}, { headers: key() }), 403, 'urn:problem:read-only-grant')
      await expectProblem(await api.post(H, { targetType: 'group', targetId: 'g-acme-01', reason: 'x' }, { headers: key() }), 403, 'urn:problem:read-only-grant')
    })
  })
})
