// One way of showing audit entries, wherever history is shown — the audit log page, an app's drawer, a member's page:
// what happened, when, by whom (a support agent on the tenant's behalf with the ticket, or the system), what changed
// (before → after), and the reason.
import { Button, Flex, Skeleton, Typography } from 'antd'
import type { TFunction } from 'i18next'
import { useTranslation } from 'react-i18next'
import { formatDateTime, formatNumber } from '@/shared/lib/format'
import { useSession } from '@/shared/session/session'
import { useTenantId } from '@/shared/session/use-tenant'
import { ErrorAlert } from '@/shared/ui/ErrorAlert'
import { PlainList } from '@/shared/ui/PlainList'
import { useAuditTrail, type AuditEvent } from './api'

type Translate = TFunction

/** The console's words for an action (its code when it has none). */
export const auditActionLabel = (t: Translate, action: string): string =>
  t(`audit.actions.${action.replace(/\./g, '_')}` as 'audit.actions.app_enabled', { defaultValue: action })

export const auditTargetLabel = (t: Translate, targetType: string): string =>
  t(`audit.targets.${targetType}` as 'audit.targets.app', { defaultValue: targetType })

/** Who did it, as people read it: the system, an administrator, or a support agent acting for the tenant. */
export function useAuditActor(): (event: AuditEvent) => string {
  const { t } = useTranslation()
  const tenantId = useTenantId()
  const { data } = useSession()
  const tenantName = data?.tenants.find((tenant) => tenant.id === tenantId)?.name ?? tenantId
  return (event) =>
    event.actor.role === 'system'
      ? t('audit.system')
      : event.onBehalfOf
        ? t('audit.onBehalf', { actor: event.actor.name, tenant: tenantName, ticket: event.ticketRef ?? '' })
        : event.actor.name
}

interface Change {
  key: string
  before: unknown
  after: unknown
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value)

/** What an entry changed, field by field (only the fields whose value differs). */
export function changesOf(before: unknown, after: unknown): Change[] {
  if (!isRecord(before) && !isRecord(after)) return JSON.stringify(before) === JSON.stringify(after) ? [] : [{ key: '', before, after }]
  const from = isRecord(before) ? before : {}
  const to = isRecord(after) ? after : {}
  const keys = [...new Set([...Object.keys(from), ...Object.keys(to)])]
  return keys.filter((key) => JSON.stringify(from[key]) !== JSON.stringify(to[key])).map((key) => ({ key, before: from[key], after: to[key] }))
}

function formatValue(value: unknown, empty: string): string {
  if (value === null || value === undefined || value === '') return empty
  if (Array.isArray(value)) return value.length === 0 ? empty : value.map((item) => formatValue(item, empty)).join(', ')
  if (typeof value === 'object') return JSON.stringify(value)
  return String(value)
}

function AuditChanges({ event }: { event: AuditEvent }) {
  const { t } = useTranslation()
  const changes = changesOf(event.before, event.after)
  if (changes.length === 0) return null
  const empty = t('audit.empty')
  return (
    <ul aria-label={t('audit.changes')} style={{ margin: 0, paddingInlineStart: 20 }}>
      {changes.map((change) => (
        <li key={change.key || '-'}>
          <Typography.Text>
            {change.key ? <Typography.Text type="secondary">{change.key}: </Typography.Text> : null}
            {event.before === null ? formatValue(change.after, empty) : `${formatValue(change.before, empty)} → ${formatValue(change.after, empty)}`}
          </Typography.Text>
        </li>
      ))}
    </ul>
  )
}

export interface AuditEntryListProps {
  events: readonly AuditEvent[]
  /** The feature's words for its actions (default: the console's). */
  actionLabel?: (event: AuditEvent) => string
  /** Extra lines for an event (e.g. what moved). */
  details?: (event: AuditEvent) => React.ReactNode
  /** Show what each entry is about (the log, where entries are about many things) and its number. */
  showTarget?: boolean
  /** Show what changed, field by field. */
  showChanges?: boolean
  /** Offered next to the target: narrow the list to this target. */
  onTarget?: (event: AuditEvent) => void
}

export function AuditEntryList({ events, actionLabel, details, showTarget = false, showChanges = false, onTarget }: AuditEntryListProps) {
  const { t, i18n } = useTranslation()
  const actor = useAuditActor()
  const label = actionLabel ?? ((event: AuditEvent) => auditActionLabel(t, event.action))
  return (
    <PlainList
      items={events}
      itemKey={(event) => event.id}
      render={(event) => (
        <Flex vertical gap={2}>
          <Typography.Text strong>{label(event)}</Typography.Text>
          <Typography.Text type="secondary">
            <time dateTime={event.at}>{formatDateTime(event.at, i18n.language)}</time> · {actor(event)}
            {showTarget ? ` · #${formatNumber(event.seq, i18n.language)}` : null}
          </Typography.Text>
          {showTarget ? (
            <Flex gap="small" align="baseline" wrap>
              <Typography.Text>
                {auditTargetLabel(t, event.targetType)}: {event.targetName || event.targetId}
              </Typography.Text>
              {onTarget ? (
                <Button
                  type="link"
                  size="small"
                  style={{ padding: 0, height: 'auto' }}
                  aria-label={t('audit.onlyTarget', { target: event.targetName || event.targetId })}
                  onClick={() => onTarget(event)}
                >
                  {t('audit.onlyThis')}
                </Button>
              ) : null}
            </Flex>
          ) : null}
          {details?.(event)}
          {showChanges ? <AuditChanges event={event} /> : null}
          {event.reason ? <Typography.Text>{t('audit.reason', { reason: event.reason })}</Typography.Text> : null}
        </Flex>
      )}
    />
  )
}

export interface AuditTrailProps {
  targetType: string
  targetId: string
  title: string
  headingId: string
  /** The feature's words for its actions (default: the console's). */
  actionLabel?: (event: AuditEvent) => string
  /** Extra lines for an event (e.g. what moved). */
  details?: (event: AuditEvent) => React.ReactNode
}

/** One thing's history (an app, a member): its newest entries. */
export function AuditTrail({ targetType, targetId, title, headingId, actionLabel, details }: AuditTrailProps) {
  const { t } = useTranslation()
  const tenantId = useTenantId()
  const history = useAuditTrail(tenantId, targetType, targetId)
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
          <AuditEntryList events={history.data.items} {...(actionLabel ? { actionLabel } : {})} {...(details ? { details } : {})} />
        )
      ) : null}
    </section>
  )
}
