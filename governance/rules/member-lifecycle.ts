// A member's life in the tenant, defined once: the states, the moves between them and the rules that guard them.
//
//   active ⇄ deactivated            (a reversible suspension)
//   active | deactivated → pending_removal   (account deactivated at once, sessions and app access end; data kept)
//   pending_removal → active | deactivated   (undo, until the date: the state it had comes back)
//   pending_removal → removed                (at the date, unless a legal hold keeps the data: then after release)
import type { components } from '@contract/schema.gen'
import { fieldError, RuleError, validation } from './errors'
import type { AuditInput, MemberLifecycleRecord, MemberProfileRecord, MemberRecord } from './records'

type Schemas = components['schemas']
type Status = Schemas['MemberStatus']
type Holdings = MemberProfileRecord['holdings']
export type HandoverCounts = Schemas['MemberHandoverCounts']

export type MemberMove = 'deactivate' | 'reactivate' | 'remove' | 'undo' | 'complete'

/** Which states each move starts from. */
const FROM: Record<MemberMove, readonly Status[]> = {
  deactivate: ['active'],
  reactivate: ['deactivated'],
  remove: ['active', 'deactivated'],
  undo: ['pending_removal'],
  complete: ['pending_removal'],
}

/** The member's removal grace period when the tenant has not set another (days). */
export const DEFAULT_MEMBER_GRACE_DAYS = 30
export const MIN_MEMBER_GRACE_DAYS = 1
export const MAX_MEMBER_GRACE_DAYS = 60
/** Backups that cannot be cleared at once are isolated for this long after the data goes, then purged. */
export const BACKUP_ISOLATION_DAYS = 30
const DAY_MS = 86_400_000

export const HANDOVER_KINDS = ['driveFiles', 'documents', 'crmCustomers', 'approvalsInProgress', 'ownedGroups'] as const satisfies readonly (keyof HandoverCounts)[]
export const NOTHING_RECEIVED: HandoverCounts = { driveFiles: 0, documents: 0, crmCustomers: 0, approvalsInProgress: 0, ownedGroups: 0 }

const NOTHING_HELD: Holdings = { ...NOTHING_RECEIVED, approvalRecords: 0, paidCalls: 0, clockIns: 0 }

const MOVE_WORDS: Record<MemberMove, string> = {
  deactivate: 'deactivated',
  reactivate: 'reactivated',
  remove: 'removed',
  undo: 'restored',
  complete: 'removed for good',
}

/** Throws `member-state` unless the member can make this move from where they are. */
export function assertMove(status: Status, move: MemberMove): void {
  if (FROM[move].includes(status)) return
  throw new RuleError({
    kind: 'member-state',
    title: 'Not possible in this state',
    detail: `A member who is ${status.replace('_', ' ')} cannot be ${MOVE_WORDS[move]}.`,
    extra: { status },
  })
}

export type RemovalBlock = 'self' | 'last_admin'

/**
 * Why the caller may not deactivate or remove this member: not themselves (the caller's own member record), and
 * never the tenant's last active administrator (someone must be able to manage it).
 */
export function removalBlock(member: MemberRecord, callerMemberId: string | null, activeAdmins: number): RemovalBlock | null {
  if (callerMemberId !== null && member.id === callerMemberId) return 'self'
  if (member.role === 'admin' && member.status === 'active' && activeAdmins <= 1) return 'last_admin'
  return null
}

export function assertNotBlocked(block: RemovalBlock | null): void {
  if (block === 'self') throw new RuleError({ kind: 'member-is-you', title: 'Not yourself', detail: 'You cannot deactivate or remove yourself. Ask another administrator.' })
  if (block === 'last_admin') {
    throw new RuleError({ kind: 'last-admin', title: 'Last administrator', detail: 'This is the last active administrator: make another member an administrator first.' })
  }
}

export const emptyLifecycle = (tenantId: string, memberId: string): MemberLifecycleRecord => ({
  tenantId,
  memberId,
  removal: null,
  handedOver: false,
  received: { ...NOTHING_RECEIVED },
  erased: null,
})

const audit = (member: MemberRecord, action: string, before: unknown, after: unknown, reason: string | null = null): AuditInput => ({
  action,
  targetType: 'member',
  targetId: member.id,
  targetName: member.name,
  before,
  after,
  reason,
})

