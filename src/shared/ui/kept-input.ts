// Unsaved input kept across a trip to sign-in: when a 401 ends the session, what every open form holds (and which
// dialog is open) is written to this tab's sessionStorage; back on the same page after signing in, the forms and
// dialogs take it again, once. Nothing is written while people type, and nothing outlives the trip: an entry is
// dropped once taken, and the whole snapshot after 30 minutes, on sign-out, or on another page.
import { useEffect, useRef, useState, type Dispatch, type SetStateAction } from 'react'
import type { FormInstance } from 'antd'

const STORAGE_KEY = 'tdgc.kept-input'
const KEPT_FOR_MS = 30 * 60_000

interface Snapshot {
  path: string
  at: number
  entries: Record<string, unknown>
}

/** The open forms and dialogs of the page, each able to say what it holds now. */
const live = new Map<string, () => unknown>()

const here = () => `${window.location.pathname}${window.location.search}${window.location.hash}`

function readSnapshot(): Snapshot | null {
  try {
    const raw = sessionStorage.getItem(STORAGE_KEY)
    const snapshot = raw ? (JSON.parse(raw) as Snapshot) : null
    if (!snapshot || typeof snapshot.entries !== 'object' || Date.now() - snapshot.at > KEPT_FOR_MS) return null
    return snapshot
  } catch {
    return null
  }
}

function writeSnapshot(snapshot: Snapshot | null): void {
  try {
    if (snapshot === null || Object.keys(snapshot.entries).length === 0) sessionStorage.removeItem(STORAGE_KEY)
    else sessionStorage.setItem(STORAGE_KEY, JSON.stringify(snapshot))
  } catch {
    // Storage full or disabled: the console still works, only the input is not kept.
  }
}

/** Called as a 401 sends the user to sign in: what the page's forms hold now, for when they come back to `path`. */
export function keepInputForSignIn(path: string): void {
  const entries: Record<string, unknown> = {}
  for (const [key, read] of live) {
    const value = read()
    if (value !== undefined) entries[key] = value
  }
  writeSnapshot({ path, at: Date.now(), entries })
}

/** Forgets any kept input (on sign-out: the next person in this tab must not find it). */
export function forgetKeptInput(): void {
  writeSnapshot(null)
}

/** What was kept under `key` for this page, without taking it (safe to call while rendering). */
export function peekKeptInput<T>(key: string | undefined): T | undefined {
  if (key === undefined) return undefined
  const snapshot = readSnapshot()
  if (!snapshot || snapshot.path !== here()) return undefined
  return snapshot.entries[key] as T | undefined
}

/** Drops what was kept under `key` (it has been given back); the snapshot goes when nothing is left in it. */
export function dropKeptInput(key: string): void {
  const snapshot = readSnapshot()
  if (!snapshot) return writeSnapshot(null)
  if (snapshot.path !== here()) return writeSnapshot(null)
  const { [key]: _taken, ...rest } = snapshot.entries
  writeSnapshot({ ...snapshot, entries: rest })
}

/**
 * Registers a form or dialog under `key` while it is mounted: `read` says what to keep (undefined: nothing). Use a
 * key that names the thing edited (e.g. the app), so input never lands in another one's form.
 */
export function useKeptInput(key: string | undefined, read: () => unknown): void {
  const reader = useRef(read)
  useEffect(() => {
    reader.current = read
  })
  useEffect(() => {
    if (key === undefined) return
    live.set(key, () => reader.current())
    return () => {
      live.delete(key)
    }
  }, [key])
}

/**
 * useState whose value survives a trip to sign-in under `key`: it starts from what was kept (once), else `initial`.
 * For what an edit needs beside its form (the version it was made on, a number outside the form).
 */
export function useKeptState<T>(key: string, initial: () => T): [T, Dispatch<SetStateAction<T>>] {
  const [value, setValue] = useState<T>(() => peekKeptInput<T>(key) ?? initial())
  useKeptInput(key, () => value ?? undefined)
  useEffect(() => dropKeptInput(key), [key])
  return [value, setValue]
}

/**
 * An antd form whose input survives a trip to sign-in: registered under `key`, and given back what it held when it
 * mounts again on the same page.
 */
export function useKeptForm<T extends object>(form: FormInstance<T>, key: string | undefined): void {
  useKeptInput(key, () => form.getFieldsValue(true) as unknown)
  useEffect(() => {
    const values = peekKeptInput<Partial<T>>(key)
    if (key === undefined || values === undefined) return
    form.setFieldsValue(values as Parameters<FormInstance<T>['setFieldsValue']>[0])
    dropKeptInput(key)
  }, [form, key])
}
