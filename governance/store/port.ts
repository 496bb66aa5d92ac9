// The storage port: what the protocol layer may ask of a store. Every adapter (memory for the browser mock,
// SQL for the server) implements all of it; one request runs in one transaction.
import type { components } from '@contract/schema.gen'
import type {
  AppRecord,
  AppRequestRecord,
  AppScopeRecord,
  AuditDraft,
  AuditEntry,
  AuditExportRecord,
  AuditInput,
  AuditRecord,
  DepartmentRecord,
  DeregistrationRecord,
  EmergencyStopRecord,
  GrantRecord,
  LegalHoldRecord,
  MemberLifecycleRecord,
  MemberProfileRecord,
  MemberRecord,
  RemovalJobRecord,
  RemovalJobResultRecord,
  RetentionHistoryRecord,
  RetentionRecord,
  RetentionRunRecord,
  SessionRecord,
  StoredReply,
  TenantRecord,
  UserRecord,
  VolumeModel,
  MemberSettings,
} from '../rules/records'
import type { KinRecord, KinSettings } from '../rules/kin-requests'
import type { MemberOrder } from '../rules/members'

type Schemas = components['schemas']

export interface Page<T> {
  items: T[]
  /** Where the next page starts (a store-specific position), or null on the last page. */
  next: string | null
}

export interface TenantRepository {
  get(tenantId: string): Promise<TenantRecord | null>
  list(): Promise<TenantRecord[]>
}

export interface MemberSearch {
  /** Lower-case text matched against name, email, employee number and the phone's last four digits. */
  q: string | null
  /** For a reader who sees masked data: match only what they see (name, employee number, the phone's last four). */
  visibleOnly: boolean
  /** Departments to look in (a subtree already expanded); null = all. */
  departmentIds: string[] | null
  status: Schemas['MemberStatus'] | null
  role: Schemas['MemberRole'] | null
  /** The order: by this field then id, both compared bytewise (code points), ascending or descending. */
  order: MemberOrder
  /** Keyset paging: the page starts after the member with this sort value and id (in the order); null = from the start. */
  after: { key: string; id: string } | null
  limit: number
  /** Count the matches — every one (upTo null), or up to upTo and say whether there are more; null = do not count. */
  count: { upTo: number | null } | null
}

/** How many members match: `capped` means more than `total` (the count stopped there). */
export interface MemberMatches {
  total: number
  capped: boolean
}

export interface MemberCounts {
  members: number
  active: number
  admins: number
  byDepartment: Map<string, number>
}

export interface MemberRepository {
  departments(tenantId: string): Promise<DepartmentRecord[]>
  get(tenantId: string, memberId: string): Promise<MemberRecord | null>
  getMany(tenantId: string, memberIds: readonly string[]): Promise<Map<string, MemberRecord>>
  /** Sorted by name, then id. */
  search(tenantId: string, query: MemberSearch): Promise<{ items: MemberRecord[]; matches: MemberMatches | null }>
  /** Removed members are left out of every count. */
  counts(tenantId: string): Promise<MemberCounts>
  /** Members whose employee number, email (case-insensitive) or phone number is one of `values` (lower-cased). */
  byIdentifiers(tenantId: string, values: readonly string[]): Promise<MemberRecord[]>
  /** Stores a changed member (status, erased profile fields). */
  update(member: MemberRecord): Promise<void>
  /** The rest of the member's profile and what they hold (demo stores derive it from the seed). */
  profile(member: MemberRecord, now: number): Promise<MemberProfileRecord>
  lifecycle(tenantId: string, memberId: string): Promise<MemberLifecycleRecord | null>
  saveLifecycle(record: MemberLifecycleRecord): Promise<void>
  /** Removals not carried out whose date is at or before `dueBy` (ISO), including those a legal hold keeps. */
  removalsDue(tenantId: string, dueBy: string): Promise<MemberLifecycleRecord[]>
  /** The tenant's member settings (null = the defaults). */
  settings(tenantId: string): Promise<MemberSettings | null>
  saveSettings(tenantId: string, settings: MemberSettings): Promise<void>
}

export interface DeregistrationRepository {
  /** Every request of the tenant (a tenant gets a handful a month). */
  list(tenantId: string): Promise<DeregistrationRecord[]>
  get(tenantId: string, requestId: string): Promise<DeregistrationRecord | null>
  save(request: DeregistrationRecord): Promise<void>
}

