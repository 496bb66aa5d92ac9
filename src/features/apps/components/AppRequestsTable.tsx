// Members waiting for an app: who, which app, their message, when — with approve and deny.
import { Button, Space, Table, Typography } from 'antd'
import type { TableColumnsType } from 'antd'
import type { UseQueryResult } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import { ErrorAlert } from '@/shared/ui/ErrorAlert'
import { RelativeTime } from '@/shared/ui/RelativeTime'
import type { AppRequest } from '../api'
import { WriteGuard } from '@/shared/ui/WriteGuard'
import type { Permission } from '@/shared/session/access'

interface AppRequestsTableProps {
  query: UseQueryResult<{ items: AppRequest[] }>
  write: Permission
  onDecide: (kind: 'approveRequest' | 'denyRequest', request: AppRequest) => void
}

export function AppRequestsTable({ query, write, onDecide }: AppRequestsTableProps) {
  const { t } = useTranslation('apps')
  const columns: TableColumnsType<AppRequest> = [
    {
      key: 'member',
      title: t('requests.member'),
      render: (_, request) => (
        <Space orientation="vertical" size={0}>
          <Typography.Text>{request.member.name}</Typography.Text>
          <Typography.Text type="secondary">{request.member.departmentName}</Typography.Text>
        </Space>
      ),
    },
    { key: 'app', title: t('requests.app'), render: (_, request) => <span style={{ overflowWrap: 'anywhere' }}>{request.appName}</span> },
    { key: 'message', title: t('requests.message'), render: (_, request) => <span style={{ overflowWrap: 'anywhere' }}>{request.message}</span> },
    { key: 'requested', title: t('requests.requested'), render: (_, request) => <RelativeTime iso={request.requestedAt} /> },
    {
      key: 'actions',
      title: t('columns.actions'),
      render: (_, request) => {
        const names = { member: request.member.name, app: request.appName }
        return (
          <Space>
            <WriteGuard permission={write}>
              <Button size="small" type="primary" autoInsertSpace={false} disabled={!write.allowed} aria-label={t('requests.approveOf', names)} onClick={() => onDecide('approveRequest', request)}>
                {t('requests.approve')}
              </Button>
            </WriteGuard>
            <WriteGuard permission={write}>
              <Button size="small" danger autoInsertSpace={false} disabled={!write.allowed} aria-label={t('requests.denyOf', names)} onClick={() => onDecide('denyRequest', request)}>
                {t('requests.deny')}
              </Button>
            </WriteGuard>
          </Space>
        )
      },
    },
  ]
  return (
    <>
      {query.isError ? <ErrorAlert error={query.error} onRetry={() => void query.refetch()} retrying={query.isFetching} /> : null}
      <Table<AppRequest>
        rowKey="id"
        columns={columns}
        dataSource={query.data?.items ?? []}
        loading={query.isPending}
        pagination={false}
        locale={{ emptyText: t('requests.empty') }}
        title={() => <Typography.Text strong>{t('requests.caption')}</Typography.Text>}
      />
    </>
  )
}
