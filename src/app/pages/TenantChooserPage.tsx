// The tenants one may open: an administrator's own, or for a support agent those that granted access now.
import { Card, Empty, Flex, Layout, Typography } from 'antd'
import { ButtonLink } from '@/shared/ui/ButtonLink'
import { useTranslation } from 'react-i18next'
import { useSession } from '@/shared/session/session'
import { RelativeTime } from '@/shared/ui/RelativeTime'
import { useDocumentTitle } from '@/shared/ui/use-document-title'
import { AppHeader } from '../shell/AppHeader'

export function TenantChooserPage() {
  const { t } = useTranslation()
  const { data: session } = useSession()
  const isSupport = session?.user.role === 'support_agent'
  const title = isSupport ? t('support.chooserTitle') : t('tenants.title')
  useDocumentTitle(title)
  if (!session) return null
  return (
    <Layout style={{ minHeight: '100vh' }}>
      <AppHeader session={session} />
      {/* antd's Content is the page's one <main>. */}
      <Layout.Content id="main">
        <div style={{ maxWidth: 880, margin: '24px auto', padding: '0 16px' }}>
          <Typography.Title level={1} style={{ fontSize: 24 }}>
            {title}
          </Typography.Title>
          {isSupport && <Typography.Paragraph>{t('support.chooserIntro')}</Typography.Paragraph>}
          <Card>
            {session.tenants.length === 0 ? (
              <Empty description={isSupport ? t('support.noGrants') : t('pages.forbiddenText')} />
            ) : (
              <ul style={{ listStyle: 'none', margin: 0, padding: 0 }}>
                {session.tenants.map((tenant) => (
                  <li key={tenant.id} style={{ padding: '12px 0', borderBottom: '1px solid #f0f0f0' }}>
                    <Flex justify="space-between" align="center" gap="middle" wrap>
                      <div>
                        <Typography.Text strong>{tenant.name}</Typography.Text>
                        {tenant.supportGrant && (
                          <Flex gap="large" wrap style={{ marginTop: 4 }}>
                            <span>
                              {t('support.ticket')}: {tenant.supportGrant.ticketRef}
                            </span>
                            <span>
                              {t('support.mode')}: {t(`support.modes.${tenant.supportGrant.mode}`)}
                            </span>
                            <span>
                              {t('support.ends')}: <RelativeTime iso={tenant.supportGrant.expiresAt} />
                            </span>
                          </Flex>
                        )}
                      </div>
                      <ButtonLink type="primary" to={`/tenants/${encodeURIComponent(tenant.id)}`}>
                        {isSupport ? t('support.open', { tenant: tenant.name }) : t('tenants.open', { tenant: tenant.name })}
                      </ButtonLink>
                    </Flex>
                  </li>
                ))}
              </ul>
            )}
          </Card>
        </div>
      </Layout.Content>
    </Layout>
  )
}
