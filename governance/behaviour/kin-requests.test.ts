// Behaviour of next-of-kin requests (PIPL art. 49) — intake with evidence checked by content, verification with a
// paused clock, a decision per right and category on two tracks (each side refused on the other's), fulfilment that
// does the work (an archive of exactly the approved categories, corrections and deletions on the member), the
// deceased's arrangement, legal holds, and the audit trail — on every store.
import { unzipSync, strFromU8 } from 'fflate'
import { describe, expect, it } from 'vitest'
import { seededArrangement } from '../seed/member-profile'
import type { Api } from './harness'
import { expectProblem, forEachStore, json, key, type Schemas } from './harness'

const K = '/api/v1/kin-requests'
const DAY = 86_400_000
type Request = Schemas['KinRequest']
type Page = { items: Schemas['AuditEvent'][]; nextCursor: string | null }

const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3, 4])
const PDF = new TextEncoder().encode('%PDF-1.7\n1 0 obj <<>> endobj\n%%EOF\n')

const intake = (memberId: string, overrides: Partial<Schemas['KinRequestInput']> = {}): Schemas['KinRequestInput'] => ({
  tenantId: 't-acme',
  memberId,
  requester: { name: '张伟', relationship: 'spouse', contact: 'zhang.wei@example.cn', language: 'zh' },
  rights: ['copy', 'correct'],
  categories: ['name', 'wechat', 'position', 'landline', 'chat_messages'],
  corrections: [{ field: 'landline', after: '021-60000000' }],
  interest: '办理遗产继承，需要工作记录',
  ...overrides,
})

/** A member of t-acme whose recorded arrangement is `forbids` (or who arranged nothing, with null). */
async function memberWithArrangement(api: Api, forbids: 'all' | 'some' | null): Promise<string> {
  for (let n = 2; n < 400; n++) {
    const id = `m-acme-${String(n).padStart(6, '0')}`
    const member = await api.store.transaction((tx) => tx.members.get('t-acme', id))
    if (member && (seededArrangement(member)?.forbids ?? null) === forbids) return id
  }
  throw new Error(`no member with arrangement ${forbids}`)
}

async function logged(api: Api, memberId: string, overrides: Partial<Schemas['KinRequestInput']> = {}): Promise<Request> {
  await api.signInAs('support-agent')
  const response = await api.post(K, intake(memberId, overrides), { headers: key('intake') })
  expect(response.status).toBe(201)
  return json<Request>(response)
}

async function verified(api: Api, request: Request): Promise<Request> {
  await api.signInAs('support-agent')
  expect((await api.post(`${K}/${request.id}/evidence?kind=death_certificate&fileName=${encodeURIComponent('死亡证明.pdf')}`, PDF, { headers: key('ev') })).status).toBe(201)
  const all = { death_certificate: true, relationship_proof: true, requester_id: true }
  return json<Request>(await api.post(`${K}/${request.id}/verification`, { checklist: all, verified: true }, { headers: key('verify') }))
}

