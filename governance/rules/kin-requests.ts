// Next-of-kin requests (PIPL art. 49): a near relative of a deceased member asks to view, copy, correct or delete the
// deceased's personal information. The data splits in two and so does the decision (红圈CRM+ 6.4): the platform
// decides the account data it holds, the enterprise's administrator the data the enterprise holds. One state machine:
// received → verifying ⇄ awaiting_requester (clock paused) → verified → decided (both tracks) → fulfilled → closed.
import type { components } from '@contract/schema.gen'
import { conflict, fieldError, RuleError, validation, type FieldError } from './errors'
import type { AuditInput } from './records'

type Schemas = components['schemas']
export type KinTrack = Schemas['KinTrack']
export type KinRight = Schemas['KinRight']
export type KinCategory = Schemas['KinCategory']
export type KinStatus = Schemas['KinStatus']
export type KinSettings = Schemas['KinSettings']
export type KinCorrectableField = Schemas['KinCorrectableField']
type Person = Schemas['RetentionPerson']
type Checklist = Schemas['KinRequest']['checklist']

export const PLATFORM_CATEGORIES: readonly KinCategory[] = ['avatar', 'name', 'real_name', 'gender', 'company', 'wechat', 'phone', 'login_records']
export const ENTERPRISE_CATEGORIES: readonly KinCategory[] = [
  'position', 'department', 'work_email', 'landline', 'fax', 'office_seat', 'invoice_title', 'work_signature', 'org_chart',
  'approvals', 'files', 'documents', 'paid_calls', 'clock_in', 'chat_messages',
]
export const ALL_CATEGORIES: readonly KinCategory[] = [...PLATFORM_CATEGORIES, ...ENTERPRISE_CATEGORIES]
export const trackOf = (category: KinCategory): KinTrack => (PLATFORM_CATEGORIES.includes(category) ? 'platform' : 'enterprise')

/** Which category a correctable profile field belongs to (and so which track decides the correction). */
export const CORRECTION_CATEGORY: Record<KinCorrectableField, KinCategory> = {
  name: 'name',
  realName: 'real_name',
  company: 'company',
  wechat: 'wechat',
  position: 'position',
  rank: 'position',
  title: 'position',
  landline: 'landline',
  fax: 'fax',
  officeSeat: 'office_seat',
  invoiceTitle: 'invoice_title',
  workSignature: 'work_signature',
}

export const DEFAULT_KIN_SETTINGS: KinSettings = { deadlineDays: 15, deadlineUnit: 'calendar', deadlineFrom: 'receipt' }
/** A track is due soon when its deadline is this many days away or fewer. */
export const KIN_DUE_SOON_DAYS = 3
const DAY_MS = 86_400_000

/** An evidence file as the case keeps it: what is shown, and where the bytes are kept (the store's file id). */
export type KinEvidenceRecord = Schemas['KinEvidence'] & { fileId: string }

export interface KinTrackRecord {
  status: Schemas['KinTrackState']['status']
  decisions: Schemas['KinDecisionItem'][]
  decidedAt: string | null
  decidedBy: Person | null
  fulfilledAt: string | null
  fulfilledBy: Person | null
  archive: (NonNullable<Schemas['KinTrackState']['archive']> & { fileId: string }) | null
  corrected: Schemas['KinCorrectionDone'][]
  deleted: KinCategory[]
}

export interface KinRecord {
  id: string
  tenantId: string
  memberId: string
  requester: Schemas['KinRequester']
  rights: KinRight[]
  categories: KinCategory[]
  corrections: Schemas['KinCorrectionAsked'][]
  interest: string
  receivedAt: string
  receivedBy: Person
  status: KinStatus
  /** The tenant's deadline rule when the request was received (a later change does not move this request's deadline). */
  settings: KinSettings
  verifiedAt: string | null
  checklist: Checklist
  evidence: KinEvidenceRecord[]
  assignee: Person | null
  pauses: Schemas['KinPause'][]
  tracks: Record<KinTrack, KinTrackRecord>
  history: Schemas['KinHistoryEntry'][]
  closedAt: string | null
}

