// Next-of-kin requests over HTTP. Platform-scoped (/api/v1/kin-requests): a tenant administrator works the enterprise
// track of their tenants' requests, a support agent the platform track of any tenant's — the platform's own privacy
// work, so no support grant is involved. Evidence, unmasked data and archives stay inside the case: the tenant's
// administrators and the agent the request is assigned to. Every step is written to the tenant's audit log.
import type { components } from '@contract/schema.gen'
import { toUser, type Actor } from '../../rules/access'
import { fieldError, forbidden, notFound, RuleError, validation } from '../../rules/errors'
import { buildArchive, correctionBefore, noKinChanges, trackData, type KinSource } from '../../rules/kin-data'
import {
  addEvidence,
  assertStep,
  assignRequest,
  closeRequest,
  DEFAULT_KIN_SETTINGS,
  decideTrack,
  fulfilmentPlan,
  fulfilTrack,
  KIN_DUE_SOON_DAYS,
  nothingApproved,
  receiveInformation,
  receiveKinRequest,
  requestInformation,
  trackDeadline,
  trackOf,
  updateChecklist,
  wrongTrack,
  type KinActor,
  type KinCategory,
  type KinRecord,
  type KinTrack,
  type KinTrackRecord,
} from '../../rules/kin-requests'
import { emptyLifecycle } from '../../rules/member-lifecycle'
import type { AuditInput, MemberRecord, RetentionKind, UserRecord } from '../../rules/records'
import { memberOrder } from '../../rules/members'
import type { Transaction } from '../../store/port'
import { recordAudit } from '../audit-trail'
import { kinStepPath } from '../faults'
import { purgeMemberData } from '../member-removals'
import { created, ok, raw, route, tenantRoute, type Reply } from '../route'
import { memberDetail } from './member-lifecycle'

type Schemas = components['schemas']
const base = '/api/v1/kin-requests'
/** Evidence files: at most this many bytes. */
export const MAX_EVIDENCE_BYTES = 10 * 1024 * 1024

const trackOfUser = (user: UserRecord): KinTrack => (user.role === 'support_agent' ? 'platform' : 'enterprise')
const person = (user: UserRecord): Schemas['RetentionPerson'] => ({ id: user.id, name: user.name })
const kinActor = (user: UserRecord, now: number): KinActor => ({ person: person(user), track: trackOfUser(user), now })

/** Audit entries of a case land in the tenant's log as done by the person themselves (never on the tenant's behalf). */
const auditActor = (user: UserRecord, tenantId: string): Actor => ({ user: toUser(user), tenantId, onBehalfOf: null, ticketRef: null, masked: false, grant: null })

/** What the file's first bytes say it is: only PDF, JPEG and PNG are taken, whatever the name says. */
export function evidenceType(bytes: Uint8Array): Schemas['KinEvidence']['contentType'] | null {
  const starts = (...signature: number[]) => signature.every((byte, index) => bytes[index] === byte)
  if (starts(0x25, 0x50, 0x44, 0x46, 0x2d)) return 'application/pdf'
  if (starts(0xff, 0xd8, 0xff)) return 'image/jpeg'
  if (starts(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a)) return 'image/png'
  return null
}

async function findRequest(tx: Transaction, user: UserRecord, requestId: string): Promise<KinRecord> {
  const request = await tx.kin.get(requestId)
  // An administrator of another tenant learns nothing about the request, not even that it exists.
  if (!request || (user.role === 'tenant_admin' && !user.tenantIds.includes(request.tenantId))) throw notFound('next-of-kin request', requestId)
  return request
}

/** Inside the case: the tenant's administrators, and the agent it is assigned to. */
function assertInCase(request: KinRecord, user: UserRecord): void {
  if (user.role === 'support_agent' && request.assignee?.id !== user.id) {
    throw new RuleError({
      kind: 'not-assigned',
      title: 'Not assigned to you',
      detail: request.assignee ? `This request is assigned to ${request.assignee.name}. Take it over to work on it.` : 'Take this request first: only the assigned agent works on it.',
    })
  }
}

