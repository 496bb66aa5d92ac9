// The tenants one may open: an administrator's own; for a support agent, the directory of every tenant.
import { lazy, Suspense } from 'react'
import { Card, Empty, Flex, Layout, Skeleton, Typography } from 'antd'
import { ButtonLink } from '@/shared/ui/ButtonLink'
import { useTranslation } from 'react-i18next'
import { useSession } from '@/shared/session/session'
import { useDocumentTitle } from '@/shared/ui/use-document-title'
import { AppHeader } from '../shell/AppHeader'
import { withRouteStyles } from '../route-styles'

// Support agents get the directory of every tenant (loaded when needed: administrators never do).
const SupportDirectory = lazy(withRouteStyles(() => import('@/features/support-access/components/SupportDirectory')))

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
          <Flex justify="space-between" align="center" wrap gap="middle">
            <Typography.Title level={1} style={{ fontSize: 24 }}>
              {title}
            </Typography.Title>
            {isSupport ? <ButtonLink to="/kin-requests">{t('support.kinRequests')}</ButtonLink> : null}
          </Flex>
          <Card>
            {isSupport ? (
              <Suspense fallback={<Skeleton active />}>
                <SupportDirectory />
              </Suspense>
            ) : session.tenants.length === 0 ? (
              <Empty description={t('pages.forbiddenText')} />
            ) : (
              <ul style={{ listStyle: 'none', margin: 0, padding: 0 }}>
                {session.tenants.map((tenant) => (
                  <li key={tenant.id} style={{ padding: '12px 0', borderBottom: '1px solid #f0f0f0' }}>
                    <Flex justify="space-between" align="center" gap="middle" wrap>
                      <Typography.Text strong>{tenant.name}</Typography.Text>
                      <ButtonLink type="primary" to={`/tenants/${encodeURIComponent(tenant.id)}`}>
                        {t('tenants.open', { tenant: tenant.name })}
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
