// Records what rules decided, as the acting person did it and on whose behalf, in the change's own transaction.
import type { Actor } from '../rules/access'
import type { AuditInput } from '../rules/records'
import type { Transaction } from '../store/port'

export async function recordAudit(tx: Transaction, actor: Actor, now: number, inputs: readonly AuditInput[]): Promise<void> {
  if (inputs.length === 0) return
  const at = new Date(now).toISOString()
  await tx.audit.append(
    actor.tenantId,
    inputs.map((input) => ({
      at,
      actor: { id: actor.user.id, name: actor.user.name, role: actor.user.role },
      onBehalfOf: actor.onBehalfOf,
      ticketRef: actor.ticketRef,
      action: input.action,
      targetType: input.targetType,
      targetId: input.targetId,
      targetName: input.targetName,
      before: input.before ?? null,
      after: input.after ?? null,
      reason: input.reason ?? null,
    })),
  )
}