/** Who acts: the track follows from the role (support agents are the platform's privacy capacity). */
export interface KinActor {
  person: Person
  track: KinTrack
  now: number
}

const iso = (ms: number) => new Date(ms).toISOString()

// ---- deadlines ----

const isWorkingDay = (ms: number) => {
  const day = new Date(ms).getUTCDay()
  return day !== 0 && day !== 6
}

/** `days` calendar days after `start`, or `days` working days (Monday–Friday, UTC) after it. */
export function addDays(start: number, days: number, unit: KinSettings['deadlineUnit']): number {
  if (unit === 'calendar') return start + days * DAY_MS
  let at = start
  let counted = 0
  while (counted < days) {
    at += DAY_MS
    if (isWorkingDay(at)) counted++
  }
  return at
}

export interface KinDeadline {
  dueAt: string | null
  daysLeft: number | null
  urgency: Schemas['KinTrackState']['urgency']
}

/** Milliseconds the clock stood still (an open pause counts up to `now`). */
export function pausedMs(pauses: readonly Schemas['KinPause'][], now: number): number {
  return pauses.reduce((sum, pause) => sum + Math.max(0, (pause.to === null ? now : Date.parse(pause.to)) - Date.parse(pause.from)), 0)
}

/**
 * A track's deadline: the rule's days from receipt (or from verification: no deadline before it), moved on by
 * every pause. While paused, the days left stand still at what they were when the pause began.
 */
export function trackDeadline(request: KinRecord, track: KinTrack, now: number): KinDeadline {
  const state = request.tracks[track]
  if (state.status === 'not_asked' || state.status === 'fulfilled' || request.status === 'closed') return { dueAt: null, daysLeft: null, urgency: null }
  const { settings } = request
  const start = settings.deadlineFrom === 'receipt' ? Date.parse(request.receivedAt) : request.verifiedAt === null ? null : Date.parse(request.verifiedAt)
  if (start === null) return { dueAt: null, daysLeft: null, urgency: null }
  const open = request.pauses.find((pause) => pause.to === null)
  // Only pauses after the clock started move the deadline; an ongoing one moves it by as long as it has lasted so far.
  const counted = request.pauses.filter((pause) => Date.parse(pause.from) >= start)
  const settled = addDays(start, settings.deadlineDays, settings.deadlineUnit) + pausedMs(counted.filter((pause) => pause.to !== null), now)
  const due = settled + (open ? Math.max(0, now - Date.parse(open.from)) : 0)
  // While paused the days left stand still at what they were when the pause began.
  const daysLeft = Math.ceil((settled - (open ? Date.parse(open.from) : now)) / DAY_MS) || 0
  const urgency = open ? 'paused' : due < now ? 'overdue' : due - now <= KIN_DUE_SOON_DAYS * DAY_MS ? 'due_soon' : 'on_time'
  return { dueAt: iso(due), daysLeft, urgency }
}

// ---- intake ----

const emptyTrack = (asked: boolean): KinTrackRecord => ({
  status: asked ? 'pending' : 'not_asked',
  decisions: [],
  decidedAt: null,
  decidedBy: null,
  fulfilledAt: null,
  fulfilledBy: null,
  archive: null,
  corrected: [],
  deleted: [],
})

export interface KinIntake {
  id: string
  tenantId: string
  memberId: string
  memberName: string
  input: Schemas['KinRequestInput']
  settings: KinSettings
  /** An agent who logs a request is assigned to it. */
  assignToCaller: boolean
}

const audit = (request: KinRecord, memberName: string, action: string, after: unknown, reason: string | null = null): AuditInput => ({
  action,
  targetType: 'kin_request',
  targetId: request.id,
  targetName: memberName,
  before: null,
  after,
  reason,
})

