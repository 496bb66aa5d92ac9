// Deterministic demo members: member N of a tenant is a pure function of (tenant, N, seed), so 100 000 of them need no storage.
import type { DepartmentRecord, MemberRecord } from '../rules/records'
import { int, mulberry32, pick, pickWeighted, seedFor, type Random } from './rng'

/** Every generated date is relative to the scenario epoch so data never depends on when it is generated. */
export const MOCK_EPOCH_ISO = '2026-11-20T01:00:00.000Z'
const EPOCH_MS = Date.parse(MOCK_EPOCH_ISO)
const DAY_MS = 86_400_000

type Seeded<T> = readonly [T, ...T[]]
type DepartmentSeed = Omit<DepartmentRecord, 'tenantId'>
interface FixedMember {
  name: string
  emailLocal: string
  departmentId: string
}
interface TenantProfile {
  emailDomain: string
  employeePrefix: string
  departments: Seeded<DepartmentSeed>
  /** Where generated members land, with relative head-counts. */
  placement: Seeded<readonly [string, number]>
  /** Members with fixed identities (the personas), by index. */
  fixed: Readonly<Record<number, FixedMember>>
  personName: (random: Random) => { name: string; emailLocal: string }
}

const SURNAMES: Seeded<readonly [string, string]> = [
  ['王', 'wang'], ['李', 'li'], ['张', 'zhang'], ['刘', 'liu'], ['陈', 'chen'], ['杨', 'yang'], ['黄', 'huang'],
  ['赵', 'zhao'], ['吴', 'wu'], ['周', 'zhou'], ['徐', 'xu'], ['孙', 'sun'], ['马', 'ma'], ['朱', 'zhu'],
  ['胡', 'hu'], ['郭', 'guo'], ['何', 'he'], ['高', 'gao'], ['林', 'lin'], ['罗', 'luo'], ['郑', 'zheng'],
  ['梁', 'liang'], ['谢', 'xie'], ['宋', 'song'], ['唐', 'tang'], ['许', 'xu'], ['韩', 'han'], ['冯', 'feng'],
  ['邓', 'deng'], ['曹', 'cao'], ['彭', 'peng'], ['曾', 'zeng'], ['肖', 'xiao'], ['田', 'tian'], ['董', 'dong'],
  ['袁', 'yuan'], ['潘', 'pan'], ['蒋', 'jiang'], ['蔡', 'cai'], ['余', 'yu'], ['杜', 'du'], ['叶', 'ye'],
  ['程', 'cheng'], ['苏', 'su'], ['魏', 'wei'], ['吕', 'lv'], ['丁', 'ding'], ['沈', 'shen'], ['姚', 'yao'],
  ['卢', 'lu'], ['姜', 'jiang'], ['崔', 'cui'], ['钟', 'zhong'], ['陆', 'lu'], ['汪', 'wang'], ['范', 'fan'],
]
const GIVEN: Seeded<readonly [string, string]> = [
  ['伟', 'wei'], ['芳', 'fang'], ['娜', 'na'], ['敏', 'min'], ['静', 'jing'], ['丽', 'li'], ['强', 'qiang'],
  ['磊', 'lei'], ['军', 'jun'], ['洋', 'yang'], ['勇', 'yong'], ['艳', 'yan'], ['杰', 'jie'], ['娟', 'juan'],
  ['涛', 'tao'], ['明', 'ming'], ['超', 'chao'], ['秀', 'xiu'], ['霞', 'xia'], ['平', 'ping'], ['刚', 'gang'],
  ['英', 'ying'], ['华', 'hua'], ['玉', 'yu'], ['红', 'hong'], ['建', 'jian'], ['文', 'wen'], ['辉', 'hui'],
  ['鹏', 'peng'], ['宇', 'yu'], ['浩', 'hao'], ['晨', 'chen'], ['欣', 'xin'], ['怡', 'yi'], ['婷', 'ting'],
  ['雪', 'xue'], ['琳', 'lin'], ['博', 'bo'], ['子', 'zi'], ['涵', 'han'], ['思', 'si'], ['雨', 'yu'],
  ['嘉', 'jia'], ['俊', 'jun'], ['凯', 'kai'], ['志', 'zhi'], ['海', 'hai'], ['佳', 'jia'], ['梦', 'meng'],
]
const FIRST_NAMES: Seeded<string> = [
  'James', 'Olivia', 'Harry', 'Amelia', 'George', 'Isla', 'Noah', 'Ava', 'Jack', 'Mia', 'Leo', 'Grace',
  'Oscar', 'Freya', 'Charlie', 'Lily', 'Thomas', 'Emily', 'Henry', 'Sophie', 'Arthur', 'Ella', 'William',
  'Chloe', 'Samuel', 'Ruby', 'Daniel', 'Evie', 'Joseph', 'Alice',
]
const LAST_NAMES: Seeded<string> = [
  'Smith', 'Jones', 'Taylor', 'Brown', 'Williams', 'Wilson', 'Johnson', 'Davies', 'Patel', 'Robinson',
  'Wright', 'Thompson', 'Evans', 'Walker', 'White', 'Roberts', 'Green', 'Hall', 'Wood', 'Jackson', 'Clarke',
  'Hughes', 'Edwards', 'Turner', 'Hill', 'Moore', 'Cooper', 'Ward', 'Morris', 'King',
]
const MOBILE_PREFIXES: Seeded<string> = [
  '130', '131', '132', '133', '135', '136', '137', '138', '139', '150', '151', '152', '155', '156', '157',
  '158', '159', '166', '176', '177', '180', '181', '182', '183', '185', '186', '187', '188', '189', '199',
]

