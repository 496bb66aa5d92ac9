// The top bar: product name, the tenant being worked on, language and account.
import { Flex, Layout, Tag, Typography } from 'antd'
import { Link } from 'react-router'
import { useTranslation } from 'react-i18next'
import { runtimeConfig } from '@/shared/config/runtime-config'
import type { Session } from '@/shared/session/session'
import { LanguageSwitch } from './LanguageSwitch'
import { UserMenu } from './UserMenu'

export function AppHeader({ session, tenantName }: { session: Session; tenantName?: string }) {
  const { t } = useTranslation()
  const canSwitch = session.user.role === 'support_agent' || session.tenants.length > 1
  return (
    <Layout.Header style={{ background: '#fff', borderBottom: '1px solid #f0f0f0', paddingInline: 24 }}>
      <Flex justify="space-between" align="center" style={{ height: '100%' }} gap="middle">
        <Flex align="center" gap="middle" style={{ minWidth: 0 }}>
          <Link to="/" style={{ color: 'inherit' }}>
            <Typography.Text strong style={{ fontSize: 16, whiteSpace: 'nowrap' }}>
              {t('appName')}
            </Typography.Text>
          </Link>
          {tenantName && (
            <Typography.Text ellipsis style={{ maxWidth: 360 }}>
              <span aria-label={t('shell.tenant')}>{tenantName}</span>
            </Typography.Text>
          )}
          {tenantName && canSwitch && <Link to="/tenants">{t('shell.switchTenant')}</Link>}
          {runtimeConfig().mock && <Tag>{t('mock.badge')}</Tag>}
        </Flex>
        <Flex align="center" gap="small">
          <LanguageSwitch />
          <UserMenu session={session} />
        </Flex>
      </Flex>
    </Layout.Header>
  )
}
