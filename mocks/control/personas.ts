// The people one can sign in as in mock mode: the demo accounts, with a line each on who they are.
import type { components } from '@contract/schema.gen'
import { DEMO_USERS } from '@governance/seed/users'

export type MockPersona = components['schemas']['MockPersona']

const DESCRIPTIONS: Record<string, MockPersona['description']> = {
  'admin-acme': {
    'en-US': 'Wang Fang, administrator of Acme (杭州示例贸易有限公司).',
    'zh-CN': '王芳，杭州示例贸易有限公司的企业管理员。',
  },
  'admin-acme-2': {
    'en-US': 'Chen Jing, a second Acme administrator (for two-admin conflicts).',
    'zh-CN': '陈静，杭州示例贸易有限公司的第二位管理员（用于双管理员冲突场景）。',
  },
  'admin-northwind': {
    'en-US': 'Oliver Bennett, administrator of Northwind Logistics Ltd.',
    'zh-CN': 'Oliver Bennett，Northwind Logistics Ltd. 的企业管理员。',
  },
  'support-agent': {
    'en-US': 'Li Lei, platform support agent: opens only tenants that granted access.',
    'zh-CN': '李雷，平台技术支持：只能进入已授权支持访问的企业。',
  },
}

export const PERSONAS: readonly MockPersona[] = DEMO_USERS.map((user) => ({
  id: user.id,
  name: user.name,
  role: user.role,
  tenantIds: [...user.tenantIds],
  description: DESCRIPTIONS[user.id] ?? { 'en-US': user.name, 'zh-CN': user.name },
}))
