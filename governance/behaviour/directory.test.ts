// Behaviour of the session, tenant, member-directory and audit endpoints, on every store.
import { describe, expect, it } from 'vitest'
import { expectProblem, forEachStore, json, type Schemas } from './harness'

type Page = { items: Schemas['Member'][]; total: number; totalCapped: boolean; nextCursor: string | null }

forEachStore((setup, store) => {
  describe(`session and tenants [${store.name}]`, () => {
    it.each([
      ['admin-acme', 'tenant_admin', ['t-acme']],
      ['admin-acme-2', 'tenant_admin', ['t-acme']],
      ['admin-northwind', 'tenant_admin', ['t-northwind']],
      ['support-agent', 'support_agent', ['t-acme']],
    ])('tells %s who they are and which tenants they may open', async (userId, role, tenantIds) => {
      const api = await setup()
      await api.signInAs(userId)
      const session = await json<Schemas['Session']>(await api.get('/api/v1/session'))
      expect(session.user).toMatchObject({ id: userId, role })
      expect(session.tenants.map((tenant) => tenant.id)).toEqual(tenantIds)
      expect(session.serverTime).toBe('2026-11-20T01:00:00.000Z')
      const tenants = await json<{ items: Schemas['TenantSummary'][] }>(await api.get('/api/v1/tenants'))
      expect(tenants.items.map((tenant) => tenant.id)).toEqual(tenantIds)
    })

    it('answers 401 without a session, and signs out with an empty 204 that ends the session', async () => {
      const api = await setup()
      await expectProblem(await api.get('/api/v1/session'), 401, 'urn:problem:unauthenticated')
      await expectProblem(await api.get('/api/v1/tenants'), 401, 'urn:problem:unauthenticated')
      await expectProblem(await api.get('/api/v1/tenants/t-acme/apps'), 401, 'urn:problem:unauthenticated')
      await api.signInAs('admin-acme')
      const signedOut = await api.delete('/api/v1/session')
      expect(signedOut.status).toBe(204)
      expect(await signedOut.text()).toBe('')
      expect(signedOut.headers.get('Set-Cookie')).toMatch(/^tdgc_session=; .*Max-Age=0/)
      await expectProblem(await api.get('/api/v1/tenants/t-acme'), 401, 'urn:problem:unauthenticated')
    })

    it('sets the session cookie HttpOnly and SameSite=Lax', async () => {
      const api = await setup()
      await api.signInAs('admin-acme')
      const signedOut = await api.delete('/api/v1/session')
      expect(signedOut.headers.get('Set-Cookie')).toContain('HttpOnly')
      expect(signedOut.headers.get('Set-Cookie')).toContain('SameSite=Lax')
    })

    it('lets a support agent into Acme (granted, read-only) but not Northwind', async () => {
      const api = await setup()
      await api.signInAs('support-agent')
      await expectProblem(await api.get('/api/v1/tenants/t-northwind'), 403, 'urn:problem:no-support-grant')
      await expectProblem(await api.get('/api/v1/tenants/t-northwind/members'), 403, 'urn:problem:no-support-grant')
      const tenant = await json<Schemas['Tenant']>(await api.get('/api/v1/tenants/t-acme'))
      expect(tenant).toMatchObject({ id: 't-acme', memberCount: 300, departmentCount: 14 })
      expect(tenant.supportGrant).toMatchObject({ mode: 'read_only', ticketRef: 'SUP-20261120-0042' })
    })

    it('shuts the agent out once the grant has ended', async () => {
      const api = await setup()
      await api.signInAs('support-agent')
      api.clock.set('2026-11-24T00:00:00.000Z')
      await expectProblem(await api.get('/api/v1/tenants/t-acme'), 403, 'urn:problem:no-support-grant')
      const session = await json<Schemas['Session']>(await api.get('/api/v1/session'))
      expect(session.tenants).toEqual([])
    })

    it('gives support agents nothing without grants (empty-grants scenario)', async () => {
      const api = await setup('empty-grants')
      await api.signInAs('support-agent')
      expect((await json<{ items: unknown[] }>(await api.get('/api/v1/tenants'))).items).toEqual([])
    })

    it('keeps one tenant’s administrator out of another tenant, and says 404 for a tenant that does not exist', async () => {
      const api = await setup()
      await api.signInAs('admin-northwind')
      await expectProblem(await api.get('/api/v1/tenants/t-acme/members'), 403, 'urn:problem:forbidden')
      await expectProblem(await api.get('/api/v1/tenants/t-nope'), 404, 'urn:problem:not-found')
    })

    it('answers an unknown path with a 404 problem', async () => {
      const api = await setup()
      await expectProblem(await api.get('/api/v1/no-such-thing', { unchecked: true }), 404, 'urn:problem:not-found')
    })
  })

  describe(`members and departments [${store.name}]`, () => {
    it('masks the email for a support agent, never for an administrator, and the phone for both', async () => {
      const api = await setup()
      await api.signInAs('support-agent')
      const masked = await json<Page>(await api.get('/api/v1/tenants/t-acme/members?q=AC000001'))
      expect(masked.items[0]?.email).toBe('w***@acme.example')
      expect(masked.items[0]?.phoneMasked).toMatch(/^\d{3}\*{4}\d{4}$/)
      await api.signInAs('admin-acme')
      const plain = await json<Page>(await api.get('/api/v1/tenants/t-acme/members?q=AC000001'))
      expect(plain.items[0]?.email).toBe('wang.fang@acme.example')
    })

    it('finds members by the phone’s last four digits, and a support agent never by the email they cannot see', async () => {
      const api = await setup()
      await api.signInAs('admin-acme')
      const wang = (await json<Page>(await api.get('/api/v1/tenants/t-acme/members?q=AC000001'))).items[0]
      if (!wang) throw new Error('the seed has no AC000001')
      const lastFour = wang.phoneMasked.slice(-4)
      const byPhone = await json<Page>(await api.get(`/api/v1/tenants/t-acme/members?q=${lastFour}&limit=200`))
      expect(byPhone.items.map((member) => member.id)).toContain(wang.id)
      expect(byPhone.items.every((member) => member.phoneMasked.endsWith(lastFour) || `${member.employeeNo}\n${member.email}`.toLowerCase().includes(lastFour))).toBe(true)
      expect((await json<Page>(await api.get('/api/v1/tenants/t-acme/members?q=wang.fang@'))).items.map((member) => member.id)).toContain(wang.id)

      await api.signInAs('support-agent')
      expect(await json<Page>(await api.get('/api/v1/tenants/t-acme/members?q=wang.fang@'))).toMatchObject({ items: [], total: 0 })
      const agentByPhone = await json<Page>(await api.get(`/api/v1/tenants/t-acme/members?q=${lastFour}&limit=200`))
      expect(agentByPhone.items.map((member) => member.id)).toContain(wang.id)
      expect(agentByPhone.items.every((member) => member.phoneMasked.endsWith(lastFour) || member.employeeNo.toLowerCase().includes(lastFour))).toBe(true)
    })

    it('pages members with a cursor bound to the search', async () => {
      const api = await setup()
      await api.signInAs('admin-acme')
      const first = await json<Page>(await api.get('/api/v1/tenants/t-acme/members?limit=200'))
      expect(first).toMatchObject({ total: 300 })
      expect(first.items).toHaveLength(200)
      expect(first.nextCursor).toEqual(expect.any(String))
      const second = await json<Page>(await api.get(`/api/v1/tenants/t-acme/members?limit=200&cursor=${encodeURIComponent(first.nextCursor ?? '')}`))
      expect(second.items).toHaveLength(100)
      expect(second).toMatchObject({ total: 300, totalCapped: false, nextCursor: null })
      expect(new Set([...first.items, ...second.items].map((member) => member.id)).size).toBe(300)
      const names = [...first.items, ...second.items].map((member) => member.name)
      expect(names).toEqual([...names].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)))
      const wrong = await api.get(`/api/v1/tenants/t-acme/members?q=li&cursor=${encodeURIComponent(first.nextCursor ?? '')}`)
      expect((await expectProblem(wrong, 400, 'urn:problem:validation')).errors?.[0]?.field).toBe('cursor')
      // A last page that happens to be full ends the list too: no cursor to an empty page.
      const half = await json<Page>(await api.get('/api/v1/tenants/t-acme/members?limit=150'))
      const rest = await json<Page>(await api.get(`/api/v1/tenants/t-acme/members?limit=150&cursor=${encodeURIComponent(half.nextCursor ?? '')}`))
      expect(rest.items).toHaveLength(150)
      expect(rest.nextCursor).toBeNull()
      // A forged cursor is refused, not trusted.
      const forged = await api.get(`/api/v1/tenants/t-acme/members?cursor=${encodeURIComponent(btoa('0.abc.%7B%7D'))}`)
      expect((await expectProblem(forged, 400, 'urn:problem:validation')).errors?.[0]?.field).toBe('cursor')
    })

    it.each([
      ['-name', 'name', -1],
      ['employeeNo', 'employeeNo', 1],
      ['-employeeNo', 'employeeNo', -1],
      ['joinedAt', 'joinedAt', 1],
      ['-joinedAt', 'joinedAt', -1],
    ] as const)('sorts by %s (ties by id), page after page, with or without a filter', async (sort, field, direction) => {
      const api = await setup()
      await api.signInAs('admin-acme')
      const byKey = (a: Schemas['Member'], b: Schemas['Member']) =>
        direction * (a[field] < b[field] ? -1 : a[field] > b[field] ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0)
      for (const filter of ['', '&departmentId=d-acme-sales&status=active']) {
        const seen: Schemas['Member'][] = []
        let cursor: string | null = ''
        while (cursor !== null) {
          const page: Page = await json<Page>(await api.get(`/api/v1/tenants/t-acme/members?sort=${sort}${filter}&limit=70${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`))
          seen.push(...page.items)
          cursor = page.nextCursor
        }
        expect(seen.length).toBe(filter ? seen.length : 300)
        expect(new Set(seen.map((member) => member.id)).size).toBe(seen.length)
        expect(seen.map((member) => member.id)).toEqual([...seen].sort(byKey).map((member) => member.id))
      }
      // A cursor belongs to its order: reused under another, it is refused.
      const first = await json<Page>(await api.get(`/api/v1/tenants/t-acme/members?sort=${sort}&limit=10`))
      const other = await api.get(`/api/v1/tenants/t-acme/members?limit=10&cursor=${encodeURIComponent(first.nextCursor ?? '')}`)
      expect((await expectProblem(other, 400, 'urn:problem:validation')).errors?.[0]?.field).toBe('cursor')
    })

    it('filters by department (with sub-departments), status and role', async () => {
      const api = await setup()
      await api.signInAs('admin-acme')
      const sales = await json<Page>(await api.get('/api/v1/tenants/t-acme/members?departmentId=d-acme-sales&limit=200'))
      expect(sales.total).toBeGreaterThan(0)
      expect(new Set(sales.items.map((member) => member.departmentId))).toEqual(new Set(['d-acme-sales', 'd-acme-sales-east', 'd-acme-sales-south']))
      const admins = await json<Page>(await api.get('/api/v1/tenants/t-acme/members?role=admin&status=active&limit=200'))
      expect(admins.items.every((member) => member.role === 'admin' && member.status === 'active')).toBe(true)
      expect(admins.items.map((member) => member.name)).toContain('王芳')
    })

    it('validates query parameters against the contract', async () => {
      const api = await setup()
      await api.signInAs('admin-acme')
      const tooMany = await expectProblem(await api.get('/api/v1/tenants/t-acme/members?limit=500'), 400, 'urn:problem:validation')
      expect(tooMany.errors).toEqual([expect.objectContaining({ field: 'limit', code: 'too_large', params: { max: 200 } })])
      const status = await expectProblem(await api.get('/api/v1/tenants/t-acme/members?status=sleeping'), 400, 'urn:problem:validation')
      expect(status.errors).toEqual([expect.objectContaining({ field: 'status', code: 'invalid' })])
      const department = await expectProblem(await api.get('/api/v1/tenants/t-acme/members?departmentId=d-nope'), 400, 'urn:problem:validation')
      expect(department.errors).toEqual([expect.objectContaining({ field: 'departmentId', code: 'invalid' })])
    })

    it('lists departments as a tree with head-counts that include sub-departments', async () => {
      const api = await setup()
      await api.signInAs('admin-acme')
      const { items } = await json<{ items: Schemas['Department'][] }>(await api.get('/api/v1/tenants/t-acme/departments'))
      const count = (name: string) => items.find((department) => department.name === name)?.memberCount ?? -1
      expect(items.find((department) => department.name === '华东销售')?.parentId).toBe('d-acme-sales')
      expect(count('销售部')).toBeGreaterThanOrEqual(count('华东销售') + count('华南销售'))
    })
  })

  describe(`audit events [${store.name}]`, () => {
    it('lists the tenant’s audit trail newest first, filtered by target, with a stable cursor', async () => {
      const api = await setup()
      await api.signInAs('admin-acme')
      type AuditPage = { items: Schemas['AuditEvent'][]; nextCursor: string | null }
      const audit = await json<AuditPage>(await api.get('/api/v1/tenants/t-acme/audit-events'))
      expect(audit.items[0]).toMatchObject({ action: 'support_grant.created', targetName: 'SUP-20261120-0042' })
      const times = audit.items.map((event) => event.at)
      expect(times).toEqual([...times].sort().reverse())
      const first = await json<AuditPage>(await api.get('/api/v1/tenants/t-acme/audit-events?limit=2'))
      const next = await json<AuditPage>(await api.get(`/api/v1/tenants/t-acme/audit-events?limit=2&cursor=${first.nextCursor ?? ''}`))
      expect(next.items[0]?.id).toBe(audit.items[2]?.id)
      const app = await json<AuditPage>(await api.get('/api/v1/tenants/t-acme/audit-events?targetType=app&targetId=app-acme-bi'))
      expect(app.items.map((event) => event.action)).toEqual(['app.enabled'])
    })

    it('keeps Northwind’s history out of Acme’s', async () => {
      const api = await setup()
      await api.signInAs('admin-northwind')
      const audit = await json<{ items: Schemas['AuditEvent'][] }>(await api.get('/api/v1/tenants/t-northwind/audit-events'))
      expect(audit.items.length).toBeGreaterThan(0)
      expect(audit.items.every((event) => !event.targetId.includes('acme'))).toBe(true)
    })
  })

  // One test for the large scenario: a SQL store seeds 100 000 members and 1 000 000 audit events for it.
  describe(`large scenario [${store.name}]`, () => {
    it(
      'answers for a 100 000-member tenant and pages through a million-event history',
      async () => {
        const api = await setup('large')
        await api.signInAs('admin-acme')
        const page = await json<Page>(await api.get('/api/v1/tenants/t-acme/members?q=wang'))
        expect(page.items.length).toBeGreaterThan(0)
        const all = await json<Page>(await api.get('/api/v1/tenants/t-acme/members?limit=1'))
        expect(all).toMatchObject({ total: 100_000, totalCapped: false })
        // A search that matches everyone counts to the cap and says there are more; its pages still run on by keyset.
        const broad = await json<Page>(await api.get('/api/v1/tenants/t-acme/members?q=acme.example&limit=100'))
        expect(broad).toMatchObject({ total: 1000, totalCapped: true })
        const deeper = await json<Page>(await api.get(`/api/v1/tenants/t-acme/members?q=acme.example&limit=100&cursor=${encodeURIComponent(broad.nextCursor ?? '')}`))
        expect(deeper).toMatchObject({ total: 1000, totalCapped: true })
        expect(deeper.items).toHaveLength(100)
        expect((deeper.items[0]?.name ?? '') >= (broad.items.at(-1)?.name ?? '')).toBe(true)
        expect(new Set([...broad.items, ...deeper.items].map((member) => member.id)).size).toBe(200)

        type AuditPage = { items: Schemas['AuditEvent'][]; nextCursor: string | null }
        const first = await json<AuditPage>(await api.get('/api/v1/tenants/t-acme/audit-events?limit=200'))
        expect(first.items).toHaveLength(200)
        const second = await json<AuditPage>(await api.get(`/api/v1/tenants/t-acme/audit-events?limit=200&cursor=${first.nextCursor ?? ''}`))
        expect(second.items).toHaveLength(200)
        const ids = new Set([...first.items, ...second.items].map((event) => event.id))
        expect(ids.size).toBe(400)
        const bi = await json<AuditPage>(await api.get('/api/v1/tenants/t-acme/audit-events?targetType=app&targetId=app-acme-bi&limit=5'))
        expect(bi.items.every((event) => event.targetId === 'app-acme-bi')).toBe(true)
        expect(bi.items).toHaveLength(5)
      },
      store.name === 'memory' ? 20_000 : 300_000,
    )
  })
})
