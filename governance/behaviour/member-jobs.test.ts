// Behaviour of bulk removal — the uploaded list checked row by row, jobs by id and by filter worked through one
// member at a time, a failure on one member, an interrupted job resumed — on every store.
import { describe, expect, it } from 'vitest'
import { expectProblem, forEachStore, json, key, type Api, type Schemas } from './harness'

const T = '/api/v1/tenants/t-acme'
const J = `${T}/member-removal-jobs`
type Job = Schemas['MemberRemovalJob']
const options = { handoverToMemberId: 'm-acme-000001', dataHandling: 'anonymise', graceDays: 30, reason: '组织调整' }

const member = async (api: Api, id: string) => json<Schemas['MemberDetail']>(await api.get(`${T}/members/${id}`))
const job = async (api: Api, id: string) => json<Job>(await api.get(`${J}/${id}`))
const removalEvents = async (api: Api, id: string) =>
  (await json<{ items: Schemas['AuditEvent'][] }>(await api.get(`${T}/audit-events?targetType=member&targetId=${id}`))).items.filter((event) => event.action === 'member.removal_scheduled')

forEachStore((setup, store) => {
  describe(`bulk member removal [${store.name}]`, () => {
    it('checks an uploaded list row by row: blank, duplicate, unknown, already leaving, and members found by employee no., email or phone', async () => {
      const api = await setup()
      await api.signInAs('admin-acme')
      const a = await member(api, 'm-acme-000012')
      await api.post(`${T}/members/m-acme-000030/removal`, { ...options, handoverToMemberId: null }, { headers: key() })
      const b = await member(api, 'm-acme-000044')
      const rows = [a.member.employeeNo, '', b.member.email.toUpperCase(), a.member.employeeNo.toLowerCase(), 'nobody@acme.example', 'AC000031', '  ']
      const checked = await json<{ rows: Schemas['MemberListRow'][] }>(await api.post(`${J}/preview`, { rows }))
      expect(checked.rows.map((row) => [row.row, row.outcome, row.member?.id ?? null])).toEqual([
        [1, 'member', 'm-acme-000012'],
        [2, 'blank', null],
        [3, 'member', 'm-acme-000044'],
        [4, 'duplicate', 'm-acme-000012'],
        [5, 'unknown', null],
        [6, 'already_removed', 'm-acme-000030'],
        [7, 'blank', null],
      ])
      await api.signInAs('support-agent')
      await expectProblem(await api.post(`${J}/preview`, { rows }), 403, 'urn:problem:read-only-grant')
    })

    it('removes the chosen members one by one with one handover target, and reports each', async () => {
      const api = await setup()
      await api.signInAs('admin-acme')
      const ids = ['m-acme-000012', 'm-acme-000044', 'm-acme-000048']
      const started = await json<Job>(await api.post(J, { ...options, memberIds: ids }, { headers: key() }))
      expect(started).toMatchObject({ status: 'running', total: 3, done: 0, handoverTo: { id: 'm-acme-000001' } })
      expect(await api.advanceJobs()).toBe(3)
      const finished = await job(api, started.id)
      expect(finished).toMatchObject({ status: 'completed', total: 3, done: 3, removed: 3, skipped: 0, failed: 0 })
      expect(finished.results.map((result) => [result.memberId, result.outcome])).toEqual(ids.map((id) => [id, 'removed']))
      for (const id of ids) {
        expect((await member(api, id)).removal).toMatchObject({ dataHandling: 'anonymise', handover: { to: { id: 'm-acme-000001' } } })
        expect(await removalEvents(api, id)).toHaveLength(1)
      }
      expect(await api.advanceJobs()).toBe(0)
    })

    it('takes every member a filter matches, on the server, and skips yourself with the reason', async () => {
      const api = await setup()
      await api.signInAs('admin-acme')
      const directory = await json<{ total: number }>(await api.get(`${T}/members?departmentId=d-acme-ceo`))
      const started = await json<Job>(await api.post(J, { ...options, handoverToMemberId: null, filter: { departmentId: 'd-acme-ceo' } }, { headers: key() }))
      expect(started.total).toBe(directory.total)
      await api.advanceJobs()
      const finished = await job(api, started.id)
      const self = finished.results.find((result) => result.memberId === 'm-acme-000000')
      expect(self).toMatchObject({ outcome: 'skipped', detail: expect.stringContaining('yourself') as string })
      expect(finished.removed + finished.skipped).toBe(directory.total)
      expect((await member(api, 'm-acme-000000')).member.status).toBe('active')
    })

    it('goes on past a member whose removal fails, and a job interrupted midway resumes without removing anyone twice', async () => {
      const api = await setup()
      await api.signInAs('admin-acme')
      const ids = ['m-acme-000012', 'm-acme-000044', 'm-acme-000048', 'm-acme-000050', 'm-acme-000051']
      api.failingRemovals.add('m-acme-000044')
      const started = await json<Job>(await api.post(J, { ...options, memberIds: ids }, { headers: key() }))
      // A tick that stops (budget spent) after the first member; the next tick resumes where it stopped.
      await api.advanceJobs(0)
      let midway = await job(api, started.id)
      expect(midway.done).toBeLessThanOrEqual(1)
      await api.advanceJobs()
      midway = await job(api, started.id)
      expect(midway).toMatchObject({ status: 'completed', done: 5, removed: 4, failed: 1 })
      expect(midway.results.find((result) => result.memberId === 'm-acme-000044')).toMatchObject({ outcome: 'failed', detail: expect.stringContaining('nothing was changed') as string })
      expect((await member(api, 'm-acme-000044')).member.status).toBe('active')
      for (const id of ids.filter((id) => id !== 'm-acme-000044')) expect(await removalEvents(api, id)).toHaveLength(1)
    })

    it('refuses a job without members, with both ids and a filter, or with the colleague among the removed', async () => {
      const api = await setup()
      await api.signInAs('admin-acme')
      await expectProblem(await api.post(J, { ...options }, { headers: key() }), 400, 'urn:problem:validation')
      await expectProblem(await api.post(J, { ...options, memberIds: ['m-acme-000012'], filter: {} }, { headers: key() }), 400, 'urn:problem:validation')
      const problem = await expectProblem(await api.post(J, { ...options, memberIds: ['m-acme-000001'] }, { headers: key() }), 400, 'urn:problem:validation')
      expect(problem.errors?.[0]?.field).toBe('handoverToMemberId')
      await expectProblem(await api.get(`${J}/rj-acme-99999`), 404, 'urn:problem:not-found')
    })
  })
})
