// The history of every policy change: before → after, what happened (applied, scheduled, took effect, cancelled), who, when and why.
import { Button, Table, Tag, Typography } from 'antd'
import { useTranslation } from 'react-i18next'
import { formatDateTime } from '@/shared/lib/format'
import { ErrorAlert } from '@/shared/ui/ErrorAlert'
import { SectionCard } from '@/shared/ui/SectionCard'
import { useRetentionHistory, type RetentionHistoryEntry } from '../api'
import { periodText } from '../period'

export function History({ tenantId }: { tenantId: string }) {
  const { t, i18n } = useTranslation('retention')
  const history = useRetentionHistory(tenantId)
  const items = history.data?.pages.flatMap((page) => page.items) ?? []

  return (
    <SectionCard title={t('history.title')}>
      {history.isError ? (
        <ErrorAlert error={history.error} onRetry={() => void history.refetch()} retrying={history.isFetching} />
      ) : (
        <Table<RetentionHistoryEntry>
          rowKey="id"
          size="small"
          loading={history.isPending}
          pagination={false}
          dataSource={items}
          locale={{ emptyText: <Typography.Text>{t('history.empty')}</Typography.Text> }}
          columns={[
            { title: t('history.when'), key: 'at', render: (_, entry) => formatDateTime(entry.at, i18n.language) },
            { title: t('history.policy'), key: 'kind', render: (_, entry) => t(`kinds.${entry.kind}`) },
            {
              title: t('history.change'),
              key: 'change',
              render: (_, entry) => `${periodText(t, entry.before)} → ${periodText(t, entry.after)}`,
            },
            {
              title: t('history.event'),
              key: 'event',
              render: (_, entry) => (
                <>
                  <Tag>{t(`history.events.${entry.event}`)}</Tag>
                  {entry.event === 'scheduled' && entry.effectiveAt ? (
                    <Typography.Text type="secondary">
                      {t('history.effective', { date: formatDateTime(entry.effectiveAt, i18n.language) })}
                    </Typography.Text>
                  ) : null}
                </>
              ),
            },
            { title: t('history.by'), key: 'by', render: (_, entry) => entry.by.name },
            { title: t('history.reason'), key: 'reason', render: (_, entry) => entry.reason ?? '—' },
          ]}
        />
      )}
      {history.hasNextPage ? (
        <Button style={{ marginTop: 12 }} onClick={() => void history.fetchNextPage()} loading={history.isFetchingNextPage}>
          {t('history.loadMore')}
        </Button>
      ) : null}
    </SectionCard>
  )
}
