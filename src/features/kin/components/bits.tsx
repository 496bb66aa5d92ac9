// Small pieces of the next-of-kin screens: a track's deadline, and where the pages live.
import { Tag } from 'antd'
import { useParams } from 'react-router'
import { useTranslation } from 'react-i18next'
import { formatDate } from '@/shared/lib/format'
import type { KinTrackState } from '../api'

/** "12 days left", "Due soon: 2 days left", "Overdue by 1 day", "Paused — 13 days left", as the API counts them. */
export function DeadlineText({ state, closed = false }: { state: KinTrackState; closed?: boolean }) {
  const { t, i18n } = useTranslation('kin')
  if (closed || state.status === 'fulfilled' || state.status === 'not_asked') return <>{state.status === 'not_asked' ? t('trackStatus.not_asked') : t('deadline.done')}</>
  if (state.daysLeft === null || state.dueAt === null) return <>{t('deadline.none')}</>
  const due = t('deadline.dueAt', { date: formatDate(state.dueAt, i18n.language) })
  switch (state.urgency) {
    case 'paused':
      return <Tag title={due}>{t('deadline.paused', { count: Math.max(0, state.daysLeft) })}</Tag>
    case 'overdue':
      return <Tag color="error" title={due}>{state.daysLeft >= 0 ? t('deadline.overdueToday') : t('deadline.overdue', { count: -state.daysLeft })}</Tag>
    case 'due_soon':
      return <Tag color="warning" title={due}>{t('deadline.dueSoon', { count: state.daysLeft })}</Tag>
    default:
      return <span title={due}>{t('deadline.daysLeft', { count: state.daysLeft })}</span>
  }
}

/** Where the next-of-kin pages live: in a tenant's console for its administrators, at /kin-requests for the platform. */
export function useKinBase(): { base: string; tenantId: string | null } {
  const { tenantId } = useParams()
  return tenantId ? { base: `/tenants/${encodeURIComponent(tenantId)}/kin-requests`, tenantId } : { base: '/kin-requests', tenantId: null }
}