/** A stored file of a next-of-kin case: an evidence upload or an archive for the requester. */
export interface KinFile {
  id: string
  requestId: string
  contentType: string
  bytes: Uint8Array
}

export interface KinRepository {
  /** The requests of these tenants (null = of every tenant), oldest first. */
  list(tenantIds: readonly string[] | null): Promise<KinRecord[]>
  get(requestId: string): Promise<KinRecord | null>
  save(request: KinRecord): Promise<void>
  saveFile(file: KinFile): Promise<void>
  file(requestId: string, fileId: string): Promise<KinFile | null>
  /** The tenant's deadline rule (null = the default). */
  settings(tenantId: string): Promise<KinSettings | null>
  saveSettings(tenantId: string, settings: KinSettings): Promise<void>
}

export interface RemovalJobRepository {
  save(job: RemovalJobRecord): Promise<void>
  get(tenantId: string, jobId: string): Promise<RemovalJobRecord | null>
  /** The members a job takes, in order (written once, when it starts). */
  saveMembers(tenantId: string, jobId: string, memberIds: readonly string[]): Promise<void>
  /** Up to `limit` of a job's members from position `from` on. */
  membersFrom(tenantId: string, jobId: string, from: number, limit: number): Promise<string[]>
  /** Jobs not finished, of every tenant, oldest first (what the worker picks up, also after a restart). */
  running(): Promise<RemovalJobRecord[]>
  addResult(tenantId: string, jobId: string, result: RemovalJobResultRecord): Promise<void>
  /** Every skipped or failed result and the last `removedShown` removed ones, in position order. */
  results(tenantId: string, jobId: string, removedShown: number): Promise<RemovalJobResultRecord[]>
}

export interface AccessRepository {
  user(userId: string): Promise<UserRecord | null>
  users(): Promise<UserRecord[]>
  session(sessionId: string): Promise<SessionRecord | null>
  saveSession(session: SessionRecord): Promise<void>
  deleteSession(sessionId: string): Promise<void>
  userByEmail(email: string): Promise<UserRecord | null>
  /** The stored password hash of a user who signs in with a password (null: none set). */
  passwordHash(userId: string): Promise<string | null>
  setPasswordHash(userId: string, hash: string): Promise<void>
  /** Failed sign-ins for this email since `since` (ISO), for the attempt limit. */
  signInFailures(email: string, since: string): Promise<number>
  recordSignInFailure(email: string, at: string): Promise<void>
  clearSignInFailures(email: string): Promise<void>
  /** Every grant of a tenant (null = of every tenant), newest first. */
  grants(tenantId: string | null): Promise<GrantRecord[]>
  saveGrant(grant: GrantRecord): Promise<void>
}

export interface AuditFilter {
  targetType: string | null
  targetId: string | null
  /** The acting person's id ("system" for the platform's own). */
  actorId: string | null
  action: string | null
  /** At or after this time (ISO); null = no lower bound. */
  from: string | null
  /** Before this time (ISO); null = no upper bound. */
  to: string | null
  /** Only entries numbered up to this (an export's snapshot); null = all. */
  maxSeq: number | null
  /** Only what support agents did on the tenant's behalf (a grant's activity, with `from`/`to` its window). */
  supportOnly?: boolean
  /** Keyset paging, newest first by (at, seq): entries strictly before this one; null = from the newest. */
  before: { at: string; seq: number } | null
  limit: number
}

export interface AuditFacets {
  actors: AuditRecord['actor'][]
  actions: string[]
  targetTypes: string[]
}

export interface AuditRepository {
  /** Appends in order; the store numbers them (seq, id) and links each into the tenant's hash chain. Never changed or deleted. */
  append(tenantId: string, events: AuditDraft[]): Promise<AuditRecord[]>
  /** Newest first: by time, then by number. */
  list(tenantId: string, filter: AuditFilter): Promise<AuditEntry[]>
  /** How many entries match (stopping one past `upTo`). */
  count(tenantId: string, filter: Omit<AuditFilter, 'before' | 'limit'>, upTo: number): Promise<number>
  /** Entries numbered after `afterSeq`, oldest first, with their hashes (for the chain check). */
  chain(tenantId: string, afterSeq: number, limit: number): Promise<AuditRecord[]>
  /** The number the tenant's last entry was given (0 = none yet). */
  lastSeq(tenantId: string): Promise<number>
  facets(tenantId: string): Promise<AuditFacets>
  /**
   * Test controls only, standing for someone with direct access to the storage: changes an entry's reason without
   * re-hashing it, or deletes it. Answers false when there is no such stored entry.
   */
  tamper(tenantId: string, seq: number, change: { kind: 'edit_reason'; reason: string } | { kind: 'delete' }): Promise<boolean>
}

