// Focus in dialogs and drawers (WCAG 2.4.3, 2.1.2), for every one of them at once:
// - Tab wraps inside the open dialog or drawer. antd locks focus by pulling it back once it has left, so from the last
//   control Tab first leaves the page (to the browser's own UI: a keyboard user loses their place), and only the next
//   Tab comes back. This moves focus round at the edges itself.
// - On close, focus goes back to the control that opened it. antd does that only for a dialog it keeps in the page
//   for its closing animation; ours mostly leave the page at once (they are rendered while open), and a control may be
//   gone or disabled by then ("Disable" became "Enable", the app was removed): then focus goes to the first control of
//   the table row it was in, or else to the page's title.

const TABBABLE = 'a[href], button, input, select, textarea, [tabindex], [contenteditable="true"]'

function tabbables(root: HTMLElement): HTMLElement[] {
  return [...root.querySelectorAll<HTMLElement>(TABBABLE)].filter((element) => {
    if (element.tabIndex < 0) return false
    if ('disabled' in element && (element as HTMLButtonElement).disabled) return false
    if (element.closest('[hidden], [inert], [aria-hidden="true"]')) return false
    // Rendered and not hidden by CSS (offsetParent is null for display:none and its children; fixed elements have none either).
    return element.getClientRects().length > 0 && getComputedStyle(element).visibility !== 'hidden'
  })
}

/** The dialog the user is in: the last open (visible) modal dialog in the document. */
function openDialog(): HTMLElement | null {
  const dialogs = [...document.querySelectorAll<HTMLElement>('[role="dialog"]')].filter((dialog) => dialog.getClientRects().length > 0)
  return dialogs.at(-1) ?? null
}

function onKeyDown(event: KeyboardEvent): void {
  if (event.key !== 'Tab' || event.defaultPrevented || event.altKey || event.ctrlKey || event.metaKey) return
  const dialog = openDialog()
  if (!dialog) return
  const inside = tabbables(dialog)
  const first = inside[0]
  const last = inside.at(-1)
  if (!first || !last) return
  const active = document.activeElement
  const outside = !(active instanceof HTMLElement) || !dialog.contains(active)
  if (outside || (event.shiftKey ? active === first : active === last)) {
    event.preventDefault()
    ;(event.shiftKey ? last : first).focus()
  }
}

interface Opened {
  dialog: HTMLElement
  opener: HTMLElement
  rowKey: string | null
  /** The drawer or dialog the opener was in (a dialog opened from a drawer), if any. */
  within: HTMLElement | null
}

/** Dialogs open now, each with what had focus before it. */
const opened: Opened[] = []
/** The element that last had focus (wrappers around a dialog do not count: antd focuses them on the way in). */
let lastFocused: HTMLElement | null = null
/** The dialog or drawer that element is in, if any. */
let lastFocusedWithin: HTMLElement | null = null
/** antd's outer elements around a drawer or dialog (the dialog may not be drawn yet when they get focus). */
const DIALOG_WRAPPERS = '.ant-drawer, .ant-modal-wrap'
/** A wrapper around a dialog that has focus, until focus is moved into the dialog. */
let focusedWrapper: HTMLElement | null = null

/** Moves focus from a wrapper into the dialog it holds, when that is drawn; false when it is not yet. */
function focusInto(wrapper: HTMLElement): boolean {
  const inner = wrapper.querySelector<HTMLElement>('[role="dialog"]')
  if (!inner || !visible(inner)) return false
  focusedWrapper = null
  focusTarget(inner)
  return true
}

/** In the page and drawn (where the browser can tell: checkVisibility; a DOM without layout only knows it is there). */
const visible = (element: Element) => element.isConnected && (typeof element.checkVisibility !== 'function' || element.checkVisibility())
const usable = (element: Element | null | undefined): element is HTMLElement =>
  element instanceof HTMLElement && visible(element) && !(element as HTMLButtonElement).disabled

