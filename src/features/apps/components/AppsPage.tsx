// The apps page: header with the emergency switch, the emergency banner, the catalogue (filters in the URL)
// and members' requests as tabs, the detail drawer (?app=<id>) and every dialog, opened one at a time.
// The drawer and the dialogs (antd's Form, Drawer, the reason dialogs) are their own chunks (deferred): a first
// visit downloads what shows the catalogue, the rest follows while the admin reads it.
import { Alert, Button, Space, Tabs, Typography } from 'antd'
import { PlusOutlined, StopOutlined } from '@ant-design/icons'
import { useSearchParams } from 'react-router'
import { useTranslation } from 'react-i18next'
import { useTenantAccess } from '@/shared/session/use-tenant'
import { WriteGuard } from '@/shared/ui/WriteGuard'
import { useDenialText } from '@/shared/ui/use-denial-text'
import { PageHeader } from '@/shared/ui/PageHeader'
import { useDialogSlot } from '@/shared/ui/dialog-slot'
import { deferred } from '@/shared/ui/deferred'
import { useDocumentTitle } from '@/shared/ui/use-document-title'
import { useAppRequests, useEmergencyState, type App, type AppEmergencyStop, type AppRequest } from '../api'
import { AppCatalogue } from './AppCatalogue'
import { AppRequestsTable } from './AppRequestsTable'
import { EmergencyBanner } from './EmergencyBanner'

const AppDetailDrawer = deferred(() => import('./AppDetailDrawer').then(({ AppDetailDrawer }) => AppDetailDrawer))
const AppDialogs = deferred(() => import('./AppDialogs').then(({ AppDialogs }) => AppDialogs))

export type AppAction = 'enable' | 'disable' | 'remove' | 'availability' | 'approveUpdate' | 'declineUpdate' | 'vendorDeletion' | 'vendorAnswer'
/** Opens an app's dialog; `requestId` names the vendor deletion request a vendor's answer is for. */
export type OnAppAction = (kind: AppAction, app: App, requestId?: string) => void

export type OpenDialog =
  | { kind: AppAction; app: App; requestId?: string }
  | { kind: 'emergency' }
  | { kind: 'register' }
  | { kind: 'restore'; stop: AppEmergencyStop }
  | { kind: 'approveRequest' | 'denyRequest'; request: AppRequest }

export function AppsPage() {
  const { t } = useTranslation('apps')
  const { tenantId, access } = useTenantAccess()
  const write = access.apps.write
  const deniedReason = useDenialText(write)
  const [params, setParams] = useSearchParams()
  const dialogs = useDialogSlot<OpenDialog>('apps.dialog')
  const emergency = useEmergencyState(tenantId)
  const requests = useAppRequests(tenantId)
  useDocumentTitle(t('title'))

  const tab = params.get('tab') === 'requests' ? 'requests' : 'catalogue'
  const openApp = params.get('app')
  const setParam = (name: string, value: string | null) =>
    setParams(
      (previous) => {
        const next = new URLSearchParams(previous)
        if (value === null || value === '') next.delete(name)
        else next.set(name, value)
        return next
      },
      { replace: name !== 'app' },
    )

  const onAppAction: OnAppAction = (kind, app, requestId) => dialogs.open({ kind, app, requestId })
  const active = emergency.data?.active ?? null
  const pendingCount = requests.data?.items.length ?? 0

  return (
    <>
      <PageHeader
        title={t('title')}
        extra={
          <Space wrap>
            <WriteGuard permission={write}>
              <Button icon={<PlusOutlined aria-hidden />} disabled={!write.allowed} onClick={() => dialogs.open({ kind: 'register' })}>
                {t('actions.register')}
              </Button>
            </WriteGuard>
            <WriteGuard permission={write}>
              <Button danger icon={<StopOutlined aria-hidden />} disabled={!write.allowed || active !== null} onClick={() => dialogs.open({ kind: 'emergency' })}>
                {t('actions.emergency')}
              </Button>
            </WriteGuard>
          </Space>
        }
      >
        <Typography.Paragraph type="secondary" style={{ margin: '8px 0 0' }}>
          {t('intro')}
        </Typography.Paragraph>
      </PageHeader>
      {deniedReason !== null ? <Alert type="info" showIcon title={deniedReason} style={{ marginBottom: 16 }} /> : null}
      {active ? <EmergencyBanner stop={active} write={write} onRestore={() => dialogs.open({ kind: 'restore', stop: active })} /> : null}
      <Tabs
        activeKey={tab}
        onChange={(key) => setParam('tab', key === 'requests' ? 'requests' : null)}
        items={[
          {
            key: 'catalogue',
            label: t('tabs.catalogue'),
            children: <AppCatalogue write={write} onOpen={(app) => setParam('app', app.id)} onAction={onAppAction} />,
          },
          {
            key: 'requests',
            label: pendingCount > 0 ? t('tabs.requestsCount', { count: pendingCount }) : t('tabs.requests'),
            children: (
              <AppRequestsTable
                query={requests}
                write={write}
                onDecide={(kind, request) => dialogs.open({ kind, request })}
              />
            ),
          },
        ]}
      />
      <AppDetailDrawer appId={openApp} write={write} onClose={() => setParam('app', null)} onAction={onAppAction} />
      <AppDialogs
        slot={dialogs}
        onRemoved={(app) => {
          if (openApp === app.id) setParam('app', null)
        }}
        onRegistered={(app) => setParam('app', app.id)}
      />
    </>
  )
}
