// The demo tenants' workbench apps, the scope catalogue every app draws from, and members' requests for apps.
import type { AppAvailabilityRecord, AppRecord, AppRequestRecord, AppScopeRecord } from '../rules/records'

const scope = (
  id: string,
  sensitive: boolean,
  label: [string, string],
  explanation: [string, string],
): AppScopeRecord => ({
  id,
  sensitive,
  label: { 'en-US': label[0], 'zh-CN': label[1] },
  explanation: { 'en-US': explanation[0], 'zh-CN': explanation[1] },
})

/** Every scope an app can hold. The first two are what every workbench app receives. */
export const APP_SCOPES: readonly AppScopeRecord[] = [
  scope('member.userid', false, ['Member UserID', '成员 UserID'], [
    'A stable identifier of the member who opens the app, so the app can tell users apart. No name or contact details.',
    '打开应用的成员的唯一标识，便于应用区分用户。不含姓名和联系方式。',
  ]),
  scope('member.avatar', false, ['Member avatar', '成员头像'], [
    'The profile picture of the member who opens the app.',
    '打开应用的成员的头像图片。',
  ]),
  scope('org.departments', false, ['Department structure', '部门结构'], [
    'The names and hierarchy of departments, without the people in them.',
    '部门名称与层级关系，不含部门中的成员。',
  ]),
  scope('approval.api', false, ['Approval API', '审批接口'], [
    'Create approval forms and read their status for flows the app started itself.',
    '创建审批单，并读取由该应用发起的审批的状态。',
  ]),
  scope('calendar.read', false, ['Calendar (read)', '日历（只读）'], [
    'Read members’ free/busy times and the titles of their meetings.',
    '读取成员的忙闲时间及会议标题。',
  ]),
  scope('contacts.read', true, ['Contacts', '通讯录'], [
    'Every member’s name, department, position, work email and landline — the whole company directory.',
    '全体成员的姓名、部门、职位、工作邮箱和座机——即整个企业通讯录。',
  ]),
  scope('contacts.phone', true, ['Mobile phone numbers', '手机号码'], [
    'Members’ full mobile phone numbers, unmasked.',
    '成员完整的手机号码（不打码）。',
  ]),
  scope('crm.customers', true, ['CRM customer data', 'CRM 客户数据'], [
    'Customer records: company names, contact persons, phone numbers, deals and follow-up notes.',
    '客户资料：公司名称、联系人、电话、商机和跟进记录。',
  ]),
  scope('chat.messages', true, ['Chat messages', '聊天消息'], [
    'The text of messages in chats and groups the app is added to, including earlier history.',
    '应用所在单聊和群聊中的消息内容，包括历史消息。',
  ]),
  scope('files.read', true, ['Files and documents', '文件与文档'], [
    'Read and download files and documents members share or store in the workspace.',
    '读取和下载成员在工作台中分享或存储的文件与文档。',
  ]),
  scope('location.precise', true, ['Precise location', '精确位置'], [
    'The member’s GPS location whenever they use the app, e.g. when clocking in.',
    '成员使用应用时（如打卡）的 GPS 精确位置。',
  ]),
  scope('attendance.records', true, ['Clock-in records', '考勤打卡记录'], [
    'When and where each member clocked in and out, leave and overtime.',
    '每位成员的上下班打卡时间与地点、请假和加班记录。',
  ]),
  scope('finance.invoices', true, ['Invoices and reimbursements', '发票与报销'], [
    'Expense claims with amounts, receipts and the bank account they are paid to.',
    '报销单的金额、票据以及收款银行账户。',
  ]),
]

const EPOCH_MS = Date.parse('2026-11-20T01:00:00.000Z')
const HOUR = 3_600_000
const DAY = 24 * HOUR
const at = (msBeforeEpoch: number): string => new Date(EPOCH_MS - msBeforeEpoch).toISOString()
const BASE = ['member.userid', 'member.avatar']

type AppSeed = Omit<AppRecord, 'tenantId' | 'availability' | 'scopeUpdate' | 'disabledReason' | 'vendorDeletionRequests'> & {
  availability?: Partial<Omit<AppAvailabilityRecord, 'version'>>
  scopeUpdate?: AppRecord['scopeUpdate']
  disabledReason?: string | null
}

function app(tenantId: string, seed: AppSeed): AppRecord {
  return {
    ...seed,
    tenantId,
    scopeUpdate: seed.scopeUpdate ?? null,
    disabledReason: seed.disabledReason ?? null,
    vendorDeletionRequests: [],
    availability: {
      mode: seed.availability?.mode ?? 'all',
      departmentIds: seed.availability?.departmentIds ?? [],
      memberIds: seed.availability?.memberIds ?? [],
      deniedMemberIds: seed.availability?.deniedMemberIds ?? [],
      version: 1,
    },
  }
}

