// Bulk removal as a job: started by a request, worked through by the server's worker (the browser mock's timer),
// one member per transaction — the member's removal and its result row commit together, so a failure on one member
// touches no other, and a job resumed after an interruption starts exactly after the last member it finished.
import type { components } from '@contract/schema.gen'
import type { Actor } from '../rules/access'
import { fieldError, notFound, RuleError, validation } from '../rules/errors'
import { departmentSubtree } from '../rules/departments'
import type { MemberRecord, RemovalJobRecord, RemovalJobResultRecord } from '../rules/records'
import type { GovernanceStore, Transaction } from '../store/port'
import { removeMember } from './routes/member-lifecycle'
import { settleRemovals } from './member-removals'

type Schemas = components['schemas']

/** The most members one job takes (a filter matching more is refused: narrow it). */
export const MAX_JOB_MEMBERS = 20_000
/** Removed members a job's view lists (skipped and failed ones are always all listed). */
const REMOVED_SHOWN = 100
const MEMBER_SKIPS = new Set(['member-state', 'member-is-you', 'last-admin', 'validation'])

/** Where a bulk removal can fail outside the database (the test controls inject a failure for one member here). */
export interface RemovalJobHooks {
  beforeRemoval(tenantId: string, memberId: string): void
}

export const removalJobPath = (tenantId: string, memberId: string) => `/jobs/member-removal/${tenantId}/${memberId}`

/** The members a filter matches now, in directory order. */
async function membersMatching(tx: Transaction, tenantId: string, filter: NonNullable<Schemas['MemberRemovalJobInput']['filter']>): Promise<string[]> {
  const departments = await tx.members.departments(tenantId)
  if (filter.departmentId !== undefined && !departments.some((department) => department.id === filter.departmentId)) {
    throw validation([fieldError('filter.departmentId', 'invalid', `No department "${filter.departmentId}" in this tenant.`)])
  }
  const q = (filter.q ?? '').trim().toLowerCase()
  const page = await tx.members.search(tenantId, {
    q: q === '' ? null : q,
    visibleOnly: false,
    departmentIds: filter.departmentId === undefined ? null : [...departmentSubtree(departments, [filter.departmentId])],
    status: filter.status ?? null,
    role: filter.role ?? null,
    order: { field: 'name', descending: false },
    after: null,
    limit: MAX_JOB_MEMBERS + 1,
    count: null,
  })
  if (page.items.length > MAX_JOB_MEMBERS) {
    throw validation([fieldError('filter', 'too_large', `More than ${MAX_JOB_MEMBERS} members match: narrow the filter.`, { max: MAX_JOB_MEMBERS })])
  }
  return page.items.map((member) => member.id)
}

export async function startRemovalJob(tx: Transaction, actor: Actor, memberId: string | null, now: number, body: Schemas['MemberRemovalJobInput']): Promise<RemovalJobRecord> {
  const tenantId = actor.tenantId
  const { memberIds, filter, handoverToMemberId, dataHandling, graceDays, reason } = body
  if ((memberIds === undefined) === (filter === undefined)) {
    throw validation([fieldError('memberIds', 'required', 'Choose members by id or by a filter (one of the two).')])
  }
  const ids = memberIds ? [...new Set(memberIds)] : await membersMatching(tx, tenantId, filter ?? {})
  if (ids.length === 0) throw validation([fieldError(memberIds ? 'memberIds' : 'filter', 'required', 'No member to remove.')])
  if (memberIds) {
    const found = await tx.members.getMany(tenantId, ids)
    const unknown = ids.find((id) => !found.has(id))
    if (unknown) throw validation([fieldError('memberIds', 'invalid', `No member "${unknown}" in this tenant.`)])
  }
  if (handoverToMemberId !== null) {
    const colleague = await tx.members.get(tenantId, handoverToMemberId)
    if (!colleague || colleague.status !== 'active') throw validation([fieldError('handoverToMemberId', 'invalid', 'Hand over to an active colleague.')])
    if (ids.includes(handoverToMemberId)) throw validation([fieldError('handoverToMemberId', 'invalid', 'The colleague who takes over cannot be one of the members removed.')])
  }
  if (!Number.isInteger(graceDays) || graceDays < 1 || graceDays > 60) throw validation([fieldError('graceDays', 'out_of_range', 'The grace period is 1–60 whole days.')])
  if (reason.trim() === '') throw validation([fieldError('reason', 'required', 'Give a reason; it is recorded in the audit log.')])
  const job: RemovalJobRecord = {
    id: await tx.ids.next(`rj-${tenantId.replace(/^t-/, '')}`),
    tenantId,
    status: 'running',
    total: ids.length,
    done: 0,
    removed: 0,
    skipped: 0,
    failed: 0,
    createdAt: new Date(now).toISOString(),
    createdBy: { id: actor.user.id, name: actor.user.name },
    actor: { user: actor.user, onBehalfOf: actor.onBehalfOf, ticketRef: actor.ticketRef, memberId },
    input: { handoverToMemberId, dataHandling, graceDays, reason: reason.trim() },
    finishedAt: null,
  }
  await tx.removalJobs.save(job)
  await tx.removalJobs.saveMembers(tenantId, job.id, ids)
  return job
}

