// The tenant's overview: who they are, how many members, and whether support access is granted right now.
import { Card, Col, Descriptions, Row, Statistic } from 'antd'
import { useTranslation } from 'react-i18next'
import { useTenantId } from '@/shared/session/use-tenant'
import { formatDate } from '@/shared/lib/format'
import { PageHeader } from '@/shared/ui/PageHeader'
import { QueryView } from '@/shared/ui/QueryView'
import { RelativeTime } from '@/shared/ui/RelativeTime'
import { useDocumentTitle } from '@/shared/ui/use-document-title'
import { useTenant } from './api'

export function Component() {
  const { t, i18n } = useTranslation()
  const tenantId = useTenantId()
  const tenant = useTenant(tenantId)
  useDocumentTitle(t('overview.title'))
  return (
    <>
      <PageHeader title={t('overview.title')} />
      <QueryView query={tenant}>
        {(data) => (
          <>
            <Row gutter={[16, 16]}>
              {(
                [
                  ['members', data.memberCount],
                  ['activeMembers', data.activeMemberCount],
                  ['admins', data.adminCount],
                  ['departments', data.departmentCount],
                ] as const
              ).map(([key, value]) => (
                <Col key={key} xs={12} md={6}>
                  <Card>
                    <Statistic title={t(`overview.${key}`)} value={value} />
                  </Card>
                </Col>
              ))}
            </Row>
            <Card style={{ marginTop: 16 }}>
              <Descriptions column={1} title={data.name}>
                <Descriptions.Item label={t('overview.plan')}>{t(`overview.plans.${data.plan}`)}</Descriptions.Item>
                <Descriptions.Item label={t('overview.region')}>{data.region}</Descriptions.Item>
                <Descriptions.Item label={t('overview.createdAt')}>{formatDate(data.createdAt, i18n.language)}</Descriptions.Item>
                <Descriptions.Item label={t('overview.supportAccess')}>
                  {data.supportGrant ? (
                    <span>
                      {t('overview.supportAccessActive', {
                        mode: t(`support.modes.${data.supportGrant.mode}`),
                        ticket: data.supportGrant.ticketRef,
                      })}
                      {' · '}
                      {t('support.ends')}: <RelativeTime iso={data.supportGrant.expiresAt} />
                    </span>
                  ) : (
                    t('overview.supportAccessNone')
                  )}
                </Descriptions.Item>
              </Descriptions>
            </Card>
          </>
        )}
      </QueryView>
    </>
  )
}
