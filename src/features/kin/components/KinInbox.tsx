// The inbox of next-of-kin requests: for an administrator the tenant's, for a support agent every tenant's. Soonest
// deadline of the caller's part first; due-soon, overdue and paused stand out; filters in the URL.
import { Select, Space, Table, Tag, Typography } from 'antd'
import type { TableColumnsType } from 'antd'
import { Link, useSearchParams } from 'react-router'
import { useTranslation } from 'react-i18next'
import { formatDate } from '@/shared/lib/format'
import { ButtonLink } from '@/shared/ui/ButtonLink'
import { PageHeader } from '@/shared/ui/PageHeader'
import { QueryView } from '@/shared/ui/QueryView'
import { useDocumentTitle } from '@/shared/ui/use-document-title'
import { useKinRequests, type KinFilters, type KinRequest, type KinStatus } from '../api'
import { useSession } from '@/shared/session/session'
import { DeadlineText, useKinBase } from './bits'
import { KinDeadlineSettings } from './KinDeadlineSettings'

const STATUSES: KinStatus[] = ['received', 'verifying', 'awaiting_requester', 'verified', 'decided', 'fulfilled', 'closed']
const URGENCIES = ['due_soon', 'overdue', 'paused'] as const

export function KinInbox() {
  const { t, i18n } = useTranslation('kin')
  const { base, tenantId } = useKinBase()
  const [params, setParams] = useSearchParams()
  const status = STATUSES.find((value) => value === params.get('status'))
  const urgency = URGENCIES.find((value) => value === params.get('deadline'))
  const filters: KinFilters = { ...(tenantId ? { tenantId } : {}), ...(status ? { status } : {}), ...(urgency ? { urgency } : {}) }
  const inbox = useKinRequests(filters)
  const { data: session } = useSession()
  const title = tenantId ? t('title') : t('platformTitle')
  useDocumentTitle(title)
  const setFilter = (name: string, value: string | undefined) =>
    setParams((current) => {
      const next = new URLSearchParams(current)
      if (value) next.set(name, value)
      else next.delete(name)
      return next
    })

  const columns: TableColumnsType<KinRequest> = [
    {
      title: t('columns.deceased'),
      key: 'deceased',
      render: (_, request) => (
        <Space direction="vertical" size={0}>
          <Link to={`${base}/${encodeURIComponent(request.id)}`} aria-label={t('open', { name: request.member.name })}>
            {request.member.name}
          </Link>
          <Typography.Text type="secondary">{request.member.employeeNo}</Typography.Text>
        </Space>
      ),
    },
    ...(tenantId ? [] : [{ title: t('columns.tenant'), key: 'tenant', render: (_: unknown, request: KinRequest) => request.tenantName }]),
    {
      title: t('columns.requester'),
      key: 'requester',
      render: (_, request) => `${request.requester.name} · ${t(`relationship.${request.requester.relationship}`)}`,
    },
    { title: t('columns.rights'), key: 'rights', render: (_, request) => request.rights.map((right) => t(`rights.${right}`)).join(i18n.language.startsWith('zh') ? '、' : ', ') },
    { title: t('columns.status'), key: 'status', render: (_, request) => <Tag>{t(`status.${request.status}`)}</Tag> },
    { title: t('columns.received'), key: 'received', render: (_, request) => formatDate(request.receivedAt, i18n.language) },
    { title: t('columns.deadline'), key: 'deadline', render: (_, request) => <DeadlineText state={request[request.yourTrack]} closed={request.status === 'closed'} /> },
  ]

  return (
    <>
      <PageHeader title={title} extra={<ButtonLink type="primary" to={`${base}/new`}>{t('log')}</ButtonLink>}>
        <Typography.Paragraph type="secondary" style={{ maxWidth: 860, marginTop: 8 }}>
          {t('intro')}
        </Typography.Paragraph>
      </PageHeader>
      <Space wrap style={{ marginBottom: 16 }}>
        <Select
          aria-label={t('filters.status')}
          style={{ minWidth: 200 }}
          value={status ?? ''}
          onChange={(value) => setFilter('status', value || undefined)}
          options={[{ value: '', label: t('filters.anyStatus') }, ...STATUSES.map((value) => ({ value, label: t(`status.${value}`) }))]}
        />
        <Select
          aria-label={t('filters.urgency')}
          style={{ minWidth: 180 }}
          value={urgency ?? ''}
          onChange={(value) => setFilter('deadline', value || undefined)}
          options={[{ value: '', label: t('filters.anyDeadline') }, ...URGENCIES.map((value) => ({ value, label: t(`urgency.${value}`) }))]}
        />
      </Space>
      <QueryView query={inbox}>
        {(data) => (
          <Table<KinRequest>
            rowKey="id"
            columns={columns}
            dataSource={data.items}
            pagination={false}
            locale={{ emptyText: <Typography.Text type="secondary">{t('empty')}</Typography.Text> }}
            rowClassName={(request) => (request[request.yourTrack].urgency === 'overdue' ? 'kin-overdue' : '')}
          />
        )}
      </QueryView>
      {tenantId && session?.user.role === 'tenant_admin' ? (
        <div style={{ marginTop: 24 }}>
          <KinDeadlineSettings tenantId={tenantId} />
        </div>
      ) : null}
    </>
  )
}
