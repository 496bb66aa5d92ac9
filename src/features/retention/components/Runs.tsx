// The recent deletion runs and what each deleted (and what legal holds kept), so a run never fails silently.
import { Space, Table, Tag, Typography } from 'antd'
import { useTranslation } from 'react-i18next'
import { formatDateTime, formatNumber } from '@/shared/lib/format'
import { SectionCard } from '@/shared/ui/SectionCard'
import type { RetentionSettings } from '../api'

type Run = RetentionSettings['recentRuns'][number]

export function Runs({ settings }: { settings: RetentionSettings }) {
  const { t, i18n } = useTranslation('retention')
  const n = (value: number) => formatNumber(value, i18n.language)
  return (
    <SectionCard title={t('runs.title')} fill>
      <Table<Run>
        rowKey={(run) => `${run.at}-${run.outcome}-${run.retryAt ?? ""}`}
        size="small"
        pagination={false}
        dataSource={settings.recentRuns}
        locale={{ emptyText: <Typography.Text>{t('runs.empty')}</Typography.Text> }}
        columns={[
          { title: t('runs.at'), key: 'at', render: (_, run) => <span style={{ whiteSpace: 'nowrap' }}>{formatDateTime(run.at, i18n.language)}</span> },
          {
            title: t('runs.outcome'),
            key: 'outcome',
            render: (_, run) =>
              run.outcome === 'failed' ? (
                <Space orientation="vertical" size={0}>
                  <Tag color="error" style={{ marginInlineEnd: 0 }}>
                    {t('runs.failed')}
                  </Tag>
                  {run.retryAt ? <Typography.Text type="secondary">{t('runs.retryAt', { retry: formatDateTime(run.retryAt, i18n.language) })}</Typography.Text> : null}
                </Space>
              ) : (
                t('runs.completed')
              ),
          },
          { title: t('runs.messages'), key: 'messages', align: 'right', render: (_, run) => n(run.deletedMessages) },
          { title: t('runs.files'), key: 'files', align: 'right', render: (_, run) => n(run.deletedFiles) },
          { title: t('runs.held'), key: 'held', align: 'right', render: (_, run) => n(run.heldMessages + run.heldFiles) },
        ]}
      />
    </SectionCard>
  )
}
