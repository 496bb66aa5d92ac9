// The persistent warning while an emergency stop is in force, with the way back to the previous state.
import { Alert, Button } from 'antd'
import { useTranslation } from 'react-i18next'
import { formatDateTime } from '@/shared/lib/format'
import type { AppEmergencyStop } from '../api'
import { WriteGuard } from '@/shared/ui/WriteGuard'
import type { Permission } from '@/shared/session/access'

interface EmergencyBannerProps {
  stop: AppEmergencyStop
  write: Permission
  onRestore: () => void
}

export function EmergencyBanner({ stop, write, onRestore }: EmergencyBannerProps) {
  const { t, i18n } = useTranslation('apps')
  return (
    <section aria-label={t('emergency.title')} style={{ marginBottom: 16 }}>
      <Alert
        type="error"
        showIcon
        title={t('emergency.active', { since: formatDateTime(stop.startedAt, i18n.language) })}
        description={t('emergency.activeDetail', { count: stop.disabledApps.length, actor: stop.startedBy.name, reason: stop.reason })}
        action={
          <WriteGuard permission={write}>
            <Button disabled={!write.allowed} onClick={onRestore}>
              {t('emergency.restore')}
            </Button>
          </WriteGuard>
        }
      />
    </section>
  )
}
