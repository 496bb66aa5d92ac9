// Puts the API's per-field validation errors next to the fields they belong to.
import type { FormInstance } from 'antd'
import type { TFunction } from 'i18next'
import { isApiError } from '../api/problem'

/**
 * Returns true when at least one error landed on a field of the form; the caller shows a general
 * message otherwise. `fieldMap` renames API fields (dotted paths) to form name paths when they differ.
 */
export function applyProblemToForm(
  form: FormInstance,
  error: unknown,
  t: TFunction,
  fieldMap: Record<string, (string | number)[]> = {},
): boolean {
  if (!isApiError(error)) return false
  const known = new Set(Object.keys(form.getFieldsValue(true) as object))
  const fields = error.fieldErrors
    .map((e) => {
      const name = fieldMap[e.field] ?? e.field.split('.')
      const message = t(`validation.${e.code}` as 'validation.invalid', { ...e.params, defaultValue: e.message })
      return { name, errors: [message] }
    })
    .filter((f) => f.name.length > 0 && known.has(String(f.name[0])))
  if (fields.length === 0) return false
  form.setFields(fields)
  return true
}
