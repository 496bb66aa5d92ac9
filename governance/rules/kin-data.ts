// The deceased's data per next-of-kin category: what a track shows its decider, what goes in the requester's archive
// (zip: data.json plus one CSV per category, other people's data redacted), and how approved corrections and
// deletions change the member as every screen shows it.
import { strToU8, zipSync } from 'fflate'
import type { components } from '@contract/schema.gen'
import { trackOf, type KinCategory, type KinCorrectableField, type KinRecord, type KinTrack } from './kin-requests'
import type { KinChanges, MemberProfileRecord, MemberRecord } from './records'

type Schemas = components['schemas']

export const noKinChanges = (): KinChanges => ({ corrections: {}, deleted: [] })

type Holdings = Schemas['MemberHoldings']

/** The member detail's profile and holdings with next-of-kin corrections applied and deleted categories gone. */
export function applyKinChanges(
  detail: { platformProfile: Schemas['MemberPlatformProfile']; enterpriseProfile: Schemas['MemberEnterpriseProfile']; holdings: Holdings },
  changes: KinChanges | undefined,
): typeof detail {
  if (!changes) return detail
  const platform = { ...detail.platformProfile }
  const enterprise = { ...detail.enterpriseProfile }
  const holdings = { ...detail.holdings }
  const { corrections } = changes
  if (corrections.name !== undefined && platform.name !== null) platform.name = corrections.name
  if (corrections.realName !== undefined && platform.realName !== null) platform.realName = corrections.realName
  if (corrections.company !== undefined && platform.company !== null) platform.company = corrections.company
  // A corrected WeChat id is applied before masking (memberDetail), never here over a masked one.
  for (const field of ['position', 'rank', 'title', 'landline', 'fax', 'officeSeat', 'invoiceTitle', 'workSignature'] as const) {
    const value = corrections[field]
    if (value !== undefined && enterprise[field] !== null) enterprise[field] = value
  }
  for (const category of changes.deleted) {
    switch (category) {
      case 'avatar': platform.avatarColor = null; break
      case 'name': platform.name = null; break
      case 'real_name': platform.realName = null; break
      case 'gender': platform.gender = null; break
      case 'company': platform.company = null; break
      case 'wechat': platform.wechat = null; break
      case 'phone': platform.phoneMasked = null; break
      case 'login_records': platform.recentLogins = []; break
      case 'position': enterprise.position = null; enterprise.rank = null; enterprise.title = null; break
      case 'department': enterprise.departmentName = null; break
      case 'work_email': enterprise.workEmail = null; break
      case 'landline': enterprise.landline = null; break
      case 'fax': enterprise.fax = null; break
      case 'office_seat': enterprise.officeSeat = null; break
      case 'invoice_title': enterprise.invoiceTitle = null; break
      case 'work_signature': enterprise.workSignature = null; break
      case 'org_chart': enterprise.reportsTo = null; break
      case 'approvals': holdings.approvalRecords = 0; holdings.approvalsInProgress = 0; break
      case 'files': holdings.driveFiles = 0; break
      case 'documents': holdings.documents = 0; break
      case 'paid_calls': holdings.paidCalls = 0; break
      case 'clock_in': holdings.clockIns = 0; enterprise.clockInPlaces = []; break
      case 'chat_messages': holdings.messages = 0; holdings.files = 0; break
    }
  }
  return { platformProfile: platform, enterpriseProfile: enterprise, holdings }
}

/** Everything the deceased's data is built from, unmasked (only ever inside a case). */
export interface KinSource {
  member: MemberRecord
  profile: MemberProfileRecord
  changes: KinChanges | undefined
  /** The profile as the member detail shows it, after erasure and next-of-kin changes (null = gone). */
  current: { platformProfile: Schemas['MemberPlatformProfile']; enterpriseProfile: Schemas['MemberEnterpriseProfile']; holdings: Holdings }
}

type Row = Record<string, string | number>

/** A stable pseudo-random stream per member and purpose (records that exist only as counts in the demo stores). */
function stream(seed: string, purpose: number): () => number {
  let h = 0x811c9dc5 ^ purpose
  for (let i = 0; i < seed.length; i++) h = Math.imul(h ^ seed.charCodeAt(i), 0x01000193)
  let state = h >>> 0
  return () => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296
  }
}

const DAY_MS = 86_400_000
/** Chat lines in one archive: the most recent ones (the archive says how many there are in all). */
export const ARCHIVE_MESSAGE_LIMIT = 2_000
export const REDACTED = '[redacted: another person’s data]'

function items(source: KinSource, purpose: number, count: number, make: (index: number, random: () => number, at: string) => Row): Row[] {
  const random = stream(source.member.id, purpose)
  const end = Date.parse(source.member.joinedAt) + 400 * DAY_MS
  return Array.from({ length: count }, (_, index) => make(index, random, new Date(end - Math.floor(random() * 380) * DAY_MS).toISOString()))
}

