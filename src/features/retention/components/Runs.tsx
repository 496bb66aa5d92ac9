// The recent deletion runs and what each deleted (and what legal holds kept), so a run never fails silently.
import { Table, Typography } from 'antd'
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
        rowKey="at"
        size="small"
        pagination={false}
        dataSource={settings.recentRuns}
        locale={{ emptyText: <Typography.Text>{t('runs.empty')}</Typography.Text> }}
        columns={[
          { title: t('runs.at'), key: 'at', render: (_, run) => formatDateTime(run.at, i18n.language) },
          { title: t('runs.messages'), key: 'messages', align: 'right', render: (_, run) => n(run.deletedMessages) },
          { title: t('runs.files'), key: 'files', align: 'right', render: (_, run) => n(run.deletedFiles) },
          { title: t('runs.held'), key: 'held', align: 'right', render: (_, run) => n(run.heldMessages + run.heldFiles) },
        ]}
      />
    </SectionCard>
  )
}
