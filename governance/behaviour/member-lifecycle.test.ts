// Behaviour of one member's endpoints — the split profile, deactivation, removal with handover, undo, the date
// passing — with their guard rails, on every store.
import { describe, expect, it } from 'vitest'
import { expectProblem, forEachStore, json, key, type Api, type Schemas } from './harness'

const T = '/api/v1/tenants/t-acme'
const M = (id: string) => `${T}/members/${id}`
type Detail = Schemas['MemberDetail']

const detail = async (api: Api, id: string) => json<Detail>(await api.get(M(id)))
const remove = (api: Api, id: string, body: Partial<Schemas['MemberRemovalInput']> = {}, idempotencyKey = key('remove')) =>
  api.post(`${M(id)}/removal`, { handoverToMemberId: null, dataHandling: 'anonymise', graceDays: 30, reason: '离职', ...body }, { headers: idempotencyKey })
const auditOf = async (api: Api, id: string) =>
  (await json<{ items: Schemas['AuditEvent'][] }>(await api.get(`${T}/audit-events?targetType=member&targetId=${id}`))).items

forEachStore((setup, store) => {
  describe(`member detail and lifecycle [${store.name}]`, () => {
    it('shows the profile split as the platform and the enterprise hold it, what the member holds and which apps reach them', async () => {
      const api = await setup()
      await api.signInAs('admin-acme')
      const member = await detail(api, 'm-acme-000007')
      expect(member.member).toMatchObject({ id: 'm-acme-000007', status: 'active' })
      expect(member.platformProfile.phoneMasked).toMatch(/^\d{3}\*{4}\d{4}$/)
      expect(member.platformProfile.name).toBe(member.member.name)
      expect(member.platformProfile.wechat).toMatch(/^wx_/)
      expect(member.enterpriseProfile.workEmail).toBe(member.member.email)
      expect(member.enterpriseProfile.departmentName).toBe(member.member.departmentName)
      expect(member.holdings.messages).toBeGreaterThan(0)
      expect(member.apps.map((app) => app.id)).toContain('app-acme-translate')
      expect(member.removal).toBeNull()
      expect(member.removalBlockedBy).toBeNull()
      expect(member.defaultGraceDays).toBe(30)
      await expectProblem(await api.get(M('m-acme-999999')), 404, 'urn:problem:not-found')
    })

    it('masks the work email and WeChat id for a support agent, and refuses a read-only agent every change', async () => {
      const api = await setup()
      await api.signInAs('support-agent')
      const member = await detail(api, 'm-acme-000007')
      expect(member.enterpriseProfile.workEmail).toMatch(/^.\*\*\*@acme\.example$/)
      expect(member.platformProfile.wechat).toContain('****')
      expect(member.member.email).toMatch(/\*\*\*/)
      await expectProblem(await remove(api, 'm-acme-000007'), 403, 'urn:problem:read-only-grant')
      await expectProblem(await api.post(`${M('m-acme-000007')}/deactivate`, { reason: 'x' }, { headers: key() }), 403, 'urn:problem:read-only-grant')
      expect((await detail(api, 'm-acme-000007')).member.status).toBe('active')
    })

    it('deactivates and reactivates, and refuses a move the state does not allow', async () => {
      const api = await setup()
      await api.signInAs('admin-acme')
      const id = 'm-acme-000007'
      await expectProblem(await api.post(`${M(id)}/reactivate`, undefined, { headers: key() }), 409, 'urn:problem:member-state')
      const off = await json<Detail>(await api.post(`${M(id)}/deactivate`, { reason: '长期病假' }, { headers: key() }))
      expect(off.member.status).toBe('deactivated')
      expect(off.apps).toEqual([])
      await expectProblem(await api.post(`${M(id)}/deactivate`, { reason: 'again' }, { headers: key() }), 409, 'urn:problem:member-state')
      const on = await json<Detail>(await api.post(`${M(id)}/reactivate`, undefined, { headers: key() }))
      expect(on.member.status).toBe('active')
      expect((await auditOf(api, id)).map((event) => event.action)).toEqual(['member.reactivated', 'member.deactivated'])
    })

    it('removes with a handover: pending removal at once, items moved, app access and requests ended, vendors noticed; undo restores but the handover stays', async () => {
      const api = await setup()
      await api.signInAs('admin-acme')
      const id = 'm-acme-000007'
      const colleague = 'm-acme-000002'
      const before = await detail(api, id)
      const colleagueBefore = await detail(api, colleague)
      const removed = await json<Detail>(await remove(api, id, { handoverToMemberId: colleague, graceDays: 14 }))
      expect(removed.member.status).toBe('pending_removal')
      expect(removed.apps).toEqual([])
      const removal = removed.removal
      expect(removal).toMatchObject({ dataHandling: 'anonymise', statusBefore: 'active', completedAt: null, reason: '离职', removeAt: '2026-12-04T01:00:00.000Z' })
      expect(removal?.handover?.to.id).toBe(colleague)
      expect(removal?.handover?.moved.documents).toBe(before.holdings.documents)
      expect(removal?.vendorNotices.map((notice) => notice.appId)).toContain('app-acme-translate')
      expect(removed.holdings).toMatchObject({ documents: 0, crmCustomers: 0, driveFiles: 0, approvalsInProgress: 0, ownedGroups: 0 })
      const colleagueAfter = await detail(api, colleague)
      expect(colleagueAfter.holdings.documents).toBe(colleagueBefore.holdings.documents + before.holdings.documents)
      expect(colleagueAfter.holdings.crmCustomers).toBe(colleagueBefore.holdings.crmCustomers + before.holdings.crmCustomers)
      // The app that named the member no longer does.
      const availability = await json<Schemas['AppAvailability']>(await api.get(`${T}/apps/app-acme-translate/availability`))
      expect(availability.members.map((ref) => ref.id)).not.toContain(id)
      const actions = (await auditOf(api, id)).map((event) => event.action)
      expect(actions).toEqual(expect.arrayContaining(['member.removal_scheduled', 'member.handed_over', 'member.vendor_deletion_notice']))

      const undone = await json<Detail>(await api.post(`${M(id)}/removal/cancel`, undefined, { headers: key() }))
      expect(undone.member.status).toBe('active')
      expect(undone.removal).toBeNull()
      expect(undone.holdings.documents).toBe(0)
      expect((await detail(api, colleague)).holdings.documents).toBe(colleagueAfter.holdings.documents)
      await expectProblem(await api.post(`${M(id)}/removal/cancel`, undefined, { headers: key() }), 409, 'urn:problem:member-state')
    })

    it('closes the member’s pending app requests when they are removed', async () => {
      const api = await setup()
      await api.signInAs('admin-acme')
      await remove(api, 'm-acme-000021')
      const requests = await json<{ items: Schemas['AppRequest'][] }>(await api.get(`${T}/app-requests`))
      expect(requests.items.find((request) => request.id === 'ar-acme-001')?.status).toBe('denied')
    })

    it('carries out the removal when the date passes: profile erased, data deleted, the account removed for good', async () => {
      const api = await setup()
      await api.signInAs('admin-acme')
      const id = 'm-acme-000007'
      const before = await detail(api, id)
      await remove(api, id, { dataHandling: 'delete', graceDays: 1 })
      api.clock.set('2026-11-21T01:00:00.000Z')
      const gone = await detail(api, id)
      expect(gone.member.status).toBe('removed')
      expect(gone.member.name).toBe(before.member.employeeNo)
      expect(gone.removal?.completedAt).toBe('2026-11-21T01:00:00.000Z')
      expect(gone.removal?.backupsPurgeAt).toBe('2026-12-21T01:00:00.000Z')
      expect(gone.platformProfile).toMatchObject({ name: null, realName: null, wechat: null, phoneMasked: null, recentLogins: [] })
      expect(gone.enterpriseProfile).toMatchObject({ position: null, workEmail: null, workSignature: null, clockInPlaces: [] })
      expect(gone.holdings).toMatchObject({ messages: 0, files: 0, documents: 0, clockIns: 0 })
      const events = await auditOf(api, id)
      expect(events[0]).toMatchObject({ action: 'member.data_deleted', actor: { role: 'system' } })
      // Nobody finds the member by the old name any more; the directory counts one member fewer.
      const search = await json<{ items: Schemas['Member'][] }>(await api.get(`${T}/members?q=${encodeURIComponent(before.member.email)}`))
      expect(search.items).toEqual([])
      await expectProblem(await api.post(`${M(id)}/removal/cancel`, undefined, { headers: key() }), 409, 'urn:problem:member-state')
    })

    it('keeps the messages of an anonymised member (as "former member") but not their files', async () => {
      const api = await setup()
      await api.signInAs('admin-acme')
      const id = 'm-acme-000007'
      await remove(api, id, { dataHandling: 'anonymise', graceDays: 1 })
      api.clock.set('2026-11-21T02:00:00.000Z')
      const gone = await detail(api, id)
      expect(gone.member.status).toBe('removed')
      expect(gone.holdings.messages).toBeGreaterThan(0)
      expect(gone.holdings.files).toBe(0)
      expect((await auditOf(api, id))[0]?.action).toBe('member.data_anonymised')
    })

    it('removes a member under a legal hold but keeps the data until the hold is released, then it goes', async () => {
      const api = await setup()
      await api.signInAs('admin-acme')
      const id = 'm-acme-000007'
      const hold = await json<Schemas['LegalHold']>(await api.post(`${T}/legal-holds`, { targetType: 'member', targetId: id, reason: '劳动仲裁' }, { headers: key() }))
      expect((await detail(api, id)).legalHolds).toEqual([{ id: hold.id, reason: '劳动仲裁' }])
      await remove(api, id, { graceDays: 1 })
      api.clock.set('2026-11-22T00:00:00.000Z')
      const kept = await detail(api, id)
      expect(kept.member.status).toBe('pending_removal')
      expect(kept.removal?.keptByLegalHold).toBe(true)
      expect(kept.platformProfile.name).not.toBeNull()
      await api.post(`${T}/legal-holds/${hold.id}/release`, { reason: '仲裁结束' }, { headers: key() })
      const gone = await detail(api, id)
      expect(gone.member.status).toBe('removed')
      expect(gone.removal?.keptByLegalHold).toBe(false)
    })

    it('refuses to remove yourself or the last active administrator', async () => {
      const api = await setup()
      await api.signInAs('admin-acme')
      const self = await detail(api, 'm-acme-000000')
      expect(self.removalBlockedBy).toBe('self')
      await expectProblem(await remove(api, 'm-acme-000000'), 409, 'urn:problem:member-is-you')
      await expectProblem(await api.post(`${M('m-acme-000000')}/deactivate`, { reason: 'x' }, { headers: key() }), 409, 'urn:problem:member-is-you')

      // A read-write support agent in Northwind, where two of the three administrators are deactivated.
      const northwind = await setup()
      await northwind.store.transaction((tx) =>
        tx.access.saveGrant({
          id: 'sg-test-rw',
          tenantId: 't-northwind',
          mode: 'read_write',
          ticketRef: 'SUP-TEST-1',
          reason: null,
          createdAt: '2026-11-20T00:00:00.000Z',
          expiresAt: '2026-11-27T00:00:00.000Z',
          createdBy: { id: 'admin-northwind', name: 'Oliver Bennett' },
          ended: null,
        }),
      )
      await northwind.signInAs('support-agent')
      const N = '/api/v1/tenants/t-northwind/members'
      for (const admin of ['m-northwind-000017', 'm-northwind-000057']) {
        expect((await northwind.post(`${N}/${admin}/deactivate`, { reason: 'test' }, { headers: key() })).status).toBe(200)
      }
      const last = await json<Detail>(await northwind.get(`${N}/m-northwind-000000`))
      expect(last.removalBlockedBy).toBe('last_admin')
      await expectProblem(
        await northwind.post(`${N}/m-northwind-000000/removal`, { handoverToMemberId: null, dataHandling: 'delete', graceDays: 30, reason: 'x' }, { headers: key() }),
        409,
        'urn:problem:last-admin',
      )
    })

    it('refuses a grace period outside 1–60 days, a handover to the member or to nobody known, and a blank reason, changing nothing', async () => {
      const api = await setup()
      await api.signInAs('admin-acme')
      const id = 'm-acme-000007'
      for (const graceDays of [0, 61]) {
        const problem = await expectProblem(await remove(api, id, { graceDays }), 400, 'urn:problem:validation')
        expect(problem.errors?.[0]?.field).toBe('graceDays')
      }
      expect((await expectProblem(await remove(api, id, { handoverToMemberId: id }), 400, 'urn:problem:validation')).errors?.[0]?.field).toBe('handoverToMemberId')
      expect((await expectProblem(await remove(api, id, { handoverToMemberId: 'm-acme-999999' }), 400, 'urn:problem:validation')).errors?.[0]?.field).toBe('handoverToMemberId')
      expect((await expectProblem(await remove(api, id, { reason: '   ' }), 400, 'urn:problem:validation')).errors?.[0]?.field).toBe('reason')
      expect((await detail(api, id)).member.status).toBe('active')
      expect(await auditOf(api, id)).toEqual([])
    })

    it('replays a retried removal (same Idempotency-Key) without removing or auditing twice', async () => {
      const api = await setup()
      await api.signInAs('admin-acme')
      const id = 'm-acme-000007'
      const sameKey = key('retry')
      const first = await json<Detail>(await remove(api, id, { handoverToMemberId: 'm-acme-000002' }, sameKey))
      const second = await json<Detail>(await remove(api, id, { handoverToMemberId: 'm-acme-000002' }, sameKey))
      expect(second).toEqual(first)
      expect((await auditOf(api, id)).filter((event) => event.action === 'member.removal_scheduled')).toHaveLength(1)
    })
  })
})
