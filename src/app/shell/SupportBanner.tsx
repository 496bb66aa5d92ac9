// The permanent reminder a support agent works under: whose console this is, on which ticket, until when — and, once
// the grant has ended mid-session (revoked, replaced, run out), why, while the page and its unsaved input stay.
import { Alert, Flex } from 'antd'
import { useTranslation } from 'react-i18next'
import type { GrantRefusal } from '@/shared/api/grant-refusals'
import { formatDateTime } from '@/shared/lib/format'
import type { SupportGrantSummary } from '@/shared/session/session'
import { ButtonLink } from '@/shared/ui/ButtonLink'
import { RelativeTime } from '@/shared/ui/RelativeTime'

interface SupportBannerProps {
  tenantName: string
  grant: SupportGrantSummary | null
  refusal: GrantRefusal | null
}

export function SupportBanner({ tenantName, grant, refusal }: SupportBannerProps) {
  const { t, i18n } = useTranslation()
  if (refusal || !grant) {
    const ended = refusal?.ended ?? null
    const why = ended
      ? t(`support.ended.${ended.reason}`, { tenant: tenantName, by: ended.by?.name ?? '', when: formatDateTime(ended.at, i18n.language) })
      : t(refusal ? 'support.ended.none' : 'support.ended.unknown', { tenant: tenantName })
    return (
      <section aria-label={t('overview.supportAccess')}>
        <Alert
          banner
          type="error"
          role="alert"
          title={
            <Flex justify="space-between" align="center" gap="middle" wrap>
              <span>
                <strong>{why}</strong> {t('support.endedKeep')}
              </span>
              <ButtonLink to="/tenants" size="small">
                {t('support.backToTenants')}
              </ButtonLink>
            </Flex>
          }
        />
      </section>
    )
  }
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
