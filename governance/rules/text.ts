// Free text a person gives with a change (a reason, a note): trimmed, and required where the rule says so.
import { fieldError, validation } from './errors'

/** The trimmed text, or null when empty; a required one that is blank is a field error. */
export function givenText(value: string | null | undefined, field: string, required: boolean): string | null {
  const text = (value ?? '').trim()
  if (required && text === '') throw validation([fieldError(field, 'required', `Give a ${field}; it is recorded in the audit log.`)])
  return text === '' ? null : text
}
