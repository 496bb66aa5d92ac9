// The large scenario's generated history is linked into the hash chain like any stored entries; the stores take the
// chain's last hash from KNOWN_HISTORY_TAILS instead of walking a million entries at each reset, so this walks it.
import { describe, expect, it } from 'vitest'
import { checkChain, GENESIS_HASH } from '../rules/audit-chain'
import { chainedHistory, chainedHistoryStretches, historyColumns, KNOWN_HISTORY_TAILS } from './audit-history'
import { demoDataset } from './dataset'

describe('the generated audit history’s hash chain', () => {
  it('ends in the tail the stores are given, and every stretch of it checks', { timeout: 120_000 }, () => {
    const [source] = demoDataset('large').auditHistory
    if (!source) throw new Error('the large scenario has no generated history')
    const columns = historyColumns(source)
    let previous: { seq: number; hash: string } | null = null
    for (const stretch of chainedHistoryStretches(source, columns, 50_000)) {
      expect(checkChain(previous, stretch)).toBeNull()
      const last = stretch.at(-1)
      if (last) previous = last
    }
    expect({ [`${source.tenantId}:${source.count}`]: previous?.hash }).toEqual(KNOWN_HISTORY_TAILS)
  })

  it('gives any stretch the same links as a walk from the start', () => {
    const [source] = demoDataset('large').auditHistory
    if (!source) throw new Error('the large scenario has no generated history')
    const columns = historyColumns(source)
    const walked = chainedHistoryStretches(source, columns, 10_000).next().value ?? []
    expect(walked[0]?.prevHash).toBe(GENESIS_HASH)
    expect(chainedHistory(source, columns, 4_090, 4_110)).toEqual(walked.slice(4_090, 4_110))
    expect(chainedHistory(source, columns, 9_000, 9_001)).toEqual(walked.slice(9_000, 9_001))
  })
})
