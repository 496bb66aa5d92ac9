// The CSV export of what the filters show: started as a job on the server, followed with a progress bar (its id in
// the URL, so a reload or a later visit picks it up), then downloaded under its file name.
import { useState } from 'react'
import { Alert, Button, Flex, Progress, Typography } from 'antd'
import { useSearchParams } from 'react-router'
import { useTranslation } from 'react-i18next'
import { isApiError } from '@/shared/api/problem'
import { newIdempotencyKey } from '@/shared/api/write-headers'
import { formatNumber } from '@/shared/lib/format'
import { useTenantId } from '@/shared/session/use-tenant'
import { ErrorAlert } from '@/shared/ui/ErrorAlert'
import { SectionCard } from '@/shared/ui/SectionCard'
import { downloadAuditExport, MAX_EXPORT_ENTRIES, useAuditExport, useStartAuditExport, type AuditFilters } from '../api'

export function ExportPanel({ filters }: { filters: AuditFilters }) {
  const { t, i18n } = useTranslation('auditLog')
  const tenantId = useTenantId()
  const [params, setParams] = useSearchParams()
  const exportId = params.get('export')
  const record = useAuditExport(tenantId, exportId)
  const start = useStartAuditExport(tenantId)
  const [downloading, setDownloading] = useState<{ error: unknown } | 'busy' | null>(null)
  const n = (value: number) => formatNumber(value, i18n.language)
  const language = i18n.language === 'zh-CN' ? 'zh-CN' : 'en-US'

  const begin = () =>
    start.mutate(
      { filters, language, idempotencyKey: newIdempotencyKey() },
      {
        onSuccess: (created) =>
          setParams(
            (current) => {
              const next = new URLSearchParams(current)
              next.set('export', created.id)
              return next
            },
            { replace: true },
          ),
      },
    )
  const download = async () => {
    if (!record.data) return
    setDownloading('busy')
    try {
      await downloadAuditExport(tenantId, record.data)
      setDownloading(null)
    } catch (error) {
      setDownloading({ error })
    }
  }
  const tooMany = isApiError(start.error) && start.error.fieldErrors.some((field) => field.code === 'too_large')
  const data = record.data

  return (
    <div style={{ flex: '1 1 380px' }}>
      <SectionCard
        title={t('export.heading')}
        extra={
          <Button onClick={begin} loading={start.isPending} disabled={data?.status === 'running'}>
            {t('export.start')}
          </Button>
        }
      >
        <Typography.Paragraph type="secondary" style={{ marginTop: 0 }}>
          {t('export.explain', { max: n(MAX_EXPORT_ENTRIES) })}
        </Typography.Paragraph>
        <div role="status" aria-live="polite">
          {data?.status === 'running' ? (
            <>
              <Progress percent={data.total === 0 ? 100 : Math.floor((data.done / data.total) * 100)} status="active" aria-label={t('export.progress')} />
              <Typography.Text>{t('export.running', { done: n(data.done), total: n(data.total) })}</Typography.Text>
            </>
          ) : null}
          {data?.status === 'completed' ? (
            <Flex gap="small" align="center" wrap>
              <Typography.Text>{t('export.done', { total: n(data.total) })}</Typography.Text>
              <Button type="primary" onClick={() => void download()} loading={downloading === 'busy'}>
                {t('export.download', { file: data.fileName })}
              </Button>
            </Flex>
          ) : null}
        </div>
        {tooMany ? <Alert type="warning" showIcon role="alert" title={t('export.tooMany', { max: n(MAX_EXPORT_ENTRIES) })} /> : null}
        {start.isError && !tooMany ? <ErrorAlert error={start.error} onRetry={begin} /> : null}
        {record.isError ? <ErrorAlert error={record.error} onRetry={() => void record.refetch()} /> : null}
        {downloading && downloading !== 'busy' ? <ErrorAlert error={downloading.error} onRetry={() => void download()} /> : null}
      </SectionCard>
    </div>
  )
}
