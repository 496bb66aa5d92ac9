// One member: the profile split as the platform and the enterprise hold it, what they hold, who can reach them, and
// the moves of their lifecycle (deactivate, reactivate, remove with handover, undo before the date).
import type { components } from '@contract/schema.gen'
import { reachesMember, withoutMember } from '../../rules/apps/availability'
import { departmentAncestry } from '../../rules/departments'
import { approveRequest, DEREGISTRATION_REPLY_DAYS } from '../../rules/deregistration'
import { fieldError, notFound, validation } from '../../rules/errors'
import {
  assertNotBlocked,
  cancelRemoval,
  currentHoldings,
  deactivate,
  DEFAULT_MEMBER_GRACE_DAYS,
  emptyLifecycle,
  reactivate,
  removalBlock,
  scheduleRemoval,
} from '../../rules/member-lifecycle'
import { applyKinChanges } from '../../rules/kin-data'
import { maskEmail, maskPhone } from '../../rules/members'
import type { AppRecord, MemberLifecycleRecord, MemberRecord, MemberSettings } from '../../rules/records'
import { purgedFor, unitsBetween, dayIndex } from '../../rules/retention/volume'
import { givenText } from '../../rules/text'
import type { Actor } from '../../rules/access'
import type { Transaction } from '../../store/port'
import { recordAudit } from '../audit-trail'
import { settleRemovals } from '../member-removals'
import { ok, tenantRoute, type Reply } from '../route'
import { memberView } from './members'

type Schemas = components['schemas']
const base = '/api/v1/tenants/:tenantId/members/:memberId'

async function findMember(tx: Transaction, tenantId: string, memberId: string): Promise<MemberRecord> {
  const member = await tx.members.get(tenantId, memberId)
  if (!member) throw notFound('member', memberId)
  return member
}

const maskWechat = (id: string): string => (id.length <= 4 ? '****' : `${id.slice(0, 3)}****${id.slice(-2)}`)

/** Chat messages and files the member has stored now (from the tenant's volume model, after runs and erasure). */
async function chatHoldings(tx: Transaction, tenantId: string, memberId: string, now: number): Promise<{ messages: number; files: number }> {
  const [record, volume] = await Promise.all([tx.retention.get(tenantId), tx.retention.volume(tenantId)])
  const owner = volume?.owners.find((candidate) => candidate.id === memberId)
  if (!record || !volume || !owner) return { messages: 0, files: 0 }
  const today = dayIndex(now) + 1
  const count = (kind: 'chat' | 'files') => Math.round(owner.weight * unitsBetween(volume, kind, purgedFor(record, memberId, kind), today))
  return { messages: count('chat'), files: count('files') }
}

export async function memberDetail(tx: Transaction, actor: Actor, callerMemberId: string | null, member: MemberRecord, now: number): Promise<Schemas['MemberDetail']> {
  const tenantId = member.tenantId
  const [departments, lifecycle, apps, holds, counts, chat, profile] = await Promise.all([
    tx.members.departments(tenantId),
    tx.members.lifecycle(tenantId, member.id),
    tx.apps.list(tenantId),
    tx.retention.holds(tenantId),
    tx.members.counts(tenantId),
    chatHoldings(tx, tenantId, member.id, now),
    tx.members.profile(member, now),
  ])
  const department = departments.find((candidate) => candidate.id === member.departmentId)
  const departmentName = department?.name ?? ''
  const erased = lifecycle?.erased ?? null
  const { platform, enterprise } = profile
  const reportsTo = department ? (departments.find((candidate) => candidate.id === department.parentId)?.name ?? department.name) : null
  const ancestry = departmentAncestry(departments, member.departmentId)
  const live = member.status === 'active' || member.status === 'deactivated'
  const erasedOr = <T,>(value: T): T | null => (erased === null ? value : null)
  const wechat = lifecycle?.kin?.corrections.wechat ?? platform.wechat
  const shown = applyKinChanges({
    platformProfile: {
      name: erasedOr(platform.name),
      realName: erasedOr(platform.realName),
      gender: erasedOr(platform.gender),
      company: erasedOr(platform.company),
      wechat: erasedOr(wechat === null ? null : actor.masked ? maskWechat(wechat) : wechat),
      phoneMasked: erasedOr(maskPhone(member.phone)),
      avatarColor: erasedOr(platform.avatarColor),
      recentLogins: erased === null && member.status === 'active' ? platform.recentLogins : [],
    },
    enterpriseProfile: {
      position: erasedOr(enterprise.position),
      rank: erasedOr(enterprise.rank),
      title: erasedOr(enterprise.title),
      departmentName: erasedOr(departmentName),
      workEmail: erasedOr(actor.masked ? maskEmail(member.email) : member.email),
      landline: erasedOr(enterprise.landline),
      fax: erasedOr(enterprise.fax),
      officeSeat: erasedOr(enterprise.officeSeat),
      invoiceTitle: erasedOr(enterprise.invoiceTitle),
      workSignature: erasedOr(enterprise.workSignature),
      reportsTo: erasedOr(reportsTo),
      clockInPlaces: erased === null ? enterprise.clockInPlaces : [],
    },
    holdings: { ...currentHoldings(profile.holdings, lifecycle), ...chat },
  }, lifecycle?.kin)
  return {
    member: memberView(member, departmentName, actor.masked),
    ...shown,
    // Sessions and app access end the moment a member is deactivated or removed.
    apps: member.status === 'active' ? apps.filter((app) => reachesMember(app, member.id, ancestry)).map(appRef) : [],
    legalHolds: holds.filter((hold) => hold.releasedAt === null && hold.targetType === 'member' && hold.targetId === member.id).map((hold) => ({ id: hold.id, reason: hold.reason })),
    removal: lifecycle?.removal ?? null,
    removalBlockedBy: live ? removalBlock(member, callerMemberId, counts.admins) : null,
    defaultGraceDays: (await memberSettings(tx, tenantId)).removalGraceDays,
  }
}

