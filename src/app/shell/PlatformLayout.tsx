// The frame of the platform's own pages (not inside a tenant's console): the header and the page's one main landmark.
import { Layout } from 'antd'
import { Outlet } from 'react-router'
import { useSession } from '@/shared/session/session'
import { AppHeader } from './AppHeader'

export function PlatformLayout() {
  const { data: session } = useSession()
  if (!session) return null
  return (
    <Layout style={{ minHeight: '100vh' }}>
      <AppHeader session={session} />
      <Layout.Content id="main">
        <div style={{ maxWidth: 1200, margin: '24px auto', padding: '0 16px' }}>
          <Outlet />
        </div>
      </Layout.Content>
    </Layout>
  )
}
