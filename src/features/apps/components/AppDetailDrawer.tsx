// The app's detail drawer (linkable as ?app=<id>): what it is, every scope explained, who may use it,
// a pending scope update as a difference, the actions, and its recent history from the audit trail.
import { Alert, Button, Descriptions, Drawer, Flex, Skeleton, Space, Tag, Typography } from 'antd'
import { useTranslation } from 'react-i18next'
import { useTenantId } from '@/shared/session/use-tenant'
import { formatDateTime } from '@/shared/lib/format'
import { isApiError } from '@/shared/api/problem'
import { ErrorAlert } from '@/shared/ui/ErrorAlert'
import { RelativeTime } from '@/shared/ui/RelativeTime'
import { useApp, useAppAvailability, type App } from '../api'
import { AuditTrail } from '@/shared/audit/AuditTrail'
import type { AuditEvent } from '@/shared/audit/api'
import type { OnAppAction } from './AppsPage'
import { WriteGuard } from '@/shared/ui/WriteGuard'
import type { Permission } from '@/shared/session/access'
import { AppKindTag, AppStatusBadge, ScopeTag, sortScopes, useLocalized } from './bits'
import { PlainList } from '@/shared/ui/PlainList'

interface AppDetailDrawerProps {
  appId: string | null
  write: Permission
  onClose: () => void
  onAction: OnAppAction
}

export function AppDetailDrawer({ appId, write, onClose, onAction }: AppDetailDrawerProps) {
  const { t } = useTranslation('apps')
  const tenantId = useTenantId()
  const app = useApp(tenantId, appId)
  const data = app.data

  return (
    <Drawer
      open={appId !== null}
      onClose={onClose}
      size={680}
      title={data ? <span style={{ overflowWrap: 'anywhere' }}>{data.name}</span> : t('detail.title')}
      destroyOnHidden
    >
      {app.isPending ? <Skeleton active /> : null}
      {app.isError ? (
        isApiError(app.error) && app.error.status === 404 ? (
          <Alert type="warning" showIcon title={t('detail.notFound')} />
        ) : (
          <ErrorAlert error={app.error} onRetry={() => void app.refetch()} retrying={app.isFetching} />
        )
      ) : null}
      {data ? <AppDetail app={data} write={write} onAction={onAction} /> : null}
    </Drawer>
  )
}

