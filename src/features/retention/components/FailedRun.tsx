// When the newest deletion run failed: say so at the top of the page, that nothing was deleted, and when the server
// tries again — a run never fails silently.
import { Alert } from 'antd'
import { useTranslation } from 'react-i18next'
import { formatDateTime } from '@/shared/lib/format'
import type { RetentionSettings } from '../api'

export function FailedRun({ settings }: { settings: RetentionSettings }) {
  const { t, i18n } = useTranslation('retention')
  const run = settings.lastRun
  if (run?.outcome !== 'failed') return null
  return (
    <Alert
      type="error"
      showIcon
      title={t('runs.failedTitle')}
      description={t('runs.failedBody', {
        at: formatDateTime(run.at, i18n.language),
        retry: run.retryAt ? formatDateTime(run.retryAt, i18n.language) : '—',
      })}
    />
  )
}
