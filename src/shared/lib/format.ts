// Dates, times and numbers in the user's language and time zone (the wire is always UTC ISO 8601).

export function formatDateTime(iso: string, language: string): string {
  return new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(iso))
}

export function formatDate(iso: string, language: string): string {
  return new Intl.DateTimeFormat(language, { dateStyle: 'medium' }).format(new Date(iso))
}

export function formatNumber(value: number, language: string): string {
  return new Intl.NumberFormat(language).format(value)
}

const units: Array<[Intl.RelativeTimeFormatUnit, number]> = [
  ['year', 365 * 24 * 3600_000],
  ['month', 30 * 24 * 3600_000],
  ['day', 24 * 3600_000],
  ['hour', 3600_000],
  ['minute', 60_000],
]

/** "in 3 days", "2 hours ago", "3天后" — the largest unit, rounded, so a countdown reads as people say it. */
export function formatRelative(iso: string, nowMs: number, language: string): string {
  const diff = Date.parse(iso) - nowMs
  const rtf = new Intl.RelativeTimeFormat(language, { numeric: 'auto' })
  for (const [unit, size] of units) {
    // 23.9 hours reads as "tomorrow", not "in 24 hours".
    if (Math.abs(diff) >= size * 0.95) return rtf.format(Math.round(diff / size), unit)
  }
  return rtf.format(Math.round(diff / 60_000), 'minute')
}
