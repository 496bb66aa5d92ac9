// One dialog open at a time, held outside the page that opens it. Opening a dialog then re-renders the dialog
// alone, not the page and its tables behind it — on the apps page that was most of the time a click took to
// show a dialog (the bench's "open a dialog" interactions).
import { useEffect, useState, useSyncExternalStore } from 'react'
import { dropKeptInput, peekKeptInput, useKeptInput } from './kept-input'

export interface DialogSlot<D> {
  open: (dialog: D) => void
  close: () => void
  subscribe: (listener: () => void) => () => void
  current: () => D | null
}

function createDialogSlot<D>(initial: D | null): DialogSlot<D> {
  let current: D | null = initial
  const listeners = new Set<() => void>()
  const set = (next: D | null) => {
    current = next
    for (const listener of listeners) listener()
  }
  return {
    open: (dialog) => set(dialog),
    close: () => set(null),
    subscribe: (listener) => {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
    current: () => current,
  }
}

/**
 * A slot owned by the page; its functions never change, so passing them down re-renders nothing. With `keepAs`, the
 * dialog open when a 401 sent the admin to sign in (it must be plain data) is open again when they come back.
 */
export function useDialogSlot<D>(keepAs?: string): DialogSlot<D> {
  const [slot] = useState(() => createDialogSlot<D>(peekKeptInput<D>(keepAs) ?? null))
  useKeptInput(keepAs, () => slot.current() ?? undefined)
  useEffect(() => {
    if (keepAs !== undefined) dropKeptInput(keepAs)
  }, [keepAs])
  return slot
}

/** The dialog open in the slot (null when none); only the component that calls this re-renders when it changes. */
export function useOpenDialog<D>(slot: DialogSlot<D>): D | null {
  return useSyncExternalStore(slot.subscribe, slot.current, slot.current)
}