export function receiveKinRequest(intake: KinIntake, actor: KinActor): { request: KinRecord; audit: AuditInput[] } {
  const { input } = intake
  const errors: FieldError[] = []
  const corrections = input.corrections ?? []
  if (input.rights.includes('correct') && corrections.length === 0) {
    errors.push(fieldError('corrections', 'required', 'Say what to correct: a field and its correct value.'))
  }
  if (!input.rights.includes('correct') && corrections.length > 0) {
    errors.push(fieldError('corrections', 'invalid', 'Corrections are only asked for with the correct right.'))
  }
  corrections.forEach((correction, index) => {
    if (!input.categories.includes(CORRECTION_CATEGORY[correction.field])) {
      errors.push(fieldError(`corrections/${index}/field`, 'invalid', `Ask for the ${CORRECTION_CATEGORY[correction.field]} category to correct ${correction.field}.`))
    }
  })
  if (new Set(input.rights).size !== input.rights.length) errors.push(fieldError('rights', 'duplicate', 'Name each right once.'))
  if (new Set(input.categories).size !== input.categories.length) errors.push(fieldError('categories', 'duplicate', 'Name each category once.'))
  const receivedAt = input.receivedAt === undefined ? actor.now : Date.parse(input.receivedAt)
  if (receivedAt > actor.now) errors.push(fieldError('receivedAt', 'invalid', 'A request cannot be received in the future.'))
  if (input.interest.trim() === '') errors.push(fieldError('interest', 'required', 'State the requester\'s interest.'))
  if (input.requester.name.trim() === '') errors.push(fieldError('requester/name', 'required', 'Name the requester.'))
  if (errors.length > 0) throw validation(errors)
  const categories = ALL_CATEGORIES.filter((category) => input.categories.includes(category))
  const at = iso(actor.now)
  const request: KinRecord = {
    id: intake.id,
    tenantId: intake.tenantId,
    memberId: intake.memberId,
    requester: { ...input.requester, name: input.requester.name.trim(), contact: input.requester.contact.trim() },
    rights: (['view', 'copy', 'correct', 'delete'] as const).filter((right) => input.rights.includes(right)),
    categories,
    corrections: corrections.map((correction) => ({ field: correction.field, after: correction.after.trim() })),
    interest: input.interest.trim(),
    receivedAt: iso(receivedAt),
    receivedBy: actor.person,
    status: 'received',
    settings: intake.settings,
    verifiedAt: null,
    checklist: { death_certificate: false, relationship_proof: false, requester_id: false },
    evidence: [],
    assignee: intake.assignToCaller ? actor.person : null,
    pauses: [],
    tracks: {
      platform: emptyTrack(categories.some((category) => trackOf(category) === 'platform')),
      enterprise: emptyTrack(categories.some((category) => trackOf(category) === 'enterprise')),
    },
    history: [{ at, by: actor.person, event: 'received', note: null }],
    closedAt: null,
  }
  return {
    request,
    audit: [audit(request, intake.memberName, 'kin_request.received', { rights: request.rights, categories, requester: request.requester.relationship })],
  }
}

// ---- the state machine ----

/** What each step may start from. */
export const KIN_TRANSITIONS = {
  addEvidence: ['received', 'verifying', 'awaiting_requester'],
  checklist: ['received', 'verifying'],
  requestInformation: ['received', 'verifying'],
  receiveInformation: ['awaiting_requester'],
  decide: ['verified', 'decided', 'verifying'],
  // Each track carries out its own part once decided, whether or not the other track has decided yet.
  fulfil: ['verifying', 'verified', 'decided'],
  close: ['fulfilled'],
  assign: ['received', 'verifying', 'awaiting_requester', 'verified', 'decided', 'fulfilled'],
} as const satisfies Record<string, readonly KinStatus[]>

export type KinStep = keyof typeof KIN_TRANSITIONS

const STEP_WORDS: Record<KinStep, string> = {
  addEvidence: 'add evidence',
  checklist: 'change the evidence checklist',
  requestInformation: 'ask the requester for more information',
  receiveInformation: 'record the requester\'s answer',
  decide: 'decide',
  fulfil: 'fulfil',
  close: 'close',
  assign: 'take',
}

