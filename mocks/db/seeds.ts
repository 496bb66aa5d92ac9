// Named scenarios the mock can be reset to; everything is derived from the fixed epoch, never from real time.
import type { ActorContext } from '../domain/access'
import { recordAudit } from '../domain/audit'
import { settleRetention } from '../domain/retention'
import { seedAppEvents, seedApps } from './apps-seed'
import { seedRetention } from './retention-seed'
import { departmentsFor, memberAt, MOCK_EPOCH_ISO } from './members'
import { findPersona } from './personas'
import { SCHEMA_VERSION, type MockDbState, type ScenarioName, type StoredSupportGrant } from './state'

const EPOCH_MS = Date.parse(MOCK_EPOCH_ISO)
const HOUR_MS = 3_600_000
const DAY_MS = 24 * HOUR_MS

export const ACME_ID = 't-acme'
export const NORTHWIND_ID = 't-northwind'
export const SEEDED_TICKET = 'SUP-20261120-0042'

const acmeGrant: StoredSupportGrant = {
  id: 'sg-acme-0042',
  tenantId: ACME_ID,
  mode: 'read_only',
  ticketRef: SEEDED_TICKET,
  createdAt: new Date(EPOCH_MS - 2 * HOUR_MS).toISOString(),
  expiresAt: new Date(EPOCH_MS + 3 * DAY_MS).toISOString(),
  createdBy: { id: 'admin-acme', name: '王芳' },
  revokedAt: null,
}

function adminContext(personaId: string, tenantId: string): ActorContext {
  const persona = findPersona(personaId)
  if (!persona) throw new Error(`Seed refers to unknown persona ${personaId}`)
  const user = { id: persona.id, name: persona.name, email: persona.email, role: persona.role }
  return { user, tenantId, onBehalfOf: null, ticketRef: null, masked: false, grant: null }
}

function seedAudit(state: MockDbState): void {
  const acmeMember = memberAt(ACME_ID, 1, state.memberSources[ACME_ID]?.seed ?? 0)
  recordAudit(state, adminContext('admin-acme', ACME_ID), EPOCH_MS - 30 * DAY_MS, {
    action: 'member.role_changed',
    targetType: 'member',
    targetId: acmeMember.id,
    targetName: acmeMember.name,
    before: { role: 'member' },
    after: { role: 'admin' },
    reason: '设置第二位管理员，便于轮值',
  })
  const northwindMember = memberAt(NORTHWIND_ID, 17, state.memberSources[NORTHWIND_ID]?.seed ?? 0)
  recordAudit(state, adminContext('admin-northwind', NORTHWIND_ID), EPOCH_MS - 10 * DAY_MS, {
    action: 'member.role_changed',
    targetType: 'member',
    targetId: northwindMember.id,
    targetName: northwindMember.name,
    before: { role: 'member' },
    after: { role: 'admin' },
    reason: 'Covers administration while Oliver is on leave',
  })
  for (const grant of state.supportGrants) {
    recordAudit(state, adminContext(grant.createdBy.id, grant.tenantId), Date.parse(grant.createdAt), {
      action: 'support_grant.created',
      targetType: 'support_grant',
      targetId: grant.id,
      targetName: grant.ticketRef,
      before: null,
      after: { mode: grant.mode, ticketRef: grant.ticketRef, expiresAt: grant.expiresAt },
      reason: '客户来电：成员列表加载缓慢，授权技术支持排查',
    })
  }
}

/** A fresh state for the scenario; the clock starts at the epoch and runs from `realNowMs`. */
export function seedState(scenario: ScenarioName, realNowMs: number): MockDbState {
  const state: MockDbState = {
    schemaVersion: SCHEMA_VERSION,
    scenario,
    clock: { baseMs: EPOCH_MS, realAtBaseMs: realNowMs, frozen: false },
    session: null,
    tenants: [
      { id: ACME_ID, name: '杭州示例贸易有限公司', plan: 'enterprise', region: 'cn-hangzhou', createdAt: '2019-03-12T02:00:00.000Z' },
      { id: NORTHWIND_ID, name: 'Northwind Logistics Ltd.', plan: 'business', region: 'cn-shanghai', createdAt: '2021-06-01T08:00:00.000Z' },
    ],
    departments: [...departmentsFor(ACME_ID), ...departmentsFor(NORTHWIND_ID)],
    memberSources: {
      [ACME_ID]: { count: scenario === 'large' ? 100_000 : 300, seed: 20_261_120 },
      [NORTHWIND_ID]: { count: 60, seed: 4_711 },
    },
    memberPatches: {},
    supportGrants: scenario === 'empty-grants' ? [] : [{ ...acmeGrant }],
    audit: { nextSeq: 1, events: [] },
    faults: { nextSeq: 1, items: [] },
    idempotency: [],
    apps: seedApps(),
    retention: seedRetention(),
  }
  seedAudit(state)
  // The last few daily deletion runs before the epoch really ran, so 'last run' has real numbers.
  for (const tenant of state.tenants) settleRetention(state, tenant.id, EPOCH_MS)
  for (const event of seedAppEvents()) {
    recordAudit(state, adminContext(event.personaId, event.tenantId), event.at, {
      action: event.action,
      targetType: 'app',
      targetId: event.appId,
      targetName: event.targetName,
      before: event.before,
      after: event.after,
      reason: event.reason,
    })
  }
  // Seeded events are recorded out of time order above; the log is kept in sequence order.
  state.audit.events.sort((a, b) => Date.parse(a.at) - Date.parse(b.at))
  state.audit.events.forEach((event, position) => {
    event.seq = position + 1
    event.id = `ae-${String(position + 1).padStart(8, '0')}`
  })
  return state
}