/** The tenant's member settings, or the defaults (30 days' grace, 15 reply days) where it has none. */
export async function memberSettings(tx: Transaction, tenantId: string): Promise<MemberSettings> {
  return (await tx.members.settings(tenantId)) ?? { removalGraceDays: DEFAULT_MEMBER_GRACE_DAYS, deregistrationReplyDays: DEREGISTRATION_REPLY_DAYS }
}

const appRef = (app: AppRecord): Schemas['MemberAppRef'] => ({ id: app.id, name: app.name, vendor: app.vendor, kind: app.kind, thirdParty: app.kind === 'third_party' })

export interface MoveContext {
  tx: Transaction
  tenantId: string
  actor: Actor
  callerMemberId: string | null
  now: number
  memberId: string
  /** The caller carried out due removals already in this slice of work (a bulk job does it once, not per member). */
  removalsSettled?: boolean
}

async function detailReply({ tx, actor, callerMemberId, now }: MoveContext, member: MemberRecord): Promise<Reply> {
  return ok(await memberDetail(tx, actor, callerMemberId, member, now))
}

/** Loads the member with removals the clock has passed carried out, and refuses self and the last administrator. */
async function guardedMember(context: MoveContext): Promise<{ member: MemberRecord; lifecycle: MemberLifecycleRecord }> {
  const { tx, tenantId, memberId, now, callerMemberId } = context
  if (context.removalsSettled !== true) await settleRemovals(tx, tenantId, now)
  const member = await findMember(tx, tenantId, memberId)
  // Counting the administrators walks the whole directory: only an active administrator's move needs it.
  const admins = member.role === 'admin' && member.status === 'active' ? (await tx.members.counts(tenantId)).admins : 0
  assertNotBlocked(removalBlock(member, callerMemberId, admins))
  return { member, lifecycle: (await tx.members.lifecycle(tenantId, memberId)) ?? emptyLifecycle(tenantId, memberId) }
}

/**
 * Removes a member (除名), for the removal endpoint and for an approved deregistration request: pending removal at
 * once, the handover moved, app access and pending app requests ended, a deletion notice per vendor — one change.
 */
export async function removeMember(context: MoveContext, body: Schemas['MemberRemovalInput']): Promise<MemberRecord> {
  const { tx, tenantId, actor, now } = context
  const { member, lifecycle } = await guardedMember(context)
  const reason = givenText(body.reason, 'reason', true) ?? ''
  const colleague = body.handoverToMemberId === null ? null : await tx.members.get(tenantId, body.handoverToMemberId)
  if (body.handoverToMemberId !== null && !colleague) throw validation([fieldError('handoverToMemberId', 'invalid', `No member "${body.handoverToMemberId}" in this tenant.`)])
  const [departments, apps, requests] = await Promise.all([tx.members.departments(tenantId), tx.apps.list(tenantId), tx.apps.requests(tenantId)])
  const ancestry = departmentAncestry(departments, member.departmentId)
  const at = new Date(now).toISOString()
  const result = scheduleRemoval(
    member,
    lifecycle,
    colleague ? ((await tx.members.lifecycle(tenantId, colleague.id)) ?? emptyLifecycle(tenantId, colleague.id)) : null,
    {
      handoverTo: colleague,
      handoverDepartmentName: departments.find((department) => department.id === colleague?.departmentId)?.name ?? '',
      dataHandling: body.dataHandling,
      graceDays: body.graceDays,
      reason,
    },
    {
      now,
      by: { id: actor.user.id, name: actor.user.name },
      onBehalfOf: actor.onBehalfOf,
      seeded: (await tx.members.profile(member, now)).holdings,
      apps: member.status === 'active' ? apps.filter((app) => reachesMember(app, member.id, ancestry)).map(appRef) : [],
    },
  )
  await tx.members.update(result.member)
  await tx.members.saveLifecycle(result.lifecycle)
  if (result.target) await tx.members.saveLifecycle(result.target)
  // App access ends now: the member leaves every availability list, and their pending requests close.
  for (const app of apps) {
    const availability = withoutMember(app.availability, member.id)
    if (availability) await tx.apps.save({ ...app, availability })
  }
  for (const request of requests) {
    if (request.memberId !== member.id || request.status !== 'pending') continue
    await tx.apps.saveRequest({ ...request, status: 'denied', decidedAt: at, decidedBy: actor.user.name, note: 'The member was removed from the enterprise.' })
  }
  // The member asked to leave and now goes: their open request is answered by this removal.
  const answered = []
  for (const request of await tx.deregistrations.list(tenantId)) {
    if (request.memberId !== member.id || request.status !== 'open') continue
    const approved = approveRequest(request, member, { now, by: { id: actor.user.id, name: actor.user.name }, onBehalfOf: actor.onBehalfOf })
    await tx.deregistrations.save(approved.request)
    answered.push(...approved.audit)
  }
  await recordAudit(tx, actor, now, [...result.audit, ...answered])
  return result.member
}

