import { describe, expect, it } from 'vitest'
import { canonicalJson, chainEntries, checkChain, GENESIS_HASH } from './audit-chain'
import { csvCell, csvLine, maskAuditValue } from './audit-log'
import type { AuditRecord } from './records'

describe('CSV cells for spreadsheets', () => {
  it.each([
    ['plain', 'plain'],
    ['=cmd|\' /C calc\'!A0', "'=cmd|' /C calc'!A0"],
    ['+SUM(A1:A2)', "'+SUM(A1:A2)"],
    ['-2+3', "'-2+3"],
    ['@import', "'@import"],
    ['\t=1', "'\t=1"],
    ['a, b', '"a, b"'],
    ['say "hi"', '"say ""hi"""'],
    ['line\nbreak', '"line\nbreak"'],
    ['=a,"b"', '"\'=a,""b"""'],
    ['中文，逗号', '中文，逗号'],
  ])('%j is written as %j', (value, written) => {
    expect(csvCell(value)).toBe(written)
  })

  it('writes numbers as they are, null as an empty cell, and ends a line with CRLF', () => {
    expect(csvLine([12, null, 'x'])).toBe('12,,x\r\n')
  })
})

describe('masking in the log', () => {
  it('masks emails and phone numbers at any depth and leaves the rest', () => {
    expect(maskAuditValue({ email: 'wang.fang@acme.example', nested: [{ phone: '13812345678', name: '王芳' }], count: 3 })).toEqual({
      email: 'w***@acme.example',
      nested: [{ phone: '138****5678', name: '王芳' }],
      count: 3,
    })
  })
})

describe('the hash chain', () => {
  const entry = (seq: number, reason: string): Omit<AuditRecord, 'prevHash' | 'hash'> => ({
    tenantId: 't-x',
    seq,
    id: `ae-x-${seq}`,
    at: '2026-11-20T01:00:00.000Z',
    actor: { id: 'u', name: 'U', role: 'tenant_admin' },
    onBehalfOf: null,
    ticketRef: null,
    action: 'app.disabled',
    targetType: 'app',
    targetId: 'a',
    targetName: 'A',
    before: { b: 1, a: [2, { d: 3, c: 4 }] },
    after: null,
    reason,
  })

  it('reads objects the same whatever order their keys come in', () => {
    expect(canonicalJson({ b: 1, a: { d: 1, c: [1, { f: 1, e: 2 }] } })).toBe(canonicalJson({ a: { c: [1, { e: 2, f: 1 }], d: 1 }, b: 1 }))
  })

  it('holds for linked entries and breaks where one was edited, replaced or removed', () => {
    const chain = chainEntries(GENESIS_HASH, [entry(1, 'one'), entry(2, 'two'), entry(3, 'three'), entry(4, 'four')])
    expect(checkChain(null, chain)).toBeNull()
    expect(checkChain(chain[1] ?? null, chain.slice(2))).toBeNull()
    const edited = chain.map((record) => (record.seq === 3 ? { ...record, reason: 'changed' } : record))
    expect(checkChain(null, edited)).toEqual({ seq: 3, problem: 'content_changed' })
    // Re-hashed after editing, the entry holds on its own but the next one no longer carries its hash.
    const [rehashed] = chainEntries(chain[1]?.hash ?? '', [{ ...entry(3, 'changed') }])
    expect(checkChain(null, chain.map((record) => (record.seq === 3 && rehashed ? rehashed : record)))).toEqual({ seq: 4, problem: 'link_broken' })
    expect(checkChain(null, chain.filter((record) => record.seq !== 2))).toEqual({ seq: 2, problem: 'missing' })
  })
})