forEachStore((setup, store) => {
  describe(`next-of-kin requests [${store.name}]`, () => {
    it('intake by an agent: evidence is checked by its content and size, kept whole, and served only inside the case', async () => {
      const api = await setup()
      const memberId = await memberWithArrangement(api, null)
      const request = await logged(api, memberId)
      expect(request).toMatchObject({
        status: 'received',
        assignee: { id: 'support-agent' },
        tenantName: '杭州示例贸易有限公司',
        categories: ['name', 'wechat', 'position', 'landline', 'chat_messages'],
        settings: { deadlineDays: 15, deadlineUnit: 'calendar', deadlineFrom: 'receipt' },
        platform: { status: 'pending', categories: ['name', 'wechat'], dueAt: '2026-12-05T01:00:00.000Z', daysLeft: 15, urgency: 'on_time' },
        enterprise: { status: 'pending', categories: ['position', 'landline', 'chat_messages'], urgency: 'on_time' },
        yourTrack: 'platform',
      })
      const upload = (bytes: Uint8Array, name: string) => api.post(`${K}/${request.id}/evidence?kind=requester_id&fileName=${encodeURIComponent(name)}`, bytes, { headers: key('ev') })
      // A text file named .pdf is not a PDF; an empty file and one over 10 MB are refused next to the field.
      const disguised = await expectProblem(await upload(new TextEncoder().encode('not really a pdf'), 'id.pdf'), 415, 'urn:problem:evidence-type')
      expect(disguised.errors?.[0]?.field).toBe('file')
      await expectProblem(await upload(new Uint8Array(), 'empty.png'), 400, 'urn:problem:validation')
      await expectProblem(await upload(new Uint8Array(10 * 1024 * 1024 + 1).fill(0xff), 'big.jpg'), 413, 'urn:problem:evidence-too-large')
      const added = await json<Request>(await upload(PNG, '身份证.png'))
      expect(added.evidence).toEqual([expect.objectContaining({ kind: 'requester_id', fileName: '身份证.png', contentType: 'image/png', size: PNG.length, uploadedBy: { id: 'support-agent', name: '李雷' } })])
      const evidenceUrl = `${K}/${request.id}/evidence/${added.evidence[0]?.id}`
      expect(new Uint8Array(await (await api.get(evidenceUrl)).arrayBuffer())).toEqual(PNG)

      // The tenant's administrator sees it (their track) and its evidence; an administrator of another tenant does not.
      await api.signInAs('admin-acme')
      const inbox = await json<{ items: Request[] }>(await api.get(K))
      expect(inbox.items.map((item) => [item.id, item.yourTrack])).toEqual([[request.id, 'enterprise']])
      expect(new Uint8Array(await (await api.get(evidenceUrl)).arrayBuffer())).toEqual(PNG)
      await api.signInAs('admin-northwind')
      expect((await json<{ items: Request[] }>(await api.get(K))).items).toEqual([])
      await expectProblem(await api.get(`${K}/${request.id}`), 404, 'urn:problem:not-found')
      await expectProblem(await api.get(evidenceUrl), 404, 'urn:problem:not-found')
    })

    it('an administrator logs a request; the agent must take it before seeing its evidence or data, and every look at the data is audited', async () => {
      const api = await setup()
      const memberId = await memberWithArrangement(api, null)
      await api.signInAs('admin-acme')
      const request = await json<Request>(await api.post(K, intake(memberId), { headers: key('intake') }))
      expect(request.assignee).toBeNull()
      await api.signInAs('support-agent')
      await expectProblem(await api.get(`${K}/${request.id}?withData=true`), 403, 'urn:problem:not-assigned')
      await expectProblem(await api.post(`${K}/${request.id}/verification`, { checklist: { death_certificate: true, relationship_proof: false, requester_id: false }, verified: false }, { headers: key() }), 403, 'urn:problem:not-assigned')
      expect((await json<Request>(await api.post(`${K}/${request.id}/assign`, undefined, { headers: key('take') }))).assignee).toEqual({ id: 'support-agent', name: '李雷' })
      const withData = await json<Request>(await api.get(`${K}/${request.id}?withData=true`))
      // Only the platform's categories, and unmasked (inside the case).
      expect(Object.keys(withData.data ?? {})).toEqual(['name', 'wechat'])
      expect(withData.data?.wechat).toMatch(/^wx_/)
      expect(withData.data?.wechat).not.toContain('*')
      await api.signInAs('admin-acme')
      const log = await json<Page>(await api.get(`/api/v1/tenants/t-acme/audit-events?targetType=kin_request`))
      expect(log.items.map((event) => [event.action, event.actor.id, event.onBehalfOf])).toEqual([
        ['kin_request.data_viewed', 'support-agent', null],
        ['kin_request.assigned', 'support-agent', null],
        ['kin_request.received', 'admin-acme', null],
      ])
    })

    it('asking the requester for more information pauses the clock; the pause moves the deadline and stays in the history', async () => {
      const api = await setup()
      const request = await logged(api, await memberWithArrangement(api, null))
      api.clock.advance(2 * DAY)
      const paused = await json<Request>(await api.post(`${K}/${request.id}/information-request`, { note: '请补充亲属关系证明' }, { headers: key() }))
      expect(paused).toMatchObject({ status: 'awaiting_requester', platform: { urgency: 'paused', daysLeft: 13 }, pauses: [{ note: '请补充亲属关系证明', to: null }] })
      // While paused a decision is not possible, and the days left stand still.
      await expectProblem(await api.post(`${K}/${request.id}/decisions`, { items: [{ right: 'copy', category: 'name', outcome: 'approved' }] }, { headers: key() }), 409, 'urn:problem:conflict')
      api.clock.advance(5 * DAY)
      expect((await json<Request>(await api.get(`${K}/${request.id}`))).platform).toMatchObject({ urgency: 'paused', daysLeft: 13 })
      const resumed = await json<Request>(await api.post(`${K}/${request.id}/information-received`, { note: '已收到户口本复印件' }, { headers: key() }))
      expect(resumed).toMatchObject({ status: 'verifying', platform: { urgency: 'on_time', daysLeft: 13, dueAt: '2026-12-10T01:00:00.000Z' } })
      expect(resumed.history.map((entry) => entry.event)).toEqual(['received', 'information_requested', 'information_received'])
      // Twelve days later it is due soon; four more and it is overdue.
      api.clock.advance(11 * DAY)
      expect((await json<Request>(await api.get(`${K}/${request.id}`))).platform).toMatchObject({ urgency: 'due_soon', daysLeft: 2 })
      api.clock.advance(3 * DAY)
      expect((await json<Request>(await api.get(`${K}/${request.id}`))).platform).toMatchObject({ urgency: 'overdue', daysLeft: -1 })
      expect((await json<{ items: Request[] }>(await api.get(`${K}?urgency=overdue`))).items.map((item) => item.id)).toEqual([request.id])
      // The administrator's overview counts it (the enterprise part is overdue too).
      await api.signInAs('admin-acme')
      expect((await json<Schemas['Tenant']>(await api.get('/api/v1/tenants/t-acme'))).attention).toMatchObject({ kinDueSoon: 0, kinOverdue: 1 })
    })

    it('each side decides only its own track; the enterprise copy yields an archive of exactly the approved categories, with others redacted', async () => {
      const api = await setup()
      const memberId = await memberWithArrangement(api, null)
      const request = await verified(api, await logged(api, memberId))
      expect(request.status).toBe('verified')

      // The agent cannot decide the enterprise's categories, nor the administrator the platform's.
      await expectProblem(await api.post(`${K}/${request.id}/decisions`, { items: [{ right: 'copy', category: 'position', outcome: 'approved' }] }, { headers: key() }), 403, 'urn:problem:wrong-track')
      await api.signInAs('admin-acme')
      await expectProblem(await api.post(`${K}/${request.id}/decisions`, { items: [{ right: 'copy', category: 'name', outcome: 'approved' }] }, { headers: key() }), 403, 'urn:problem:wrong-track')
      // Every pair asked for must be decided, and a refusal states its ground.
      const incomplete = await expectProblem(await api.post(`${K}/${request.id}/decisions`, { items: [{ right: 'copy', category: 'position', outcome: 'refused' }] }, { headers: key() }), 400, 'urn:problem:validation')
      expect(incomplete.errors?.map((error) => error.field)).toEqual(['items/0/ground', 'items', 'items', 'items'])

      const decision = {
        items: [
          { right: 'copy', category: 'position', outcome: 'approved' },
          { right: 'copy', category: 'landline', outcome: 'approved' },
          { right: 'copy', category: 'chat_messages', outcome: 'approved' },
          { right: 'correct', category: 'landline', outcome: 'approved' },
        ],
      }
      const decidedKey = key('decide')
      const decided = await json<Request>(await api.post(`${K}/${request.id}/decisions`, decision, { headers: decidedKey }))
      expect(decided).toMatchObject({ status: 'verified', enterprise: { status: 'decided', decidedBy: { id: 'admin-acme' } }, platform: { status: 'pending' } })
      // A retried decision replays; a second one is refused.
      const replay = await api.post(`${K}/${request.id}/decisions`, decision, { headers: decidedKey })
      expect(replay.headers.get('Idempotent-Replayed')).toBe('true')
      await expectProblem(await api.post(`${K}/${request.id}/decisions`, decision, { headers: key() }), 409, 'urn:problem:conflict')

      const before = await json<Schemas['MemberDetail']>(await api.get(`/api/v1/tenants/t-acme/members/${memberId}`))
      const fulfilled = await json<Request>(await api.post(`${K}/${request.id}/fulfilment`, undefined, { headers: key('fulfil') }))
      expect(fulfilled.enterprise).toMatchObject({
        status: 'fulfilled',
        archive: { fileName: `${request.id}-enterprise.zip`, categories: ['position', 'landline', 'chat_messages'] },
        corrected: [{ field: 'landline', before: before.enterpriseProfile.landline, after: '021-60000000' }],
        deleted: [],
        urgency: null,
      })
      // The correction shows on the member.
      const after = await json<Schemas['MemberDetail']>(await api.get(`/api/v1/tenants/t-acme/members/${memberId}`))
      expect(after.enterpriseProfile.landline).toBe('021-60000000')

      const zip = await api.get(`${K}/${request.id}/archives/enterprise`)
      expect(zip.headers.get('content-type')).toBe('application/zip')
      const files = unzipSync(new Uint8Array(await zip.arrayBuffer()))
      expect(Object.keys(files).sort()).toEqual(['chat_messages.csv', 'data.json', 'landline.csv', 'position.csv'])
      const data = JSON.parse(strFromU8(files['data.json'] as Uint8Array)) as { categories: string[]; data: Record<string, unknown> }
      expect(data.categories).toEqual(['position', 'landline', 'chat_messages'])
      expect(Object.keys(data.data)).toEqual(['position', 'landline', 'chat_messages'])
      // The archive was made before the correction took effect: it shows what was held.
      expect(data.data.landline).toBe(before.enterpriseProfile.landline)
      const lines = data.data.chat_messages as { from: string; text: string }[]
      expect(lines.length).toBe(Math.min(before.holdings.messages, 2000))
      const others = lines.filter((line) => line.from !== before.platformProfile.name)
      expect(others.length).toBeGreaterThan(0)
      expect(others.every((line) => line.text.startsWith('[redacted'))).toBe(true)
      // The archive is the enterprise's to hand over; the agent cannot fetch it.
      await api.signInAs('support-agent')
      await expectProblem(await api.get(`${K}/${request.id}/archives/enterprise`), 403, 'urn:problem:wrong-track')

      // The platform refuses its part on a ground: nothing to carry out, so the request is fulfilled and can close.
      const platform = await json<Request>(
        await api.post(
          `${K}/${request.id}/decisions`,
          { items: [{ right: 'copy', category: 'name', outcome: 'refused', ground: 'harm_to_others' }, { right: 'copy', category: 'wechat', outcome: 'refused', ground: 'harm_to_others' }] },
          { headers: key() },
        ),
      )
      expect(platform).toMatchObject({ status: 'fulfilled', platform: { status: 'fulfilled', archive: null } })
      const closed = await json<Request>(await api.post(`${K}/${request.id}/close`, undefined, { headers: key() }))
      expect(closed).toMatchObject({ status: 'closed', closedAt: '2026-11-20T01:00:00.000Z' })
      await api.signInAs('admin-acme')
      const log = await json<Page>(await api.get(`/api/v1/tenants/t-acme/audit-events?targetType=kin_request`))
      expect(log.items.map((event) => event.action)).toEqual([
        'kin_request.closed',
        'kin_request.fulfilled',
        'kin_request.decided',
        'kin_request.fulfilled',
        'kin_request.decided',
        'kin_request.verified',
        'kin_request.checklist_changed',
        'kin_request.evidence_added',
        'kin_request.received',
      ])
    })

    it('a deletion removes the approved categories from the member; a legal hold blocks it and nothing is half-done', async () => {
      const api = await setup()
      const memberId = await memberWithArrangement(api, null)
      const request = await verified(api, await logged(api, memberId, { rights: ['delete'], categories: ['landline', 'files'], corrections: [] }))
      await api.signInAs('admin-acme')
      const decision = { items: [{ right: 'delete', category: 'landline', outcome: 'approved' }, { right: 'delete', category: 'files', outcome: 'approved' }] }
      expect((await api.post(`${K}/${request.id}/decisions`, decision, { headers: key() })).status).toBe(200)
      // A hold placed after the decision stops the deletion: no change at all.
      const hold = await json<Schemas['LegalHold']>(await api.post('/api/v1/tenants/t-acme/legal-holds', { targetType: 'member', targetId: memberId, reason: '诉讼保全' }, { headers: key() }))
      await expectProblem(await api.post(`${K}/${request.id}/fulfilment`, undefined, { headers: key() }), 409, 'urn:problem:legal-hold')
      const held = await json<Schemas['MemberDetail']>(await api.get(`/api/v1/tenants/t-acme/members/${memberId}`))
      expect(held.enterpriseProfile.landline).not.toBeNull()
      expect((await json<Request>(await api.get(`${K}/${request.id}`))).enterprise.status).toBe('decided')
      expect((await api.post(`/api/v1/tenants/t-acme/legal-holds/${hold.id}/release`, { reason: '案件终结' }, { headers: key() })).status).toBe(200)
      const done = await json<Request>(await api.post(`${K}/${request.id}/fulfilment`, undefined, { headers: key() }))
      expect(done.enterprise).toMatchObject({ status: 'fulfilled', deleted: ['landline', 'files'], archive: null })
      const after = await json<Schemas['MemberDetail']>(await api.get(`/api/v1/tenants/t-acme/members/${memberId}`))
      expect(after.enterpriseProfile.landline).toBeNull()
      expect(after.holdings.driveFiles).toBe(0)
    })

    it('a fault midway through a decision or a fulfilment leaves nothing of it; the retry completes it once', async () => {
      const api = await setup()
      const memberId = await memberWithArrangement(api, null)
      const request = await verified(api, await logged(api, memberId, { rights: ['copy', 'correct', 'delete'], categories: ['landline', 'chat_messages'], corrections: [{ field: 'landline', after: '021-60000000' }] }))
      await api.signInAs('admin-acme')
      const stored = async () => {
        const preview = await json<Schemas['RetentionPreview']>(await api.post('/api/v1/tenants/t-acme/retention/preview', { chat: { mode: 'forever' }, files: { mode: 'forever' } }, { headers: key() }))
        return preview.chat.total
      }
      const chatBefore = await stored()
      const decision = {
        items: [
          { right: 'copy', category: 'landline', outcome: 'approved' },
          { right: 'copy', category: 'chat_messages', outcome: 'refused', ground: 'harm_to_others' },
          { right: 'correct', category: 'landline', outcome: 'approved' },
          { right: 'delete', category: 'landline', outcome: 'refused', ground: 'retention_or_hold' },
          { right: 'delete', category: 'chat_messages', outcome: 'approved' },
        ],
      }
      const audited = async (action: string) => (await json<Page>(await api.get('/api/v1/tenants/t-acme/audit-events?limit=200'))).items.filter((event) => event.action === action && event.targetId === request.id).length

      // The console retries with the key of the failed attempt, as a client should.
      const decideKey = key('decide')
      const fulfilKey = key('fulfil')
      api.failingMidway.add(`/jobs/kin/${request.id}/decisions`)
      await expectProblem(await api.post(`${K}/${request.id}/decisions`, decision, { headers: decideKey }), 500, 'urn:problem:server-error')
      expect((await json<Request>(await api.get(`${K}/${request.id}`))).enterprise).toMatchObject({ status: 'pending', decisions: [] })
      expect(await audited('kin_request.decided')).toBe(0)
      const decided = await json<Request>(await api.post(`${K}/${request.id}/decisions`, decision, { headers: decideKey }))
      expect(decided.enterprise.status).toBe('decided')

      api.failingMidway.add(`/jobs/kin/${request.id}/fulfilment`)
      await expectProblem(await api.post(`${K}/${request.id}/fulfilment`, undefined, { headers: fulfilKey }), 500, 'urn:problem:server-error')
      // Nothing of it remains: no archive, the landline as it was, the chats still stored and counted.
      expect((await json<Request>(await api.get(`${K}/${request.id}`))).enterprise).toMatchObject({ status: 'decided', archive: null, corrected: [], deleted: [] })
      const untouched = await json<Schemas['MemberDetail']>(await api.get(`/api/v1/tenants/t-acme/members/${memberId}`))
      expect(untouched.enterpriseProfile.landline).not.toBe('021-60000000')
      expect(untouched.holdings.messages).toBeGreaterThan(0)
      expect(await stored()).toBe(chatBefore)
      expect(await api.get(`${K}/${request.id}/archives/enterprise`).then((response) => response.status)).toBe(404)

      const done = await json<Request>(await api.post(`${K}/${request.id}/fulfilment`, undefined, { headers: fulfilKey }))
      expect(done.enterprise).toMatchObject({ status: 'fulfilled', deleted: ['chat_messages'], archive: { categories: ['landline'] } })
      // The same key again is the same answer, not a second fulfilment.
      const replay = await api.post(`${K}/${request.id}/fulfilment`, undefined, { headers: fulfilKey })
      expect(replay.status).toBe(200)
      expect(await audited('kin_request.decided')).toBe(1)
      expect(await audited('kin_request.fulfilled')).toBe(1)
      const after = await json<Schemas['MemberDetail']>(await api.get(`/api/v1/tenants/t-acme/members/${memberId}`))
      expect(after.enterpriseProfile.landline).toBe('021-60000000')
      expect(after.holdings.messages).toBe(0)
      // The deleted chats leave the retention figures too.
      expect(await stored()).toBeLessThan(chatBefore)
      // The member's own history says what the request changed, once.
      const onMember = (await json<Page>(await api.get(`/api/v1/tenants/t-acme/audit-events?targetType=member&targetId=${memberId}&limit=50`))).items.filter((event) => event.action === 'member.kin_request_applied')
      expect(onMember).toHaveLength(1)
      expect(onMember[0]?.after).toEqual({ landline: '021-60000000', deleted: ['chat_messages'] })
    })

    it('an open request keeps a removed member’s data past the removal date; it goes at the first run after the request is closed', async () => {
      const api = await setup()
      const memberId = await memberWithArrangement(api, null)
      const request = await verified(api, await logged(api, memberId, { rights: ['view'], categories: ['position'], corrections: [] }))
      await api.signInAs('admin-acme')
      const removal = { handoverToMemberId: null, dataHandling: 'delete', graceDays: 1, reason: '成员已故' }
      expect((await api.post(`/api/v1/tenants/t-acme/members/${memberId}/removal`, removal, { headers: key() })).status).toBe(200)
      api.clock.advance(2 * DAY)
      const kept = await json<Schemas['MemberDetail']>(await api.get(`/api/v1/tenants/t-acme/members/${memberId}`))
      expect(kept.member.status).toBe('pending_removal')
      expect(kept.removal).toMatchObject({ keptByKinRequest: request.id, completedAt: null })
      expect(kept.enterpriseProfile.position).not.toBeNull()
      // Refused and closed: nothing keeps the data any more.
      expect((await api.post(`${K}/${request.id}/decisions`, { items: [{ right: 'view', category: 'position', outcome: 'refused', ground: 'insufficient_evidence' }] }, { headers: key() })).status).toBe(200)
      await api.signInAs('support-agent')
      expect((await api.post(`${K}/${request.id}/close`, undefined, { headers: key() })).status).toBe(200)
      await api.signInAs('admin-acme')
      const gone = await json<Schemas['MemberDetail']>(await api.get(`/api/v1/tenants/t-acme/members/${memberId}`))
      expect(gone.member.status).toBe('removed')
      expect(gone.removal).not.toHaveProperty('keptByKinRequest')
      const actions = (await json<Page>(await api.get(`/api/v1/tenants/t-acme/audit-events?targetType=member&targetId=${memberId}&limit=50`))).items.map((event) => event.action)
      expect(actions).toContain('member.removal_kept_for_kin_request')
      expect(actions).toContain('member.data_deleted')
    })

    it('approving a deletion under a legal hold is refused at the decision', async () => {
      const api = await setup()
      const memberId = await memberWithArrangement(api, null)
      const request = await verified(api, await logged(api, memberId, { rights: ['delete'], categories: ['landline'], corrections: [] }))
      await api.signInAs('admin-acme')
      await api.post('/api/v1/tenants/t-acme/legal-holds', { targetType: 'member', targetId: memberId, reason: '诉讼保全' }, { headers: key() })
      await expectProblem(await api.post(`${K}/${request.id}/decisions`, { items: [{ right: 'delete', category: 'landline', outcome: 'approved' }] }, { headers: key() }), 409, 'urn:problem:legal-hold')
      const refused = await json<Request>(await api.post(`${K}/${request.id}/decisions`, { items: [{ right: 'delete', category: 'landline', outcome: 'refused', ground: 'retention_or_hold' }] }, { headers: key() }))
      expect(refused).toMatchObject({ status: 'fulfilled', enterprise: { status: 'fulfilled', decisions: [{ outcome: 'refused', ground: 'retention_or_hold' }] } })
    })

    it('where the deceased arranged that nothing be disclosed, approval is refused and refusal on that ground goes through', async () => {
      const api = await setup()
      const request = await verified(api, await logged(api, await memberWithArrangement(api, 'all'), { rights: ['view'], categories: ['name', 'position'], corrections: [] }))
      expect(request.arrangement).toMatchObject({ forbids: 'all' })
      const refused = await expectProblem(await api.post(`${K}/${request.id}/decisions`, { items: [{ right: 'view', category: 'name', outcome: 'approved' }] }, { headers: key() }), 409, 'urn:problem:deceased-arrangement')
      expect(refused).toMatchObject({ category: 'name' })
      const decided = await json<Request>(await api.post(`${K}/${request.id}/decisions`, { items: [{ right: 'view', category: 'name', outcome: 'refused', ground: 'deceased_arrangement' }] }, { headers: key() }))
      expect(decided.platform).toMatchObject({ status: 'fulfilled', decisions: [{ right: 'view', category: 'name', outcome: 'refused', ground: 'deceased_arrangement' }] })
      // The enterprise's part (position) still waits for the administrator.
      expect(decided).toMatchObject({ status: 'verified', enterprise: { status: 'pending' } })
    })

    it('the tenant sets its deadline rule: working days from verification, used by requests received after the change', async () => {
      const api = await setup()
      await api.signInAs('admin-acme')
      const rule = { deadlineDays: 7, deadlineUnit: 'working', deadlineFrom: 'verification' }
      await expectProblem(await api.put('/api/v1/tenants/t-acme/kin-settings', { ...rule, deadlineDays: 31 }, { headers: key() }), 400, 'urn:problem:validation')
      expect(await json(await api.put('/api/v1/tenants/t-acme/kin-settings', rule, { headers: key() }))).toEqual(rule)
      await api.signInAs('support-agent')
      // Support agents never change a tenant's settings, not even under a grant.
      await expectProblem(await api.put('/api/v1/tenants/t-acme/kin-settings', rule, { headers: key() }), 403, 'urn:problem:admins-only')
      const request = await logged(api, await memberWithArrangement(api, null))
      // No deadline until verification starts the clock.
      expect(request.platform).toMatchObject({ dueAt: null, urgency: null })
      // Verified on Friday 2026-11-20: seven working days later is Tuesday 2026-12-01.
      const done = await verified(api, request)
      expect(done.platform).toMatchObject({ dueAt: '2026-12-01T01:00:00.000Z', urgency: 'on_time' })
    })
  })
})
