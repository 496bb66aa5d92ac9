// One history of changes, wherever a thing's history is shown: what happened, when, by whom (a support agent on the
// tenant's behalf with the ticket, or the system), and the reason.
import { Flex, Skeleton, Typography } from 'antd'
import { useTranslation } from 'react-i18next'
import { formatDateTime } from '@/shared/lib/format'
import { useTenantId } from '@/shared/session/use-tenant'
import { ErrorAlert } from '@/shared/ui/ErrorAlert'
import { PlainList } from '@/shared/ui/PlainList'
import { useAuditTrail, type AuditEvent } from './api'

export interface AuditTrailProps {
  targetType: string
  targetId: string
  title: string
  headingId: string
  /** The feature's words for its actions (falls back to the action's code). */
  actionLabel: (event: AuditEvent) => string
  /** Extra lines for an event (e.g. what moved). */
  details?: (event: AuditEvent) => React.ReactNode
}

export function AuditTrail({ targetType, targetId, title, headingId, actionLabel, details }: AuditTrailProps) {
  const { t, i18n } = useTranslation()
  const tenantId = useTenantId()
  const history = useAuditTrail(tenantId, targetType, targetId)
  const actor = (event: AuditEvent) =>
    event.actor.role === 'system'
      ? t('audit.system')
      : event.onBehalfOf
        ? t('audit.onBehalf', { actor: event.actor.name, ticket: event.ticketRef ?? '' })
        : event.actor.name
  return (
    <section aria-labelledby={headingId}>
      <Typography.Title level={2} id={headingId} style={{ fontSize: 16 }}>
        {title}
      </Typography.Title>
      {history.isPending ? <Skeleton active paragraph={{ rows: 2 }} /> : null}
      {history.isError ? <ErrorAlert error={history.error} onRetry={() => void history.refetch()} /> : null}
      {history.data ? (
        history.data.items.length === 0 ? (
          <Typography.Text type="secondary">{t('audit.none')}</Typography.Text>
        ) : (
          <PlainList
            items={history.data.items}
            itemKey={(event) => event.id}
            render={(event) => (
              <Flex vertical gap={2}>
                <Typography.Text strong>{actionLabel(event)}</Typography.Text>
                <Typography.Text type="secondary">
                  <time dateTime={event.at}>{formatDateTime(event.at, i18n.language)}</time> · {actor(event)}
                </Typography.Text>
                {details?.(event)}
                {event.reason ? <Typography.Text>{t('audit.reason', { reason: event.reason })}</Typography.Text> : null}
              </Flex>
            )}
          />
        )
      ) : null}
    </section>
  )
}
