// The permanent reminder a support agent works under: whose console this is, on which ticket, until when.
import { Alert } from 'antd'
import { useTranslation } from 'react-i18next'
import type { SupportGrantSummary } from '@/shared/session/session'
import { RelativeTime } from '@/shared/ui/RelativeTime'

export function SupportBanner({ tenantName, grant }: { tenantName: string; grant: SupportGrantSummary }) {
  const { t } = useTranslation()
  const [before, after] = t('support.banner', {
    tenant: tenantName,
    ticket: grant.ticketRef,
    mode: t(`support.modes.${grant.mode}`),
    ends: '\u0000',
  }).split('\u0000')
  return (
    <section aria-label={t('overview.supportAccess')}>
    <Alert
      banner
      type="warning"
      role="status"
      title={
        <span>
          {before}
          <RelativeTime iso={grant.expiresAt} />
          {after}
        </span>
      }
    />
    </section>
  )
}
