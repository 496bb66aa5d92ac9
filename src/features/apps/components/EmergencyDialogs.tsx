// The emergency switch (all third-party apps, or all apps holding a scope; reason and typed confirmation)
// and its restore, which puts back exactly what the stop changed.
import { useState } from 'react'
import { App as AntApp, Radio, Select, Space, Typography } from 'antd'
import { useTranslation } from 'react-i18next'
import { useTenantId } from '@/shared/session/use-tenant'
import { DangerousActionDialog } from '@/shared/ui/DangerousActionDialog'
import { useActionKey } from '@/shared/ui/use-action-key'
import { useAppScopes, useApps, useRestoreEmergencyStop, useStartEmergencyStop, type AppEmergencyStop } from '../api'
import { useLocalized } from './bits'

export function EmergencyStopDialog({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation('apps')
  const { message } = AntApp.useApp()
  const tenantId = useTenantId()
  const localized = useLocalized()
  const start = useStartEmergencyStop(tenantId)
  const action = useActionKey()
  const apps = useApps(tenantId, {})
  const scopes = useAppScopes(tenantId)
  const [target, setTarget] = useState<'third_party' | 'scope'>('third_party')
  const [scopeId, setScopeId] = useState<string | undefined>(undefined)

  const affected = (apps.data?.items ?? []).filter(
    (app) => app.status !== 'disabled' && (target === 'third_party' ? app.thirdParty : scopeId !== undefined && app.scopes.some((s) => s.id === scopeId)),
  )
  return (
    <DangerousActionDialog
      open
      title={t('emergency.title')}
      consequence={t('emergency.intro')}
      confirmLabel={t('emergency.confirm')}
      confirmPhrase={t('emergency.phrase')}
      requireReason
      pending={start.isPending}
      error={start.error}
      onCancel={onClose}
      onConfirm={({ reason }) => {
        if (target === 'scope' && !scopeId) return
        start.mutate(
          { target, reason, idempotencyKey: action.key(), ...(target === 'scope' && scopeId ? { scopeId } : {}) },
          {
            onSuccess: () => {
              action.renew()
              void message.warning(t('emergency.done'))
              onClose()
            },
          },
        )
      }}
    >
      <Space orientation="vertical" style={{ width: '100%' }}>
        <Radio.Group
          aria-label={t('emergency.target')}
          value={target}
          disabled={start.isPending}
          onChange={(event) => setTarget(event.target.value === 'scope' ? 'scope' : 'third_party')}
        >
          <Space orientation="vertical">
            <Radio value="third_party">{t('emergency.thirdParty')}</Radio>
            <Radio value="scope">{t('emergency.byScope')}</Radio>
          </Space>
        </Radio.Group>
        {target === 'scope' ? (
          <Select<string>
            aria-label={t('emergency.scope')}
            placeholder={t('emergency.scope')}
            value={scopeId}
            onChange={setScopeId}
            disabled={start.isPending}
            options={(scopes.data?.items ?? []).map((scope) => ({
              value: scope.id,
              label: scope.sensitive ? `${localized(scope.label)} (${t('sensitive')})` : localized(scope.label),
            }))}
            style={{ width: '100%' }}
          />
        ) : null}
        <Typography.Text strong>{t('emergency.affected', { count: affected.length })}</Typography.Text>
      </Space>
    </DangerousActionDialog>
  )
}

export function RestoreDialog({ stop, onClose }: { stop: AppEmergencyStop; onClose: () => void }) {
  const { t } = useTranslation('apps')
  const { message } = AntApp.useApp()
  const tenantId = useTenantId()
  const restore = useRestoreEmergencyStop(tenantId)
  const action = useActionKey()
  return (
    <DangerousActionDialog
      open
      danger={false}
      title={t('emergency.restoreTitle')}
      consequence={t('emergency.restoreConsequence', { count: stop.disabledApps.length })}
      confirmLabel={t('emergency.restoreConfirm')}
      pending={restore.isPending}
      error={restore.error}
      onCancel={onClose}
      onConfirm={() =>
        restore.mutate(
          { snapshotId: stop.snapshotId, idempotencyKey: action.key() },
          {
            onSuccess: () => {
              action.renew()
              void message.success(t('emergency.restored'))
              onClose()
            },
          },
        )
      }
    >
      <ul style={{ margin: 0, paddingInlineStart: 20 }}>
        {stop.disabledApps.map((app) => (
          <li key={app.id} style={{ overflowWrap: 'anywhere' }}>
            {app.name}
          </li>
        ))}
      </ul>
    </DangerousActionDialog>
  )
}
