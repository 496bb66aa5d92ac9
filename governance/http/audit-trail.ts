// Records what rules decided, as the acting person did it and on whose behalf, in the change's own transaction.
import type { Actor } from '../rules/access'
import type { AuditInput, AuditRecord } from '../rules/records'
import type { Transaction } from '../store/port'

const event = (input: AuditInput, at: string, actor: AuditRecord['actor'], onBehalfOf: string | null, ticketRef: string | null) => ({
  at,
  actor,
  onBehalfOf,
  ticketRef,
  action: input.action,
  targetType: input.targetType,
  targetId: input.targetId,
  targetName: input.targetName,
  before: input.before ?? null,
  after: input.after ?? null,
  reason: input.reason ?? null,
})

export async function recordAudit(tx: Transaction, actor: Actor, now: number, inputs: readonly AuditInput[]): Promise<void> {
  if (inputs.length === 0) return
  const at = new Date(now).toISOString()
  await tx.audit.append(
    actor.tenantId,
    inputs.map((input) => event(input, at, { id: actor.user.id, name: actor.user.name, role: actor.user.role }, actor.onBehalfOf, actor.ticketRef)),
  )
}

/** The platform's own actor: what happens because the clock passed a date (a removal carried out, a run). */
export const SYSTEM_ACTOR = { id: 'system', name: 'System', role: 'system' } as const

/** Records what the platform did on its own, in the change's own transaction. */
export async function recordSystemAudit(tx: Transaction, tenantId: string, now: number, inputs: readonly AuditInput[]): Promise<void> {
  if (inputs.length === 0) return
  const at = new Date(now).toISOString()
  await tx.audit.append(
    tenantId,
    inputs.map((input) => event(input, at, SYSTEM_ACTOR, null, null)),
  )
}
