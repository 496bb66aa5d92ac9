// Behaviour of support access — an administrator grants (superseding the active grant), revokes, and sees what was
// done under each grant; a grant runs out by the clock; support agents find every tenant but can never grant
// themselves anything, and learn why they were refused — on every store.
import { describe, expect, it } from 'vitest'
import { expectProblem, forEachStore, json, key, type Schemas } from './harness'

const T = '/api/v1/tenants/t-acme'
const G = `${T}/support-grants`
type Grants = { items: Schemas['SupportGrant'][]; minHours: number; maxHours: number }
type Created = { grant: Schemas['SupportGrant']; superseded: Schemas['SupportGrant'] | null }
type Page = { items: Schemas['AuditEvent'][]; nextCursor: string | null }
const readWrite = { mode: 'read_write', hours: 2, ticketRef: 'SUP-20261203-0100', reason: '客户请求协助调整应用' }
const disable = { reason: '技术支持协助停用' }

forEachStore((setup, store) => {
  describe(`support access [${store.name}]`, () => {
    it('a new grant supersedes the active one; both changes are audited and the agent works under the new one', async () => {
      const api = await setup()
      await api.signInAs('admin-acme')
      const before = await json<Grants>(await api.get(G))
      expect(before).toMatchObject({ minHours: 1, maxHours: 168 })
      expect(before.items.map((grant) => [grant.id, grant.status, grant.mode])).toEqual([['sg-acme-0042', 'active', 'read_only']])

      const made = await json<Created>(await api.post(G, readWrite, { headers: key('grant') }))
      expect(made.grant).toMatchObject({
        mode: 'read_write',
        ticketRef: 'SUP-20261203-0100',
        status: 'active',
        createdAt: '2026-11-20T01:00:00.000Z',
        expiresAt: '2026-11-20T03:00:00.000Z',
        createdBy: { id: 'admin-acme' },
        usage: { changes: 0, agents: [] },
      })
      expect(made.superseded).toMatchObject({ id: 'sg-acme-0042', status: 'superseded', ended: { reason: 'superseded', at: '2026-11-20T01:00:00.000Z', by: { id: 'admin-acme' } } })
      const listed = await json<Grants>(await api.get(G))
      expect(listed.items.map((grant) => [grant.id, grant.status])).toEqual([
        [made.grant.id, 'active'],
        ['sg-acme-0042', 'superseded'],
      ])
      const log = await json<Page>(await api.get(`${T}/audit-events?targetType=support_grant`))
      expect(log.items.slice(0, 2).map((event) => [event.action, event.targetName, event.actor.id])).toEqual([
        ['support_grant.created', 'SUP-20261203-0100', 'admin-acme'],
        ['support_grant.superseded', 'SUP-20261120-0042', 'admin-acme'],
      ])

      // The agent's change is theirs, on the tenant's behalf, with the ticket; the grant shows it as its usage.
      await api.signInAs('support-agent')
      const session = await json<Schemas['Session']>(await api.get('/api/v1/session'))
      expect(session.tenants.find((tenant) => tenant.id === 't-acme')?.supportGrant).toMatchObject({ mode: 'read_write', ticketRef: 'SUP-20261203-0100' })
      expect((await api.post(`${T}/apps/app-acme-bi/disable`, disable, { headers: key('agent') })).status).toBe(200)
      const activity = await json<Page>(await api.get(`${T}/audit-events?grantId=${made.grant.id}`))
      expect(activity.items.map((event) => [event.action, event.actor.id, event.onBehalfOf, event.ticketRef])).toEqual([
        ['app.disabled', 'support-agent', 't-acme', 'SUP-20261203-0100'],
      ])
      // Nothing was done under the superseded grant.
      expect((await json<Page>(await api.get(`${T}/audit-events?grantId=sg-acme-0042`))).items).toEqual([])
      const usage = (await json<Grants>(await api.get(G))).items[0]?.usage
      expect(usage).toEqual({ changes: 1, agents: [{ id: 'support-agent', name: '李雷' }] })
    })

    it('revoking ends access at once: the next request is refused and says who revoked it and when', async () => {
      const api = await setup()
      await api.signInAs('admin-acme')
      const { grant } = await json<Created>(await api.post(G, readWrite, { headers: key('grant') }))
      api.clock.advance(10 * 60_000)
      const revoked = await json<Schemas['SupportGrant']>(await api.post(`${G}/${grant.id}/revoke`, { reason: '问题已解决' }, { headers: key('revoke') }))
      expect(revoked).toMatchObject({ status: 'revoked', ended: { reason: 'revoked', at: '2026-11-20T01:10:00.000Z', by: { id: 'admin-acme', name: '王芳' } } })
      await expectProblem(await api.post(`${G}/${grant.id}/revoke`, {}, { headers: key('again') }), 409, 'urn:problem:conflict')
      await expectProblem(await api.post(`${G}/sg-acme-none/revoke`, {}, { headers: key('none') }), 404, 'urn:problem:not-found')

      await api.signInAs('support-agent')
      const refused = await expectProblem(await api.post(`${T}/apps/app-acme-bi/disable`, disable, { headers: key('late') }), 403, 'urn:problem:no-support-grant')
      expect(refused.grantEnded).toEqual({ reason: 'revoked', at: '2026-11-20T01:10:00.000Z', by: { id: 'admin-acme', name: '王芳' } })
      await expectProblem(await api.get(`${T}/members`), 403, 'urn:problem:no-support-grant')
      const session = await json<Schemas['Session']>(await api.get('/api/v1/session'))
      expect(session.tenants.map((tenant) => tenant.id)).not.toContain('t-acme')
    })

    it('a grant runs out by the clock: refused with "expired", and the expiry is recorded once, as the platform', async () => {
      const api = await setup()
      await api.signInAs('admin-acme')
      const { grant } = await json<Created>(await api.post(G, { ...readWrite, hours: 1 }, { headers: key('grant') }))
      api.clock.advance(60 * 60_000)
      await api.signInAs('support-agent')
      const refused = await expectProblem(await api.get(`${T}/apps`), 403, 'urn:problem:no-support-grant')
      expect(refused.grantEnded).toEqual({ reason: 'expired', at: grant.expiresAt, by: null })
      expect(await api.expireGrants()).toBe(1)
      expect(await api.expireGrants()).toBe(0)
      await api.signInAs('admin-acme')
      const expired = await json<Page>(await api.get(`${T}/audit-events?action=support_grant.expired`))
      expect(expired.items.map((event) => [event.targetId, event.actor.id])).toEqual([[grant.id, 'system']])
      expect((await json<Grants>(await api.get(G))).items.map((item) => [item.id, item.status])).toEqual([
        [grant.id, 'expired'],
        ['sg-acme-0042', 'superseded'],
      ])
    })

    it('support agents can never grant, extend or revoke; a read-only grant refuses writes; bad input is refused per field', async () => {
      const api = await setup()
      await api.signInAs('admin-acme')
      const tooLong = await expectProblem(await api.post(G, { ...readWrite, hours: 169 }, { headers: key('long') }), 400, 'urn:problem:validation')
      expect(tooLong.errors?.map((error) => [error.field, error.code])).toEqual([['hours', 'too_large']])
      const blank = await expectProblem(await api.post(G, { ...readWrite, ticketRef: '  ', reason: ' ' }, { headers: key('blank') }), 400, 'urn:problem:validation')
      expect(blank.errors?.map((error) => [error.field, error.code]).sort()).toEqual([
        ['reason', 'required'],
        ['ticketRef', 'required'],
      ])
      const { grant } = await json<Created>(await api.post(G, readWrite, { headers: key('grant') }))

      await api.signInAs('support-agent')
      await expectProblem(await api.post(G, { ...readWrite, hours: 168 }, { headers: key('self') }), 403, 'urn:problem:admins-only')
      await expectProblem(await api.post(`${G}/${grant.id}/revoke`, {}, { headers: key('self-revoke') }), 403, 'urn:problem:admins-only')
      // The agent may read the grants (their own access included).
      expect((await json<Grants>(await api.get(G))).items[0]).toMatchObject({ id: grant.id, status: 'active' })

      await api.signInAs('admin-acme')
      await json<Created>(await api.post(G, { ...readWrite, mode: 'read_only' }, { headers: key('narrow') }))
      await api.signInAs('support-agent')
      await expectProblem(await api.post(`${T}/apps/app-acme-bi/disable`, disable, { headers: key('ro') }), 403, 'urn:problem:read-only-grant')
    })

    it('the support tenant directory lists every tenant with its grant, searched by name or id; administrators are refused', async () => {
      const api = await setup()
      await api.signInAs('support-agent')
      const all = await json<{ items: Schemas['TenantSummary'][] }>(await api.get('/api/v1/support/tenants'))
      expect(all.items.map((tenant) => [tenant.id, tenant.supportGrant?.ticketRef ?? null])).toEqual([
        ['t-northwind', null],
        ['t-acme', 'SUP-20261120-0042'],
      ])
      const byName = await json<{ items: Schemas['TenantSummary'][] }>(await api.get(`/api/v1/support/tenants?q=${encodeURIComponent('north')}`))
      expect(byName.items.map((tenant) => tenant.id)).toEqual(['t-northwind'])
      const byId = await json<{ items: Schemas['TenantSummary'][] }>(await api.get('/api/v1/support/tenants?q=T-ACME'))
      expect(byId.items.map((tenant) => tenant.id)).toEqual(['t-acme'])
      // A tenant without a grant: its data endpoints answer 403, and say there never was one.
      const none = await expectProblem(await api.get('/api/v1/tenants/t-northwind/members'), 403, 'urn:problem:no-support-grant')
      expect(none.grantEnded).toBeNull()
      await api.signInAs('admin-acme')
      await expectProblem(await api.get('/api/v1/support/tenants'), 403, 'urn:problem:forbidden')
    })
  })
})