async function findMember(tx: Transaction, request: KinRecord): Promise<MemberRecord> {
  const member = await tx.members.get(request.tenantId, request.memberId)
  if (!member) throw notFound('member', request.memberId)
  return member
}

/** The deceased's data as stored now, unmasked: only ever built inside the case. */
async function kinSource(tx: Transaction, request: KinRecord, member: MemberRecord, user: UserRecord, now: number): Promise<KinSource> {
  const [profile, lifecycle] = await Promise.all([tx.members.profile(member, now), tx.members.lifecycle(request.tenantId, member.id)])
  const detail = await memberDetail(tx, auditActor(user, request.tenantId), null, member, now)
  return { member, profile, changes: lifecycle?.kin, current: { platformProfile: detail.platformProfile, enterpriseProfile: detail.enterpriseProfile, holdings: detail.holdings } }
}

function trackView(request: KinRecord, track: KinTrack, now: number): Schemas['KinTrackState'] {
  const { archive, ...state } = request.tracks[track]
  const deadline = trackDeadline(request, track, now)
  return {
    track,
    ...state,
    archive: archive ? { fileName: archive.fileName, size: archive.size, categories: archive.categories } : null,
    categories: request.categories.filter((category) => trackOf(category) === track),
    ...deadline,
  }
}

async function views(tx: Transaction, user: UserRecord, requests: readonly KinRecord[], now: number): Promise<Schemas['KinRequest'][]> {
  const tenants = new Map((await tx.tenants.list()).map((tenant) => [tenant.id, tenant.name]))
  const byTenant = new Map<string, KinRecord[]>()
  for (const request of requests) byTenant.set(request.tenantId, [...(byTenant.get(request.tenantId) ?? []), request])
  const members = new Map<string, MemberRecord>()
  const departmentNames = new Map<string, string>()
  const arrangements = new Map<string, Schemas['KinArrangement'] | null>()
  for (const [tenantId, list] of byTenant) {
    const [found, departments] = await Promise.all([tx.members.getMany(tenantId, list.map((request) => request.memberId)), tx.members.departments(tenantId)])
    for (const [id, member] of found) {
      members.set(`${tenantId}/${id}`, member)
      arrangements.set(`${tenantId}/${id}`, (await tx.members.profile(member, now)).arrangement)
    }
    for (const department of departments) departmentNames.set(`${tenantId}/${department.id}`, department.name)
  }
  return requests.map((request) => {
    const member = members.get(`${request.tenantId}/${request.memberId}`)
    const { tracks: _tracks, memberId, evidence, ...rest } = request
    return {
      ...rest,
      tenantName: tenants.get(request.tenantId) ?? request.tenantId,
      member: {
        id: memberId,
        name: member?.name ?? memberId,
        employeeNo: member?.employeeNo ?? '',
        departmentName: member ? (departmentNames.get(`${request.tenantId}/${member.departmentId}`) ?? '') : '',
        status: member?.status ?? 'removed',
      },
      evidence: evidence.map(({ fileId: _fileId, ...item }) => item),
      arrangement: arrangements.get(`${request.tenantId}/${request.memberId}`) ?? null,
      platform: trackView(request, 'platform', now),
      enterprise: trackView(request, 'enterprise', now),
      yourTrack: trackOfUser(user),
    }
  })
}

async function oneView(tx: Transaction, user: UserRecord, request: KinRecord, now: number, status = 200): Promise<Reply> {
  const [view] = await views(tx, user, [request], now)
  return status === 201 ? created(view) : ok(view)
}

/** Saves the changed request, writes its audit entries and answers with it. */
async function commit(tx: Transaction, user: UserRecord, now: number, result: { request: KinRecord; audit: AuditInput[] }, status = 200): Promise<Reply> {
  await tx.kin.save(result.request)
  await recordAudit(tx, auditActor(user, result.request.tenantId), now, result.audit)
  return oneView(tx, user, result.request, now, status)
}

