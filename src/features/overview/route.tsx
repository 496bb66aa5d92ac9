// The tenant's overview: what needs the administrator's attention (each item links to where it is handled), then who
// they are, how many members, and whether support access is granted right now.
import { Card, Col, Descriptions, Row, Statistic, Typography } from 'antd'
import { ExclamationCircleOutlined, InfoCircleOutlined } from '@ant-design/icons'
import { Link } from 'react-router'
import type { components } from '@contract/schema.gen'
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
            <Attention tenant={data} />
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
                  {/* The item lays its children out in a row (flex), which drops bare spaces around a text separator. */}
                  <span style={{ margin: '0 6px' }}>·</span>
                  <Link to={`/tenants/${encodeURIComponent(tenantId)}/support-access`}>{t('overview.supportAccessManage')}</Link>
                </Descriptions.Item>
              </Descriptions>
            </Card>
          </>
        )}
      </QueryView>
    </>
  )
}

type Tenant = components['schemas']['Tenant']

function Attention({ tenant }: { tenant: Tenant }) {
  const { t, i18n } = useTranslation()
  const a = tenant.attention
  const items: { key: string; urgent: boolean; to: string; text: React.ReactNode }[] = []
  if (a.kinOverdue > 0) items.push({ key: 'kinOverdue', urgent: true, to: 'kin-requests?deadline=overdue', text: t('overview.kinOverdue', { count: a.kinOverdue }) })
  if (a.kinDueSoon > 0) items.push({ key: 'kinDueSoon', urgent: true, to: 'kin-requests?deadline=due_soon', text: t('overview.kinDueSoon', { count: a.kinDueSoon }) })
  if (a.deregistrationsOverdue > 0) items.push({ key: 'overdue', urgent: true, to: 'members/requests', text: t('overview.deregistrationsOverdue', { count: a.deregistrationsOverdue }) })
  if (a.deregistrationsDueSoon > 0) items.push({ key: 'dueSoon', urgent: true, to: 'members/requests', text: t('overview.deregistrationsDueSoon', { count: a.deregistrationsDueSoon }) })
  const calm = a.openDeregistrations - a.deregistrationsOverdue - a.deregistrationsDueSoon
  if (calm > 0) items.push({ key: 'open', urgent: false, to: 'members/requests', text: t('overview.deregistrationsOpen', { count: calm }) })
  if (a.pendingAppRequests > 0) items.push({ key: 'appRequests', urgent: false, to: 'apps?tab=requests', text: t('overview.appRequests', { count: a.pendingAppRequests }) })
  if (a.scopeUpdates > 0) items.push({ key: 'scopeUpdates', urgent: false, to: 'apps', text: t('overview.scopeUpdates', { count: a.scopeUpdates }) })
  if (a.retentionChangeAt) {
    items.push({ key: 'retention', urgent: false, to: 'retention', text: t('overview.retentionChange', { when: formatDate(a.retentionChangeAt, i18n.language) }) })
  }
  return (
    <Card title={<h2 style={{ fontSize: 16, margin: 0 }}>{t('overview.attention')}</h2>} style={{ marginBottom: 16 }}>
      {items.length === 0 ? (
        <Typography.Text type="secondary">{t('overview.nothing')}</Typography.Text>
      ) : (
        <ul style={{ listStyle: 'none', margin: 0, padding: 0, display: 'grid', gap: 8 }}>
          {items.map((item) => (
            <li key={item.key}>
              {item.urgent ? <ExclamationCircleOutlined aria-hidden style={{ color: '#b42318', marginInlineEnd: 8 }} /> : <InfoCircleOutlined aria-hidden style={{ color: '#1d4ed8', marginInlineEnd: 8 }} />}
              <Link to={item.to}>{item.text}</Link>
            </li>
          ))}
        </ul>
      )}
    </Card>
  )
}