export function deactivate(member: MemberRecord, reason: string): { member: MemberRecord; audit: AuditInput[] } {
  assertMove(member.status, 'deactivate')
  return { member: { ...member, status: 'deactivated' }, audit: [audit(member, 'member.deactivated', { status: member.status }, { status: 'deactivated' }, reason)] }
}

export function reactivate(member: MemberRecord): { member: MemberRecord; audit: AuditInput[] } {
  assertMove(member.status, 'reactivate')
  return { member: { ...member, status: 'active' }, audit: [audit(member, 'member.reactivated', { status: member.status }, { status: 'active' })] }
}

export interface RemovalRequest {
  handoverTo: MemberRecord | null
  handoverDepartmentName: string
  dataHandling: Schemas['MemberDataHandling']
  graceDays: number
  reason: string
}

export interface RemovalContext {
  now: number
  by: Schemas['RetentionPerson']
  onBehalfOf: string | null
  /** What the member was seeded with (the handover moves this plus what colleagues handed over to them). */
  seeded: Holdings
  /** Enabled apps that can reach the member: each vendor gets a deletion notice. */
  apps: readonly Schemas['MemberAppRef'][]
}

export function checkGraceDays(days: number): void {
  if (!Number.isInteger(days) || days < MIN_MEMBER_GRACE_DAYS || days > MAX_MEMBER_GRACE_DAYS) {
    throw validation([
      fieldError('graceDays', 'out_of_range', `The grace period is ${MIN_MEMBER_GRACE_DAYS}–${MAX_MEMBER_GRACE_DAYS} whole days.`, {
        min: MIN_MEMBER_GRACE_DAYS,
        max: MAX_MEMBER_GRACE_DAYS,
      }),
    ])
  }
}

/**
 * Starts a removal: the member is pending removal at once, the chosen items move to the colleague now (and stay
 * moved whatever happens next), and a deletion notice is recorded for each vendor that could reach the member.
 */
export function scheduleRemoval(
  member: MemberRecord,
  lifecycle: MemberLifecycleRecord,
  target: MemberLifecycleRecord | null,
  request: RemovalRequest,
  context: RemovalContext,
): { member: MemberRecord; lifecycle: MemberLifecycleRecord; target: MemberLifecycleRecord | null; audit: AuditInput[] } {
  assertMove(member.status, 'remove')
  checkGraceDays(request.graceDays)
  const colleague = request.handoverTo
  if (colleague !== null && (colleague.id === member.id || colleague.status !== 'active')) {
    throw validation([fieldError('handoverToMemberId', 'invalid', 'Hand over to an active colleague other than the member being removed.')])
  }
  const at = new Date(context.now).toISOString()
  const moved: HandoverCounts = { ...NOTHING_RECEIVED }
  if (colleague !== null && !lifecycle.handedOver) {
    for (const kind of HANDOVER_KINDS) moved[kind] = context.seeded[kind] + lifecycle.received[kind]
  }
  const removal: Schemas['MemberRemoval'] = {
    requestedAt: at,
    requestedBy: context.by,
    onBehalfOf: context.onBehalfOf,
    reason: request.reason,
    removeAt: new Date(context.now + request.graceDays * DAY_MS).toISOString(),
    dataHandling: request.dataHandling,
    handover: colleague === null ? null : { to: { id: colleague.id, name: colleague.name, departmentName: request.handoverDepartmentName }, moved },
    statusBefore: member.status === 'deactivated' ? 'deactivated' : 'active',
    vendorNotices: context.apps.filter((app) => app.thirdParty).map((app) => ({ appId: app.id, appName: app.name, vendor: app.vendor, sentAt: at })),
    completedAt: null,
    keptByLegalHold: false,
    backupsPurgeAt: null,
  }
  const nextTarget =
    colleague === null || target === null
      ? null
      : { ...target, received: Object.fromEntries(HANDOVER_KINDS.map((kind) => [kind, target.received[kind] + moved[kind]])) as HandoverCounts }
  const events = [
    audit(member, 'member.removal_scheduled', { status: member.status }, { status: 'pending_removal', removeAt: removal.removeAt, dataHandling: request.dataHandling }, request.reason),
  ]
  if (colleague !== null) events.push(audit(member, 'member.handed_over', null, { to: colleague.name, ...moved }))
  for (const notice of removal.vendorNotices) events.push(audit(member, 'member.vendor_deletion_notice', null, { app: notice.appName, vendor: notice.vendor }))
  return {
    member: { ...member, status: 'pending_removal' },
    lifecycle: { ...lifecycle, removal, handedOver: lifecycle.handedOver || colleague !== null, received: colleague === null ? lifecycle.received : { ...NOTHING_RECEIVED } },
    target: nextTarget,
    audit: events,
  }
}