export const LONG_APP_NAME =
  '多语言客户门户 Multilingual Customer Portal بوابة العملاء متعددة اللغات 多言語カスタマーポータル Портал клиентов Edition 2026'

function acmeApps(text: SeedTexts): AppRecord[] {
  const t = 't-acme'
  return [
    app(t, {
      id: 'app-acme-approvals', name: '智能审批 Smart Approvals', vendor: '云流科技 CloudFlow Ltd.', category: 'approval',
      description: '自定义审批流：请假、采购、用章、合同审批。Custom approval flows for leave, purchasing, seals and contracts.',
      kind: 'basic', version: '5.2.0', enabled: true, scopeIds: [...BASE, 'org.departments', 'approval.api'],
      lastDataAccessAt: at(12 * 60_000), installedAt: at(700 * DAY),
    }),
    app(t, {
      id: 'app-acme-crm-sync', name: 'SalesLink CRM 同步', vendor: 'SalesLink Inc.', category: 'crm',
      description: 'Two-way sync of customers and deals between the workspace CRM and SalesLink.',
      kind: 'third_party', version: '3.8.1', enabled: true, scopeIds: [...BASE, 'crm.customers', 'contacts.read'],
      availability: { mode: 'departments', departmentIds: ['d-acme-sales', 'd-acme-cs'], deniedMemberIds: ['m-acme-000042'] },
      lastDataAccessAt: at(3 * HOUR), installedAt: at(400 * DAY),
    }),
    app(t, {
      id: 'app-acme-esign', name: '契约锁电子签', vendor: '杭州契约科技有限公司', category: 'legal',
      description: '在线签署劳动合同与销售合同，具有法律效力的电子签名。',
      kind: 'third_party', version: '2.4.0', enabled: true, scopeIds: [...BASE, 'files.read', 'approval.api'],
      availability: { mode: 'departments', departmentIds: ['d-acme-legal', 'd-acme-hr', 'd-acme-sales'] },
      scopeUpdate: { version: '2.5.0', requestedAt: at(2 * DAY), scopeIds: [...BASE, 'files.read', 'approval.api', 'contacts.phone', 'contacts.read'] },
      lastDataAccessAt: at(26 * HOUR), installedAt: at(300 * DAY),
    }),
    app(t, {
      id: 'app-acme-attendance', name: '外勤打卡 Field Clock-in', vendor: '移动办公实验室', category: 'hr',
      description: '外勤人员定位打卡、排班与考勤统计。GPS clock-in for field staff.',
      kind: 'third_party', version: '7.0.3', enabled: true, scopeIds: [...BASE, 'location.precise', 'attendance.records'],
      scopeUpdate: { version: '7.1.0', requestedAt: at(5 * HOUR), scopeIds: [...BASE, 'location.precise', 'attendance.records', 'calendar.read', 'contacts.phone'] },
      lastDataAccessAt: at(40 * 60_000), installedAt: at(520 * DAY),
    }),
    app(t, {
      id: 'app-acme-expense', name: text.expense.name, vendor: text.expense.vendor, category: 'finance',
      description: text.expense.description,
      kind: 'third_party', version: '1.9.0', enabled: false, scopeIds: [...BASE, 'finance.invoices', 'approval.api'],
      disabledReason: '供应商安全评估未通过，待复核',
      lastDataAccessAt: at(20 * DAY), installedAt: at(200 * DAY),
    }),
    app(t, {
      id: 'app-acme-translate', name: '即时翻译 LinguaBridge', vendor: 'LinguaBridge GmbH', category: 'communication',
      description: 'Translates chat messages between Chinese, English, German and Japanese as you type.',
      kind: 'third_party', version: '4.0.0', enabled: true, scopeIds: [...BASE, 'chat.messages'],
      availability: { mode: 'members', memberIds: ['m-acme-000003', 'm-acme-000007', 'm-acme-000011'] },
      lastDataAccessAt: at(5 * 60_000), installedAt: at(90 * DAY),
    }),
    app(t, {
      id: 'app-acme-survey', name: text.survey.name, vendor: text.survey.vendor, category: 'productivity',
      description: text.survey.description,
      kind: 'third_party', version: '2.1.7', enabled: true, scopeIds: [...BASE, 'org.departments'],
      lastDataAccessAt: at(4 * DAY), installedAt: at(150 * DAY),
    }),
    app(t, {
      id: 'app-acme-bi', name: '数据看板 Insight BI', vendor: '观数科技', category: 'analytics',
      description: '销售、回款与客户数据的可视化看板，每日自动汇总。',
      kind: 'third_party', version: '6.3.0', enabled: true, scopeIds: [...BASE, 'crm.customers', 'org.departments'],
      availability: { mode: 'departments', departmentIds: ['d-acme-ceo', 'd-acme-finance'], memberIds: ['m-acme-000005'] },
      lastDataAccessAt: at(9 * HOUR), installedAt: at(60 * DAY),
    }),
    app(t, {
      id: 'app-acme-meeting', name: '会议室预订 RoomBook', vendor: 'RoomBook Ltd.', category: 'productivity',
      description: 'Book meeting rooms and see who is in them.',
      kind: 'third_party', version: '1.2.0', enabled: true, scopeIds: [...BASE, 'calendar.read'],
      lastDataAccessAt: at(2 * HOUR), installedAt: at(365 * DAY),
    }),
    app(t, {
      id: 'app-acme-archive', name: '企业网盘归档 DocVault', vendor: '存档宝', category: 'productivity',
      description: '自动归档群聊文件与文档，支持全文检索。Archives group files and documents with full-text search.',
      kind: 'third_party', version: '3.0.0', enabled: false, scopeIds: [...BASE, 'files.read', 'chat.messages'],
      lastDataAccessAt: null, installedAt: at(10 * DAY),
    }),
    app(t, {
      id: 'app-acme-portal', name: LONG_APP_NAME, vendor: 'شركة البوابة للبرمجيات (Portal Software Co.)', category: 'crm',
      description: 'بوابة للعملاء لمتابعة الطلبات والفواتير — 客户自助门户：查询订单与发票 — customer self-service portal.',
      kind: 'third_party', version: '0.9.4', enabled: true, scopeIds: [...BASE, 'crm.customers', 'contacts.phone'],
      availability: { mode: 'members', memberIds: ['m-acme-000009', 'm-acme-000010'] },
      lastDataAccessAt: at(33 * DAY), installedAt: at(45 * DAY),
    }),
    app(t, {
      id: 'app-acme-training', name: '学习中心 LearnHub', vendor: 'LearnHub Education', category: 'hr',
      description: '新员工入职培训、课程与考试。',
      kind: 'third_party', version: '2.0.0', enabled: true, scopeIds: [...BASE, 'org.departments', 'contacts.read'],
      lastDataAccessAt: at(6 * DAY), installedAt: at(250 * DAY),
    }),
    app(t, {
      id: 'app-acme-hotline', name: 'مساعد الدعم Support Hotline', vendor: 'CallCenter.io', category: 'communication',
      description: 'مركز اتصال سحابي — cloud call centre that pops customer details when a call comes in.',
      kind: 'third_party', version: '5.5.5', enabled: false, scopeIds: [...BASE, 'contacts.phone', 'crm.customers', 'chat.messages'],
      disabledReason: 'Pilot ended',
      lastDataAccessAt: at(120 * DAY), installedAt: at(400 * DAY),
    }),
  ]
}

