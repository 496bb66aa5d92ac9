// The governance records as every store keeps them: plain data, no behaviour. Contract types are reused where the
// stored shape is the shape on the wire; the full phone number and tenant ids never leave the API.
import type { components } from '@contract/schema.gen'

type Schemas = components['schemas']

export interface TenantRecord {
  id: string
  name: string
  plan: Schemas['Tenant']['plan']
  region: string
  createdAt: string
}

export interface DepartmentRecord {
  id: string
  tenantId: string
  name: string
  parentId: string | null
}

export interface MemberRecord {
  id: string
  tenantId: string
  name: string
  email: string
  employeeNo: string
  /** The full number: only ever shown masked. */
  phone: string
  departmentId: string
  role: Schemas['MemberRole']
  status: Schemas['MemberStatus']
  joinedAt: string
}

/** Someone who can sign in: a tenant administrator or a platform support agent. */
export interface UserRecord {
  id: string
  name: string
  email: string
  role: Schemas['UserRole']
  /** Tenants this user administers (empty for support agents). */
  tenantIds: string[]
  /** The member record this person has in their tenant, if any. */
  memberId: string | null
}

export interface SessionRecord {
  id: string
  userId: string
  createdAt: string
  expiresAt: string
}

export interface GrantRecord {
  id: string
  tenantId: string
  mode: Schemas['SupportGrantSummary']['mode']
  ticketRef: string
  reason: string | null
  createdAt: string
  expiresAt: string
  createdBy: { id: string; name: string }
  /** How the grant ended early or ran out (null while it lasts); an expiry is recorded once the clock passes it. */
  ended: Schemas['GrantEnd'] | null
}

/** What a rule says should be recorded; the protocol layer adds who, when and on whose behalf. */
export interface AuditInput {
  action: string
  targetType: string
  targetId: string
  targetName: string
  before: unknown
  after: unknown
  reason?: string | null
}

/** An audit entry as lists show it: what it says and its number in the tenant's log. */
export type AuditEntry = Schemas['AuditEvent'] & { tenantId: string }

/** A stored audit entry with its links in the tenant's hash chain (rules/audit-chain). */
export type AuditRecord = AuditEntry & {
  /** The hash of the entry before it (GENESIS_HASH for the first). */
  prevHash: string
  /** This entry's hash, over its content and prevHash. */
  hash: string
}

/** What an audit entry says, before the store numbers it and links it into the chain. */
export type AuditDraft = Omit<AuditRecord, 'seq' | 'id' | 'tenantId' | 'prevHash' | 'hash'>

/** An export of the audit log to CSV: a job written a stretch at a time (its file in chunks, kept apart). */
export interface AuditExportRecord {
  id: string
  tenantId: string
  status: Schemas['AuditExport']['status']
  filter: Schemas['AuditExportFilter']
  language: 'en-US' | 'zh-CN'
  /** Entries numbered up to this one, as the log stood when the export started (later ones are not in it). */
  upToSeq: number
  /** Whether the person who started it sees personal data masked (so the file does too). */
  masked: boolean
  total: number
  done: number
  /** Where the next stretch starts (after this entry, newest first); null = from the newest. */
  after: { at: string; seq: number } | null
  /** How many chunks of the file are written. */
  chunks: number
  createdAt: string
  createdBy: Schemas['RetentionPerson']
  finishedAt: string | null
  fileName: string
}

export interface AppAvailabilityRecord {
  mode: Schemas['AppAvailabilityMode']
  departmentIds: string[]
  memberIds: string[]
  deniedMemberIds: string[]
  /** Moves on with every change; the ETag is derived from it. */
  version: number
}

export interface AppRecord {
  id: string
  tenantId: string
  name: string
  vendor: string
  category: Schemas['AppCategory']
  description: string
  /** basic (the platform's own), third_party, custom (made by the tenant). */
  kind: Schemas['AppKind']
  version: string
  enabled: boolean
  /** Scopes the app holds now; an update's new scopes only land here once approved. */
  scopeIds: string[]
  scopeUpdate: { version: string; requestedAt: string; scopeIds: string[] } | null
  availability: AppAvailabilityRecord
  lastDataAccessAt: string | null
  installedAt: string
  disabledReason: string | null
  /** Requests to the vendor to delete what it received, newest first. */
  vendorDeletionRequests: Schemas['AppVendorDeletionRequest'][]
}

export type AppScopeRecord = Schemas['AppScope']

export interface AppRequestRecord {
  id: string
  tenantId: string
  appId: string
  memberId: string
  message: string
  requestedAt: string
  status: Schemas['AppRequestStatus']
  decidedAt: string | null
  decidedBy: string | null
  note: string | null
}

/** What an app looked like before an emergency stop touched it: restore puts exactly this back. */
export interface AppSnapshotEntry {
  appId: string
  enabled: boolean
  disabledReason: string | null
}

export interface EmergencyStopRecord {
  snapshotId: string
  tenantId: string
  target: Schemas['AppEmergencyStop']['target']
  scopeId: string | null
  reason: string
  startedAt: string
  startedBy: Schemas['AuditActor']
  snapshot: AppSnapshotEntry[]
  restoredAt: string | null
}