const ACME: TenantProfile = {
  emailDomain: 'acme.example',
  employeePrefix: 'AC',
  departments: [
    { id: 'd-acme-ceo', name: '总裁办', parentId: null },
    { id: 'd-acme-sales', name: '销售部', parentId: null },
    { id: 'd-acme-sales-east', name: '华东销售', parentId: 'd-acme-sales' },
    { id: 'd-acme-sales-south', name: '华南销售', parentId: 'd-acme-sales' },
    { id: 'd-acme-rd', name: '研发中心', parentId: null },
    { id: 'd-acme-rd-fe', name: '前端组', parentId: 'd-acme-rd' },
    { id: 'd-acme-rd-be', name: '后端组', parentId: 'd-acme-rd' },
    { id: 'd-acme-rd-qa', name: '测试组', parentId: 'd-acme-rd' },
    { id: 'd-acme-hr', name: '人力资源部', parentId: null },
    { id: 'd-acme-finance', name: '财务部', parentId: null },
    { id: 'd-acme-legal', name: '法务部', parentId: null },
    { id: 'd-acme-marketing', name: '市场部', parentId: null },
    { id: 'd-acme-cs', name: '客户服务部', parentId: null },
    { id: 'd-acme-ops', name: '运营部', parentId: null },
  ],
  placement: [
    ['d-acme-ceo', 1], ['d-acme-sales', 1], ['d-acme-sales-east', 9], ['d-acme-sales-south', 8],
    ['d-acme-rd', 1], ['d-acme-rd-fe', 6], ['d-acme-rd-be', 8], ['d-acme-rd-qa', 4], ['d-acme-hr', 3],
    ['d-acme-finance', 3], ['d-acme-legal', 1], ['d-acme-marketing', 4], ['d-acme-cs', 10], ['d-acme-ops', 5],
  ],
  fixed: {
    0: { name: '王芳', emailLocal: 'wang.fang', departmentId: 'd-acme-ceo' },
    1: { name: '陈静', emailLocal: 'chen.jing', departmentId: 'd-acme-hr' },
  },
  personName(random) {
    const [surname, surnamePinyin] = pick(random, SURNAMES)
    const first = pick(random, GIVEN)
    const second = random() < 0.6 ? pick(random, GIVEN) : null
    const given = first[0] + (second ? second[0] : '')
    const givenPinyin = first[1] + (second ? second[1] : '')
    return { name: surname + given, emailLocal: `${givenPinyin}.${surnamePinyin}` }
  },
}

const NORTHWIND: TenantProfile = {
  emailDomain: 'northwind.example',
  employeePrefix: 'NW',
  departments: [
    { id: 'd-northwind-ops', name: 'Operations', parentId: null },
    { id: 'd-northwind-fleet', name: 'Fleet', parentId: null },
    { id: 'd-northwind-warehouse', name: 'Warehouse', parentId: null },
    { id: 'd-northwind-finance', name: 'Finance', parentId: null },
    { id: 'd-northwind-people', name: 'People', parentId: null },
  ],
  placement: [
    ['d-northwind-ops', 4], ['d-northwind-fleet', 5], ['d-northwind-warehouse', 6],
    ['d-northwind-finance', 2], ['d-northwind-people', 2],
  ],
  fixed: { 0: { name: 'Oliver Bennett', emailLocal: 'oliver.bennett', departmentId: 'd-northwind-ops' } },
  personName(random) {
    const first = pick(random, FIRST_NAMES)
    const last = pick(random, LAST_NAMES)
    return { name: `${first} ${last}`, emailLocal: `${first}.${last}`.toLowerCase() }
  },
}

const PROFILES: Readonly<Record<string, TenantProfile>> = { 't-acme': ACME, 't-northwind': NORTHWIND }
const profileOf = (tenantId: string): TenantProfile => PROFILES[tenantId] ?? NORTHWIND

export function departmentsFor(tenantId: string): DepartmentRecord[] {
  return profileOf(tenantId).departments.map((department) => ({ ...department, tenantId }))
}

export function memberIdPrefix(tenantId: string): string {
  return `m-${tenantId.replace(/^t-/, '')}-`
}

/** Member `index` of a tenant; the same arguments always give the same member. */
export function memberAt(tenantId: string, index: number, seed: number): MemberRecord {
  const profile = profileOf(tenantId)
  const random = mulberry32(seedFor(seed, index))
  const fixed = profile.fixed[index]
  const generated = profile.personName(random)
  const departmentId = fixed?.departmentId ?? pickWeighted(random, profile.placement)
  // Every 40th member is an admin, so even small tenants have several; personas are admins by definition.
  const isAdmin = fixed !== undefined || index % 40 === 17
  const deactivated = !isAdmin && random() < 0.03
  const phone = pick(random, MOBILE_PREFIXES) + String(int(random, 0, 99_999_999)).padStart(8, '0')
  const joinedAt = new Date(EPOCH_MS - int(random, 30, 3650) * DAY_MS - int(random, 0, 86_399) * 1000)
  // Generated addresses carry the index so they stay unique however many members share a name.
  const emailLocal = fixed?.emailLocal ?? `${generated.emailLocal}${index}`
  return {
    id: memberIdPrefix(tenantId) + String(index).padStart(6, '0'),
    tenantId,
    name: fixed?.name ?? generated.name,
    email: `${emailLocal}@${profile.emailDomain}`,
    employeeNo: profile.employeePrefix + String(index + 1).padStart(6, '0'),
    phone,
    departmentId,
    role: isAdmin ? 'admin' : 'member',
    status: deactivated ? 'deactivated' : 'active',
    joinedAt: joinedAt.toISOString(),
  }
}