/** Undo before the date: the account comes back as it was; what the handover moved stays with the colleague. */
export function cancelRemoval(member: MemberRecord, lifecycle: MemberLifecycleRecord): { member: MemberRecord; lifecycle: MemberLifecycleRecord; audit: AuditInput[] } {
  assertMove(member.status, 'undo')
  const restored = lifecycle.removal?.statusBefore ?? 'active'
  return {
    member: { ...member, status: restored },
    lifecycle: { ...lifecycle, removal: null },
    audit: [audit(member, 'member.removal_cancelled', { status: 'pending_removal' }, { status: restored })],
  }
}

/** Whether the removal's date has passed and it has not been carried out. */
export const removalDue = (lifecycle: MemberLifecycleRecord, now: number): boolean =>
  lifecycle.removal !== null && lifecycle.removal.completedAt === null && Date.parse(lifecycle.removal.removeAt) <= now

/**
 * Carries out a removal whose date has passed: the account is cancelled and the profile erased, unless a legal
 * hold covers the member — then nothing goes and the removal waits for the release (the next run after it).
 */
/** What keeps a removed member's data past its date: a legal hold on the member, or an open next-of-kin request about them. */
export interface RemovalKeeper {
  legalHold: boolean
  kinRequestId: string | null
}

function withoutKinKeeper(removal: Schemas['MemberRemoval']): Schemas['MemberRemoval'] {
  const { keptByKinRequest: _done, ...rest } = removal
  return rest
}

export function completeRemoval(
  member: MemberRecord,
  lifecycle: MemberLifecycleRecord,
  now: number,
  kept: RemovalKeeper,
): { member: MemberRecord; lifecycle: MemberLifecycleRecord; audit: AuditInput[] } {
  assertMove(member.status, 'complete')
  const removal = lifecycle.removal
  if (removal === null) throw new RuleError({ kind: 'member-state', title: 'Not possible in this state', detail: 'No removal is scheduled.' })
  if (kept.legalHold) {
    if (removal.keptByLegalHold) return { member, lifecycle, audit: [] }
    return {
      member,
      lifecycle: { ...lifecycle, removal: { ...removal, keptByLegalHold: true } },
      audit: [audit(member, 'member.removal_held', null, { keptByLegalHold: true })],
    }
  }
  if (kept.kinRequestId !== null) {
    // An open next-of-kin request may yet give the requester a copy: the data stays until it is closed.
    if (removal.keptByKinRequest === kept.kinRequestId) return { member, lifecycle, audit: [] }
    return {
      member,
      lifecycle: { ...lifecycle, removal: { ...removal, keptByLegalHold: false, keptByKinRequest: kept.kinRequestId } },
      audit: [audit(member, 'member.removal_kept_for_kin_request', null, { keptByKinRequest: kept.kinRequestId })],
    }
  }
  const at = new Date(now).toISOString()
  const erasedName = member.employeeNo
  return {
    member: { ...member, status: 'removed', name: erasedName, email: '', phone: '' },
    lifecycle: {
      ...lifecycle,
      removal: { ...withoutKinKeeper(removal), completedAt: at, keptByLegalHold: false, backupsPurgeAt: new Date(now + BACKUP_ISOLATION_DAYS * DAY_MS).toISOString() },
      erased: removal.dataHandling,
    },
    audit: [audit(member, removal.dataHandling === 'delete' ? 'member.data_deleted' : 'member.data_anonymised', { status: 'pending_removal' }, { status: 'removed' })],
  }
}

/** What the member holds now: the seeded amounts, less what a handover moved away, plus what colleagues handed over. */
export function currentHoldings(seeded: Holdings, lifecycle: MemberLifecycleRecord | null): Holdings {
  if (lifecycle === null) return seeded
  if (lifecycle.erased !== null) return NOTHING_HELD
  const held = { ...seeded }
  for (const kind of HANDOVER_KINDS) held[kind] = (lifecycle.handedOver ? 0 : seeded[kind]) + lifecycle.received[kind]
  return held
}
