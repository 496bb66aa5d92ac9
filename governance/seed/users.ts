// The demo accounts: administrators of the demo tenants (each also a member there) and a platform support agent.
import type { UserRecord } from '../rules/records'

export const DEMO_USERS: readonly UserRecord[] = [
  { id: 'admin-acme', name: '王芳', role: 'tenant_admin', email: 'wang.fang@acme.example', tenantIds: ['t-acme'], memberId: 'm-acme-000000' },
  { id: 'admin-acme-2', name: '陈静', role: 'tenant_admin', email: 'chen.jing@acme.example', tenantIds: ['t-acme'], memberId: 'm-acme-000001' },
  {
    id: 'admin-northwind',
    name: 'Oliver Bennett',
    role: 'tenant_admin',
    email: 'oliver.bennett@northwind.example',
    tenantIds: ['t-northwind'],
    memberId: 'm-northwind-000000',
  },
  { id: 'support-agent', name: '李雷', role: 'support_agent', email: 'li.lei@support.platform.example', tenantIds: [], memberId: null },
]
