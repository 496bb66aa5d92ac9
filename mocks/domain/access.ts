// Who may open which tenant, and how: admins their own tenants, support agents only under an active grant.
import type { components } from '@contract/schema.gen'
import { findPersona, type PersonaRecord } from '../db/personas'
import type { MockDbState, StoredSupportGrant, StoredTenant } from '../db/state'
import { fieldError, forbidden, notFound, unauthenticated, validation } from './errors'
import { requireObject } from './input'

type Schemas = components['schemas']

export interface ActorContext {
  user: Schemas['User']
  tenantId: string
  /** For a support agent, the tenant they act for; null for the tenant's own administrators. */
  onBehalfOf: string | null
  ticketRef: string | null
  /** Personal data is masked for support agents by the API itself, not only in the UI. */
  masked: boolean
  grant: StoredSupportGrant | null
}

export function signedInPersona(state: MockDbState): PersonaRecord {
  const persona = state.session ? findPersona(state.session.personaId) : undefined
  if (!persona) throw unauthenticated()
  return persona
}

const toUser = (persona: PersonaRecord): Schemas['User'] => ({
  id: persona.id,
  name: persona.name,
  email: persona.email,
  role: persona.role,
})

export function activeGrant(state: MockDbState, tenantId: string, now: number): StoredSupportGrant | null {
  // Several grants may overlap; the one lasting longest is the one that keeps the agent in.
  let best: StoredSupportGrant | null = null
  for (const grant of state.supportGrants) {
    if (grant.tenantId !== tenantId || grant.revokedAt !== null) continue
    const expiresAt = Date.parse(grant.expiresAt)
    if (expiresAt <= now) continue
    if (!best || expiresAt > Date.parse(best.expiresAt)) best = grant
  }
  return best
}

export const grantSummary = (grant: StoredSupportGrant): Schemas['SupportGrantSummary'] => ({
  id: grant.id,
  mode: grant.mode,
  ticketRef: grant.ticketRef,
  expiresAt: grant.expiresAt,
})

function findTenant(state: MockDbState, tenantId: string): StoredTenant {
  const tenant = state.tenants.find((candidate) => candidate.id === tenantId)
  if (!tenant) throw notFound('tenant', tenantId)
  return tenant
}

export function authorize(state: MockDbState, now: number, tenantId: string, need: 'read' | 'write'): ActorContext {
  const persona = signedInPersona(state)
  const tenant = findTenant(state, tenantId)
  const user = toUser(persona)
  if (persona.role === 'tenant_admin') {
    if (!persona.tenantIds.includes(tenant.id)) throw forbidden(`You are not an administrator of ${tenant.name}.`)
    return { user, tenantId, onBehalfOf: null, ticketRef: null, masked: false, grant: null }
  }
  const grant = activeGrant(state, tenant.id, now)
  if (!grant) throw forbidden(`${tenant.name} has not granted support access, or the grant has ended.`, 'no-support-grant')
  if (need === 'write' && grant.mode === 'read_only') {
    throw forbidden(
      `The support grant from ${tenant.name} (ticket ${grant.ticketRef}) is read-only.`,
      'read-only-grant',
    )
  }
  return { user, tenantId, onBehalfOf: tenant.id, ticketRef: grant.ticketRef, masked: true, grant }
}

export function listTenantsFor(state: MockDbState, now: number): Schemas['TenantSummary'][] {
  const persona = signedInPersona(state)
  if (persona.role === 'tenant_admin') {
    return state.tenants
      .filter((tenant) => persona.tenantIds.includes(tenant.id))
      .map((tenant) => ({ id: tenant.id, name: tenant.name, supportGrant: null }))
  }
  return state.tenants.flatMap((tenant) => {
    const grant = activeGrant(state, tenant.id, now)
    return grant ? [{ id: tenant.id, name: tenant.name, supportGrant: grantSummary(grant) }] : []
  })
}

export function currentSession(state: MockDbState, now: number): Schemas['Session'] {
  const persona = signedInPersona(state)
  return { user: toUser(persona), tenants: listTenantsFor(state, now), serverTime: new Date(now).toISOString() }
}

/** Mock sign-in: replaces whatever session there was. */
export function signIn(state: MockDbState, body: unknown): void {
  const { personaId } = requireObject(body)
  if (typeof personaId !== 'string' || personaId === '') {
    throw validation([fieldError('personaId', 'required', 'personaId is required.')])
  }
  if (!findPersona(personaId)) throw validation([fieldError('personaId', 'invalid', `No persona "${personaId}".`)])
  state.session = { personaId }
}

export function signOut(state: MockDbState): void {
  state.session = null
}
