// What the audit log shows and exports: personal data masked for support agents (as everywhere else), and CSV that a
// spreadsheet reads as text — quoted where needed, with formula-like cells neutralised.
import { maskEmail, maskPhone } from './members'

/** More than this many entries do not go into one export (narrow the filter). */
export const MAX_EXPORT_ENTRIES = 200_000

/** Entries written per stretch of an export job (one transaction, one chunk of the file). */
export const EXPORT_STRETCH = 2_000

/** Keys whose values are personal contact data: masked for a reader who sees masked data. */
const EMAIL_KEYS = new Set(['email', 'workEmail', 'contactEmail'])
const PHONE_KEYS = new Set(['phone', 'mobile', 'landline'])

/** A before/after value as a support agent may see it: emails and phone numbers masked at any depth. */
export function maskAuditValue(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(maskAuditValue)
  if (value === null || typeof value !== 'object') return value
  return Object.fromEntries(
    Object.entries(value as Record<string, unknown>).map(([key, item]) => [
      key,
      typeof item === 'string' && EMAIL_KEYS.has(key) ? maskEmail(item) : typeof item === 'string' && PHONE_KEYS.has(key) ? maskPhone(item) : maskAuditValue(item),
    ]),
  )
}

/**
 * One CSV cell (RFC 4180): text that starts like a formula (=, +, -, @, or a tab or carriage return before one) gets
 * a leading apostrophe so spreadsheets show it rather than run it (OWASP "CSV injection"); a cell with a comma, quote
 * or line break is quoted, quotes doubled.
 */
export function csvCell(value: string | number | null): string {
  if (value === null) return ''
  let text = String(value)
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text
}

export const csvLine = (cells: readonly (string | number | null)[]): string => `${cells.map(csvCell).join(',')}\r\n`

/** The export's columns, in each language of the console. */
export const EXPORT_HEADINGS = {
  'en-US': ['Time (UTC)', 'Entry', 'Actor', 'Actor id', 'Actor role', 'On behalf of', 'Ticket', 'Action', 'Target type', 'Target id', 'Target', 'Before', 'After', 'Reason'],
  'zh-CN': ['时间 (UTC)', '条目', '操作人', '操作人 ID', '操作人角色', '代表', '工单', '操作', '对象类型', '对象 ID', '对象', '变更前', '变更后', '原因'],
} as const
