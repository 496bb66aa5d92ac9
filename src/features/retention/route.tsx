// The retention page: the policies (with the scheduled change, if any), the audit-log floor, the runs, legal holds and history.
import './i18n'
import { Col, Descriptions, Row, Space, Tag, Typography } from 'antd'
import { useTranslation } from 'react-i18next'
import { useTenantAccess } from '@/shared/session/use-tenant'
import { PageHeader } from '@/shared/ui/PageHeader'
import { QueryView } from '@/shared/ui/QueryView'
import { useDocumentTitle } from '@/shared/ui/use-document-title'
import type { LoaderFunctionArgs } from 'react-router'
import { prefetch } from '@/shared/api/route-prefetch'
import { SectionCard } from '@/shared/ui/SectionCard'
import { RETENTION_KINDS, retentionQuery, useRetention } from './api'
import { History } from './components/History'
import { LegalHolds } from './components/LegalHolds'
import { FailedRun } from './components/FailedRun'
import { PendingChange } from './components/PendingChange'
import { PolicyCard } from './components/PolicyCard'
import { Runs } from './components/Runs'

export function loader(args: LoaderFunctionArgs) {
  if (args.params.tenantId) prefetch(args, retentionQuery(args.params.tenantId))
  return null
}

export function Component() {
  const { t } = useTranslation('retention')
  const { tenantId, tenant, access } = useTenantAccess()
  const retention = useRetention(tenantId)
  useDocumentTitle(t('title'))

  return (
    <>
      <PageHeader title={t('title')}>
        <Typography.Paragraph style={{ marginTop: 8, marginBottom: 0, maxWidth: 860 }}>{t('intro')}</Typography.Paragraph>
      </PageHeader>
      <QueryView query={retention}>
        {(settings) => (
          <Space orientation="vertical" size="large" style={{ width: '100%' }}>
            <FailedRun settings={settings} />
            <PendingChange settings={settings} tenantId={tenantId} write={access.retention.write} />
            <Row gutter={[16, 16]}>
              {RETENTION_KINDS.map((kind) => (
                <Col key={kind} xs={24} xl={12}>
                  <PolicyCard
                    kind={kind}
                    settings={settings}
                    tenantId={tenantId}
                    tenantName={tenant?.name ?? tenantId}
                    write={access.retention.write}
                  />
                </Col>
              ))}
            </Row>
            <Row gutter={[16, 16]}>
              <Col xs={24} xl={12}>
                <SectionCard title={t('audit.title')} fill>
                  <Descriptions column={1} size="small">
                    <Descriptions.Item label={t('policy.current')}>
                      <Space>
                        <strong>{t('audit.value')}</strong>
                        <Tag>{t('audit.fixed')}</Tag>
                      </Space>
                    </Descriptions.Item>
                  </Descriptions>
                  <Typography.Paragraph type="secondary" style={{ marginBottom: 0 }}>
                    {t('audit.body')}
                  </Typography.Paragraph>
                </SectionCard>
              </Col>
              <Col xs={24} xl={12}>
                <Runs settings={settings} />
              </Col>
            </Row>
            <LegalHolds tenantId={tenantId} write={access.legalHolds.write} />
            <History tenantId={tenantId} />
          </Space>
        )}
      </QueryView>
    </>
  )
}