function onFocusIn(event: FocusEvent): void {
  const target = event.target
  if (!(target instanceof HTMLElement)) return
  // antd's drawer focuses its outer wrapper on opening: focus goes into the dialog itself, which names it (at once, or
  // once the dialog is drawn).
  if (target.matches(DIALOG_WRAPPERS) || target.querySelector('[role="dialog"]')) {
    if (!target.closest('[role="dialog"]')) {
      focusedWrapper = target
      if (!focusInto(target)) scheduleCheck()
    }
    return
  }
  const dialog = target.closest<HTMLElement>('[role="dialog"]')
  if (dialog && lastFocused && !dialog.contains(lastFocused) && !opened.some((entry) => entry.dialog === dialog)) {
    opened.push({
      dialog,
      opener: lastFocused,
      rowKey: lastFocused.closest('tr[data-row-key]')?.getAttribute('data-row-key') ?? null,
      within: lastFocused.closest<HTMLElement>('[role="dialog"]'),
    })
    watch(true)
  }
  lastFocused = target
  lastFocusedWithin = dialog
}

function giveFocusBack(entry: Opened): void {
  const active = document.activeElement
  // antd (or the action itself) already put focus somewhere that is still there.
  if (active instanceof HTMLElement && active !== document.body && visible(active) && !entry.dialog.contains(active)) return
  // Opened from a drawer that is still open, and the button is gone (e.g. "Record the answer" once it is recorded):
  // the drawer itself, so the keyboard stays where the work is.
  if (!usable(entry.opener) && entry.within && visible(entry.within)) return focusTarget(entry.within)
  // Another dialog or drawer is open and the opener is not in it (e.g. the details of an app just registered).
  if (openDialogs().some((dialog) => !dialog.contains(entry.opener))) return
  if (usable(entry.opener)) return entry.opener.focus()
  const row = entry.rowKey === null ? null : document.querySelector(`tr[data-row-key="${CSS.escape(entry.rowKey)}"]`)
  const inRow = row ? [...row.querySelectorAll('button, a[href], input')].find(usable) : undefined
  if (inRow) return inRow.focus()
  const title = document.querySelector<HTMLElement>('#main h1')
  if (title) focusTarget(title)
}

/** Focuses an element that is not a control (a dialog, a title) without adding it to the Tab order. */
function focusTarget(element: HTMLElement): void {
  if (!element.hasAttribute('tabindex')) element.setAttribute('tabindex', '-1')
  element.focus()
}

const openDialogs = () => [...document.querySelectorAll<HTMLElement>('[role="dialog"]')].filter(visible)

/** Watches the page only while a dialog is tracked: nothing is recorded for the page's own changes otherwise. */
let observer: MutationObserver | null = null
let observing = false
function watch(on: boolean): void {
  if (!observer || on === observing) return
  observing = on
  if (on) observer.observe(document.body, { childList: true, subtree: true, attributes: true, attributeFilter: ['style', 'class'] })
  else observer.disconnect()
}

let checkScheduled = false
/** After the page changed: a dialog that left (or was hidden) hands focus back, innermost first. */
function scheduleCheck(): void {
  if (opened.length === 0 && focusedWrapper === null) return watch(false)
  watch(true)
  if (checkScheduled) return
  checkScheduled = true
  requestAnimationFrame(() => {
    checkScheduled = false
    if (focusedWrapper !== null) {
      if (document.activeElement !== focusedWrapper) focusedWrapper = null
      else if (!focusInto(focusedWrapper)) scheduleCheck()
    }
    for (let index = opened.length - 1; index >= 0; index--) {
      const entry = opened[index]
      if (!entry || visible(entry.dialog)) continue
      opened.splice(index, 1)
      giveFocusBack(entry)
    }
    // The focused control left the page while its drawer stays (e.g. "Record the answer" once the answer is in):
    // the browser drops focus to the page's body; it goes to the drawer instead.
    const active = document.activeElement
    if ((active === null || active === document.body) && lastFocused && !lastFocused.isConnected && lastFocusedWithin && visible(lastFocusedWithin)) {
      focusTarget(lastFocusedWithin)
    }
    if (opened.length === 0 && focusedWrapper === null) watch(false)
  })
}

export function installFocusWrap(): () => void {
  window.addEventListener('keydown', onKeyDown)
  document.addEventListener('focusin', onFocusIn)
  observer = new MutationObserver(scheduleCheck)
  return () => {
    window.removeEventListener('keydown', onKeyDown)
    document.removeEventListener('focusin', onFocusIn)
    watch(false)
    observer = null
    opened.length = 0
  }
}

/** After a menu closed: focus goes back to its button unless it already went somewhere else on purpose. */
export function returnFocusTo(element: HTMLElement | null): void {
  requestAnimationFrame(() => {
    const active = document.activeElement
    if (element && (active === null || active === document.body || active.closest('[role="menu"]'))) element.focus()
  })
}
