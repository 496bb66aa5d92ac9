// One dialog open at a time, held outside the page that opens it. Opening a dialog then re-renders the dialog
// alone, not the page and its tables behind it — on the apps page that was most of the time a click took to
// show a dialog (the bench's "open a dialog" interactions).
import { useState, useSyncExternalStore } from 'react'

export interface DialogSlot<D> {
  open: (dialog: D) => void
  close: () => void
  subscribe: (listener: () => void) => () => void
  current: () => D | null
}

function createDialogSlot<D>(): DialogSlot<D> {
  let current: D | null = null
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

/** A slot owned by the page; its functions never change, so passing them down re-renders nothing. */
export function useDialogSlot<D>(): DialogSlot<D> {
  const [slot] = useState(createDialogSlot<D>)
  return slot
}

/** The dialog open in the slot (null when none); only the component that calls this re-renders when it changes. */
export function useOpenDialog<D>(slot: DialogSlot<D>): D | null {
  return useSyncExternalStore(slot.subscribe, slot.current, slot.current)
}
