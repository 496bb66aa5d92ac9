// Behaviour of the audit log on every store: filters by person, action, target and period with a cursor bound to
// them, the filters' choices, the hash chain (intact, an entry edited, an entry deleted), append-only storage, and
// exports to CSV as jobs whose every row matches the filter with hostile text neutralised.
import { describe, expect, it } from 'vitest'
import type { SqlStore } from '../store/sql/sql-store'
import { expectProblem, forEachStore, json, key, type Api, type Schemas } from './harness'
import { readCsv } from './csv-reader'

const T = '/api/v1/tenants/t-acme'
type Page = { items: Schemas['AuditEvent'][]; nextCursor: string | null }

const HOSTILE = ['=cmd|\' /C calc\'!A0', 'Line one, "quoted"\nline two', '+SUM(A1:A9)', '@import', '-2+3']

/** A few entries by two administrators: disable and enable apps, with hostile reasons. */
async function makeHistory(api: Api): Promise<void> {
  await api.signInAs('admin-acme')
  for (const [index, reason] of HOSTILE.entries()) {
    api.clock.advance(60_000)
    expect((await api.post(`${T}/apps/app-acme-bi/disable`, { reason }, { headers: key(`d${index}`) })).status).toBe(200)
    api.clock.advance(60_000)
    expect((await api.post(`${T}/apps/app-acme-bi/enable`, { acknowledgedScopes: ['crm.customers'] }, { headers: key(`e${index}`) })).status).toBe(200)
  }
  await api.signInAs('admin-acme-2')
  api.clock.advance(60_000)
  expect((await api.post(`${T}/apps/app-acme-bi/disable`, { reason: 'Second admin' }, { headers: key('d-2') })).status).toBe(200)
}

async function allPages(api: Api, query: string, limit = 3): Promise<Schemas['AuditEvent'][]> {
  const items: Schemas['AuditEvent'][] = []
  let cursor: string | null = ''
  while (cursor !== null) {
    const page: Page = await json<Page>(await api.get(`${T}/audit-events?limit=${limit}${query}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`))
    items.push(...page.items)
    cursor = page.nextCursor
  }
  return items
}

