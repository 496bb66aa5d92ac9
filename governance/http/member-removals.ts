// Removals whose date the clock has passed are carried out by the deletion run: in the server's scheduled job or in
// whichever request next looks at the tenant's members or retention (the browser mock has no jobs).
import { completeRemoval } from '../rules/member-lifecycle'
import type { RetentionKind } from '../rules/records'
import { purgedFor } from '../rules/retention/volume'
import type { Transaction } from '../store/port'
import { recordSystemAudit } from './audit-trail'

export async function settleRemovals(tx: Transaction, tenantId: string, now: number): Promise<number> {
  const due = await tx.members.removalsDue(tenantId, new Date(now).toISOString())
  if (due.length === 0) return 0
  const holds = await tx.retention.holds(tenantId)
  const held = new Set(holds.filter((hold) => hold.releasedAt === null && hold.targetType === 'member').map((hold) => hold.targetId))
  // An open next-of-kin request about a member keeps their data until it is closed (the oldest one is named).
  const openKin = new Map<string, string>()
  for (const request of await tx.kin.list([tenantId])) if (request.status !== 'closed' && !openKin.has(request.memberId)) openKin.set(request.memberId, request.id)
  let completed = 0
  for (const lifecycle of due) {
    const member = await tx.members.get(tenantId, lifecycle.memberId)
    if (!member || member.status !== 'pending_removal') continue
    const result = completeRemoval(member, lifecycle, now, { legalHold: held.has(member.id), kinRequestId: openKin.get(member.id) ?? null })
    if (result.lifecycle === lifecycle) continue
    await tx.members.update(result.member)
    await tx.members.saveLifecycle(result.lifecycle)
    await recordSystemAudit(tx, tenantId, now, result.audit)
    if (result.lifecycle.erased === null) continue
    completed++
    await purgeMemberData(tx, tenantId, member.id, result.lifecycle.erased === 'delete' ? ['chat', 'files'] : ['files'])
  }
  return completed
}

/** The member's stored chat items of these kinds are gone, now and for good (the retention figures drop with them). */
export async function purgeMemberData(tx: Transaction, tenantId: string, memberId: string, kinds: readonly RetentionKind[]): Promise<void> {
  const [record, volume] = await Promise.all([tx.retention.get(tenantId), tx.retention.volume(tenantId)])
  if (!record || !volume || !volume.owners.some((owner) => owner.id === memberId)) return
  const exception = { chat: purgedFor(record, memberId, 'chat'), files: purgedFor(record, memberId, 'files') }
  for (const kind of kinds) exception[kind] = volume.endDay
  await tx.retention.save({ ...record, purgedExceptions: { ...record.purgedExceptions, [memberId]: exception } })
}