function northwindApps(): AppRecord[] {
  const t = 't-northwind'
  return [
    app(t, {
      id: 'app-northwind-approvals', name: 'Approvals', vendor: 'Platform', category: 'approval',
      description: 'Leave, purchasing and expense approvals.',
      kind: 'basic', version: '5.2.0', enabled: true, scopeIds: [...BASE, 'org.departments', 'approval.api'],
      lastDataAccessAt: at(HOUR), installedAt: at(500 * DAY),
    }),
    app(t, {
      id: 'app-northwind-fleet', name: 'FleetTrack', vendor: 'FleetTrack Ltd.', category: 'hr',
      description: 'Vehicle and driver tracking for the delivery fleet.',
      kind: 'third_party', version: '8.1.0', enabled: true, scopeIds: [...BASE, 'location.precise', 'contacts.phone'],
      availability: { mode: 'departments', departmentIds: ['d-northwind-fleet'] },
      lastDataAccessAt: at(10 * 60_000), installedAt: at(300 * DAY),
    }),
    app(t, {
      id: 'app-northwind-books', name: 'LedgerBooks', vendor: 'Ledger Software', category: 'finance',
      description: 'Bookkeeping and expense claims.',
      kind: 'third_party', version: '2.2.0', enabled: false, scopeIds: [...BASE, 'finance.invoices'],
      lastDataAccessAt: null, installedAt: at(15 * DAY),
    }),
  ]
}

