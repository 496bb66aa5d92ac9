// The next-of-kin state machine: every step from every status (allowed or refused), the deadline clock (calendar and
// working days, from receipt or verification, pauses), what each track must decide, and what fulfilment does.
import { describe, expect, it } from 'vitest'
import { expectRule } from './expect-rule'
import {
  addDays,
  assertStep,
  decideTrack,
  fulfilmentPlan,
  KIN_TRANSITIONS,
  pairsToDecide,
  receiveInformation,
  receiveKinRequest,
  requestInformation,
  trackDeadline,
  updateChecklist,
  type KinRecord,
  type KinStatus,
  type KinStep,
} from './kin-requests'

const DAY = 86_400_000
const T0 = Date.parse('2026-11-20T01:00:00.000Z') // a Friday
const agent = { person: { id: 'support-agent', name: '李雷' }, track: 'platform' as const, now: T0 }
const admin = { person: { id: 'admin-acme', name: '王芳' }, track: 'enterprise' as const, now: T0 }
const STATUSES: KinStatus[] = ['received', 'verifying', 'awaiting_requester', 'verified', 'decided', 'fulfilled', 'closed']
const ALL_CHECKED = { death_certificate: true, relationship_proof: true, requester_id: true }

function received(overrides: Partial<KinRecord> = {}): KinRecord {
  const { request } = receiveKinRequest(
    {
      id: 'kin-00001',
      tenantId: 't-acme',
      memberId: 'm-acme-000007',
      memberName: '赵敏',
      input: {
        tenantId: 't-acme',
        memberId: 'm-acme-000007',
        requester: { name: ' 张伟 ', relationship: 'child', contact: 'zhang@example.cn', language: 'zh' },
        rights: ['correct', 'copy'],
        categories: ['landline', 'name', 'position'],
        corrections: [{ field: 'landline', after: ' 021-60000000 ' }],
        interest: '继承',
      },
      settings: { deadlineDays: 15, deadlineUnit: 'calendar', deadlineFrom: 'receipt' },
      assignToCaller: true,
    },
    agent,
  )
  return { ...request, ...overrides }
}

