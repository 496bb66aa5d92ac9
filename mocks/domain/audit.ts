// The append-only audit trail: every state change records who did it, for whom, and before → after.
import type { components } from '@contract/schema.gen'
import type { MockDbState, StoredAuditEvent } from '../db/state'
import type { ActorContext } from './access'
import { validation, type FieldError } from './errors'
import { decodeCursor, encodeCursor, readLimit } from './paging'
import { hashString } from './rng'

type AuditEvent = components['schemas']['AuditEvent']

export interface AuditInput {
  action: string
  targetType: string
  targetId: string
  targetName: string
  before: unknown
  after: unknown
  reason?: string | null
}

/** Call inside the same store write as the change it records, so neither exists without the other. */
export function recordAudit(state: MockDbState, ctx: ActorContext, now: number, input: AuditInput): AuditEvent {
  const seq = state.audit.nextSeq++
  const event: StoredAuditEvent = {
    id: `ae-${String(seq).padStart(8, '0')}`,
    at: new Date(now).toISOString(),
    actor: { id: ctx.user.id, name: ctx.user.name, role: ctx.user.role },
    onBehalfOf: ctx.onBehalfOf,
    ticketRef: ctx.ticketRef,
    action: input.action,
    targetType: input.targetType,
    targetId: input.targetId,
    targetName: input.targetName,
    before: input.before ?? null,
    after: input.after ?? null,
    reason: input.reason ?? null,
    tenantId: ctx.tenantId,
    seq,
  }
  state.audit.events.push(event)
  return toAuditView(event)
}

export function toAuditView(event: StoredAuditEvent): AuditEvent {
  const { tenantId: _tenantId, seq: _seq, ...view } = event
  return view
}

export interface AuditQuery {
  targetType?: string | null
  targetId?: string | null
  cursor?: string | null
  limit?: string | number | null
}

/** Newest first; the cursor is the sequence number to continue below, so new events never shift a page. */
export function listAudit(
  state: MockDbState,
  tenantId: string,
  query: AuditQuery,
): { items: AuditEvent[]; nextCursor: string | null } {
  const errors: FieldError[] = []
  const limit = readLimit(query.limit, errors)
  if (errors.length > 0) throw validation(errors)
  const targetType = query.targetType || null
  const targetId = query.targetId || null
  const fingerprint = hashString(JSON.stringify([tenantId, targetType, targetId]))
  const below = decodeCursor(query.cursor, fingerprint) ?? Number.POSITIVE_INFINITY

  const items: AuditEvent[] = []
  const events = state.audit.events
  let lastSeq: number | null = null
  let more = false
  for (let position = events.length - 1; position >= 0; position--) {
    const event = events[position]
    if (!event || event.seq >= below || event.tenantId !== tenantId) continue
    if (targetType !== null && event.targetType !== targetType) continue
    if (targetId !== null && event.targetId !== targetId) continue
    if (items.length === limit) {
      more = true
      break
    }
    items.push(toAuditView(event))
    lastSeq = event.seq
  }
  return { items, nextCursor: more && lastSeq !== null ? encodeCursor(lastSeq, fingerprint) : null }
}
