// The console's frame for one tenant: side navigation, top bar, the support banner when acting for a tenant.
import { Layout, Menu } from 'antd'
import { Link, Outlet, useLocation, useParams } from 'react-router'
import { useTranslation } from 'react-i18next'
import { tenantAccess, useSession } from '@/shared/session/session'
import { navigation } from '../navigation'
import { ForbiddenPage } from '../pages/ForbiddenPage'
import { AppHeader } from './AppHeader'
import { SupportBanner } from './SupportBanner'

export function TenantLayout() {
  const { t } = useTranslation()
  const { tenantId = '' } = useParams()
  const { pathname } = useLocation()
  const { data: session } = useSession()
  if (!session) return null
  const access = tenantAccess(session, tenantId)
  const base = `/tenants/${encodeURIComponent(tenantId)}`

  if (!access.tenant) {
    return (
      <Layout style={{ minHeight: '100vh' }}>
        <AppHeader session={session} />
        {/* antd's Content is the page's one <main>. */}
        <Layout.Content id="main">
          {access.isSupport ? <ForbiddenPage title={t('pages.noGrantTitle')} text={t('errors.noSupportGrant')} /> : <ForbiddenPage />}
        </Layout.Content>
      </Layout>
    )
  }

  const rest = pathname.slice(base.length).replace(/^\//, '').split('/')[0] ?? ''
  const selected = navigation.find((entry) => entry.path === rest)?.path ?? ''

  return (
    <Layout style={{ minHeight: '100vh' }}>
      <a href="#main" className="skip-link">
        {t('shell.skipToContent')}
      </a>
      <AppHeader session={session} tenantName={access.tenant.name} />
      {access.grant && <SupportBanner tenantName={access.tenant.name} grant={access.grant} />}
      <Layout>
        <Layout.Sider width={220} theme="light" breakpoint="lg" collapsedWidth={0} style={{ borderRight: '1px solid #f0f0f0' }}>
          <nav aria-label={t('nav.label')}>
            <Menu
              mode="inline"
              selectedKeys={[selected]}
              style={{ borderInlineEnd: 'none' }}
              items={navigation.map((entry) => ({
                key: entry.path,
                icon: entry.icon,
                label: <Link to={entry.path ? `${base}/${entry.path}` : base}>{entry.label(t)}</Link>,
              }))}
            />
          </nav>
        </Layout.Sider>
        {/* antd's Content is the page's one <main> (the skip link's target). */}
        <Layout.Content id="main" tabIndex={-1} style={{ padding: 24, minWidth: 0 }}>
          <Outlet />
        </Layout.Content>
      </Layout>
    </Layout>
  )
}