/** Soonest deadline (of the caller's track) first; closed ones last, newest first. */
function inboxOrder(track: KinTrack, now: number) {
  const due = (request: KinRecord) => trackDeadline(request, track, now).dueAt ?? '9999'
  return (a: KinRecord, b: KinRecord): number => {
    const closed = Number(a.status === 'closed') - Number(b.status === 'closed')
    if (closed !== 0) return closed
    if (a.status === 'closed') return a.receivedAt < b.receivedAt ? 1 : -1
    return due(a) < due(b) ? -1 : due(a) > due(b) ? 1 : a.id < b.id ? -1 : 1
  }
}

async function underLegalHold(tx: Transaction, request: KinRecord): Promise<boolean> {
  const holds = await tx.retention.holds(request.tenantId)
  return holds.some((hold) => hold.releasedAt === null && hold.targetType === 'member' && hold.targetId === request.memberId)
}

/** The categories a deletion takes out of the retention volume, and the kind they are counted as there. */
const RETENTION_KINDS_OF: readonly (readonly [KinCategory, RetentionKind])[] = [
  ['chat_messages', 'chat'],
  ['files', 'files'],
]

/** Carries out the caller's track's approvals: the archive, corrections applied, categories deleted — in one change. */
async function fulfil(tx: Transaction, user: UserRecord, request: KinRecord, now: number): Promise<{ request: KinRecord; audit: AuditInput[] }> {
  const track = trackOfUser(user)
  assertStep(request, 'fulfil')
  const plan = fulfilmentPlan(request, track)
  const member = await findMember(tx, request)
  if (plan.erase.length > 0 && (await underLegalHold(tx, request))) {
    throw new RuleError({ kind: 'legal-hold', title: 'A legal hold keeps this data', detail: 'The member came under a legal hold after the decision: nothing is deleted until it is released.' })
  }
  const source = await kinSource(tx, request, member, user, now)
  let archive: KinTrackRecord['archive'] = null
  if (plan.disclose.length > 0) {
    const bytes = buildArchive(request, track, plan.disclose, source, now)
    const fileId = `archive-${track}`
    await tx.kin.saveFile({ id: fileId, requestId: request.id, contentType: 'application/zip', bytes })
    archive = { fileId, fileName: `${request.id}-${track}.zip`, size: bytes.length, categories: plan.disclose }
  }
  const corrected = plan.correct.map((correction) => ({ field: correction.field, before: correctionBefore(correction.field, source), after: correction.after }))
  if (corrected.length > 0 || plan.erase.length > 0) {
    const lifecycle = (await tx.members.lifecycle(request.tenantId, member.id)) ?? emptyLifecycle(request.tenantId, member.id)
    const changes = lifecycle.kin ?? noKinChanges()
    await tx.members.saveLifecycle({
      ...lifecycle,
      kin: {
        corrections: { ...changes.corrections, ...Object.fromEntries(corrected.map((change) => [change.field, change.after])) },
        deleted: [...new Set([...changes.deleted, ...plan.erase])],
      },
    })
  }
  // Deleted chats and files leave the stored volume too: the retention figures drop with them.
  const purged = RETENTION_KINDS_OF.filter(([category]) => plan.erase.includes(category)).map(([, kind]) => kind)
  if (purged.length > 0) await purgeMemberData(tx, request.tenantId, member.id, purged)
  const done = fulfilTrack(request, { archive, corrected, deleted: plan.erase }, kinActor(user, now), member.name)
  if (corrected.length === 0 && plan.erase.length === 0) return done
  // The member's own history says what the request changed on them.
  const onMember: AuditInput = {
    action: 'member.kin_request_applied',
    targetType: 'member',
    targetId: member.id,
    targetName: member.name,
    before: corrected.length > 0 ? Object.fromEntries(corrected.map((change) => [change.field, change.before])) : null,
    after: { ...Object.fromEntries(corrected.map((change) => [change.field, change.after])), ...(plan.erase.length > 0 ? { deleted: plan.erase } : {}) },
    reason: `Next-of-kin request ${request.id}`,
  }
  return { request: done.request, audit: [...done.audit, onMember] }
}