export async function jobView(tx: Transaction, job: RemovalJobRecord): Promise<Schemas['MemberRemovalJob']> {
  const [results, colleague, departments] = await Promise.all([
    tx.removalJobs.results(job.tenantId, job.id, REMOVED_SHOWN),
    job.input.handoverToMemberId === null ? null : tx.members.get(job.tenantId, job.input.handoverToMemberId),
    tx.members.departments(job.tenantId),
  ])
  return {
    id: job.id,
    status: job.status,
    total: job.total,
    done: job.done,
    removed: job.removed,
    skipped: job.skipped,
    failed: job.failed,
    createdAt: job.createdAt,
    createdBy: job.createdBy,
    finishedAt: job.finishedAt,
    dataHandling: job.input.dataHandling,
    graceDays: job.input.graceDays,
    handoverTo: colleague ? { id: colleague.id, name: colleague.name, departmentName: departments.find((department) => department.id === colleague.departmentId)?.name ?? '' } : null,
    results: results.map(({ position: _position, ...result }) => result),
  }
}

export async function findJob(tx: Transaction, tenantId: string, jobId: string): Promise<RemovalJobRecord> {
  const job = await tx.removalJobs.get(tenantId, jobId)
  if (!job) throw notFound('member removal job', jobId)
  return job
}

const resultOf = (member: MemberRecord | null, memberId: string, position: number, outcome: RemovalJobResultRecord['outcome'], detail: string | null): RemovalJobResultRecord => ({
  position,
  memberId,
  name: member?.name ?? memberId,
  employeeNo: member?.employeeNo ?? '',
  outcome,
  detail,
})

/**
 * Works on the running jobs until `budgetMs` has passed (the mock's timer keeps the page responsive with a small
 * budget). Returns how many members it finished.
 */
export async function advanceRemovalJobs(store: GovernanceStore, clock: { now(): number }, budgetMs: number, hooks?: RemovalJobHooks): Promise<number> {
  const started = Date.now()
  let finished = 0
  const jobs = await store.transaction((tx) => tx.removalJobs.running())
  for (const start of jobs) {
    let job = start
    const actor: Actor = { user: job.actor.user, tenantId: job.tenantId, onBehalfOf: job.actor.onBehalfOf, ticketRef: job.actor.ticketRef, masked: false, grant: null }
    let next: string[] = []
    // Removals whose date has passed are carried out once per slice, not once per member (it reads every removal).
    await store.transaction((tx) => settleRemovals(tx, job.tenantId, clock.now()))
    while (job.done < job.total) {
      if (Date.now() - started >= budgetMs) return finished
      const position = job.done
      if (next.length === 0) next = await store.transaction((tx) => tx.removalJobs.membersFrom(job.tenantId, job.id, position, 50))
      const memberId = next.shift() ?? ''
      const now = clock.now()
      let outcome: RemovalJobResultRecord['outcome'] = 'removed'
      // Another worker (a second server instance) took this member first: leave the job to it.
      const stillMine = async (tx: Transaction) => (await tx.removalJobs.get(job.tenantId, job.id))?.done === position
      let taken = false
      try {
        await store.transaction(async (tx) => {
          if (!(await stillMine(tx))) {
            taken = true
            return
          }
          const member = await tx.members.get(job.tenantId, memberId)
          hooks?.beforeRemoval(job.tenantId, memberId)
          await removeMember({ tx, tenantId: job.tenantId, actor, callerMemberId: job.actor.memberId, now, memberId, removalsSettled: true }, job.input)
          await tx.removalJobs.addResult(job.tenantId, job.id, resultOf(member, memberId, position, 'removed', null))
          job = { ...job, done: position + 1, removed: job.removed + 1 }
          await tx.removalJobs.save(job)
        })
      } catch (error) {
        // The member's change rolled back; what happened is recorded on its own, and the job goes on.
        outcome = error instanceof RuleError && MEMBER_SKIPS.has(error.kind) ? 'skipped' : 'failed'
        const detail = error instanceof RuleError ? (error.detail ?? error.title) : 'The removal failed on the server; nothing was changed for this member.'
        await store.transaction(async (tx) => {
          if (!(await stillMine(tx))) {
            taken = true
            return
          }
          const member = await tx.members.get(job.tenantId, memberId)
          await tx.removalJobs.addResult(job.tenantId, job.id, resultOf(member, memberId, position, outcome, detail))
          job = { ...job, done: position + 1, skipped: job.skipped + (outcome === 'skipped' ? 1 : 0), failed: job.failed + (outcome === 'failed' ? 1 : 0) }
          await tx.removalJobs.save(job)
        })
      }
      if (taken) break
      finished++
    }
    if (job.done < job.total) continue
    const done = { ...job, status: 'completed' as const, finishedAt: new Date(clock.now()).toISOString() }
    await store.transaction(async (tx) => {
      if ((await tx.removalJobs.get(job.tenantId, job.id))?.status === 'running') await tx.removalJobs.save(done)
    })
  }
  return finished
}
