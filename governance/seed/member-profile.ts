// The rest of a demo member's profile, and how much data they hold: a pure function of the member record, so
// 100 000 members need no extra storage and every store derives the same values. What changes later (a handover,
// an erasure) is kept in the member's lifecycle record and applied over this.
import type { components } from '@contract/schema.gen'
import type { MemberProfileRecord, MemberRecord } from '../rules/records'
import { int, mulberry32, pick, type Random } from './rng'

type Schemas = components['schemas']
type SeededPlatformProfile = MemberProfileRecord['platform']
type SeededEnterpriseProfile = MemberProfileRecord['enterprise']
type Holdings = MemberProfileRecord['holdings']

interface Flavour {
  company: string
  positions: readonly [string, ...string[]]
  ranks: readonly [string, ...string[]]
  titles: readonly [string, ...string[]]
  places: readonly [string, ...string[]]
  devices: readonly [string, ...string[]]
  cities: readonly [string, ...string[]]
  landlinePrefix: string
  seat: (random: Random) => string
  signature: (name: string, position: string, company: string) => string
}

const ZH: Flavour = {
  company: '上海艾克美科技有限公司',
  positions: ['销售经理', '客户经理', '前端工程师', '后端工程师', '测试工程师', '人事专员', '会计', '法务专员', '市场专员', '客服专员', '运营专员'],
  ranks: ['P4', 'P5', 'P6', 'P7', 'M1', 'M2'],
  titles: ['专员', '高级专员', '主管', '经理', '资深经理'],
  places: ['上海总部 A 座', '上海总部 B 座', '杭州分公司', '苏州办事处', '客户现场'],
  devices: ['iPhone 15', 'HUAWEI Mate 60', 'Xiaomi 14', 'Windows 桌面端', 'macOS 桌面端'],
  cities: ['上海', '杭州', '苏州', '南京', '北京'],
  landlinePrefix: '021-6',
  seat: (random) => `${pick(random, ['A', 'B'] as const)}座 ${int(random, 3, 28)} 层 ${int(random, 1, 80)} 号`,
  signature: (name, position, company) => `${name} | ${position} | ${company}`,
}

const EN: Flavour = {
  company: 'Northwind Logistics Ltd',
  positions: ['Dispatcher', 'Driver', 'Warehouse operative', 'Fleet planner', 'Accountant', 'HR partner', 'Operations lead'],
  ranks: ['Grade 3', 'Grade 4', 'Grade 5', 'Grade 6', 'Manager'],
  titles: ['Associate', 'Senior associate', 'Supervisor', 'Manager'],
  places: ['Leeds depot', 'Bradford warehouse', 'York office', 'Customer site'],
  devices: ['iPhone 15', 'Pixel 8', 'Windows desktop', 'macOS desktop'],
  cities: ['Leeds', 'Bradford', 'York', 'Manchester', 'London'],
  landlinePrefix: '0113 49',
  seat: (random) => `Floor ${int(random, 1, 4)}, desk ${int(random, 1, 120)}`,
  signature: (name, position, company) => `${name} — ${position}, ${company}`,
}

const flavourOf = (tenantId: string): Flavour => (tenantId === 't-acme' ? ZH : EN)

const AVATAR_COLOURS = ['#1d4ed8', '#047857', '#7c3aed', '#b45309', '#be123c', '#0e7490'] as const
const DAY_MS = 86_400_000

/** A stable random stream per member (and per purpose, so adding a field never reshuffles the others). */
function streamFor(member: MemberRecord, purpose: number): Random {
  let h = 0x811c9dc5 ^ purpose
  for (let i = 0; i < member.id.length; i++) h = Math.imul(h ^ member.id.charCodeAt(i), 0x01000193)
  return mulberry32(h >>> 0)
}

export function seededPlatformProfile(member: MemberRecord, nowMs: number): SeededPlatformProfile {
  const random = streamFor(member, 1)
  const flavour = flavourOf(member.tenantId)
  const gender = pick(random, ['female', 'male', 'undisclosed'] as const)
  const wechat = `wx_${member.email.split('@')[0]?.replace(/[^a-z0-9]/gi, '').slice(0, 12) ?? 'user'}${int(random, 10, 99)}`
  const logins: Schemas['MemberLogin'][] = []
  let at = nowMs - int(random, 1, 20) * 3_600_000
  for (let i = 0; i < 3; i++) {
    logins.push({ at: new Date(at).toISOString(), device: pick(random, flavour.devices), place: pick(random, flavour.cities) })
    at -= int(random, 1, 5) * DAY_MS + int(random, 0, 86_399) * 1000
  }
  return {
    name: member.name,
    realName: member.name,
    gender,
    company: flavour.company,
    wechat,
    avatarColor: pick(random, AVATAR_COLOURS),
    recentLogins: member.status === 'active' ? logins : [],
  }
}

export function seededEnterpriseProfile(member: MemberRecord): SeededEnterpriseProfile {
  const random = streamFor(member, 2)
  const flavour = flavourOf(member.tenantId)
  const position = pick(random, flavour.positions)
  return {
    position,
    rank: pick(random, flavour.ranks),
    title: pick(random, flavour.titles),
    landline: `${flavour.landlinePrefix}${String(int(random, 0, 99_999)).padStart(5, '0')}`,
    // No fax is an empty value, not an erased one (null means erased).
    fax: random() < 0.3 ? `${flavour.landlinePrefix}${String(int(random, 0, 99_999)).padStart(5, '0')}` : '',
    officeSeat: flavour.seat(random),
    invoiceTitle: flavour.company,
    workSignature: flavour.signature(member.name, position, flavour.company),
    clockInPlaces: [pick(random, flavour.places), pick(random, flavour.places)].filter((place, index, all) => all.indexOf(place) === index),
  }
}

/** What the member holds besides chat messages and files (those come from the retention volume model). */
export function seededHoldings(member: MemberRecord): Holdings {
  const random = streamFor(member, 3)
  return {
    driveFiles: int(random, 0, 240),
    documents: int(random, 0, 60),
    crmCustomers: int(random, 0, 35),
    approvalsInProgress: int(random, 0, 4),
    approvalRecords: int(random, 3, 180),
    ownedGroups: int(random, 0, 3),
    paidCalls: int(random, 0, 400),
    clockIns: int(random, 40, 900),
  }
}

export const seededProfile = (member: MemberRecord, nowMs: number): MemberProfileRecord => ({
  platform: seededPlatformProfile(member, nowMs),
  enterprise: seededEnterpriseProfile(member),
  holdings: seededHoldings(member),
  arrangement: seededArrangement(member),
})

const ARRANGEMENT_STATEMENTS = {
  all: 'I do not want my personal information disclosed to anyone after my death.',
  some: 'After my death my chats, my WeChat id and my sign-in history are not to be disclosed.',
} as const

/**
 * What the member arranged while alive about their data after death (PIPL art. 49), as the platform recorded it:
 * about one member in twenty forbids every disclosure, one in twenty some categories; the rest arranged nothing.
 */
export function seededArrangement(member: MemberRecord): Schemas['KinArrangement'] | null {
  const random = streamFor(member, 4)
  const draw = random()
  if (draw >= 0.1) return null
  const forbids = draw < 0.05 ? 'all' : 'some'
  return {
    forbids,
    categories: forbids === 'all' ? [] : ['chat_messages', 'wechat', 'login_records'],
    recordedAt: new Date(Date.parse(member.joinedAt) + int(random, 30, 300) * DAY_MS).toISOString(),
    statement: ARRANGEMENT_STATEMENTS[forbids],
  }
}