/** One category's data: a value (string, or null when deleted) or rows. */
export function categoryData(category: KinCategory, source: KinSource): string | null | Row[] {
  const { platformProfile: platform, enterpriseProfile: enterprise, holdings } = source.current
  switch (category) {
    case 'avatar': return platform.avatarColor
    case 'name': return platform.name
    case 'real_name': return platform.realName
    case 'gender': return platform.gender
    case 'company': return platform.company
    case 'wechat': return platform.wechat
    case 'phone': return platform.phoneMasked === null ? null : source.member.phone
    case 'login_records': return platform.recentLogins.map((login) => ({ at: login.at, device: login.device, place: login.place }))
    case 'position': return enterprise.position === null ? null : `${enterprise.position} · ${enterprise.rank ?? ''} · ${enterprise.title ?? ''}`
    case 'department': return enterprise.departmentName
    case 'work_email': return enterprise.workEmail
    case 'landline': return enterprise.landline
    case 'fax': return enterprise.fax
    case 'office_seat': return enterprise.officeSeat
    case 'invoice_title': return enterprise.invoiceTitle
    case 'work_signature': return enterprise.workSignature
    case 'org_chart': return enterprise.reportsTo
    case 'approvals':
      return items(source, 11, holdings.approvalRecords, (index, random, at) => ({
        id: `AP-${String(index + 1).padStart(4, '0')}`,
        kind: ['leave', 'expense', 'purchase', 'contract'][Math.floor(random() * 4)] ?? 'leave',
        submittedAt: at,
        result: random() < 0.9 ? 'approved' : 'rejected',
      }))
    case 'files':
      return items(source, 12, holdings.driveFiles, (index, random, at) => ({ name: `file-${index + 1}.${['docx', 'xlsx', 'pdf', 'png'][Math.floor(random() * 4)]}`, bytes: Math.floor(random() * 4_000_000), modifiedAt: at }))
    case 'documents':
      return items(source, 13, holdings.documents, (index, _random, at) => ({ title: `Document ${index + 1}`, editedAt: at }))
    case 'paid_calls':
      return items(source, 14, holdings.paidCalls, (_index, random, at) => ({ at, minutes: 1 + Math.floor(random() * 40), counterpart: REDACTED }))
    case 'clock_in':
      return items(source, 15, holdings.clockIns, (_index, random, at) => ({ at, place: enterprise.clockInPlaces[Math.floor(random() * enterprise.clockInPlaces.length)] ?? '' }))
    case 'chat_messages':
      // The other side of every chat is someone else's personal data: it never leaves the platform.
      return items(source, 16, Math.min(holdings.messages, ARCHIVE_MESSAGE_LIMIT), (index, random, at) => {
        const own = random() < 0.5
        return { at, from: own ? (source.profile.platform.name ?? '') : REDACTED, text: own ? `Message ${index + 1} by the deceased` : REDACTED }
      })
  }
}

/** The deceased's data on one track, as a decider sees it in the case (rows shown as their count). */
export function trackData(track: KinTrack, categories: readonly KinCategory[], source: KinSource): Record<string, string | null | string[]> {
  const data: Record<string, string | null | string[]> = {}
  for (const category of categories) {
    if (trackOf(category) !== track) continue
    const value = categoryData(category, source)
    data[category] = Array.isArray(value) ? value.slice(0, 5).map((row) => Object.values(row).join(' · ')).concat(value.length > 5 ? [`… ${value.length} in all`] : []) : value
  }
  return data
}

const csvCell = (value: string | number): string => {
  const text = String(value)
  // Formula-looking cells are defused so a spreadsheet never runs them.
  const safe = /^[=+\-@\t\r]/.test(text) ? `'${text}` : text
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe
}

function csvOf(value: string | null | Row[]): string {
  if (!Array.isArray(value)) return `value\r\n${csvCell(value ?? '')}\r\n`
  const columns = value.length > 0 ? Object.keys(value[0] as Row) : ['value']
  return [columns.join(','), ...value.map((row) => columns.map((column) => csvCell(row[column] ?? '')).join(','))].join('\r\n') + '\r\n'
}

/** The requester's archive of exactly `categories`: data.json and one CSV per category (UTF-8 with BOM for spreadsheets). */
export function buildArchive(request: KinRecord, track: KinTrack, categories: readonly KinCategory[], source: KinSource, now: number): Uint8Array {
  const data: Record<string, string | null | Row[]> = {}
  for (const category of categories) data[category] = categoryData(category, source)
  const files: Record<string, Uint8Array> = {
    'data.json': strToU8(
      JSON.stringify(
        {
          request: request.id,
          track,
          generatedAt: new Date(now).toISOString(),
          deceased: source.member.name,
          requester: { name: request.requester.name, relationship: request.requester.relationship },
          categories,
          note: `Other people's personal data is redacted as "${REDACTED}". Chat messages: the most recent ${ARCHIVE_MESSAGE_LIMIT} at most (of ${source.current.holdings.messages}).`,
          data,
        },
        null,
        2,
      ),
    ),
  }
  for (const category of categories) files[`${category}.csv`] = strToU8(`\uFEFF${csvOf(data[category] ?? null)}`)
  return zipSync(files, { level: 6, mtime: new Date(now) })
}

/** The value a correction replaces (for before → after). */
export function correctionBefore(field: KinCorrectableField, source: KinSource): string | null {
  const { platformProfile: platform, enterpriseProfile: enterprise } = source.current
  switch (field) {
    case 'name': return platform.name
    case 'realName': return platform.realName
    case 'company': return platform.company
    case 'wechat': return platform.wechat
    default: return enterprise[field]
  }
}

