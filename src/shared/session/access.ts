// What the signed-in user may do in a tenant, per capability and action, decided once from the session. The API
// enforces the same rules; the console uses this map to disable controls and say why before anyone tries.
import type { components } from '@contract/schema.gen'

type Session = components['schemas']['Session']

export const CAPABILITIES = ['apps', 'retention', 'legalHolds', 'members', 'audit', 'supportAccess'] as const
export type Capability = (typeof CAPABILITIES)[number]
export type AccessAction = 'read' | 'write'

/** Why something is not allowed; each reason has a message under `access.denied` in the common messages. */
export type DenialReason = 'noTenant' | 'readOnlyGrant' | 'adminsOnly'

export type Permission = { readonly allowed: true } | { readonly allowed: false; readonly reason: DenialReason }

export type AccessMap = { readonly [C in Capability]: { readonly [A in AccessAction]: Permission } }

const ALLOWED: Permission = { allowed: true }
const denied = (reason: DenialReason): Permission => ({ allowed: false, reason })

/** Only an administrator of the tenant may decide who else gets in: support can never grant itself access. */
const ADMINS_ONLY_WRITES: ReadonlySet<Capability> = new Set(['supportAccess'])

export function accessMap(session: Session, tenantId: string): AccessMap {
  const tenant = session.tenants.find((candidate) => candidate.id === tenantId) ?? null
  const isSupport = session.user.role === 'support_agent'
  const entry = (capability: Capability): { read: Permission; write: Permission } => {
    if (!tenant) return { read: denied('noTenant'), write: denied('noTenant') }
    if (!isSupport) return { read: ALLOWED, write: ALLOWED }
    if (ADMINS_ONLY_WRITES.has(capability)) return { read: ALLOWED, write: denied('adminsOnly') }
    return { read: ALLOWED, write: tenant.supportGrant?.mode === 'read_write' ? ALLOWED : denied('readOnlyGrant') }
  }
  return Object.fromEntries(CAPABILITIES.map((capability) => [capability, entry(capability)])) as Record<Capability, { read: Permission; write: Permission }>
}