export function assertStep(request: KinRecord, step: KinStep): void {
  if (!(KIN_TRANSITIONS[step] as readonly KinStatus[]).includes(request.status)) {
    throw conflict(`A request that is ${request.status.replace('_', ' ')} cannot ${STEP_WORDS[step]} now.`, { status: request.status })
  }
}

const withHistory = (request: KinRecord, actor: KinActor, event: Schemas['KinHistoryEntry']['event'], note: string | null = null, track?: KinTrack): KinRecord => ({
  ...request,
  history: [...request.history, { at: iso(actor.now), by: actor.person, event, note, ...(track ? { track } : {}) }],
})

export function addEvidence(request: KinRecord, evidence: KinEvidenceRecord, actor: KinActor, memberName: string): { request: KinRecord; audit: AuditInput[] } {
  assertStep(request, 'addEvidence')
  const next = withHistory({ ...request, evidence: [...request.evidence, evidence] }, actor, 'evidence_added', evidence.fileName)
  return { request: next, audit: [audit(request, memberName, 'kin_request.evidence_added', { kind: evidence.kind, fileName: evidence.fileName, size: evidence.size })] }
}

export function updateChecklist(
  request: KinRecord,
  input: Schemas['KinVerificationInput'],
  actor: KinActor,
  memberName: string,
): { request: KinRecord; audit: AuditInput[] } {
  assertStep(request, 'checklist')
  const missing = (Object.keys(input.checklist) as (keyof Checklist)[]).filter((item) => !input.checklist[item])
  if (input.verified && missing.length > 0) {
    throw validation(missing.map((item) => fieldError(`checklist/${item}`, 'required', 'Check every piece of evidence before verifying.')))
  }
  if (input.verified && request.evidence.length === 0) throw validation([fieldError('evidence', 'required', 'Add the evidence files before verifying.')])
  let next: KinRecord = { ...request, checklist: { ...input.checklist }, status: 'verifying' }
  next = withHistory(next, actor, 'checklist_changed')
  const inputs = [audit(request, memberName, 'kin_request.checklist_changed', { checklist: input.checklist })]
  if (input.verified) {
    next = withHistory({ ...next, status: 'verified', verifiedAt: iso(actor.now) }, actor, 'verified')
    inputs.push(audit(request, memberName, 'kin_request.verified', { status: 'verified' }))
  }
  return { request: next, audit: inputs }
}

export function requestInformation(request: KinRecord, note: string, actor: KinActor, memberName: string): { request: KinRecord; audit: AuditInput[] } {
  assertStep(request, 'requestInformation')
  const next = withHistory({ ...request, status: 'awaiting_requester', pauses: [...request.pauses, { from: iso(actor.now), to: null, note }] }, actor, 'information_requested', note)
  return { request: next, audit: [audit(request, memberName, 'kin_request.information_requested', { status: 'awaiting_requester', clock: 'paused' }, note)] }
}

export function receiveInformation(request: KinRecord, note: string, actor: KinActor, memberName: string): { request: KinRecord; audit: AuditInput[] } {
  assertStep(request, 'receiveInformation')
  const pauses = request.pauses.map((pause) => (pause.to === null ? { ...pause, to: iso(actor.now) } : pause))
  const next = withHistory({ ...request, status: 'verifying', pauses }, actor, 'information_received', note)
  return { request: next, audit: [audit(request, memberName, 'kin_request.information_received', { status: 'verifying', clock: 'running' }, note)] }
}

export function assignRequest(request: KinRecord, actor: KinActor, memberName: string): { request: KinRecord; audit: AuditInput[] } {
  if (actor.track !== 'platform') throw wrongTrack('Only platform support agents take requests.')
  assertStep(request, 'assign')
  if (request.assignee?.id === actor.person.id) return { request, audit: [] }
  const next = withHistory({ ...request, assignee: actor.person }, actor, 'assigned', request.assignee ? `from ${request.assignee.name}` : null)
  return { request: next, audit: [audit(request, memberName, 'kin_request.assigned', { assignee: actor.person.name })] }
}

