// The console's frame for one tenant: side navigation, top bar, the support banner when acting for a tenant.
import { useEffect, useState } from 'react'
import { Layout, Menu } from 'antd'
import { useQueryClient } from '@tanstack/react-query'
import { Link, Outlet, useLocation, useParams } from 'react-router'
import { useTranslation } from 'react-i18next'
import { clearGrantRefusal, useGrantRefusal } from '@/shared/api/grant-refusals'
import { rootKeys } from '@/shared/api/query-client'
import { tenantAccess, useSession, type TenantSummary } from '@/shared/session/session'
import { navigation } from '../navigation'
import { ForbiddenPage } from '../pages/ForbiddenPage'
import { AppHeader } from './AppHeader'
import { SupportBanner } from './SupportBanner'

export function TenantLayout() {
  const { t } = useTranslation()
  const { tenantId = '' } = useParams()
  const { pathname } = useLocation()
  const { data: session, dataUpdatedAt } = useSession()
  const queryClient = useQueryClient()
  const refusal = useGrantRefusal(tenantId)
  // The tenant as it was when this page opened: a support agent whose grant ends mid-session keeps the page (and
  // what they typed) under a banner that says why, instead of the page turning into the no-access page.
  const [opened, setOpened] = useState<{ tenantId: string; tenant: TenantSummary } | null>(null)
  const current = session ? tenantAccess(session, tenantId).tenant : null
  if (current && (opened?.tenantId !== tenantId || opened.tenant !== current)) setOpened({ tenantId, tenant: current })
  useEffect(() => {
    // Refused: the session (the tenants the agent may open, the grant's mode) is out of date.
    if (refusal) void queryClient.invalidateQueries({ queryKey: rootKeys.session })
  }, [refusal, queryClient])
  useEffect(() => {
    // Granted again (a session read after the refusal lists the tenant with a grant): the refusal no longer holds.
    if (current?.supportGrant && refusal && dataUpdatedAt > refusal.notedAt) clearGrantRefusal(tenantId)
  }, [current, refusal, tenantId, dataUpdatedAt])
  if (!session) return null
  const access = tenantAccess(session, tenantId)
  const base = `/tenants/${encodeURIComponent(tenantId)}`
  const kept = opened?.tenantId === tenantId ? opened.tenant : null
  const tenant = access.tenant ?? (access.isSupport ? kept : null)

  if (!tenant) {
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
      <AppHeader session={session} tenantName={tenant.name} />
      {access.isSupport && <SupportBanner tenantName={tenant.name} grant={access.grant} refusal={refusal} />}
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
