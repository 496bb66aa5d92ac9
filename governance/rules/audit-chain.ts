// The audit log's hash chain: every entry carries the hash of the one before it and its own hash over its content,
// so a changed entry, a deleted one or one slipped in shows where the chain breaks. SHA-256 (@noble/hashes: the same
// synchronous code in the browser's mock and on the server; Web Crypto's digest is asynchronous only).
import { sha256 } from '@noble/hashes/sha2.js'
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js'
import type { AuditRecord } from './records'

/** The link before a tenant's first entry. */
export const GENESIS_HASH = '0'.repeat(64)

/** What an entry's hash covers: everything it says, its number and the link to the one before. */
export type ChainedContent = Omit<AuditRecord, 'hash' | 'tenantId'>

/** JSON with object keys sorted at every depth, so the same value always reads the same (jsonb reorders keys). */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value ?? null)
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, item]) => item !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
  return `{${entries.map(([key, item]) => `${JSON.stringify(key)}:${canonicalJson(item)}`).join(',')}}`
}

export function entryHash(entry: ChainedContent): string {
  const content = canonicalJson([
    entry.seq,
    entry.id,
    entry.at,
    entry.actor,
    entry.onBehalfOf,
    entry.ticketRef,
    entry.action,
    entry.targetType,
    entry.targetId,
    entry.targetName,
    entry.before,
    entry.after,
    entry.reason,
  ])
  return bytesToHex(sha256(utf8ToBytes(`${entry.prevHash}\n${content}`)))
}

/** Links `entries` (numbered, in order) onto a chain whose last hash is `prevHash`. */
export function chainEntries<T extends Omit<ChainedContent, 'prevHash'>>(prevHash: string, entries: readonly T[]): (T & { prevHash: string; hash: string })[] {
  let previous = prevHash
  return entries.map((entry) => {
    const linked = { ...entry, prevHash: previous }
    const hash = entryHash(linked)
    previous = hash
    return { ...linked, hash }
  })
}

export type ChainProblem = 'content_changed' | 'link_broken' | 'missing'

export interface ChainBreak {
  /** The first entry where the chain does not hold (for "missing": the number that is not there). */
  seq: number
  problem: ChainProblem
}

/**
 * Checks entries in ascending order after `previous` (the last entry already checked, or null at the start): each
 * follows the one before by number, carries its hash as the link, and its own hash matches its content.
 */
export function checkChain(previous: { seq: number; hash: string } | null, entries: readonly AuditRecord[]): ChainBreak | null {
  let last = previous ?? { seq: 0, hash: GENESIS_HASH }
  for (const entry of entries) {
    if (entry.seq !== last.seq + 1) return { seq: last.seq + 1, problem: 'missing' }
    if (entry.prevHash !== last.hash) return { seq: entry.seq, problem: 'link_broken' }
    if (entryHash(entry) !== entry.hash) return { seq: entry.seq, problem: 'content_changed' }
    last = entry
  }
  return null
}