export interface AuditExportRepository {
  save(record: AuditExportRecord): Promise<void>
  get(tenantId: string, exportId: string): Promise<AuditExportRecord | null>
  running(): Promise<AuditExportRecord[]>
  /** Chunk `position` (0-based) of the file; writing the same position again replaces it. */
  saveChunk(tenantId: string, exportId: string, position: number, text: string): Promise<void>
  chunks(tenantId: string, exportId: string): Promise<string[]>
}

export interface AppRepository {
  scopes(): Promise<AppScopeRecord[]>
  list(tenantId: string): Promise<AppRecord[]>
  get(tenantId: string, appId: string): Promise<AppRecord | null>
  save(app: AppRecord): Promise<void>
  delete(tenantId: string, appId: string): Promise<void>
  requests(tenantId: string): Promise<AppRequestRecord[]>
  request(tenantId: string, requestId: string): Promise<AppRequestRecord | null>
  saveRequest(request: AppRequestRecord): Promise<void>
  emergencyStops(tenantId: string): Promise<EmergencyStopRecord[]>
  saveEmergencyStop(stop: EmergencyStopRecord): Promise<void>
}

export interface RetentionRepository {
  get(tenantId: string): Promise<RetentionRecord | null>
  save(record: RetentionRecord): Promise<void>
  /** Newest first. */
  runs(tenantId: string, limit: number): Promise<RetentionRunRecord[]>
  addRun(run: RetentionRunRecord): Promise<void>
  /** Newest first (highest seq). */
  history(tenantId: string, beforeSeq: number | null, limit: number): Promise<RetentionHistoryRecord[]>
  appendHistory(tenantId: string, entries: Omit<RetentionHistoryRecord, 'seq' | 'id' | 'tenantId'>[]): Promise<void>
  holds(tenantId: string): Promise<LegalHoldRecord[]>
  saveHold(hold: LegalHoldRecord): Promise<void>
  /** The tenant's stored-volume model (read-only). */
  volume(tenantId: string): Promise<VolumeModel | null>
}

export type IdempotencyClaim = { state: 'fresh' } | { state: 'replay'; reply: StoredReply } | { state: 'mismatch' }

export interface IdempotencyRepository {
  /**
   * Claims `key` in `scope` (a tenant id, or "platform") for a request with this fingerprint, inside the
   * transaction that makes the change: a concurrent request with the same key waits for it, then replays.
   */
  claim(scope: string, key: string, fingerprint: string, at: string): Promise<IdempotencyClaim>
  /** Remembers the answer of a claimed key (same transaction as the claim). */
  complete(scope: string, key: string, reply: StoredReply): Promise<void>
}

/** Ids for new records: short, unique within the store, readable in logs. */
export interface IdSource {
  next(prefix: string): Promise<string>
}

export interface Transaction {
  readonly tenants: TenantRepository
  readonly members: MemberRepository
  readonly deregistrations: DeregistrationRepository
  readonly kin: KinRepository
  readonly removalJobs: RemovalJobRepository
  readonly access: AccessRepository
  readonly audit: AuditRepository
  readonly auditExports: AuditExportRepository
  readonly apps: AppRepository
  readonly retention: RetentionRepository
  readonly idempotency: IdempotencyRepository
  readonly ids: IdSource
}

export interface TransactionOptions {
  mostlyReads?: boolean
}

export interface GovernanceStore {
  /**
   * Runs `work` in one transaction: everything it wrote is kept only if it returns; a throw undoes it all.
   * `mostlyReads` (GET requests) lets a store use a cheaper isolation that still refuses lost updates.
   */
  transaction<T>(work: (tx: Transaction) => Promise<T>, options?: TransactionOptions): Promise<T>
}

export type { AuditInput }
