// The scheduled (shortened) change: what will change, a countdown to the end of the grace period, and the way to cancel it.
import { useState } from 'react'
import type { Permission } from '@/shared/session/access'
import { useDenialText } from '@/shared/ui/use-denial-text'
import { Alert, App, Button, Space, Statistic, Typography } from 'antd'
import { useTranslation } from 'react-i18next'
import { formatDateTime } from '@/shared/lib/format'
import { useServerNow } from '@/shared/lib/server-clock'
import { DangerousActionDialog } from '@/shared/ui/DangerousActionDialog'
import { RelativeTime } from '@/shared/ui/RelativeTime'
import { useActionKey } from '@/shared/ui/use-action-key'
import { RETENTION_KINDS, useCancelPendingRetention, type RetentionSettings } from '../api'
import { periodText } from '../period'

const DAY_MS = 86_400_000

interface PendingChangeProps {
  settings: RetentionSettings
  tenantId: string
  write: Permission
}

export function PendingChange({ settings, tenantId, write }: PendingChangeProps) {
  const deniedReason = useDenialText(write)
  const { t, i18n } = useTranslation('retention')
  const { message } = App.useApp()
  const now = useServerNow(15_000)
  const cancel = useCancelPendingRetention(tenantId)
  const action = useActionKey()
  const [confirming, setConfirming] = useState(false)
  const pending = settings.pending
  if (!pending) return null
  // Whole days, counted up; a minute of slack absorbs the latency in the synced server time, so a fresh
  // 7-day grace period reads 7, not 8.
  const daysLeft = Math.max(0, Math.ceil((Date.parse(pending.effectiveAt) - now - 60_000) / DAY_MS))
  const changes = RETENTION_KINDS.flatMap((kind) => {
    const period = pending.policies[kind]
    return period ? [`${t(`kinds.${kind}`)}: ${periodText(t, settings.policies[kind].period)} → ${periodText(t, period)}`] : []
  }).join('; ')

  return (
    <section aria-label={t('pending.title')} style={{ marginBottom: 16 }}>
      <Alert
        type="warning"
        showIcon
        title={t('pending.title')}
        description={
          <Space orientation="vertical" size="small" style={{ width: '100%' }}>
            <strong>{changes}</strong>
            <span>
              {t('pending.startsAt')} <RelativeTime iso={pending.effectiveAt} /> ({formatDateTime(pending.effectiveAt, i18n.language)})
            </span>
            <Statistic title={t('pending.daysLeft')} value={daysLeft} />
            <Typography.Text>
              {t('pending.requestedBy', { name: pending.requestedBy.name, reason: pending.reason ?? t('pending.noReason') })}
            </Typography.Text>
            <Space wrap>
              <Button danger disabled={!write.allowed} onClick={() => setConfirming(true)}>
                {t('pending.cancel')}
              </Button>
              {deniedReason !== null ? <Typography.Text type="secondary">{deniedReason}</Typography.Text> : null}
            </Space>
          </Space>
        }
      />
      <DangerousActionDialog
        open={confirming}
        danger={false}
        title={t('pending.cancelTitle')}
        consequence={t('pending.cancelConsequence')}
        confirmLabel={t('pending.cancelConfirm')}
        pending={cancel.isPending}
        error={cancel.error}
        onConfirm={() =>
          cancel.mutate(
            { key: action.key() },
            {
              onSuccess: () => {
                action.renew()
                setConfirming(false)
                void message.success(t('pending.cancelled'))
              },
            },
          )
        }
        onCancel={() => {
          cancel.reset()
          setConfirming(false)
        }}
      />
    </section>
  )
}
