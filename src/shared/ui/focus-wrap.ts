// Tab wraps inside the open dialog or drawer (WCAG 2.4.3). antd locks focus by pulling it back once it has left, so
// from the last control Tab first leaves the page (to the browser's own UI: a keyboard user loses their place), and
// only the next Tab comes back. This moves focus round at the edges itself, for every dialog and drawer at once.

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

export function installFocusWrap(): () => void {
  window.addEventListener('keydown', onKeyDown)
  return () => window.removeEventListener('keydown', onKeyDown)
}
