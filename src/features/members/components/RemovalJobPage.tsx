// A bulk removal's progress and per-member results: the job runs on the server, so this page can be left, reloaded
// or opened later; it looks twice a second while the job runs.
import { useEffect, useRef } from 'react'
import { Card, Flex, Progress, Skeleton, Table, Tag, Typography } from 'antd'
import { ArrowLeftOutlined } from '@ant-design/icons'
import { useQueryClient } from '@tanstack/react-query'
import { Link, useParams } from 'react-router'
import { useTranslation } from 'react-i18next'
import { formatDateTime, formatNumber } from '@/shared/lib/format'
import { useTenantAccess } from '@/shared/session/use-tenant'
import { ButtonLink } from '@/shared/ui/ButtonLink'
import { ErrorAlert } from '@/shared/ui/ErrorAlert'
import { PageHeader } from '@/shared/ui/PageHeader'
import { useDocumentTitle } from '@/shared/ui/use-document-title'
import { useRemovalJob, type MemberRemovalJob } from '../api'

type Result = MemberRemovalJob['results'][number]

export function RemovalJobPage() {
  const { t, i18n } = useTranslation('members')
  const { tenantId } = useTenantAccess()
  const jobId = useParams().jobId ?? ''
  const job = useRemovalJob(tenantId, jobId)
  const queryClient = useQueryClient()
  const n = (value: number) => formatNumber(value, i18n.language)
  useDocumentTitle(t('job.title', { id: jobId }))
  // When the job finishes, the directory, the members and the overview are stale: refresh them once.
  const finished = job.data?.status === 'completed'
  const refreshed = useRef(false)
  useEffect(() => {
    if (!finished || refreshed.current) return
    refreshed.current = true
    void queryClient.invalidateQueries({ predicate: (query) => query.queryKey[1] !== 'removal-job' })
  }, [finished, queryClient])

  const data = job.data
  return (
    <>
      <ButtonLink to={`/tenants/${tenantId}/members`} type="link" icon={<ArrowLeftOutlined aria-hidden />} style={{ paddingInline: 0, marginBottom: 8 }}>
        {t('detail.back')}
      </ButtonLink>
      <PageHeader title={t('job.title', { id: jobId })} />
      {job.isPending ? <Skeleton active /> : null}
      {job.isError && !data ? <ErrorAlert error={job.error} onRetry={() => void job.refetch()} retrying={job.isFetching} /> : null}
      {data ? (
        <Flex vertical gap={24}>
          <Card title={<h2 style={{ fontSize: 16, margin: 0 }}>{t('job.progress')}</h2>}>
            <Progress percent={data.total === 0 ? 100 : Math.floor((data.done / data.total) * 100)} status={finished ? (data.failed > 0 ? 'exception' : 'success') : 'active'} aria-label={t('job.progress')} />
            <Typography.Paragraph role="status" style={{ margin: '8px 0 0' }}>
              {finished
                ? t('job.completed', { date: formatDateTime(data.finishedAt ?? data.createdAt, i18n.language), removed: n(data.removed), skipped: n(data.skipped), failed: n(data.failed) })
                : t('job.running', { done: n(data.done), total: n(data.total) })}
            </Typography.Paragraph>
            <Typography.Paragraph type="secondary" style={{ margin: '8px 0 0' }}>
              {t('job.summary', {
                name: data.createdBy.name,
                date: formatDateTime(data.createdAt, i18n.language),
                handling: t(`detail.handling.${data.dataHandling}`),
                days: data.graceDays,
                handover: data.handoverTo ? t('job.handoverTo', { name: data.handoverTo.name }) : t('job.noHandover'),
              })}
            </Typography.Paragraph>
            {job.isError ? <ErrorAlert error={job.error} /> : null}
          </Card>
          <Card title={<h2 style={{ fontSize: 16, margin: 0 }}>{t('job.results')}</h2>}>
            <Typography.Paragraph type="secondary">{t('job.resultsHint')}</Typography.Paragraph>
            <Table<Result>
              size="small"
              rowKey="memberId"
              dataSource={data.results}
              pagination={data.results.length > 20 ? { pageSize: 20, showSizeChanger: false } : false}
              columns={[
                { key: 'member', title: t('job.columns.member'), render: (_, result) => <Link to={`../../${result.memberId}`} relative="path">{result.name}</Link> },
                { key: 'employeeNo', title: t('job.columns.employeeNo'), dataIndex: 'employeeNo' },
                {
                  key: 'outcome',
                  title: t('job.columns.outcome'),
                  render: (_, result) => (result.outcome === 'removed' ? t('job.outcomes.removed') : <Tag color={result.outcome === 'failed' ? 'error' : 'warning'}>{t(`job.outcomes.${result.outcome}`)}</Tag>),
                },
                { key: 'detail', title: t('job.columns.detail'), render: (_, result) => result.detail ?? '' },
              ]}
            />
          </Card>
        </Flex>
      ) : null}
    </>
  )
}
