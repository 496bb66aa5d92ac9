// Reading uploaded member lists: encodings (UTF-8 with and without a BOM, GBK), line endings, blank rows, repeats,
// quoted fields and a header row.
import { describe, expect, it } from 'vitest'
import { decodeList, listRows } from './csv'

const utf8 = (text: string) => new TextEncoder().encode(text)

describe('member lists', () => {
  it('reads UTF-8 with and without a byte-order mark', () => {
    const plain = decodeList(utf8('工号\nAC000013\n'))
    expect(plain).toEqual({ text: '工号\nAC000013\n', encoding: 'utf-8' })
    const withBom = decodeList(new Uint8Array([0xef, 0xbb, 0xbf, ...utf8('工号\nAC000013')]))
    expect(withBom).toEqual({ text: '工号\nAC000013', encoding: 'utf-8' })
  })

  it('reads GBK when the bytes are not UTF-8 (a list saved by Excel on a Chinese Windows)', () => {
    // "工号\r\n王芳,AC000001\r\n" in GBK: 工 B9A4, 号 BAC5, 王 CDF5, 芳 B7BC.
    const bytes = new Uint8Array([0xb9, 0xa4, 0xba, 0xc5, 0x0d, 0x0a, 0x41, 0x43, 0x30, 0x30, 0x30, 0x30, 0x30, 0x31, 0x2c, 0xcd, 0xf5, 0xb7, 0xbc, 0x0d, 0x0a])
    const decoded = decodeList(bytes)
    expect(decoded.encoding).toBe('gbk')
    expect(decoded.text).toBe('工号\r\nAC000001,王芳\r\n')
    expect(listRows(decoded.text)).toEqual({ rows: ['AC000001'], headerRows: 1 })
  })

  it('keeps blank rows and repeats (the server reports them per row), takes the first field, and unquotes it', () => {
    const { rows, headerRows } = listRows('AC000013\r\n\r\n"wang.fang@acme.example","a, b"\nAC000013\r  138-1234-5678  \n')
    expect(headerRows).toBe(0)
    expect(rows).toEqual(['AC000013', '', 'wang.fang@acme.example', 'AC000013', '138-1234-5678'])
  })

  it('reads a quoted field with a comma and an escaped quote', () => {
    expect(listRows('"AC1, ""y""",z').rows).toEqual(['AC1, "y"'])
  })

  it('treats an empty file as no rows', () => {
    expect(listRows('')).toEqual({ rows: [], headerRows: 0 })
    expect(listRows('工号\n')).toEqual({ rows: [], headerRows: 1 })
  })
})
