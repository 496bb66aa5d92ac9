// The demo data every store starts from, per scenario: two tenants, their people, apps, retention and history.
// Everything derives from a fixed epoch, never from real time, so every run and every store sees the same data.
import { receiveRequest } from '../rules/deregistration'
import type { components } from '@contract/schema.gen'
import type {
  AppRecord,
  AppRequestRecord,
  AuditEntry,
  DepartmentRecord,
  DeregistrationRecord,
  GrantRecord,
  RetentionHistoryRecord,
  RetentionRecord,
  TenantRecord,
  UserRecord,
} from '../rules/records'
import { seedAppEvents, seedApps } from './apps'
import type { AuditHistorySource } from './audit-history'
import { departmentsFor, memberAt } from './members'
import { seedRetention } from './retention'
import { DEMO_USERS } from './users'

export type ScenarioName = components['schemas']['MockScenarioName']

export const SCENARIO_EPOCH_ISO = '2026-11-20T01:00:00.000Z'
export const SCENARIO_EPOCH_MS = Date.parse(SCENARIO_EPOCH_ISO)
const HOUR_MS = 3_600_000
const DAY_MS = 24 * HOUR_MS

export const ACME_ID = 't-acme'
export const NORTHWIND_ID = 't-northwind'
export const SEEDED_TICKET = 'SUP-20261120-0042'

/** Members are generated from (count, seed): only changes to them are ever stored. */
export interface MemberSource {
  count: number
  seed: number
}

export type SeedAuditEvent = Omit<AuditEntry, 'seq' | 'id'>

export interface Dataset {
  scenario: ScenarioName
  tenants: TenantRecord[]
  departments: DepartmentRecord[]
  memberSources: Record<string, MemberSource>
  users: UserRecord[]
  grants: GrantRecord[]
  apps: AppRecord[]
  appRequests: AppRequestRecord[]
  deregistrations: DeregistrationRecord[]
  retention: RetentionRecord[]
  retentionHistory: RetentionHistoryRecord[]
  /** Generated history that comes before the hand-written events, per tenant (large scenarios only). */
  auditHistory: AuditHistorySource[]
  /** Hand-written events, in time order. */
  audit: SeedAuditEvent[]
}

const acmeGrant: GrantRecord = {
  id: 'sg-acme-0042',
  tenantId: ACME_ID,
  mode: 'read_only',
  ticketRef: SEEDED_TICKET,
  reason: '客户来电：成员列表加载缓慢，授权技术支持排查',
  createdAt: new Date(SCENARIO_EPOCH_MS - 2 * HOUR_MS).toISOString(),
  expiresAt: new Date(SCENARIO_EPOCH_MS + 3 * DAY_MS).toISOString(),
  createdBy: { id: 'admin-acme', name: '王芳' },
  ended: null,
}

function byUser(userId: string): Pick<SeedAuditEvent, 'actor' | 'onBehalfOf' | 'ticketRef'> {
  const user = DEMO_USERS.find((candidate) => candidate.id === userId)
  if (!user) throw new Error(`Seed refers to unknown user ${userId}`)
  return { actor: { id: user.id, name: user.name, role: user.role }, onBehalfOf: null, ticketRef: null }
}

function seedAudit(memberSources: Record<string, MemberSource>, grants: GrantRecord[], apps: readonly AppRecord[]): SeedAuditEvent[] {
  const acmeMember = memberAt(ACME_ID, 1, memberSources[ACME_ID]?.seed ?? 0)
  const northwindMember = memberAt(NORTHWIND_ID, 17, memberSources[NORTHWIND_ID]?.seed ?? 0)
  const events: SeedAuditEvent[] = [
    {
      ...byUser('admin-acme'),
      tenantId: ACME_ID,
      at: new Date(SCENARIO_EPOCH_MS - 30 * DAY_MS).toISOString(),
      action: 'member.role_changed',
      targetType: 'member',
      targetId: acmeMember.id,
      targetName: acmeMember.name,
      before: { role: 'member' },
      after: { role: 'admin' },
      reason: '设置第二位管理员，便于轮值',
    },
    {
      ...byUser('admin-northwind'),
      tenantId: NORTHWIND_ID,
      at: new Date(SCENARIO_EPOCH_MS - 10 * DAY_MS).toISOString(),
      action: 'member.role_changed',
      targetType: 'member',
      targetId: northwindMember.id,
      targetName: northwindMember.name,
      before: { role: 'member' },
      after: { role: 'admin' },
      reason: 'Covers administration while Oliver is on leave',
    },
    ...grants.map(
      (grant): SeedAuditEvent => ({
        ...byUser(grant.createdBy.id),
        tenantId: grant.tenantId,
        at: grant.createdAt,
        action: 'support_grant.created',
        targetType: 'support_grant',
        targetId: grant.id,
        targetName: grant.ticketRef,
        before: null,
        after: { mode: grant.mode, ticketRef: grant.ticketRef, expiresAt: grant.expiresAt },
        reason: grant.reason,
      }),
    ),
    ...seedAppEvents(apps).map(
      (event): SeedAuditEvent => ({
        ...byUser(event.personaId),
        tenantId: event.tenantId,
        at: new Date(event.at).toISOString(),
        action: event.action,
        targetType: 'app',
        targetId: event.appId,
        targetName: event.targetName,
        before: event.before,
        after: event.after,
        reason: event.reason,
      }),
    ),
  ]
  return events.sort((a, b) => Date.parse(a.at) - Date.parse(b.at))
}

