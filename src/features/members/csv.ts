// Reading an uploaded list of members: the file's bytes decoded as UTF-8 (with or without a byte-order mark) or, when
// they are not valid UTF-8, as GBK (what Excel saves on a Chinese Windows); then one value per row — the first
// field of each CSV row, quotes removed. Blank rows and repeats are kept: the server reports them row by row.

export type ListEncoding = 'utf-8' | 'gbk'

export function decodeList(bytes: Uint8Array): { text: string; encoding: ListEncoding } {
  const bom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf
  if (bom) return { text: new TextDecoder('utf-8').decode(bytes.subarray(3)), encoding: 'utf-8' }
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8' }
  } catch {
    return { text: new TextDecoder('gbk').decode(bytes), encoding: 'gbk' }
  }
}

/** The first field of a CSV row ("a,b" → a; "\"x, y\",b" → x, y). */
function firstField(line: string): string {
  if (!line.startsWith('"')) return line.split(',')[0] ?? ''
  let value = ''
  for (let i = 1; i < line.length; i++) {
    const char = line[i]
    if (char === '"') {
      if (line[i + 1] === '"') {
        value += '"'
        i++
      } else break
    } else value += char
  }
  return value
}

/** A first row that names the column (no digit, no @) is a header, not a member. */
const isHeader = (value: string): boolean => value.trim() !== '' && !/[\d@]/.test(value)

/** The values of the rows, and how many header rows were left out (row numbers shown count them). */
export function listRows(text: string): { rows: string[]; headerRows: number } {
  if (text === '') return { rows: [], headerRows: 0 }
  const lines = text.split(/\r\n|\n|\r/)
  // A final line break does not start another row.
  if (lines.length > 1 && lines.at(-1) === '') lines.pop()
  const values = lines.map((line) => firstField(line).trim())
  const headerRows = values.length > 0 && isHeader(values[0] ?? '') ? 1 : 0
  return { rows: values.slice(headerRows), headerRows }
}
