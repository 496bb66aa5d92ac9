// A time shown relative to the server's clock ("in 3 days"), with the exact local time on hover and for screen readers.
import { useTranslation } from 'react-i18next'
import { formatDateTime, formatRelative } from '../lib/format'
import { useServerNow } from '../lib/server-clock'

export function RelativeTime({ iso }: { iso: string }) {
  const { i18n } = useTranslation()
  const now = useServerNow()
  const exact = formatDateTime(iso, i18n.language)
  return (
    <time dateTime={iso} title={exact}>
      {formatRelative(iso, now, i18n.language)}
    </time>
  )
}
