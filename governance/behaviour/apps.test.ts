// Behaviour of the workbench-app endpoints, on every store: filters, permissions (a read-only support grant reads
// but never changes), idempotent POSTs, ETag on availability, requests, the emergency stop, and the audit trail.
import { describe, expect, it } from 'vitest'
import { expectProblem, forEachStore, json, key, type Api, type Schemas } from './harness'

const T = '/api/v1/tenants/t-acme'
type Items<T> = { items: T[] }

const auditOf = async (api: Api, appId: string) =>
  (await json<Items<Schemas['AuditEvent']>>(await api.get(`${T}/audit-events?targetType=app&targetId=${appId}&limit=100`))).items

forEachStore((setup, store) => {
  describe(`apps [${store.name}]`, () => {
    async function admin(): Promise<Api> {
      const api = await setup()
      await api.signInAs('admin-acme')
      return api
    }

    it('reads like a real tenant by default; the hostile scenario keeps its injected markup and formulas as exact text', async () => {
      const plain = await admin()
      const texts = async (api: Api) => {
        const apps = (await json<Items<Schemas['App']>>(await api.get(`${T}/apps`))).items
        const requests = (await json<Items<Schemas['AppRequest']>>(await api.get(`${T}/app-requests?status=pending`))).items
        return [...apps.flatMap((app) => [app.name, app.vendor, app.description]), ...requests.map((request) => request.message)]
      }
      expect((await texts(plain)).filter((text) => /[<>]|^=/.test(text))).toEqual([])
      const hostile = await setup('hostile')
      await hostile.signInAs('admin-acme')
      expect(await texts(hostile)).toEqual(
        expect.arrayContaining([
          '<img src=x onerror=alert(1)>Expense Helper',
          'Spendly <b>Pro</b>',
          '<script>alert("x")</script> Survey',
          'Employee pulse surveys and event sign-ups. <a href="javascript:alert(2)">Click here</a>',
          '<b>please</b> =HYPERLINK("http://evil.example") 客户要求通过门户查发票',
        ]),
      )
    })

    it('lists apps by name with server-side filters, and the scope catalogue', async () => {
      const api = await admin()
      const all = await json<Items<Schemas['App']>>(await api.get(`${T}/apps`))
      expect(all.items.length).toBeGreaterThanOrEqual(12)
      expect(all.items.map((app) => app.name)).toEqual([...all.items.map((app) => app.name)].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)))
      expect(all.items.map((app) => app.name)).toEqual(expect.arrayContaining(['Expense Helper', 'Pulse Survey']))
      expect(all.items.some((app) => app.name.length > 80)).toBe(true)
      expect(all.items.every((app) => ['member.userid', 'member.avatar'].every((id) => app.scopes.some((scope) => scope.id === id)))).toBe(true)
      const disabled = await json<Items<Schemas['App']>>(await api.get(`${T}/apps?status=disabled&category=finance`))
      expect(disabled.items.map((app) => app.id)).toEqual(['app-acme-expense'])
      const waiting = await json<Items<Schemas['App']>>(await api.get(`${T}/apps?status=awaiting_scope_approval`))
      expect(waiting.items.map((app) => app.id)).toEqual(expect.arrayContaining(['app-acme-esign', 'app-acme-attendance']))
      const esign = waiting.items.find((app) => app.id === 'app-acme-esign')
      expect(esign?.scopeUpdate?.added.map((scope) => scope.id)).toEqual(['contacts.read', 'contacts.phone'])
      expect((await json<Items<Schemas['App']>>(await api.get(`${T}/apps?q=SALESLINK`))).items.map((app) => app.id)).toEqual(['app-acme-crm-sync'])
      const holding = await json<Items<Schemas['App']>>(await api.get(`${T}/apps?scope=chat.messages`))
      expect(holding.items.every((app) => app.scopes.some((scope) => scope.id === 'chat.messages'))).toBe(true)
      const scopes = await json<Items<Schemas['AppScope']>>(await api.get(`${T}/app-scopes`))
      expect(scopes.items.find((scope) => scope.id === 'location.precise')).toMatchObject({ sensitive: true })
      await expectProblem(await api.get(`${T}/apps?scope=nope`), 400, 'urn:problem:validation')
      await expectProblem(await api.get(`${T}/apps?status=sleeping`), 400, 'urn:problem:validation')
    })

    it('keeps another tenant’s apps out of reach', async () => {
      const api = await admin()
      await expectProblem(await api.get(`${T}/apps/app-northwind-fleet`), 404, 'urn:problem:not-found')
      await expectProblem(await api.post(`${T}/apps/app-northwind-fleet/disable`, { reason: 'x' }, { headers: key() }), 404, 'urn:problem:not-found')
      await expectProblem(await api.get('/api/v1/tenants/t-northwind/apps'), 403, 'urn:problem:forbidden')
    })

    it('lets a read-only support agent read everything but change nothing', async () => {
      const api = await setup()
      await api.signInAs('support-agent')
      expect((await api.get(`${T}/apps`)).status).toBe(200)
      expect((await api.get(`${T}/app-requests?status=pending`)).status).toBe(200)
      const attempts: Array<[string, string, unknown, Record<string, string>]> = [
        ['POST', '/apps/app-acme-bi/disable', { reason: 'x' }, key('ro')],
        ['POST', '/apps/app-acme-expense/enable', { acknowledgedScopes: ['finance.invoices'] }, key('ro')],
        ['POST', '/apps/app-acme-expense/remove', {}, key('ro')],
        ['PUT', '/apps/app-acme-bi/availability', { mode: 'all', departmentIds: [], memberIds: [], deniedMemberIds: [] }, { 'If-Match': 'W/"1"' }],
        ['POST', '/apps/app-acme-esign/scope-update/approve', { acknowledgedScopes: [] }, key('ro')],
        ['POST', '/apps/app-acme-esign/scope-update/decline', { reason: 'no' }, key('ro')],
        ['POST', '/app-requests/ar-acme-002/approve', {}, key('ro')],
        ['POST', '/app-requests/ar-acme-002/deny', { note: 'no' }, key('ro')],
        ['POST', '/app-emergency-stop', { target: 'third_party', reason: 'x' }, key('ro')],
      ]
      for (const [method, path, body, headers] of attempts) {
        await expectProblem(await api.call(method, T + path, body, { headers }), 403, 'urn:problem:read-only-grant')
      }
      expect((await json<Schemas['App']>(await api.get(`${T}/apps/app-acme-bi`))).status).toBe('enabled')
    })

    it('enables only once every sensitive scope is acknowledged, and audits it', async () => {
      const api = await admin()
      const refused = await expectProblem(await api.post(`${T}/apps/app-acme-expense/enable`, { acknowledgedScopes: [] }, { headers: key() }), 400, 'urn:problem:validation')
      expect(refused.errors?.[0]).toMatchObject({ field: 'acknowledgedScopes', code: 'required' })
      const enabled = await api.post(`${T}/apps/app-acme-expense/enable`, { acknowledgedScopes: ['finance.invoices'] }, { headers: key() })
      expect(await json<Schemas['App']>(enabled)).toMatchObject({ status: 'enabled', disabledReason: null })
      await expectProblem(await api.post(`${T}/apps/app-acme-expense/enable`, { acknowledgedScopes: ['finance.invoices'] }, { headers: key() }), 409, 'urn:problem:conflict')
      const [latest] = await auditOf(api, 'app-acme-expense')
      expect(latest).toMatchObject({ action: 'app.enabled', actor: { id: 'admin-acme' }, onBehalfOf: null, before: { status: 'disabled' }, after: { status: 'enabled' } })
    })

    it('replays a retried disable instead of disabling twice, and refuses a reused key with another body', async () => {
      const api = await admin()
      const headers = key('disable-bi')
      await expectProblem(await api.post(`${T}/apps/app-acme-bi/disable`, { reason: '   ' }, { headers: key() }), 400, 'urn:problem:validation')
      const first = await api.post(`${T}/apps/app-acme-bi/disable`, { reason: 'Vendor breach' }, { headers })
      expect(await json<Schemas['App']>(first)).toMatchObject({ status: 'disabled', disabledReason: 'Vendor breach' })
      const retry = await api.post(`${T}/apps/app-acme-bi/disable`, { reason: 'Vendor breach' }, { headers })
      expect(retry.status).toBe(200)
      expect(retry.headers.get('Idempotent-Replayed')).toBe('true')
      await expectProblem(await api.post(`${T}/apps/app-acme-bi/disable`, { reason: 'Something else' }, { headers }), 422, 'urn:problem:idempotency-mismatch')
      expect((await auditOf(api, 'app-acme-bi')).filter((event) => event.action === 'app.disabled')).toHaveLength(1)
      await expectProblem(await api.post(`${T}/apps/app-acme-bi/disable`, { reason: 'x' }), 400, 'urn:problem:validation')
      await expectProblem(await api.post(`${T}/apps/app-acme-bi/disable`, { reason: 'again' }, { headers: key() }), 409, 'urn:problem:conflict')
    })

    it('changes availability only with the current ETag, and says what it is now when stale', async () => {
      const api = await admin()
      const current = await api.get(`${T}/apps/app-acme-survey/availability`)
      const etag = current.headers.get('ETag') ?? ''
      expect(etag).toMatch(/^W\/"\d+"$/)
      expect(await json<Schemas['AppAvailability']>(current)).toMatchObject({ mode: 'all' })
      const body = { mode: 'departments', departmentIds: ['d-acme-rd'], memberIds: [], deniedMemberIds: ['m-acme-000100'] }
      await expectProblem(await api.put(`${T}/apps/app-acme-survey/availability`, body), 400, 'urn:problem:validation')
      const saved = await api.put(`${T}/apps/app-acme-survey/availability`, body, { headers: { 'If-Match': etag } })
      expect(saved.status).toBe(200)
      expect(saved.headers.get('ETag')).not.toBe(etag)
      const view = await json<Schemas['AppAvailability']>(saved)
      expect(view.departments).toEqual([{ id: 'd-acme-rd', name: '研发中心' }])
      expect(view.deniedMembers[0]).toMatchObject({ id: 'm-acme-000100' })
      expect(view.deniedMembers[0]?.name).not.toBe('m-acme-000100')
      const stale = await expectProblem(await api.put(`${T}/apps/app-acme-survey/availability`, { ...body, deniedMemberIds: [] }, { headers: { 'If-Match': etag } }), 412, 'urn:problem:stale-etag')
      expect((stale as { current?: Schemas['AppAvailability'] }).current).toMatchObject({ mode: 'departments' })
      const invalid = await expectProblem(
        await api.put(`${T}/apps/app-acme-survey/availability`, { mode: 'departments', departmentIds: [], memberIds: ['nobody'], deniedMemberIds: [] }, { headers: { 'If-Match': saved.headers.get('ETag') ?? '' } }),
        400,
        'urn:problem:validation',
      )
      expect(invalid.errors?.map((error) => error.field)).toEqual(expect.arrayContaining(['departmentIds', 'memberIds']))
      const [latest] = await auditOf(api, 'app-acme-survey')
      expect(latest).toMatchObject({ action: 'app.availability_changed', before: { mode: 'all' }, after: { mode: 'departments' } })
    })

    it('removes a disabled app with 204 and closes its open requests, but refuses an enabled one with 409', async () => {
      const api = await admin()
      await expectProblem(await api.post(`${T}/apps/app-acme-bi/remove`, {}, { headers: key() }), 409, 'urn:problem:conflict')
      const removed = await api.post(`${T}/apps/app-acme-expense/remove`, {}, { headers: key() })
      expect(removed.status).toBe(204)
      expect(await removed.text()).toBe('')
      await expectProblem(await api.get(`${T}/apps/app-acme-expense`), 404, 'urn:problem:not-found')
      expect((await auditOf(api, 'app-acme-expense'))[0]).toMatchObject({ action: 'app.removed', after: null })
      const pending = await json<Items<Schemas['AppRequest']>>(await api.get(`${T}/app-requests?status=pending&appId=app-acme-expense`))
      expect(pending.items).toEqual([])
    })

    it('tells basic, third-party and custom apps apart: a basic app is never removed, a custom one goes through the enable flow, a vendor is asked to delete', async () => {
      const api = await admin()
      const basic = await json<Items<Schemas['App']>>(await api.get(`${T}/apps?kind=basic`))
      expect(basic.items.map((app) => [app.id, app.kind, app.thirdParty])).toEqual([['app-acme-approvals', 'basic', false]])
      expect((await api.post(`${T}/apps/app-acme-approvals/disable`, { reason: '试用结束' }, { headers: key() })).status).toBe(200)
      await expectProblem(await api.post(`${T}/apps/app-acme-approvals/remove`, {}, { headers: key() }), 409, 'urn:problem:app-kind')

      await expectProblem(await api.post(`${T}/custom-apps`, { name: '报销小助手', description: '', scopeIds: ['nope'] }, { headers: key() }), 400, 'urn:problem:validation')
      await expectProblem(await api.post(`${T}/custom-apps`, { name: '报销小助手', description: '', scopeIds: [] }, { headers: key() }), 400, 'urn:problem:validation')
      const registered = await api.post(`${T}/custom-apps`, { name: ' 报销小助手 ', description: '内部报销流程', scopeIds: ['member.userid', 'finance.invoices'] }, { headers: key() })
      expect(registered.status).toBe(201)
      const custom = await json<Schemas['App']>(registered)
      expect(custom).toMatchObject({ name: '报销小助手', kind: 'custom', thirdParty: false, status: 'disabled', vendor: '杭州示例贸易有限公司', vendorDeletionRequests: [] })
      const sensitive = custom.scopes.filter((scope) => scope.sensitive).map((scope) => scope.id)
      if (sensitive.length > 0) await expectProblem(await api.post(`${T}/apps/${custom.id}/enable`, { acknowledgedScopes: [] }, { headers: key() }), 400, 'urn:problem:validation')
      expect((await json<Schemas['App']>(await api.post(`${T}/apps/${custom.id}/enable`, { acknowledgedScopes: sensitive }, { headers: key() }))).status).toBe('enabled')
      expect((await json<Items<Schemas['App']>>(await api.get(`${T}/apps?kind=custom`))).items.map((app) => app.id)).toEqual([custom.id])
      await expectProblem(await api.post(`${T}/apps/${custom.id}/vendor-deletion-requests`, { reason: '清理' }, { headers: key() }), 409, 'urn:problem:app-kind')
      expect((await auditOf(api, custom.id)).map((event) => event.action)).toEqual(['app.enabled', 'app.registered'])

      // Disabling a third-party app asks its vendor to delete, in the same change; a later request adds another.
      const disabled = await json<Schemas['App']>(await api.post(`${T}/apps/app-acme-crm-sync/disable`, { reason: '停止合作', askVendorToDelete: true }, { headers: key() }))
      expect(disabled.status).toBe('disabled')
      expect(disabled.vendorDeletionRequests).toEqual([expect.objectContaining({ status: 'sent', reason: '停止合作', requestedBy: expect.objectContaining({ name: '王芳' }) as unknown, onBehalfOf: null })])
      const again = await api.post(`${T}/apps/app-acme-crm-sync/vendor-deletion-requests`, { reason: '再次催办' }, { headers: key() })
      expect(again.status).toBe(201)
      expect((await json<Schemas['App']>(again)).vendorDeletionRequests.map((request) => request.reason)).toEqual(['再次催办', '停止合作'])
      expect((await json<Schemas['App']>(await api.get(`${T}/apps/app-acme-crm-sync`))).vendorDeletionRequests).toHaveLength(2)
      expect((await auditOf(api, 'app-acme-crm-sync')).map((event) => event.action).slice(0, 3)).toEqual(['app.vendor_deletion_requested', 'app.vendor_deletion_requested', 'app.disabled'])
    })

    it('records the vendor’s answer to a deletion request once, with who and when; a support agent only reads it', async () => {
      const api = await admin()
      const asked = await json<Schemas['App']>(await api.post(`${T}/apps/app-acme-crm-sync/vendor-deletion-requests`, { reason: '合同终止' }, { headers: key() }))
      const [request] = asked.vendorDeletionRequests
      expect(request).toMatchObject({ status: 'sent', answer: null })
      const answerOf = (id: string) => `${T}/apps/app-acme-crm-sync/vendor-deletion-requests/${id}/answer`
      await expectProblem(await api.post(answerOf(request?.id ?? ''), { outcome: 'confirmed', note: '   ' }, { headers: key() }), 400, 'urn:problem:validation')
      await expectProblem(await api.post(answerOf('vdr-99999'), { outcome: 'confirmed', note: 'DEL-1' }, { headers: key() }), 404, 'urn:problem:not-found')
      const answerKey = key()
      const answered = await json<Schemas['App']>(await api.post(answerOf(request?.id ?? ''), { outcome: 'confirmed', note: 'Certificate DEL-2026-118' }, { headers: answerKey }))
      expect(answered.vendorDeletionRequests[0]).toMatchObject({
        id: request?.id,
        status: 'confirmed',
        answer: { at: new Date(api.clock.now()).toISOString(), by: { id: 'admin-acme', name: '王芳' }, onBehalfOf: null, note: 'Certificate DEL-2026-118' },
      })
      // A retry of the same answer is the same answer; another answer afterwards is refused and the first stands.
      expect((await api.post(answerOf(request?.id ?? ''), { outcome: 'confirmed', note: 'Certificate DEL-2026-118' }, { headers: answerKey })).status).toBe(200)
      await expectProblem(await api.post(answerOf(request?.id ?? ''), { outcome: 'refused', note: 'changed our mind' }, { headers: key() }), 409, 'urn:problem:conflict')
      expect((await json<Schemas['App']>(await api.get(`${T}/apps/app-acme-crm-sync`))).vendorDeletionRequests[0]?.status).toBe('confirmed')
      const events = (await auditOf(api, 'app-acme-crm-sync')).filter((event) => event.action === 'app.vendor_deletion_answered')
      expect(events).toEqual([expect.objectContaining({ before: { request: request?.id, status: 'sent' }, after: expect.objectContaining({ status: 'confirmed' }) as unknown, reason: 'Certificate DEL-2026-118' })])
      await api.signInAs('support-agent')
      await expectProblem(await api.post(answerOf(request?.id ?? ''), { outcome: 'refused', note: 'x' }, { headers: key() }), 403, 'urn:problem:read-only-grant')
    })

    it('approves a scope update only with the new sensitive scopes acknowledged; declining keeps the old ones', async () => {
      const api = await admin()
      await expectProblem(await api.post(`${T}/apps/app-acme-esign/scope-update/approve`, { acknowledgedScopes: ['contacts.read'] }, { headers: key() }), 400, 'urn:problem:validation')
      const approved = await json<Schemas['App']>(
        await api.post(`${T}/apps/app-acme-esign/scope-update/approve`, { acknowledgedScopes: ['contacts.read', 'contacts.phone'] }, { headers: key() }),
      )
      expect(approved).toMatchObject({ status: 'enabled', version: '2.5.0', scopeUpdate: null })
      expect(approved.scopes.map((scope) => scope.id)).toContain('contacts.phone')
      await expectProblem(await api.post(`${T}/apps/app-acme-esign/scope-update/approve`, { acknowledgedScopes: [] }, { headers: key() }), 409, 'urn:problem:conflict')
      const held = (await json<Schemas['App']>(await api.get(`${T}/apps/app-acme-attendance`))).scopes.map((scope) => scope.id)
      const declined = await json<Schemas['App']>(await api.post(`${T}/apps/app-acme-attendance/scope-update/decline`, { reason: 'Calendar access not needed' }, { headers: key() }))
      expect(declined).toMatchObject({ status: 'enabled', scopeUpdate: null })
      expect(declined.scopes.map((scope) => scope.id)).toEqual(held)
      expect((await auditOf(api, 'app-acme-attendance'))[0]).toMatchObject({ action: 'app.scope_update_declined', reason: 'Calendar access not needed' })
    })

    it('decides members’ requests: approval names the member, denial needs a note', async () => {
      const api = await admin()
      const pending = await json<Items<Schemas['AppRequest']>>(await api.get(`${T}/app-requests?status=pending`))
      expect(pending.items.map((request) => request.requestedAt)).toEqual([...pending.items.map((request) => request.requestedAt)].sort().reverse())
      const approved = await json<Schemas['AppRequest']>(await api.post(`${T}/app-requests/ar-acme-001/approve`, { note: 'OK for the supplier project' }, { headers: key() }))
      expect(approved).toMatchObject({ status: 'approved', note: 'OK for the supplier project', decidedBy: '王芳', appId: 'app-acme-translate' })
      const availability = await json<Schemas['AppAvailability']>(await api.get(`${T}/apps/app-acme-translate/availability`))
      expect(availability.members.map((member) => member.id)).toContain('m-acme-000021')
      expect((await auditOf(api, 'app-acme-translate'))[0]).toMatchObject({ action: 'app.request_approved' })
      await expectProblem(await api.post(`${T}/app-requests/ar-acme-001/approve`, {}, { headers: key() }), 409, 'urn:problem:conflict')

      const before = await (await api.get(`${T}/apps/app-acme-bi/availability`)).json()
      await expectProblem(await api.post(`${T}/app-requests/ar-acme-002/deny`, {}, { headers: key() }), 400, 'urn:problem:validation')
      const denied = await json<Schemas['AppRequest']>(await api.post(`${T}/app-requests/ar-acme-002/deny`, { note: 'Use the monthly PDF' }, { headers: key() }))
      expect(denied).toMatchObject({ status: 'denied', note: 'Use the monthly PDF' })
      expect(await (await api.get(`${T}/apps/app-acme-bi/availability`)).json()).toEqual(before)
      await expectProblem(await api.post(`${T}/app-requests/ar-nope/deny`, { note: 'x' }, { headers: key() }), 404, 'urn:problem:not-found')
    })

    it('runs an emergency stop on this tenant only and restores exactly the previous state', async () => {
      const api = await admin()
      const states = async (path: string) => (await json<Items<Schemas['App']>>(await api.get(path))).items.map((app) => [app.id, app.status, app.disabledReason])
      const before = await states(`${T}/apps`)
      const stop = await api.post(`${T}/app-emergency-stop`, { target: 'third_party', reason: 'Token leak' }, { headers: key() })
      expect(stop.status).toBe(201)
      const started = await json<Schemas['AppEmergencyStop']>(stop)
      expect(started.disabledApps.map((app) => app.id)).not.toContain('app-acme-expense')
      const during = await json<Items<Schemas['App']>>(await api.get(`${T}/apps`))
      expect(during.items.filter((app) => app.thirdParty).every((app) => app.status === 'disabled')).toBe(true)
      expect(during.items.find((app) => app.id === 'app-acme-approvals')?.status).not.toBe('disabled')
      expect((await json<Schemas['AppEmergencyState']>(await api.get(`${T}/app-emergency-stop`))).active?.snapshotId).toBe(started.snapshotId)
      await expectProblem(await api.post(`${T}/app-emergency-stop`, { target: 'third_party', reason: 'again' }, { headers: key() }), 409, 'urn:problem:conflict')
      const restored = await api.post(`${T}/app-emergency-stop/${started.snapshotId}/restore`, undefined, { headers: key() })
      expect(await json<Schemas['AppEmergencyState']>(restored)).toEqual({ active: null })
      expect(await states(`${T}/apps`)).toEqual(before)
      await expectProblem(await api.post(`${T}/app-emergency-stop/${started.snapshotId}/restore`, undefined, { headers: key() }), 409, 'urn:problem:conflict')
      await expectProblem(await api.post(`${T}/app-emergency-stop/snap-nope/restore`, undefined, { headers: key() }), 404, 'urn:problem:not-found')

      await api.signInAs('admin-northwind')
      const northwind = await json<Items<Schemas['App']>>(await api.get('/api/v1/tenants/t-northwind/apps'))
      expect(northwind.items.find((app) => app.id === 'app-northwind-fleet')?.status).toBe('enabled')
    })

    it('can stop only the apps holding one scope, and skips apps removed since when restoring', async () => {
      const api = await admin()
      await expectProblem(await api.post(`${T}/app-emergency-stop`, { target: 'scope', reason: 'x' }, { headers: key() }), 400, 'urn:problem:validation')
      const stop = await json<Schemas['AppEmergencyStop']>(await api.post(`${T}/app-emergency-stop`, { target: 'scope', scopeId: 'crm.customers', reason: 'CRM audit' }, { headers: key() }))
      expect(stop.disabledApps.map((app) => app.id).sort()).toEqual(['app-acme-bi', 'app-acme-crm-sync', 'app-acme-portal'])
      expect((await json<Schemas['App']>(await api.get(`${T}/apps/app-acme-translate`))).status).not.toBe('disabled')
      expect((await api.post(`${T}/apps/app-acme-bi/remove`, {}, { headers: key() })).status).toBe(204)
      await api.post(`${T}/app-emergency-stop/${stop.snapshotId}/restore`, undefined, { headers: key() })
      expect((await json<Schemas['App']>(await api.get(`${T}/apps/app-acme-crm-sync`))).status).not.toBe('disabled')
      await expectProblem(await api.get(`${T}/apps/app-acme-bi`), 404, 'urn:problem:not-found')
    })
  })
})