export const memberLifecycleRoutes = [
  tenantRoute({ method: 'get', path: '/api/v1/tenants/:tenantId/member-settings', operationId: 'getMemberSettings', access: 'tenant:read' }, async ({ tx, tenantId }) =>
    ok(await memberSettings(tx, tenantId)),
  ),

  tenantRoute(
    { method: 'put', path: '/api/v1/tenants/:tenantId/member-settings', operationId: 'updateMemberSettings', access: 'tenant:admin', idempotent: true },
    async ({ tx, tenantId, body, actor, now }) => {
      const before = await memberSettings(tx, tenantId)
      const settings: MemberSettings = { removalGraceDays: body.removalGraceDays, deregistrationReplyDays: body.deregistrationReplyDays }
      await tx.members.saveSettings(tenantId, settings)
      await recordAudit(tx, actor, now, [{ action: 'member_settings.changed', targetType: 'tenant', targetId: tenantId, targetName: 'Member settings', before, after: settings, reason: null }])
      return ok(settings)
    },
  ),

  tenantRoute({ method: 'get', path: base, operationId: 'getMember', access: 'tenant:read' }, async ({ tx, tenantId, params, actor, user, now }) => {
    await settleRemovals(tx, tenantId, now)
    const member = await findMember(tx, tenantId, params.memberId ?? '')
    return ok(await memberDetail(tx, actor, user.memberId, member, now))
  }),

  tenantRoute(
    { method: 'post', path: `${base}/deactivate`, operationId: 'deactivateMember', access: 'tenant:write', idempotent: true },
    async ({ tx, tenantId, params, actor, user, now, body }) => {
      const context = { tx, tenantId, actor, callerMemberId: user.memberId, now, memberId: params.memberId ?? '' }
      const { member } = await guardedMember(context)
      const result = deactivate(member, givenText(body.reason, 'reason', true) ?? '')
      await tx.members.update(result.member)
      await recordAudit(tx, actor, now, result.audit)
      return detailReply(context, result.member)
    },
  ),

  tenantRoute(
    { method: 'post', path: `${base}/reactivate`, operationId: 'reactivateMember', access: 'tenant:write', idempotent: true },
    async ({ tx, tenantId, params, actor, user, now }) => {
      const context = { tx, tenantId, actor, callerMemberId: user.memberId, now, memberId: params.memberId ?? '' }
      const member = await findMember(tx, tenantId, context.memberId)
      const result = reactivate(member)
      await tx.members.update(result.member)
      await recordAudit(tx, actor, now, result.audit)
      return detailReply(context, result.member)
    },
  ),

  tenantRoute(
    { method: 'post', path: `${base}/removal`, operationId: 'removeMember', access: 'tenant:write', idempotent: true },
    async ({ tx, tenantId, params, actor, user, now, body }) => {
      const context = { tx, tenantId, actor, callerMemberId: user.memberId, now, memberId: params.memberId ?? '' }
      return detailReply(context, await removeMember(context, body))
    },
  ),

  tenantRoute(
    { method: 'post', path: `${base}/removal/cancel`, operationId: 'cancelMemberRemoval', access: 'tenant:write', idempotent: true },
    async ({ tx, tenantId, params, actor, user, now }) => {
      const context = { tx, tenantId, actor, callerMemberId: user.memberId, now, memberId: params.memberId ?? '' }
      await settleRemovals(tx, tenantId, now)
      const member = await findMember(tx, tenantId, context.memberId)
      const result = cancelRemoval(member, (await tx.members.lifecycle(tenantId, member.id)) ?? emptyLifecycle(tenantId, member.id))
      await tx.members.update(result.member)
      await tx.members.saveLifecycle(result.lifecycle)
      await recordAudit(tx, actor, now, result.audit)
      return detailReply(context, result.member)
    },
  ),
]
