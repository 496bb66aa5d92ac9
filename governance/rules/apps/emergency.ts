// The emergency switch: disable every enabled third-party app, or every enabled app holding one scope, in one
// move, remembering exactly what each was; restoring puts back that state (apps removed since stay removed).
import type { components } from '@contract/schema.gen'
import { conflict, fieldError, validation } from '../errors'
import type { AppRecord, AppScopeRecord, AuditInput, EmergencyStopRecord } from '../records'
import { statusSnapshot } from './catalogue'

type Schemas = components['schemas']

const stopName = (target: EmergencyStopRecord['target'], scopeId: string | null) =>
  target === 'third_party' ? 'All third-party apps' : `Apps holding ${String(scopeId)}`

export interface StopRequest {
  target: EmergencyStopRecord['target']
  scopeId: string | null
  reason: string
}

export function startEmergencyStop(
  apps: readonly AppRecord[],
  catalogue: readonly AppScopeRecord[],
  activeStop: EmergencyStopRecord | null,
  request: StopRequest,
  stop: { snapshotId: string; tenantId: string; at: string; by: Schemas['AuditActor'] },
): { stop: EmergencyStopRecord; apps: AppRecord[]; audit: AuditInput[] } {
  const { target, reason } = request
  const scopeId = target === 'scope' ? request.scopeId : null
  if (target === 'scope' && (scopeId === null || !catalogue.some((scope) => scope.id === scopeId))) {
    throw validation([fieldError('scopeId', scopeId ? 'invalid' : 'required', 'Choose a scope.')])
  }
  if (activeStop) throw conflict('An emergency stop is already in force; restore it first.')
  const hit = apps.filter((app) => app.enabled && (target === 'third_party' ? app.kind === 'third_party' : scopeId !== null && app.scopeIds.includes(scopeId)))
  const record: EmergencyStopRecord = {
    snapshotId: stop.snapshotId,
    tenantId: stop.tenantId,
    target,
    scopeId,
    reason,
    startedAt: stop.at,
    startedBy: stop.by,
    snapshot: hit.map((app) => ({ appId: app.id, enabled: app.enabled, disabledReason: app.disabledReason })),
    restoredAt: null,
  }
  const changed = hit.map((app): AppRecord => ({ ...app, enabled: false, disabledReason: reason }))
  const audit: AuditInput[] = hit.map((app, index) => ({
    action: 'app.disabled',
    targetType: 'app',
    targetId: app.id,
    targetName: app.name,
    before: statusSnapshot(app),
    after: { ...statusSnapshot(changed[index] ?? app), emergencyStop: record.snapshotId },
    reason,
  }))
  audit.push({
    action: 'app.emergency_stop_started',
    targetType: 'app_emergency_stop',
    targetId: record.snapshotId,
    targetName: stopName(target, scopeId),
    before: { enabledApps: hit.map((app) => app.id) },
    after: { enabledApps: [] },
    reason,
  })
  return { stop: record, apps: changed, audit }
}

export function restoreEmergencyStop(
  stop: EmergencyStopRecord,
  apps: readonly AppRecord[],
  at: string,
): { stop: EmergencyStopRecord; apps: AppRecord[]; audit: AuditInput[] } {
  if (stop.restoredAt !== null) throw conflict('This emergency stop was already restored.')
  const changed: AppRecord[] = []
  const audit: AuditInput[] = []
  for (const entry of stop.snapshot) {
    // An app removed from the workbench since the stop stays removed.
    const app = apps.find((candidate) => candidate.id === entry.appId)
    if (!app) continue
    const next: AppRecord = { ...app, enabled: entry.enabled, disabledReason: entry.disabledReason }
    changed.push(next)
    audit.push({
      action: 'app.enabled',
      targetType: 'app',
      targetId: app.id,
      targetName: app.name,
      before: statusSnapshot(app),
      after: { ...statusSnapshot(next), restoredFrom: stop.snapshotId },
      reason: stop.reason,
    })
  }
  audit.push({
    action: 'app.emergency_stop_restored',
    targetType: 'app_emergency_stop',
    targetId: stop.snapshotId,
    targetName: stopName(stop.target, stop.scopeId),
    before: { enabledApps: [] },
    after: { enabledApps: changed.map((app) => app.id) },
  })
  return { stop: { ...stop, restoredAt: at }, apps: changed, audit }
}
