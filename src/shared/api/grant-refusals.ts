// A support agent's access can end mid-session (revoked, replaced, run out): the API then refuses with a
// no-support-grant problem that says how it ended. Every such refusal is noted here, per tenant, so the console's
// frame can keep the page (and whatever the agent typed) and say why, instead of the page turning into an error.
import { useSyncExternalStore } from 'react'
import type { components } from '@contract/schema.gen'

export type GrantEnd = components['schemas']['GrantEnd']

export interface GrantRefusal {
  tenantId: string
  /** How the grant ended (null: the tenant never granted access). */
  ended: GrantEnd | null
  /** When the refusal arrived (the browser's clock): a session read after it that lists a grant supersedes it. */
  notedAt: number
}

let refusals: ReadonlyMap<string, GrantRefusal> = new Map()
const listeners = new Set<() => void>()
const emit = () => listeners.forEach((listener) => listener())

export function noteGrantRefusal(refusal: GrantRefusal): void {
  refusals = new Map(refusals).set(refusal.tenantId, refusal)
  emit()
}

/** Opening the tenant again (after a new grant) starts afresh. */
export function clearGrantRefusal(tenantId: string): void {
  if (!refusals.has(tenantId)) return
  const next = new Map(refusals)
  next.delete(tenantId)
  refusals = next
  emit()
}

const subscribe = (listener: () => void) => {
  listeners.add(listener)
  return () => listeners.delete(listener)
}

export function useGrantRefusal(tenantId: string): GrantRefusal | null {
  return useSyncExternalStore(subscribe, () => refusals.get(tenantId) ?? null)
}

const TENANT_PATH = /\/api\/v1\/tenants\/([^/]+)/

/** Reads a refused response: a no-support-grant problem on a tenant's path is noted. */
export async function noteIfGrantRefused(url: string, response: Response): Promise<void> {
  if (response.status !== 403) return
  const match = TENANT_PATH.exec(new URL(url).pathname)
  if (!match?.[1]) return
  const body: unknown = await response
    .clone()
    .json()
    .catch(() => null)
  if (typeof body !== 'object' || body === null || (body as { type?: unknown }).type !== 'urn:problem:no-support-grant') return
  const ended = (body as { grantEnded?: GrantEnd | null }).grantEnded ?? null
  noteGrantRefusal({ tenantId: decodeURIComponent(match[1]), ended, notedAt: Date.now() })
}