function request(
  tenantId: string,
  id: string,
  appId: string,
  memberId: string,
  message: string,
  ago: number,
): AppRequestRecord {
  return { id, tenantId, appId, memberId, message, requestedAt: at(ago), status: 'pending', decidedAt: null, decidedBy: null, note: null }
}

/** What a vendor or a member wrote: plain in the demo data, markup and formula injections in the `hostile` scenario. */
interface SeedTexts {
  expense: { name: string; vendor: string; description: string }
  survey: { name: string; vendor: string; description: string }
  portalRequest: string
}

const PLAIN_TEXTS: SeedTexts = {
  expense: { name: 'Expense Helper', vendor: 'Spendly Pro', description: 'Snap receipts and file claims. Reimbursed within 3 days.' },
  survey: { name: 'Pulse Survey', vendor: 'FormStack Labs & Co.', description: 'Employee pulse surveys and event sign-ups.' },
  portalRequest: '客户要求通过门户查发票，请开通。',
}

/** The `hostile` scenario's texts: what an attacker-controlled vendor listing or request could carry. */
const HOSTILE_TEXTS: SeedTexts = {
  expense: {
    name: '<img src=x onerror=alert(1)>Expense Helper',
    vendor: 'Spendly <b>Pro</b>',
    description: 'Snap receipts and file claims. <script>document.title="pwned"</script> Reimbursed within 3 days.',
  },
  survey: {
    name: '<script>alert("x")</script> Survey',
    vendor: 'FormStack "Labs" & Co.',
    description: 'Employee pulse surveys and event sign-ups. <a href="javascript:alert(2)">Click here</a>',
  },
  portalRequest: '<b>please</b> =HYPERLINK("http://evil.example") 客户要求通过门户查发票',
}

export function seedApps(hostile = false): { apps: AppRecord[]; requests: AppRequestRecord[] } {
  const text = hostile ? HOSTILE_TEXTS : PLAIN_TEXTS
  return {
    apps: [...acmeApps(text), ...northwindApps()],
    requests: [
      request('t-acme', 'ar-acme-001', 'app-acme-translate', 'm-acme-000021', '需要和德国供应商沟通，想用即时翻译。', 3 * HOUR),
      request('t-acme', 'ar-acme-002', 'app-acme-bi', 'm-acme-000034', 'I prepare the monthly sales review and need the dashboards.', DAY),
      request('t-acme', 'ar-acme-003', 'app-acme-portal', 'm-acme-000056', text.portalRequest, 2 * DAY),
      request('t-northwind', 'ar-northwind-001', 'app-northwind-fleet', 'm-northwind-000012', 'I cover the night dispatch desk.', 5 * HOUR),
    ],
  }
}

/** Earlier changes to the seeded apps, so each app's history is not empty on a fresh scenario. */
export interface SeededAppEvent {
  personaId: string
  tenantId: string
  at: number
  action: string
  appId: string
  targetName: string
  before: unknown
  after: unknown
  reason: string | null
}

export function seedAppEvents(apps: readonly AppRecord[]): SeededAppEvent[] {
  const name = (id: string) => apps.find((candidate) => candidate.id === id)?.name ?? id
  const events: Omit<SeededAppEvent, 'targetName'>[] = [
    { personaId: 'admin-acme', tenantId: 't-acme', at: EPOCH_MS - 20 * DAY, action: 'app.disabled', appId: 'app-acme-expense', before: { status: 'enabled' }, after: { status: 'disabled' }, reason: '供应商安全评估未通过，待复核' },
    { personaId: 'admin-acme-2', tenantId: 't-acme', at: EPOCH_MS - 60 * DAY, action: 'app.enabled', appId: 'app-acme-bi', before: { status: 'disabled' }, after: { status: 'enabled' }, reason: null },
    { personaId: 'admin-acme', tenantId: 't-acme', at: EPOCH_MS - 40 * DAY, action: 'app.availability_changed', appId: 'app-acme-crm-sync', before: { mode: 'all' }, after: { mode: 'departments', departmentIds: ['d-acme-sales', 'd-acme-cs'] }, reason: null },
    { personaId: 'admin-acme', tenantId: 't-acme', at: EPOCH_MS - 120 * DAY, action: 'app.disabled', appId: 'app-acme-hotline', before: { status: 'enabled' }, after: { status: 'disabled' }, reason: 'Pilot ended' },
  ]
  return events.map((event) => ({ ...event, targetName: name(event.appId) }))
}
