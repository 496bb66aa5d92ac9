// The mock's whole persisted state: plain JSON, one slice per concern; members are generated, not stored.
import type { components } from '@contract/schema.gen'
import type { MockClock } from '../domain/clock'
import type { AppsSlice } from './apps-seed'
import type { RetentionSlice } from './retention-seed'

type Schemas = components['schemas']

/** Bump when a slice changes shape: persisted state with another version is discarded and re-seeded. */
export const SCHEMA_VERSION = 3

export type ScenarioName = Schemas['MockScenarioName']
export const SCENARIOS: readonly ScenarioName[] = ['default', 'large', 'empty-grants']

export interface StoredTenant {
  id: string
  name: string
  plan: Schemas['Tenant']['plan']
  region: string
  createdAt: string
}

export interface StoredDepartment {
  id: string
  tenantId: string
  name: string
  parentId: string | null
}

/** Members are generated from (count, seed); only changes to them are stored, as patches. */
export interface MemberSource {
  count: number
  seed: number
}

/** A member as the mock keeps it: the full phone number stays inside the mock. */
export type StoredMember = Omit<Schemas['Member'], 'phoneMasked' | 'departmentName'> & { phone: string }
export type MemberPatch = Partial<Omit<StoredMember, 'id'>>

export interface StoredSupportGrant {
  id: string
  tenantId: string
  mode: Schemas['SupportGrantSummary']['mode']
  ticketRef: string
  createdAt: string
  expiresAt: string
  createdBy: { id: string; name: string }
  revokedAt: string | null
}

export type StoredAuditEvent = Schemas['AuditEvent'] & { tenantId: string; seq: number }

export interface AuditLog {
  nextSeq: number
  events: StoredAuditEvent[]
}

export interface FaultList {
  nextSeq: number
  items: Schemas['MockFault'][]
}

/** A response as remembered for an Idempotency-Key replay. */
export interface StoredReply {
  status: number
  body?: unknown
  headers?: Record<string, string>
}

export interface IdempotencyEntry {
  key: string
  fingerprint: string
  reply: StoredReply
}

export interface MockDbState {
  schemaVersion: number
  scenario: ScenarioName
  clock: MockClock
  session: { personaId: string } | null
  tenants: StoredTenant[]
  departments: StoredDepartment[]
  memberSources: Record<string, MemberSource>
  memberPatches: Record<string, MemberPatch>
  supportGrants: StoredSupportGrant[]
  audit: AuditLog
  faults: FaultList
  idempotency: IdempotencyEntry[]
  /** Workbench apps, members' requests for them and emergency stops. */
  apps: AppsSlice
  /** Retention policies, scheduled changes, legal holds, runs and what the runs have deleted, per tenant. */
  retention: RetentionSlice
}