/** The large scenario's Acme: 100 000 members and a million earlier audit events. */
export const LARGE_MEMBER_COUNT = 100_000
export const LARGE_AUDIT_HISTORY = 1_000_000

export function demoDataset(scenario: ScenarioName): Dataset {
  const large = scenario === 'large'
  const memberSources: Record<string, MemberSource> = {
    [ACME_ID]: { count: large ? LARGE_MEMBER_COUNT : 300, seed: 20_261_120 },
    [NORTHWIND_ID]: { count: 60, seed: 4_711 },
  }
  const grants = scenario === 'empty-grants' ? [] : [{ ...acmeGrant }]
  const { apps, requests } = seedApps(scenario === 'hostile')
  const retention = seedRetention()
  const acmeAdmins = DEMO_USERS.filter((user) => user.tenantIds.includes(ACME_ID))
  const acmeApps = apps.filter((app) => app.tenantId === ACME_ID)
  const someMembers = Array.from({ length: 50 }, (_, index) => memberAt(ACME_ID, index * 7, memberSources[ACME_ID]?.seed ?? 0))
  return {
    scenario,
    tenants: [
      { id: ACME_ID, name: '杭州示例贸易有限公司', plan: 'enterprise', region: 'cn-hangzhou', createdAt: '2019-03-12T02:00:00.000Z' },
      { id: NORTHWIND_ID, name: 'Northwind Logistics Ltd.', plan: 'business', region: 'cn-shanghai', createdAt: '2021-06-01T08:00:00.000Z' },
    ],
    departments: [...departmentsFor(ACME_ID), ...departmentsFor(NORTHWIND_ID)],
    memberSources,
    users: DEMO_USERS.map((user) => ({ ...user, tenantIds: [...user.tenantIds] })),
    grants,
    apps,
    appRequests: requests,
    deregistrations: seedDeregistrations(memberSources[ACME_ID]?.seed ?? 0),
    retention: retention.map((entry) => entry.record),
    retentionHistory: retention.flatMap((entry) => entry.history),
    auditHistory: large
      ? [
          {
            tenantId: ACME_ID,
            count: LARGE_AUDIT_HISTORY,
            actors: acmeAdmins.map((user) => ({ id: user.id, name: user.name })),
            targets: {
              app: acmeApps.map((app) => ({ id: app.id, name: app.name })),
              member: someMembers.map((member) => ({ id: member.id, name: member.name })),
              legal_hold: someMembers.slice(0, 10).map((member, index) => ({ id: `lh-acme-archived-${index + 1}`, name: member.name })),
            },
          },
        ]
      : [],
    audit: seedAudit(memberSources, grants, apps),
  }
}

/** Two members of Acme asked the platform to leave: one a fortnight ago (due soon), one yesterday. */
function seedDeregistrations(seed: number): DeregistrationRecord[] {
  const request = (id: string, index: number, message: string, daysAgo: number): DeregistrationRecord =>
    receiveRequest([], memberAt(ACME_ID, index, seed), { id, message, receivedAt: SCENARIO_EPOCH_MS - daysAgo * DAY_MS }).request
  return [
    request('dr-acme-001', 12, '我已从公司离职，请注销我在企业中的账号。', 13),
    request('dr-acme-002', 44, 'I have moved to another company; please remove me from Acme on the platform.', 1),
  ]
}