export type RetentionKind = Schemas['RetentionPolicyKind']

export interface RetentionRecord {
  tenantId: string
  /** Moves on with every change to the policies (the ETag); runs and holds do not change it. */
  version: number
  policies: Record<RetentionKind, Schemas['RetentionPolicy']>
  graceDays: number
  updatedAt: string
  updatedBy: Schemas['RetentionPerson']
  pending: Schemas['PendingRetentionChange'] | null
  nextRunAt: string
  /**
   * Deletion runs only ever remove "everything older than day X" per owner, so what is left is one day index
   * per owner and kind: `purgedBefore` for every owner, except those in `purgedExceptions` (owners who were
   * under a legal hold when a run passed them by).
   */
  purgedBefore: Record<RetentionKind, number>
  purgedExceptions: Record<string, Record<RetentionKind, number>>
}

export type RetentionRunRecord = Schemas['RetentionRun'] & { tenantId: string }
export type RetentionHistoryRecord = Schemas['RetentionHistoryEntry'] & { tenantId: string; seq: number }
export type LegalHoldRecord = Schemas['LegalHold'] & { tenantId: string }

/** Something that owns stored items and can be put under a legal hold: a member or a chat group. */
export interface VolumeOwner {
  id: string
  /** Relative share of the tenant's daily traffic. */
  weight: number
}

/** A compact model of a tenant's stored chat messages and files per owner and day. */
export interface VolumeModel {
  owners: VolumeOwner[]
  groups: Schemas['ChatGroup'][]
  /** First day with data (day 0 is the UTC day of the scenario epoch). */
  firstDay: number
  /** One past the last modelled day. */
  endDay: number
  /** prefix[kind][i] = items per unit of weight on days firstDay … firstDay+i-1. */
  prefix: Record<RetentionKind, Float64Array>
}

/** A response as remembered for an Idempotency-Key replay. */
export interface StoredReply {
  status: number
  body?: unknown
  headers?: Record<string, string>
}

/** What a member has been through beyond their directory row: removal, handovers, erasure. Absent = nothing yet. */
/** A tenant's member settings: the grace period a removal offers, the reply days for deregistration requests. */
export type MemberSettings = Schemas['MemberSettings']

export interface MemberLifecycleRecord {
  tenantId: string
  memberId: string
  /** The removal in progress or carried out (kept after an undo is false: an undo clears it). */
  removal: Schemas['MemberRemoval'] | null
  /** A handover moved this member's drive files, documents, CRM customers, approvals and groups away (undo keeps that). */
  handedOver: boolean
  /** What colleagues' handovers moved to this member. */
  received: Schemas['MemberHandoverCounts']
  /** The profile was erased (the removal's data handling ran). */
  erased: Schemas['MemberDataHandling'] | null
  /** What next-of-kin fulfilment corrected and deleted (absent = nothing). */
  kin?: KinChanges
}

/** Next-of-kin corrections (field → value) and deleted data categories of a deceased member. */
export interface KinChanges {
  corrections: Partial<Record<Schemas['KinCorrectableField'], string>>
  deleted: Schemas['KinCategory'][]
}

/** The rest of a member's profile and what they hold besides chat items, as the member's systems keep them. */
export interface MemberProfileRecord {
  platform: Omit<Schemas['MemberPlatformProfile'], 'phoneMasked'>
  enterprise: Omit<Schemas['MemberEnterpriseProfile'], 'departmentName' | 'workEmail' | 'reportsTo'>
  /** Chat messages and files come from the retention volume model instead. */
  holdings: Omit<Schemas['MemberHoldings'], 'messages' | 'files'>
  /** What the member arranged while alive about disclosure after death (PIPL art. 49); null = nothing. */
  arrangement: Schemas['KinArrangement'] | null
}

/** A member's request to leave, forwarded by the platform; names are joined in when it is shown. */
export interface DeregistrationRecord {
  id: string
  tenantId: string
  memberId: string
  message: string
  receivedAt: string
  dueAt: string
  status: Schemas['DeregistrationStatus']
  decidedAt: string | null
  decidedBy: Schemas['RetentionPerson'] | null
  onBehalfOf: string | null
  declineReason: string | null
  platformNotifiedAt: string | null
}

/** A bulk removal: whom it takes (in order), how far it got, and whose action it is. */
export interface RemovalJobRecord {
  id: string
  tenantId: string
  status: Schemas['MemberRemovalJob']['status']
  /** How many members it takes (their ids, in order, are kept apart: the record is rewritten after every member). */
  total: number
  done: number
  removed: number
  skipped: number
  failed: number
  createdAt: string
  createdBy: Schemas['RetentionPerson']
  /** The person the removals are audited as (and their own member record, which the job never removes). */
  actor: { user: Schemas['User']; onBehalfOf: string | null; ticketRef: string | null; memberId: string | null }
  input: Schemas['MemberRemovalInput']
  finishedAt: string | null
}

export type RemovalJobResultRecord = Schemas['MemberRemovalJobResult'] & { position: number }