/** The request's status follows its tracks: fulfilled when both are done, decided when neither waits for a decision. */
export function overallStatus(tracks: Record<KinTrack, KinTrackRecord>, current: KinStatus): KinStatus {
  const states = [tracks.platform.status, tracks.enterprise.status]
  if (states.every((state) => state === 'fulfilled' || state === 'not_asked')) return 'fulfilled'
  if (states.every((state) => state !== 'pending')) return 'decided'
  return current
}

export const wrongTrack = (detail: string): RuleError => new RuleError({ kind: 'wrong-track', title: 'Not your track', detail })

/** The (right, category) pairs a track must decide: every right asked for on every category it holds; correct only where a correction is asked. */
export function pairsToDecide(request: KinRecord, track: KinTrack): { right: KinRight; category: KinCategory }[] {
  const categories = request.categories.filter((category) => trackOf(category) === track)
  const corrected = new Set(request.corrections.map((correction) => CORRECTION_CATEGORY[correction.field]))
  return request.rights.flatMap((right) =>
    categories.filter((category) => right !== 'correct' || corrected.has(category)).map((category) => ({ right, category })),
  )
}

/** What the deceased's arrangement keeps from disclosure and change: every category, some, or none. */
export const forbiddenByArrangement = (arrangement: Schemas['KinArrangement'] | null, category: KinCategory): boolean =>
  arrangement !== null && (arrangement.forbids === 'all' || arrangement.categories.includes(category))

export interface DecisionContext {
  arrangement: Schemas['KinArrangement'] | null
  /** A legal hold keeps the member's data (deletion cannot be approved). */
  underLegalHold: boolean
}

export function decideTrack(
  request: KinRecord,
  input: Schemas['KinDecisionInput'],
  context: DecisionContext,
  actor: KinActor,
  memberName: string,
): { request: KinRecord; audit: AuditInput[] } {
  const { track } = actor
  const foreign = input.items.find((item) => trackOf(item.category) !== track)
  if (foreign) {
    throw wrongTrack(
      track === 'platform'
        ? `${foreign.category} is held by the enterprise: its administrator decides it.`
        : `${foreign.category} is account data the platform holds: a platform support agent decides it.`,
    )
  }
  assertStep(request, 'decide')
  const state = request.tracks[track]
  if (state.status === 'not_asked') throw conflict(`This request asks for nothing the ${track} holds.`)
  if (state.status !== 'pending') throw conflict(`The ${track} part of this request was already decided.`, { status: state.status })
  const asked = pairsToDecide(request, track)
  const key = (pair: { right: string; category: string }) => `${pair.right}/${pair.category}`
  const given = new Map<string, Schemas['KinDecisionItem']>()
  const errors: FieldError[] = []
  input.items.forEach((item, index) => {
    if (given.has(key(item))) errors.push(fieldError(`items/${index}`, 'duplicate', `${item.right} of ${item.category} is decided twice.`))
    given.set(key(item), item)
    if (!asked.some((pair) => key(pair) === key(item))) errors.push(fieldError(`items/${index}`, 'invalid', `The request does not ask to ${item.right} ${item.category}.`))
    if (item.outcome === 'refused' && item.ground === undefined) errors.push(fieldError(`items/${index}/ground`, 'required', 'A refusal states its ground.'))
    if (item.outcome === 'approved' && item.ground !== undefined) errors.push(fieldError(`items/${index}/ground`, 'invalid', 'An approval has no refusal ground.'))
  })
  for (const pair of asked) if (!given.has(key(pair))) errors.push(fieldError('items', 'missing', `Decide ${pair.right} of ${pair.category}.`, { right: pair.right, category: pair.category }))
  if (errors.length > 0) throw validation(errors)
  const approved = input.items.filter((item) => item.outcome === 'approved')
  if (request.status === 'verifying' && approved.length > 0) throw conflict('Verify the evidence before approving anything; until then a request can only be refused.', { status: request.status })
  const forbidden = approved.find((item) => forbiddenByArrangement(context.arrangement, item.category))
  if (forbidden) {
    throw new RuleError({
      kind: 'deceased-arrangement',
      title: 'The deceased arranged otherwise',
      detail: `The deceased's recorded arrangement forbids disclosing or changing ${forbidden.category}; refuse it on that ground.`,
      extra: { category: forbidden.category },
    })
  }
  if (context.underLegalHold && approved.some((item) => item.right === 'delete')) {
    throw new RuleError({
      kind: 'legal-hold',
      title: 'A legal hold keeps this data',
      detail: 'The member is under a legal hold: deletion cannot be approved until it is released; refuse it on the statutory retention or legal hold ground.',
    })
  }
  const decisions = asked.map((pair) => given.get(key(pair)) as Schemas['KinDecisionItem'])
  const at = iso(actor.now)
  const tracks = { ...request.tracks, [track]: { ...state, status: 'decided' as const, decisions, decidedAt: at, decidedBy: actor.person } }
  const next = withHistory({ ...request, tracks, status: overallStatus(tracks, request.status) }, actor, 'decided', input.note?.trim() || null, track)
  return {
    request: next,
    audit: [
      audit(request, memberName, 'kin_request.decided', {
        track,
        approved: approved.map(key),
        refused: decisions.filter((item) => item.outcome === 'refused').map((item) => `${key(item)}: ${item.ground}`),
      }, input.note?.trim() || null),
    ],
  }
}