function tenantsOf(user: UserRecord, tenantId: string | undefined): string[] | null {
  if (user.role === 'tenant_admin') return tenantId === undefined ? user.tenantIds : user.tenantIds.filter((id) => id === tenantId)
  return tenantId === undefined ? null : [tenantId]
}

export const kinRoutes = [
  tenantRoute({ method: 'get', path: '/api/v1/tenants/:tenantId/kin-settings', operationId: 'getKinSettings', access: 'tenant:read' }, async ({ tx, tenantId }) =>
    ok((await tx.kin.settings(tenantId)) ?? DEFAULT_KIN_SETTINGS),
  ),

  tenantRoute(
    { method: 'put', path: '/api/v1/tenants/:tenantId/kin-settings', operationId: 'updateKinSettings', access: 'tenant:admin', idempotent: true },
    async ({ tx, tenantId, body, actor, now }) => {
      const before = (await tx.kin.settings(tenantId)) ?? DEFAULT_KIN_SETTINGS
      const settings = { deadlineDays: body.deadlineDays, deadlineUnit: body.deadlineUnit, deadlineFrom: body.deadlineFrom }
      await tx.kin.saveSettings(tenantId, settings)
      await recordAudit(tx, actor, now, [{ action: 'kin_settings.changed', targetType: 'tenant', targetId: tenantId, targetName: 'Next-of-kin deadline', before, after: settings, reason: null }])
      return ok(settings)
    },
  ),

  route({ method: 'get', path: base, operationId: 'listKinRequests', access: 'session' }, async ({ tx, user, query, now }) => {
    const track = trackOfUser(user)
    const all = await tx.kin.list(tenantsOf(user, query.tenantId))
    const chosen = all
      .filter((request) => query.status === undefined || request.status === query.status)
      .filter((request) => query.urgency === undefined || trackDeadline(request, track, now).urgency === query.urgency)
      .sort(inboxOrder(track, now))
    return ok({ items: await views(tx, user, chosen, now), dueSoonDays: KIN_DUE_SOON_DAYS })
  }),

  route({ method: 'get', path: '/api/v1/kin-candidates', operationId: 'searchKinCandidates', access: 'session' }, async ({ tx, user, query }) => {
    if (user.role === 'tenant_admin' && !user.tenantIds.includes(query.tenantId)) throw forbidden('You are not an administrator of this tenant.')
    const tenant = await tx.tenants.get(query.tenantId)
    if (!tenant) throw notFound('tenant', query.tenantId)
    const [page, departments] = await Promise.all([
      tx.members.search(tenant.id, {
        q: query.q.trim().toLowerCase(),
        // Names and employee numbers only: intake needs nothing more, and agents see nothing more.
        visibleOnly: true,
        departmentIds: null,
        status: null,
        role: null,
        order: memberOrder('name'),
        after: null,
        limit: 20,
        count: null,
      }),
      tx.members.departments(tenant.id),
    ])
    const names = new Map(departments.map((department) => [department.id, department.name]))
    return ok({
      items: page.items.map((member) => ({ id: member.id, name: member.name, employeeNo: member.employeeNo, departmentName: names.get(member.departmentId) ?? '', status: member.status })),
    })
  }),

  route({ method: 'post', path: base, operationId: 'createKinRequest', access: 'session', idempotent: true }, async ({ tx, user, body, now }) => {
    if (user.role === 'tenant_admin' && !user.tenantIds.includes(body.tenantId)) throw forbidden('You are not an administrator of this tenant.')
    const tenant = await tx.tenants.get(body.tenantId)
    if (!tenant) throw notFound('tenant', body.tenantId)
    const member = await tx.members.get(tenant.id, body.memberId)
    if (!member) throw validation([fieldError('memberId', 'invalid', 'Choose the deceased member from the tenant\'s members.')])
    const result = receiveKinRequest(
      {
        id: await tx.ids.next('kin'),
        tenantId: tenant.id,
        memberId: member.id,
        memberName: member.name,
        input: body,
        settings: (await tx.kin.settings(tenant.id)) ?? DEFAULT_KIN_SETTINGS,
        assignToCaller: user.role === 'support_agent',
      },
      kinActor(user, now),
    )
    return commit(tx, user, now, result, 201)
  }),

  route({ method: 'get', path: `${base}/:requestId`, operationId: 'getKinRequest', access: 'session' }, async ({ tx, user, params, query, now }) => {
    const request = await findRequest(tx, user, params.requestId ?? '')
    const [view] = await views(tx, user, [request], now)
    if (!query.withData || !view) return ok(view)
    assertInCase(request, user)
    const member = await findMember(tx, request)
    const track = trackOfUser(user)
    const data = trackData(track, request.categories, await kinSource(tx, request, member, user, now))
    // Every look at the deceased's data is on the record.
    await recordAudit(tx, auditActor(user, request.tenantId), now, [
      { action: 'kin_request.data_viewed', targetType: 'kin_request', targetId: request.id, targetName: member.name, before: null, after: { track, categories: Object.keys(data) }, reason: null },
    ])
    return ok({ ...view, data })
  }),

  route({ method: 'post', path: `${base}/:requestId/assign`, operationId: 'assignKinRequest', access: 'session', idempotent: true }, async ({ tx, user, params, now }) => {
    const request = await findRequest(tx, user, params.requestId ?? '')
    const member = await findMember(tx, request)
    return commit(tx, user, now, assignRequest(request, kinActor(user, now), member.name))
  }),

  route(
    { method: 'post', path: `${base}/:requestId/evidence`, operationId: 'addKinEvidence', access: 'session', idempotent: true, binaryBody: { maxBytes: MAX_EVIDENCE_BYTES } },
    async ({ tx, user, params, query, bytes, now }) => {
      const request = await findRequest(tx, user, params.requestId ?? '')
      assertInCase(request, user)
      assertStep(request, 'addEvidence')
      const file = bytes ?? new Uint8Array()
      if (file.length > MAX_EVIDENCE_BYTES) {
        throw new RuleError({ kind: 'evidence-too-large', title: 'File too large', detail: 'Evidence files are limited to 10 MB.', errors: [fieldError('file', 'too_large', 'The file is larger than 10 MB.', { max: MAX_EVIDENCE_BYTES })] })
      }
      const contentType = evidenceType(file)
      if (!contentType) {
        throw new RuleError({ kind: 'evidence-type', title: 'Not a PDF, JPEG or PNG', detail: 'The file is not a PDF, JPEG or PNG, whatever its name says.', errors: [fieldError('file', 'type', 'Only PDF, JPEG and PNG files are taken.')] })
      }
      const member = await findMember(tx, request)
      const id = await tx.ids.next('kev')
      await tx.kin.saveFile({ id, requestId: request.id, contentType, bytes: file })
      const evidence = { id, fileId: id, kind: query.kind, fileName: query.fileName, contentType, size: file.length, uploadedAt: new Date(now).toISOString(), uploadedBy: person(user) }
      return commit(tx, user, now, addEvidence(request, evidence, kinActor(user, now), member.name), 201)
    },
  ),

  route({ method: 'get', path: `${base}/:requestId/evidence/:evidenceId`, operationId: 'getKinEvidence', access: 'session' }, async ({ tx, user, params }) => {
    const request = await findRequest(tx, user, params.requestId ?? '')
    assertInCase(request, user)
    const evidence = request.evidence.find((item) => item.id === params.evidenceId)
    const file = evidence ? await tx.kin.file(request.id, evidence.fileId) : null
    if (!evidence || !file) throw notFound('evidence file', params.evidenceId ?? '')
    return raw(file.bytes, file.contentType, { 'Content-Disposition': `attachment; filename="${evidence.id}"; filename*=UTF-8''${encodeURIComponent(evidence.fileName)}`, 'Cache-Control': 'no-store' })
  }),

  route({ method: 'post', path: `${base}/:requestId/verification`, operationId: 'verifyKinRequest', access: 'session', idempotent: true }, async ({ tx, user, params, body, now }) => {
    const request = await findRequest(tx, user, params.requestId ?? '')
    assertInCase(request, user)
    const member = await findMember(tx, request)
    return commit(tx, user, now, updateChecklist(request, body, kinActor(user, now), member.name))
  }),

  route(
    { method: 'post', path: `${base}/:requestId/information-request`, operationId: 'requestKinInformation', access: 'session', idempotent: true },
    async ({ tx, user, params, body, now }) => {
      const request = await findRequest(tx, user, params.requestId ?? '')
      assertInCase(request, user)
      const member = await findMember(tx, request)
      return commit(tx, user, now, requestInformation(request, body.note.trim(), kinActor(user, now), member.name))
    },
  ),

  route(
    { method: 'post', path: `${base}/:requestId/information-received`, operationId: 'receiveKinInformation', access: 'session', idempotent: true },
    async ({ tx, user, params, body, now }) => {
      const request = await findRequest(tx, user, params.requestId ?? '')
      assertInCase(request, user)
      const member = await findMember(tx, request)
      return commit(tx, user, now, receiveInformation(request, body.note.trim(), kinActor(user, now), member.name))
    },
  ),

  route({ method: 'post', path: `${base}/:requestId/decisions`, operationId: 'decideKinRequest', access: 'session', idempotent: true }, async ({ tx, user, params, body, now, deps }) => {
    const request = await findRequest(tx, user, params.requestId ?? '')
    assertInCase(request, user)
    const member = await findMember(tx, request)
    const decided = decideTrack(request, body, { arrangement: (await tx.members.profile(member, now)).arrangement, underLegalHold: await underLegalHold(tx, request) }, kinActor(user, now), member.name)
    // Everything refused: nothing to carry out, so the track is done with its decision.
    const result = nothingApproved(decided.request, trackOfUser(user)) ? await fulfil(tx, user, decided.request, now).then((done) => ({ request: done.request, audit: [...decided.audit, ...done.audit] })) : decided
    const reply = await commit(tx, user, now, result)
    deps.midway?.(kinStepPath(request.id, 'decisions'))
    return reply
  }),

  route({ method: 'post', path: `${base}/:requestId/fulfilment`, operationId: 'fulfilKinRequest', access: 'session', idempotent: true }, async ({ tx, user, params, now, deps }) => {
    const request = await findRequest(tx, user, params.requestId ?? '')
    assertInCase(request, user)
    const reply = await commit(tx, user, now, await fulfil(tx, user, request, now))
    deps.midway?.(kinStepPath(request.id, 'fulfilment'))
    return reply
  }),

  route({ method: 'get', path: `${base}/:requestId/archives/:track`, operationId: 'getKinArchive', access: 'session' }, async ({ tx, user, params }) => {
    const request = await findRequest(tx, user, params.requestId ?? '')
    assertInCase(request, user)
    const track = params.track === 'platform' ? 'platform' : 'enterprise'
    if (track !== trackOfUser(user)) throw wrongTrack(`The ${track} part's archive is handed over by the ${track === 'platform' ? 'platform' : 'enterprise'}.`)
    const archive = request.tracks[track].archive
    const file = archive ? await tx.kin.file(request.id, archive.fileId) : null
    if (!archive || !file) throw notFound('archive', `${request.id}/${track}`)
    return raw(file.bytes, 'application/zip', { 'Content-Disposition': `attachment; filename="${archive.fileName}"`, 'Cache-Control': 'no-store' })
  }),

  route({ method: 'post', path: `${base}/:requestId/close`, operationId: 'closeKinRequest', access: 'session', idempotent: true }, async ({ tx, user, params, now }) => {
    const request = await findRequest(tx, user, params.requestId ?? '')
    assertInCase(request, user)
    const member = await findMember(tx, request)
    return commit(tx, user, now, closeRequest(request, kinActor(user, now), member.name))
  }),
]
