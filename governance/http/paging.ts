// Cursor paging shared by every large collection: opaque cursors bound to the filters that produced them.
import { fieldError, validation } from '../rules/errors'

export const DEFAULT_LIMIT = 50

/** Short stable text hash (FNV-1a, two seeds), for cursor and request fingerprints. */
export function hashText(text: string): string {
  let a = 0x811c9dc5
  let b = 0x01000193 ^ text.length
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i)
    a = Math.imul(a ^ code, 0x01000193)
    b = Math.imul(b ^ code, 0x5bd1e995)
  }
  return (a >>> 0).toString(36) + (b >>> 0).toString(36)
}

/** `position` means whatever the collection needs (an offset, a sequence number). */
export function encodeCursor(position: number, fingerprint: string): string {
  return btoa(`${position}.${fingerprint}`).replace(/=+$/, '')
}

const invalidCursor = (message: string) => validation([fieldError('cursor', 'invalid', message)])
const notIssued = () => invalidCursor('The cursor is not one this server issued.')
const otherSearch = () => invalidCursor('The cursor belongs to a different search; start again from the first page.')

/** The text inside a cursor; null when there is none (the first page). */
function cursorText(cursor: unknown): string | null {
  if (cursor === null || cursor === undefined || cursor === '') return null
  try {
    return atob(String(cursor))
  } catch {
    throw notIssued()
  }
}

/** A cursor made for other filters would silently skip or repeat rows, so it is refused rather than reinterpreted. */
export function decodeCursor(cursor: unknown, fingerprint: string): number | null {
  const text = cursorText(cursor)
  if (text === null) return null
  const match = /^(\d+)\.(.+)$/.exec(text)
  if (!match) throw notIssued()
  if (match[2] !== fingerprint) throw otherSearch()
  return Number(match[1])
}

/** A cursor carrying a small JSON value (a keyset position and what the first page counted), bound to its filters. */
export function encodeJsonCursor(value: unknown, fingerprint: string): string {
  return encodeCursor(0, `${fingerprint}.${encodeURIComponent(JSON.stringify(value))}`)
}

export function decodeJsonCursor<T>(cursor: unknown, fingerprint: string, isValid: (value: unknown) => value is T): T | null {
  const text = cursorText(cursor)
  if (text === null) return null
  const match = /^0\.([^.]+)\.(.+)$/.exec(text)
  if (!match) throw notIssued()
  if (match[1] !== fingerprint) throw otherSearch()
  let value: unknown
  try {
    value = JSON.parse(decodeURIComponent(match[2] ?? ''))
  } catch {
    throw notIssued()
  }
  if (!isValid(value)) throw notIssued()
  return value
}
