// An app's update asks for different scopes: the administrator approves (acknowledging new sensitive scopes) or
// declines it (the app stays on its old scopes).
import { conflict } from '../errors'
import type { AppRecord, AppScopeRecord, AuditInput } from '../records'
import { assertAcknowledged, scopeDiff } from './catalogue'

const NO_UPDATE = 'The app has no scope update waiting for approval.'

export function approveScopeUpdate(
  app: AppRecord,
  catalogue: readonly AppScopeRecord[],
  acknowledged: readonly string[],
): { app: AppRecord; audit: AuditInput[] } {
  const update = app.scopeUpdate
  if (!update) throw conflict(NO_UPDATE)
  assertAcknowledged(catalogue, scopeDiff(catalogue, app.scopeIds, update.scopeIds).added, acknowledged)
  const next: AppRecord = { ...app, scopeIds: update.scopeIds.slice(), version: update.version, scopeUpdate: null }
  return {
    app: next,
    audit: [
      {
        action: 'app.scope_update_approved',
        targetType: 'app',
        targetId: app.id,
        targetName: app.name,
        before: { version: app.version, scopes: app.scopeIds.slice() },
        after: { version: next.version, scopes: next.scopeIds.slice() },
      },
    ],
  }
}

export function declineScopeUpdate(app: AppRecord, reason: string): { app: AppRecord; audit: AuditInput[] } {
  const update = app.scopeUpdate
  if (!update) throw conflict(NO_UPDATE)
  return {
    app: { ...app, scopeUpdate: null },
    audit: [
      {
        action: 'app.scope_update_declined',
        targetType: 'app',
        targetId: app.id,
        targetName: app.name,
        before: { version: app.version, scopes: app.scopeIds.slice(), requested: { version: update.version, scopes: update.scopeIds } },
        after: { version: app.version, scopes: app.scopeIds.slice() },
        reason,
      },
    ],
  }
}
