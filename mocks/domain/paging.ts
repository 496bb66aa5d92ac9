// Cursor paging shared by every large collection: opaque cursors bound to the filters that produced them.
import { fieldError, validation, type FieldError } from './errors'
import { readInteger } from './input'

export const DEFAULT_LIMIT = 50
export const MAX_LIMIT = 200

export function readLimit(raw: unknown, errors: FieldError[]): number {
  return readInteger(raw, 'limit', errors, { min: 1, max: MAX_LIMIT }) ?? DEFAULT_LIMIT
}

/** `position` means whatever the collection needs (an offset, a sequence number). */
export function encodeCursor(position: number, fingerprint: string): string {
  return btoa(`${position}.${fingerprint}`).replace(/=+$/, '')
}

/**
 * A cursor made for other filters would silently skip or repeat rows, so it is refused rather than
 * reinterpreted.
 */
export function decodeCursor(cursor: string | null | undefined, fingerprint: string): number | null {
  if (cursor === null || cursor === undefined || cursor === '') return null
  let text: string
  try {
    text = atob(cursor)
  } catch {
    throw invalidCursor('The cursor is not one this server issued.')
  }
  const match = /^(\d+)\.(.+)$/.exec(text)
  if (!match) throw invalidCursor('The cursor is not one this server issued.')
  if (match[2] !== fingerprint) throw invalidCursor('The cursor belongs to a different search; start again from the first page.')
  return Number(match[1])
}

const invalidCursor = (message: string) => validation([fieldError('cursor', 'invalid', message)])