/** What a track's fulfilment does, worked out from its approvals. */
export interface FulfilmentPlan {
  /** Categories approved for view or copy: the archive's contents. */
  disclose: KinCategory[]
  /** Corrections approved (their category approved for correct). */
  correct: Schemas['KinCorrectionAsked'][]
  /** Categories approved for deletion. */
  erase: KinCategory[]
}

export function fulfilmentPlan(request: KinRecord, track: KinTrack): FulfilmentPlan {
  const approved = request.tracks[track].decisions.filter((item) => item.outcome === 'approved')
  const with_ = (rights: readonly KinRight[]) => ALL_CATEGORIES.filter((category) => approved.some((item) => item.category === category && rights.includes(item.right)))
  const correctable = new Set(with_(['correct']))
  return {
    disclose: with_(['view', 'copy']),
    correct: request.corrections.filter((correction) => correctable.has(CORRECTION_CATEGORY[correction.field])),
    erase: with_(['delete']),
  }
}

export function fulfilTrack(
  request: KinRecord,
  done: Pick<KinTrackRecord, 'archive' | 'corrected' | 'deleted'>,
  actor: KinActor,
  memberName: string,
): { request: KinRecord; audit: AuditInput[] } {
  const { track } = actor
  assertStep(request, 'fulfil')
  const state = request.tracks[track]
  if (state.status !== 'decided') throw conflict(state.status === 'fulfilled' ? `The ${track} part was already fulfilled.` : `The ${track} part has nothing to fulfil.`, { status: state.status })
  const at = iso(actor.now)
  const tracks = { ...request.tracks, [track]: { ...state, ...done, status: 'fulfilled' as const, fulfilledAt: at, fulfilledBy: actor.person } }
  const next = withHistory({ ...request, tracks, status: overallStatus(tracks, request.status) }, actor, 'fulfilled', null, track)
  return {
    request: next,
    audit: [
      audit(request, memberName, 'kin_request.fulfilled', {
        track,
        archive: done.archive ? done.archive.categories : [],
        corrected: done.corrected.map((change) => change.field),
        deleted: done.deleted,
      }),
    ],
  }
}

/** A track refused everything: deciding it fulfils it too (nothing to do). */
export const nothingApproved = (request: KinRecord, track: KinTrack): boolean =>
  request.tracks[track].status === 'decided' && request.tracks[track].decisions.every((item) => item.outcome === 'refused')

export function closeRequest(request: KinRecord, actor: KinActor, memberName: string): { request: KinRecord; audit: AuditInput[] } {
  assertStep(request, 'close')
  const at = iso(actor.now)
  const next = withHistory({ ...request, status: 'closed', closedAt: at }, actor, 'closed', `reply letter (${request.requester.language})`)
  return { request: next, audit: [audit(request, memberName, 'kin_request.closed', { status: 'closed', letter: request.requester.language })] }
}