function AppDetail({ app, write, onAction }: { app: App; write: Permission; onAction: OnAppAction }) {
  const { t, i18n } = useTranslation('apps')
  const localized = useLocalized()
  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      <Flex wrap gap="small">
        <WriteGuard permission={write}>
          {app.status === 'disabled' ? (
            <Button type="primary" disabled={!write.allowed} onClick={() => onAction('enable', app)}>
              {t('actions.enable')}
            </Button>
          ) : (
            <Button danger disabled={!write.allowed} onClick={() => onAction('disable', app)}>
              {t('actions.disable')}
            </Button>
          )}
        </WriteGuard>
        <WriteGuard permission={write}>
          <Button disabled={!write.allowed} onClick={() => onAction('availability', app)}>
            {t('actions.editAvailability')}
          </Button>
        </WriteGuard>
        <WriteGuard permission={write} reason={app.kind === 'basic' ? t('detail.basicNotRemovable') : null}>
          <Button danger disabled={!write.allowed || app.status !== 'disabled' || app.kind === 'basic'} onClick={() => onAction('remove', app)}>
            {t('actions.remove')}
          </Button>
        </WriteGuard>
      </Flex>
      {write.allowed ? (
        app.kind === 'basic' ? (
          <Typography.Text type="secondary">{t('detail.basicNotRemovable')}</Typography.Text>
        ) : app.status !== 'disabled' ? (
          <Typography.Text type="secondary">{t('remove.onlyDisabled')}</Typography.Text>
        ) : null
      ) : null}

      <Descriptions column={1} size="small" bordered>
        <Descriptions.Item label={t('columns.status')}>
          <AppStatusBadge status={app.status} />
        </Descriptions.Item>
        {app.disabledReason ? <Descriptions.Item label={t('detail.disabledReason')}>{app.disabledReason}</Descriptions.Item> : null}
        <Descriptions.Item label={t('detail.vendor')}>
          <span style={{ overflowWrap: 'anywhere' }}>{app.vendor}</span>
        </Descriptions.Item>
        <Descriptions.Item label={t('detail.category')}>{t(`categories.${app.category}`)}</Descriptions.Item>
        <Descriptions.Item label={t('detail.kind')}>
          <Space size={8} wrap>
            <AppKindTag kind={app.kind} />
            <Typography.Text type="secondary">{t(`kindHelp.${app.kind}`)}</Typography.Text>
          </Space>
        </Descriptions.Item>
        <Descriptions.Item label={t('detail.version')}>{app.version}</Descriptions.Item>
        <Descriptions.Item label={t('detail.installed')}>{formatDateTime(app.installedAt, i18n.language)}</Descriptions.Item>
        <Descriptions.Item label={t('detail.lastAccess')}>
          {app.lastDataAccessAt ? <RelativeTime iso={app.lastDataAccessAt} /> : t('never')}
        </Descriptions.Item>
      </Descriptions>

      <section aria-labelledby="app-description">
        <Typography.Title level={2} id="app-description" style={{ fontSize: 16 }}>
          {t('detail.description')}
        </Typography.Title>
        <Typography.Paragraph style={{ overflowWrap: 'anywhere' }}>{app.description}</Typography.Paragraph>
      </section>

      {app.scopeUpdate ? (
        <section aria-labelledby="app-scope-update">
          <Alert
            type="warning"
            showIcon
            title={<span id="app-scope-update">{t('detail.scopeUpdate')}</span>}
            description={
              <Space orientation="vertical" style={{ width: '100%' }}>
                <span>{t('detail.scopeUpdateIntro', { version: app.scopeUpdate.version })}</span>
                <ScopeDiffList label={t('detail.added')} sign="+" scopes={app.scopeUpdate.added} />
                <ScopeDiffList label={t('detail.removed')} sign="−" scopes={app.scopeUpdate.removed} />
                <Flex gap="small">
                  <WriteGuard permission={write}>
                    <Button type="primary" disabled={!write.allowed} onClick={() => onAction('approveUpdate', app)}>
                      {t('actions.approveUpdate')}
                    </Button>
                  </WriteGuard>
                  <WriteGuard permission={write}>
                    <Button disabled={!write.allowed} onClick={() => onAction('declineUpdate', app)}>
                      {t('actions.declineUpdate')}
                    </Button>
                  </WriteGuard>
                </Flex>
              </Space>
            }
          />
        </section>
      ) : null}

      <section aria-labelledby="app-scopes">
        <Typography.Title level={2} id="app-scopes" style={{ fontSize: 16 }}>
          {t('detail.scopes')}
        </Typography.Title>
        <PlainList
          items={sortScopes(app.scopes)}
          itemKey={(scope) => scope.id}
          render={(scope) => (
            <Flex vertical gap={4}>
              <div>
                <ScopeTag scope={scope} />
              </div>
              <Typography.Text>{localized(scope.explanation)}</Typography.Text>
            </Flex>
          )}
        />
      </section>

      {app.kind === 'third_party' ? <VendorDeletionSection app={app} write={write} onAction={onAction} /> : null}
      <AvailabilitySection app={app} />
      <HistorySection appId={app.id} />
    </Space>
  )
}

