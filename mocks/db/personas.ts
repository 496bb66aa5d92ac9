// The people one can sign in as in mock mode; admins are also members of their tenant (see members.ts).
import type { components } from '@contract/schema.gen'

export type MockPersona = components['schemas']['MockPersona']

export interface PersonaRecord extends MockPersona {
  email: string
  /** The member record this person has in their tenant, if any. */
  memberId: string | null
}

export const PERSONAS: readonly PersonaRecord[] = [
  {
    id: 'admin-acme',
    name: '王芳',
    role: 'tenant_admin',
    email: 'wang.fang@acme.example',
    tenantIds: ['t-acme'],
    memberId: 'm-acme-000000',
    description: {
      'en-US': 'Wang Fang, administrator of Acme (杭州示例贸易有限公司).',
      'zh-CN': '王芳，杭州示例贸易有限公司的企业管理员。',
    },
  },
  {
    id: 'admin-acme-2',
    name: '陈静',
    role: 'tenant_admin',
    email: 'chen.jing@acme.example',
    tenantIds: ['t-acme'],
    memberId: 'm-acme-000001',
    description: {
      'en-US': 'Chen Jing, a second Acme administrator (for two-admin conflicts).',
      'zh-CN': '陈静，杭州示例贸易有限公司的第二位管理员（用于双管理员冲突场景）。',
    },
  },
  {
    id: 'admin-northwind',
    name: 'Oliver Bennett',
    role: 'tenant_admin',
    email: 'oliver.bennett@northwind.example',
    tenantIds: ['t-northwind'],
    memberId: 'm-northwind-000000',
    description: {
      'en-US': 'Oliver Bennett, administrator of Northwind Logistics Ltd.',
      'zh-CN': 'Oliver Bennett，Northwind Logistics Ltd. 的企业管理员。',
    },
  },
  {
    id: 'support-agent',
    name: '李雷',
    role: 'support_agent',
    email: 'li.lei@support.platform.example',
    tenantIds: [],
    memberId: null,
    description: {
      'en-US': 'Li Lei, platform support agent: opens only tenants that granted access.',
      'zh-CN': '李雷，平台技术支持：只能进入已授权支持访问的企业。',
    },
  },
]

export function findPersona(personaId: string): PersonaRecord | undefined {
  return PERSONAS.find((persona) => persona.id === personaId)
}

export function toMockPersona(persona: PersonaRecord): MockPersona {
  const { id, name, role, description, tenantIds } = persona
  return { id, name, role, description: { ...description }, tenantIds: [...tenantIds] }
}