describe('next-of-kin state machine', () => {
  it('allows each step only from its statuses, and refuses it from every other', () => {
    for (const step of Object.keys(KIN_TRANSITIONS) as KinStep[]) {
      for (const status of STATUSES) {
        const request = received({ status })
        if ((KIN_TRANSITIONS[step] as readonly KinStatus[]).includes(status)) expect(() => assertStep(request, step), `${step} from ${status}`).not.toThrow()
        else expectRule(() => assertStep(request, step), 'conflict')
      }
    }
    // Nothing moves a closed request.
    expect(Object.values(KIN_TRANSITIONS).some((from) => (from as readonly KinStatus[]).includes('closed'))).toBe(false)
  })

  it('intake keeps categories in the fixed order, splits them by track and asks for what to correct', () => {
    const request = received()
    expect(request).toMatchObject({ status: 'received', categories: ['name', 'position', 'landline'], rights: ['copy', 'correct'], requester: { name: '张伟' }, corrections: [{ after: '021-60000000' }] })
    expect(request.tracks.platform.status).toBe('pending')
    expect(pairsToDecide(request, 'platform')).toEqual([{ right: 'copy', category: 'name' }])
    // correct only where a correction is asked (landline), copy everywhere.
    expect(pairsToDecide(request, 'enterprise')).toEqual([
      { right: 'copy', category: 'position' },
      { right: 'copy', category: 'landline' },
      { right: 'correct', category: 'landline' },
    ])
    const base = received().tracks
    expect(base.enterprise.status).toBe('pending')
    const input = { tenantId: 't-acme', memberId: 'm', requester: { name: 'x', relationship: 'spouse' as const, contact: 'c', language: 'en' as const }, interest: 'i' }
    const make = (extra: object) => receiveKinRequest({ id: 'k', tenantId: 't-acme', memberId: 'm', memberName: 'm', settings: received().settings, assignToCaller: false, input: { ...input, rights: ['view'], categories: ['fax'], ...extra } }, agent)
    expect(make({}).request.tracks.platform.status).toBe('not_asked')
    expect(expectRule(() => make({ rights: ['correct'] }), 'validation').errors?.[0]?.field).toBe('corrections')
    expect(expectRule(() => make({ rights: ['correct'], corrections: [{ field: 'name', after: 'y' }] }), 'validation').errors?.[0]?.field).toBe('corrections/0/field')
    expect(expectRule(() => make({ receivedAt: new Date(T0 + DAY).toISOString() }), 'validation').errors?.[0]?.field).toBe('receivedAt')
  })

  it('verifies only with every piece of evidence checked and a file on record', () => {
    const request = received()
    expect(expectRule(() => updateChecklist(request, { checklist: { ...ALL_CHECKED, requester_id: false }, verified: true }, agent, '赵敏'), 'validation').errors?.[0]?.field).toBe('checklist/requester_id')
    expect(expectRule(() => updateChecklist(request, { checklist: ALL_CHECKED, verified: true }, agent, '赵敏'), 'validation').errors?.[0]?.field).toBe('evidence')
    const withFile = { ...request, evidence: [{ id: 'e', fileId: 'e', kind: 'death_certificate' as const, fileName: 'a.pdf', contentType: 'application/pdf' as const, size: 1, uploadedAt: '', uploadedBy: agent.person }] }
    expect(updateChecklist(withFile, { checklist: ALL_CHECKED, verified: false }, agent, '赵敏').request.status).toBe('verifying')
    const done = updateChecklist(withFile, { checklist: ALL_CHECKED, verified: true }, agent, '赵敏')
    expect(done.request).toMatchObject({ status: 'verified', verifiedAt: '2026-11-20T01:00:00.000Z' })
    expect(done.audit.map((entry) => entry.action)).toEqual(['kin_request.checklist_changed', 'kin_request.verified'])
  })

  it('counts calendar and working days, from receipt or from verification, and pauses', () => {
    // Friday + 1 working day = Monday; + 5 = next Friday; + 7 = the Tuesday after.
    expect(new Date(addDays(T0, 1, 'working')).toISOString()).toBe('2026-11-23T01:00:00.000Z')
    expect(new Date(addDays(T0, 5, 'working')).toISOString()).toBe('2026-11-27T01:00:00.000Z')
    expect(new Date(addDays(T0, 7, 'working')).toISOString()).toBe('2026-12-01T01:00:00.000Z')
    expect(new Date(addDays(T0, 15, 'calendar')).toISOString()).toBe('2026-12-05T01:00:00.000Z')

    const request = received()
    expect(trackDeadline(request, 'platform', T0)).toEqual({ dueAt: '2026-12-05T01:00:00.000Z', daysLeft: 15, urgency: 'on_time' })
    expect(trackDeadline(request, 'platform', T0 + 12 * DAY).urgency).toBe('due_soon')
    expect(trackDeadline(request, 'platform', T0 + 15 * DAY + 1)).toMatchObject({ daysLeft: 0, urgency: 'overdue' })
    const fromVerification = received({ settings: { deadlineDays: 7, deadlineUnit: 'working', deadlineFrom: 'verification' } })
    expect(trackDeadline(fromVerification, 'platform', T0)).toEqual({ dueAt: null, daysLeft: null, urgency: null })

    const paused = requestInformation(request, '请补充', { ...agent, now: T0 + 2 * DAY }, '赵敏').request
    expect(trackDeadline(paused, 'platform', T0 + 6 * DAY)).toMatchObject({ daysLeft: 13, urgency: 'paused' })
    const resumed = receiveInformation(paused, '已收到', { ...agent, now: T0 + 6 * DAY }, '赵敏').request
    expect(resumed.pauses).toEqual([{ from: '2026-11-22T01:00:00.000Z', to: '2026-11-26T01:00:00.000Z', note: '请补充' }])
    expect(trackDeadline(resumed, 'platform', T0 + 6 * DAY)).toEqual({ dueAt: '2026-12-09T01:00:00.000Z', daysLeft: 13, urgency: 'on_time' })
  })

  it('decides a track: only its own categories, every pair once, grounds for refusals, the arrangement and legal holds respected', () => {
    const request = received({ status: 'verified' })
    const none = { arrangement: null, underLegalHold: false }
    expectRule(() => decideTrack(request, { items: [{ right: 'copy', category: 'position', outcome: 'approved' }] }, none, agent, '赵敏'), 'wrong-track')
    expectRule(() => decideTrack(request, { items: [{ right: 'copy', category: 'name', outcome: 'approved' }] }, none, admin, '赵敏'), 'wrong-track')
    const twice = expectRule(() => decideTrack(request, { items: [{ right: 'copy', category: 'name', outcome: 'approved' }, { right: 'copy', category: 'name', outcome: 'approved' }] }, none, agent, '赵敏'), 'validation')
    expect(twice.errors?.[0]?.code).toBe('duplicate')
    const forbidding = { arrangement: { forbids: 'some' as const, categories: ['name' as const], recordedAt: '', statement: '' }, underLegalHold: false }
    expectRule(() => decideTrack(request, { items: [{ right: 'copy', category: 'name', outcome: 'approved' }] }, forbidding, agent, '赵敏'), 'deceased-arrangement')
    // In verification a request can be refused, not approved.
    expectRule(() => decideTrack({ ...request, status: 'verifying' }, { items: [{ right: 'copy', category: 'name', outcome: 'approved' }] }, none, agent, '赵敏'), 'conflict')
    const decided = decideTrack(request, { items: [{ right: 'copy', category: 'name', outcome: 'approved' }] }, none, agent, '赵敏').request
    expect(decided).toMatchObject({ status: 'verified', tracks: { platform: { status: 'decided' }, enterprise: { status: 'pending' } } })
    expectRule(() => decideTrack(decided, { items: [{ right: 'copy', category: 'name', outcome: 'approved' }] }, none, agent, '赵敏'), 'conflict')
    const both = decideTrack(
      decided,
      {
        items: [
          { right: 'copy', category: 'position', outcome: 'refused', ground: 'trade_secret' },
          { right: 'copy', category: 'landline', outcome: 'approved' },
          { right: 'correct', category: 'landline', outcome: 'approved' },
        ],
      },
      none,
      admin,
      '赵敏',
    ).request
    expect(both.status).toBe('decided')
    expect(fulfilmentPlan(both, 'enterprise')).toEqual({ disclose: ['landline'], correct: [{ field: 'landline', after: '021-60000000' }], erase: [] })
    const deleting = received({ status: 'verified', rights: ['delete'], corrections: [] })
    expectRule(() => decideTrack(deleting, { items: [{ right: 'delete', category: 'name', outcome: 'approved' }] }, { arrangement: null, underLegalHold: true }, agent, '赵敏'), 'legal-hold')
  })
})
