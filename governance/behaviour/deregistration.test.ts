// Behaviour of the deregistration queue — deadlines that move with the clock, approve (removes the member in the
// same change), decline with a reason for the platform — on every store.
import { describe, expect, it } from 'vitest'
import { expectProblem, forEachStore, json, key, type Schemas } from './harness'

const T = '/api/v1/tenants/t-acme'
const Q = `${T}/deregistration-requests`
type Queue = { items: Schemas['DeregistrationRequest'][]; replyDays: number; dueSoonDays: number }
const removal = { handoverToMemberId: 'm-acme-000002', dataHandling: 'delete', graceDays: 30, reason: '成员申请注销' }

forEachStore((setup, store) => {
  describe(`deregistration requests [${store.name}]`, () => {
    it('lists open requests soonest deadline first, with due-soon and overdue as the clock moves', async () => {
      const api = await setup()
      await api.signInAs('admin-acme')
      const queue = await json<Queue>(await api.get(Q))
      expect(queue).toMatchObject({ replyDays: 15, dueSoonDays: 3 })
      expect(queue.items.map((request) => [request.id, request.urgency, request.status])).toEqual([
        ['dr-acme-001', 'due_soon', 'open'],
        ['dr-acme-002', 'on_time', 'open'],
      ])
      expect(queue.items[0]).toMatchObject({ receivedAt: '2026-11-07T01:00:00.000Z', dueAt: '2026-11-22T01:00:00.000Z', member: { id: 'm-acme-000012', employeeNo: 'AC000013' } })
      // The overview counts them with the rest of what needs attention.
      const tenant = await json<Schemas['Tenant']>(await api.get(T))
      expect(tenant.attention).toEqual({
        pendingAppRequests: 3,
        scopeUpdates: expect.any(Number) as number,
        retentionChangeAt: null,
        openDeregistrations: 2,
        deregistrationsDueSoon: 1,
        deregistrationsOverdue: 0,
        kinDueSoon: 0,
        kinOverdue: 0,
      })
      api.clock.set('2026-11-22T01:00:00.001Z')
      const later = await json<Queue>(await api.get(Q))
      expect(later.items.map((request) => request.urgency)).toEqual(['overdue', 'on_time'])
      expect((await json<Schemas['Tenant']>(await api.get(T))).attention).toMatchObject({ deregistrationsDueSoon: 0, deregistrationsOverdue: 1 })
      api.clock.set('2026-12-02T00:00:00.000Z')
      expect((await json<Queue>(await api.get(Q))).items.map((request) => request.urgency)).toEqual(['overdue', 'due_soon'])
    })

    it('the tenant sets the removal grace period and the reply days: new removals offer the one, new requests get the other', async () => {
      const api = await setup()
      await api.signInAs('admin-acme')
      const S = `${T}/member-settings`
      expect(await json(await api.get(S))).toEqual({ removalGraceDays: 30, deregistrationReplyDays: 15 })
      await expectProblem(await api.put(S, { removalGraceDays: 61, deregistrationReplyDays: 15 }, { headers: key() }), 400, 'urn:problem:validation')
      await expectProblem(await api.put(S, { removalGraceDays: 2.5, deregistrationReplyDays: 15 }, { headers: key() }), 400, 'urn:problem:validation')
      await expectProblem(await api.put(S, { removalGraceDays: 14, deregistrationReplyDays: 4 }, { headers: key() }), 400, 'urn:problem:validation')
      expect(await json(await api.put(S, { removalGraceDays: 14, deregistrationReplyDays: 10 }, { headers: key() }))).toEqual({ removalGraceDays: 14, deregistrationReplyDays: 10 })
      expect((await json<Schemas['MemberDetail']>(await api.get(`${T}/members/m-acme-000007`))).defaultGraceDays).toBe(14)
      // Requests already open keep their deadline; a new one gets ten days.
      const queue = await json<Queue>(await api.get(Q))
      expect(queue.replyDays).toBe(10)
      expect(queue.items[0]?.dueAt).toBe('2026-11-22T01:00:00.000Z')
      const injected = await json<Schemas['DeregistrationRequest']>(await api.post('/api/v1/mock/deregistration-requests', { tenantId: 't-acme', memberId: 'm-acme-000020' }))
      expect(Date.parse(injected.dueAt) - Date.parse(injected.receivedAt)).toBe(10 * 86_400_000)
      const changes = (await json<{ items: Schemas['AuditEvent'][] }>(await api.get(`${T}/audit-events?limit=20`))).items.filter((event) => event.action === 'member_settings.changed')
      expect(changes).toHaveLength(1)
      expect(changes[0]).toMatchObject({ before: { removalGraceDays: 30, deregistrationReplyDays: 15 }, after: { removalGraceDays: 14, deregistrationReplyDays: 10 } })
      // Support agents never change a tenant's settings, not even under a read-write grant.
      await api.signInAs('support-agent')
      await expectProblem(await api.put(S, { removalGraceDays: 20, deregistrationReplyDays: 10 }, { headers: key() }), 403, 'urn:problem:admins-only')
    })

    it('approves by removing the member in the same change, tells the platform, and refuses a second decision', async () => {
      const api = await setup()
      await api.signInAs('admin-acme')
      const sameKey = key('approve')
      const approved = await json<Schemas['DeregistrationRequest']>(await api.post(`${Q}/dr-acme-002/approve`, removal, { headers: sameKey }))
      expect(approved).toMatchObject({ status: 'approved', urgency: null, decidedBy: { id: 'admin-acme' }, platformNotifiedAt: '2026-11-20T01:00:00.000Z', member: { status: 'pending_removal' } })
      expect(await json<Schemas['DeregistrationRequest']>(await api.post(`${Q}/dr-acme-002/approve`, removal, { headers: sameKey }))).toEqual(approved)
      const member = await json<Schemas['MemberDetail']>(await api.get(`${T}/members/m-acme-000044`))
      expect(member.removal).toMatchObject({ dataHandling: 'delete', handover: { to: { id: 'm-acme-000002' } } })
      const events = (await json<{ items: Schemas['AuditEvent'][] }>(await api.get(`${T}/audit-events?targetType=member&targetId=m-acme-000044`))).items.map((event) => event.action)
      expect(events.filter((action) => action === 'deregistration.approved')).toHaveLength(1)
      expect(events.filter((action) => action === 'member.removal_scheduled')).toHaveLength(1)
      await expectProblem(await api.post(`${Q}/dr-acme-002/decline`, { reason: 'late' }, { headers: key() }), 409, 'urn:problem:conflict')
      expect((await json<Queue>(await api.get(`${Q}?status=open`))).items.map((request) => request.id)).toEqual(['dr-acme-001'])
    })

    it('declines with a reason that goes back to the platform; a blank reason and a bad removal change nothing', async () => {
      const api = await setup()
      await api.signInAs('admin-acme')
      const blank = await expectProblem(await api.post(`${Q}/dr-acme-001/decline`, { reason: '  ' }, { headers: key() }), 400, 'urn:problem:validation')
      expect(blank.errors?.[0]?.field).toBe('reason')
      await expectProblem(await api.post(`${Q}/dr-acme-001/approve`, { ...removal, graceDays: 0 }, { headers: key() }), 400, 'urn:problem:validation')
      expect((await json<Schemas['MemberDetail']>(await api.get(`${T}/members/m-acme-000012`))).member.status).toBe('active')
      const declined = await json<Schemas['DeregistrationRequest']>(await api.post(`${Q}/dr-acme-001/decline`, { reason: '尚有未交接的客户合同' }, { headers: key() }))
      expect(declined).toMatchObject({ status: 'declined', declineReason: '尚有未交接的客户合同', platformNotifiedAt: '2026-11-20T01:00:00.000Z', member: { status: 'active' } })
      await expectProblem(await api.post(`${Q}/dr-acme-404/decline`, { reason: 'x' }, { headers: key() }), 404, 'urn:problem:not-found')
    })

    it('answers a member’s open request when the admin removes them another way (the member page, a bulk job)', async () => {
      const api = await setup()
      await api.signInAs('admin-acme')
      await api.post(`${T}/members/m-acme-000012/removal`, removal, { headers: key() })
      const request = (await json<Queue>(await api.get(Q))).items.find((item) => item.id === 'dr-acme-001')
      expect(request).toMatchObject({ status: 'approved', urgency: null, platformNotifiedAt: '2026-11-20T01:00:00.000Z' })
    })

    it('takes a request the platform forwards (the control route), due from receipt; one open request per member, none for a member leaving', async () => {
      const api = await setup()
      await api.signInAs('admin-acme')
      const inject = (body: Record<string, string>) => api.post('/api/v1/mock/deregistration-requests', { tenantId: 't-acme', ...body })
      const forwarded = await inject({ memberId: 'm-acme-000030', message: 'Please', receivedAt: '2026-11-01T00:00:00.000Z' })
      expect(forwarded.status).toBe(201)
      expect(await json<Schemas['DeregistrationRequest']>(forwarded)).toMatchObject({
        status: 'open',
        urgency: 'overdue',
        dueAt: '2026-11-16T00:00:00.000Z',
        member: { id: 'm-acme-000030' },
      })
      expect((await json<Queue>(await api.get(Q))).items.map((request) => request.id)).toHaveLength(3)
      await expectProblem(await inject({ memberId: 'm-acme-000030' }), 409, 'urn:problem:conflict')
      await api.post(`${T}/members/m-acme-000048/removal`, removal, { headers: key() })
      await expectProblem(await inject({ memberId: 'm-acme-000048' }), 409, 'urn:problem:conflict')
      await expectProblem(await inject({ memberId: 'm-acme-999999' }), 404, 'urn:problem:not-found')
    })

    it('shows a read-only support agent the queue and refuses their decisions', async () => {
      const api = await setup()
      await api.signInAs('support-agent')
      expect((await json<Queue>(await api.get(Q))).items).toHaveLength(2)
      await expectProblem(await api.post(`${Q}/dr-acme-001/decline`, { reason: 'x' }, { headers: key() }), 403, 'urn:problem:read-only-grant')
      await expectProblem(await api.post(`${Q}/dr-acme-001/approve`, removal, { headers: key() }), 403, 'urn:problem:read-only-grant')
    })
  })
})
