// Keeps what an admin typed in a form across a trip to sign-in (a 401) or a reload, until it is saved or discarded.
import { useCallback, useEffect } from 'react'
import type { FormInstance } from 'antd'

const prefix = 'tdgc.draft.'

function read(key: string): unknown {
  try {
    const raw = sessionStorage.getItem(prefix + key)
    return raw ? (JSON.parse(raw) as unknown) : null
  } catch {
    return null
  }
}

/**
 * Restores a saved draft into the form once, and returns `onValuesChange` (pass it to the Form) and
 * `clear` (call it after a successful save or a deliberate discard). Drafts live in sessionStorage:
 * this tab only, gone when the tab closes.
 */
export function useFormDraft<T extends object>(form: FormInstance<T>, key: string) {
  useEffect(() => {
    const draft = read(key)
    if (draft && typeof draft === 'object') form.setFieldsValue(draft as Parameters<typeof form.setFieldsValue>[0])
  }, [form, key])

  const onValuesChange = useCallback(
    (_changed: Partial<T>, all: T) => {
      try {
        sessionStorage.setItem(prefix + key, JSON.stringify(all))
      } catch {
        // Storage full or disabled: the form still works, only the draft is not kept.
      }
    },
    [key],
  )

  const clear = useCallback(() => sessionStorage.removeItem(prefix + key), [key])
  return { onValuesChange, clear, hasDraft: () => read(key) !== null }
}