forEachStore((setup, store) => {
  describe(`audit log [${store.name}]`, () => {
    it('filters by person, action, target and period, newest first, page after page with a cursor bound to the filter', async () => {
      const api = await setup()
      await makeHistory(api)
      const all = await allPages(api, '', 4)
      const times = all.map((event) => `${event.at}#${String(event.seq).padStart(10, '0')}`)
      expect(times).toEqual([...times].sort().reverse())
      expect(all[0]).toMatchObject({ action: 'app.disabled', actor: { id: 'admin-acme-2' }, reason: 'Second admin' })
      expect(new Set(all.map((event) => event.id)).size).toBe(all.length)

      const byActor = await allPages(api, '&actorId=admin-acme-2')
      expect(byActor[0]?.reason).toBe('Second admin')
      expect(byActor.every((event) => event.actor.id === 'admin-acme-2')).toBe(true)
      expect(byActor.length).toBe(all.filter((event) => event.actor.id === 'admin-acme-2').length)
      const disabled = await allPages(api, '&action=app.disabled')
      expect(disabled.length).toBeGreaterThanOrEqual(6)
      expect(disabled.every((event) => event.action === 'app.disabled')).toBe(true)
      const bi = await allPages(api, '&targetType=app&targetId=app-acme-bi')
      expect(bi.every((event) => event.targetId === 'app-acme-bi')).toBe(true)
      // The period: from the second disable to before the last one (from inclusive, to exclusive).
      const mine = disabled.filter((event) => event.actor.id === 'admin-acme').reverse()
      const from = mine[1]?.at ?? ''
      const to = disabled[0]?.at ?? ''
      const period = await allPages(api, `&action=app.disabled&from=${encodeURIComponent(from)}&to=${encodeURIComponent(to)}`)
      expect(period.map((event) => event.at)).toEqual(mine.slice(1).reverse().map((event) => event.at))

      const first = await json<Page>(await api.get(`${T}/audit-events?limit=2&action=app.disabled`))
      const other = await api.get(`${T}/audit-events?limit=2&action=app.enabled&cursor=${encodeURIComponent(first.nextCursor ?? '')}`)
      expect((await expectProblem(other, 400, 'urn:problem:validation')).errors?.[0]?.field).toBe('cursor')
      const backwards = await api.get(`${T}/audit-events?from=${encodeURIComponent(to)}&to=${encodeURIComponent(from)}`)
      expect((await expectProblem(backwards, 400, 'urn:problem:validation')).errors?.[0]?.field).toBe('to')
    })

    it('offers everyone in the log as a filter choice, the system and support agents included, with every action', async () => {
      const api = await setup()
      await makeHistory(api)
      await api.post('/api/v1/mock/deregistration-requests', { tenantId: 't-acme', memberId: 'm-acme-000030' })
      await api.signInAs('support-agent')
      const facets = await json<Schemas['AuditFacets']>(await api.get(`${T}/audit-events/facets`))
      expect(facets.actors.map((actor) => actor.id)).toEqual(expect.arrayContaining(['admin-acme', 'admin-acme-2', 'system']))
      expect(facets.actors.find((actor) => actor.id === 'system')).toMatchObject({ role: 'system' })
      expect(facets.actions).toEqual(expect.arrayContaining(['app.disabled', 'app.enabled', 'deregistration.received', 'support_grant.created']))
      expect(facets.targetTypes).toEqual(expect.arrayContaining(['app', 'member']))
      expect(facets.actions).toEqual([...facets.actions].sort())
    })

    it('checks the hash chain stretch by stretch, and names an entry edited behind the application’s back', async () => {
      const api = await setup()
      await makeHistory(api)
      await api.signInAs('admin-acme')
      const check = async (afterSeq: number, limit: number) => json<Schemas['AuditChainCheck']>(await api.get(`${T}/audit-chain?afterSeq=${afterSeq}&limit=${limit}`))
      let progress = await check(0, 4)
      const lastSeq = progress.lastSeq
      while (!progress.done) progress = await check(progress.checkedTo, 4)
      expect(progress).toMatchObject({ checkedTo: lastSeq, done: true, broken: null })

      const victim = lastSeq - 3
      expect((await api.post('/api/v1/mock/audit-tamper', { tenantId: 't-acme', seq: victim, change: 'edit_reason', reason: 'Nothing to see' })).status).toBe(204)
      const found = await check(0, 50_000)
      expect(found).toMatchObject({ checkedTo: victim, done: true, broken: { seq: victim, problem: 'content_changed', entry: { seq: victim, reason: 'Nothing to see' } } })
      // A stretch that starts after the edited entry sees its own entries intact.
      expect(await check(victim, 50_000)).toMatchObject({ broken: null, done: true })
    })

    it('names a deleted entry as missing, and keeps numbering after it', async () => {
      const api = await setup()
      await makeHistory(api)
      const { lastSeq } = await json<Schemas['AuditChainCheck']>(await api.get(`${T}/audit-chain?limit=1`))
      expect((await api.post('/api/v1/mock/audit-tamper', { tenantId: 't-acme', seq: lastSeq, change: 'delete' })).status).toBe(204)
      const found = await json<Schemas['AuditChainCheck']>(await api.get(`${T}/audit-chain`))
      expect(found).toMatchObject({ lastSeq, broken: { seq: lastSeq, problem: 'missing', entry: null } })
      // The next entry takes the next number, not the deleted one's.
      await api.post(`${T}/apps/app-acme-bi/enable`, { acknowledgedScopes: ['crm.customers'] }, { headers: key('after-delete') })
      const [newest] = (await json<Page>(await api.get(`${T}/audit-events?limit=1`))).items
      expect(newest?.seq).toBe(lastSeq + 1)
      await expectProblem(await api.post('/api/v1/mock/audit-tamper', { tenantId: 't-acme', seq: lastSeq, change: 'delete' }), 404, 'urn:problem:not-found')
    })

    if (store.name !== 'memory') {
      it('refuses to change or delete an entry in the database itself', async () => {
        const api = await setup()
        const { client } = api.store as SqlStore
        await expect(client.query("UPDATE audit_events SET reason = 'rewritten' WHERE tenant_id = 't-acme'")).rejects.toThrow(/cannot be changed or deleted/)
        await expect(client.query("DELETE FROM audit_events WHERE tenant_id = 't-acme'")).rejects.toThrow(/cannot be changed or deleted/)
      })
    }

    it('exports the filtered entries to CSV as a job: every row matches, hostile text neutralised, the export itself audited', async () => {
      const api = await setup()
      await makeHistory(api)
      await api.signInAs('admin-acme')
      const matching = await allPages(api, '&action=app.disabled&actorId=admin-acme', 200)
      const started = await api.post(`${T}/audit-exports`, { filter: { action: 'app.disabled', actorId: 'admin-acme' } }, { headers: key('export') })
      expect(started.status).toBe(201)
      const job = await json<Schemas['AuditExport']>(started)
      expect(job).toMatchObject({ status: 'running', total: matching.length, done: 0, filter: { action: 'app.disabled', actorId: 'admin-acme' } })
      await expectProblem(await api.get(`${T}/audit-exports/${job.id}/file`), 409, 'urn:problem:conflict')
      await api.advanceExports()
      expect(await json<Schemas['AuditExport']>(await api.get(`${T}/audit-exports/${job.id}`))).toMatchObject({ status: 'completed', done: matching.length })

      const file = await api.get(`${T}/audit-exports/${job.id}/file`)
      expect(file.headers.get('content-type')).toBe('text/csv; charset=utf-8')
      expect(file.headers.get('content-disposition')).toMatch(/^attachment; filename="audit-log-t-acme-\d{8}-\d{6}\.csv"$/)
      const bytes = new Uint8Array(await file.arrayBuffer())
      expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf])
      const [headings, ...rows] = readCsv(new TextDecoder().decode(bytes))
      expect(headings?.[7]).toBe('Action')
      expect(rows).toHaveLength(matching.length)
      for (const row of rows) {
        expect(row).toHaveLength(headings?.length ?? 0)
        expect(row[7]).toBe('app.disabled')
        expect(row[3]).toBe('admin-acme')
      }
      expect(rows.map((row) => Number(row[1]))).toEqual(matching.map((event) => event.seq))
      const reasons = rows.map((row) => row[13])
      expect(reasons.slice(0, HOSTILE.length)).toEqual([...HOSTILE].reverse().map((reason) => (/^[=+\-@]/.test(reason) ? `'${reason}` : reason)))
      expect(reasons.every((reason) => !/^[=+\-@]/.test(reason ?? ''))).toBe(true)

      const exported = (await json<Page>(await api.get(`${T}/audit-events?action=audit.exported`))).items
      expect(exported).toEqual([expect.objectContaining({ targetId: job.id, actor: expect.objectContaining({ id: 'admin-acme' }), after: { entries: matching.length, filter: job.filter } })])
    })

    it('writes a long export a stretch at a time, resumable, with nothing twice', async () => {
      const api = await setup()
      await api.signInAs('admin-acme')
      for (let index = 0; index < 30; index++) {
        api.clock.advance(1_000)
        await api.post(`${T}/apps/app-acme-bi/${index % 2 === 0 ? 'disable' : 'enable'}`, index % 2 === 0 ? { reason: `Round ${index}` } : { acknowledgedScopes: ['crm.customers'] }, { headers: key(`r${index}`) })
      }
      const job = await json<Schemas['AuditExport']>(await api.post(`${T}/audit-exports`, { filter: {}, language: 'zh-CN' }, { headers: key('all') }))
      // Entries written after the export started are not in it.
      await api.post(`${T}/apps/app-acme-bi/enable`, { acknowledgedScopes: ['crm.customers'] }, { headers: key('later') })
      const [later] = (await json<Page>(await api.get(`${T}/audit-events?limit=1`))).items
      await api.advanceExports(0)
      await api.advanceExports()
      const [headings, ...rows] = readCsv(await (await api.get(`${T}/audit-exports/${job.id}/file`)).text())
      expect(headings?.[0]).toBe('时间 (UTC)')
      expect(rows).toHaveLength(job.total)
      const numbers = rows.map((row) => Number(row[1]))
      expect(new Set(numbers).size).toBe(numbers.length)
      expect(numbers).not.toContain(later?.seq)
      expect(numbers).toEqual([...numbers].sort((a, b) => b - a))
      expect(rows.some((row) => row[7] === 'audit.exported')).toBe(false)
    })
  })
})