function VendorDeletionSection({ app, write, onAction }: { app: App; write: Permission; onAction: OnAppAction }) {
  const { t, i18n } = useTranslation('apps')
  return (
    <section aria-labelledby="app-vendor-deletion">
      <Typography.Title level={2} id="app-vendor-deletion" style={{ fontSize: 16 }}>
        {t('detail.vendorDeletion')}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{t('detail.vendorDeletionIntro')}</Typography.Paragraph>
      {app.vendorDeletionRequests.length === 0 ? (
        <Typography.Paragraph>{t('detail.vendorDeletionNone')}</Typography.Paragraph>
      ) : (
        <PlainList
          items={app.vendorDeletionRequests}
          itemKey={(request) => request.id}
          render={(request) => (
            <Space orientation="vertical" size={2}>
              <Typography.Text>
                {t('detail.vendorDeletionItem', {
                  date: formatDateTime(request.requestedAt, i18n.language),
                  status: t(`detail.vendorDeletionStatus.${request.status}`),
                  by: request.requestedBy.name,
                  reason: request.reason,
                })}
              </Typography.Text>
              {request.answer ? (
                <Typography.Text type="secondary">
                  {t('detail.vendorDeletionAnswer', { date: formatDateTime(request.answer.at, i18n.language), by: request.answer.by.name, note: request.answer.note })}
                </Typography.Text>
              ) : (
                <WriteGuard permission={write}>
                  <Button size="small" disabled={!write.allowed} onClick={() => onAction('vendorAnswer', app, request.id)}>
                    {t('detail.recordAnswer')}
                  </Button>
                </WriteGuard>
              )}
            </Space>
          )}
        />
      )}
      <WriteGuard permission={write}>
        <Button style={{ marginTop: 8 }} disabled={!write.allowed} onClick={() => onAction('vendorDeletion', app)}>
          {t('actions.askVendor')}
        </Button>
      </WriteGuard>
    </section>
  )
}

function ScopeDiffList({ label, sign, scopes }: { label: string; sign: string; scopes: App['scopes'] }) {
  const { t } = useTranslation('apps')
  return (
    <div>
      <Typography.Text strong>{label}: </Typography.Text>
      {scopes.length === 0 ? (
        <Typography.Text>{t('detail.noChange')}</Typography.Text>
      ) : (
        <Flex wrap gap={4} component="ul" style={{ listStyle: 'none', padding: 0, margin: '4px 0 0' }}>
          {scopes.map((scope) => (
            <li key={scope.id}>
              <span aria-hidden>{sign} </span>
              <ScopeTag scope={scope} />
            </li>
          ))}
        </Flex>
      )}
    </div>
  )
}

function AvailabilitySection({ app }: { app: App }) {
  const { t } = useTranslation('apps')
  const tenantId = useTenantId()
  const availability = useAppAvailability(tenantId, app.id, true)
  const data = availability.data?.data
  const people = (list: { id: string; name: string; departmentName: string }[]) =>
    list.length === 0 ? (
      t('detail.none')
    ) : (
      <Flex wrap gap={4}>
        {list.map((member) => (
          <Tag key={member.id} style={{ marginInlineEnd: 0 }}>
            {member.name}
            {member.departmentName ? ` · ${member.departmentName}` : ''}
          </Tag>
        ))}
      </Flex>
    )
  return (
    <section aria-labelledby="app-availability">
      <Typography.Title level={2} id="app-availability" style={{ fontSize: 16 }}>
        {t('detail.availability')}
      </Typography.Title>
      {availability.isPending ? <Skeleton active paragraph={{ rows: 2 }} /> : null}
      {availability.isError ? <ErrorAlert error={availability.error} onRetry={() => void availability.refetch()} /> : null}
      {data ? (
        <Descriptions column={1} size="small" bordered>
          <Descriptions.Item label={t('availabilityEditor.mode')}>{t(`availabilityEditor.modes.${data.mode}`)}</Descriptions.Item>
          {data.mode === 'departments' ? (
            <Descriptions.Item label={t('detail.departments')}>{data.departments.map((d) => d.name).join('、') || t('detail.none')}</Descriptions.Item>
          ) : null}
          {data.mode !== 'all' ? <Descriptions.Item label={t('detail.members')}>{people(data.members)}</Descriptions.Item> : null}
          <Descriptions.Item label={t('detail.denied')}>{people(data.deniedMembers)}</Descriptions.Item>
        </Descriptions>
      ) : null}
    </section>
  )
}

function HistorySection({ appId }: { appId: string }) {
  const { t } = useTranslation('apps')
  const actionLabel = (event: AuditEvent) => t(`audit.${event.action.replace(/\./g, '_')}` as 'audit.app_enabled', { defaultValue: event.action })
  return <AuditTrail targetType="app" targetId={appId} title={t('detail.history')} headingId="app-history" actionLabel={actionLabel} />
}
