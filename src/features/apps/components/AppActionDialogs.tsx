// Dialogs that change one app: enable and approve-new-scopes (review + acknowledge every sensitive scope),
// disable and decline (reason required), remove (only when disabled). Each runs once per user action:
// the button is disabled while pending and a retry reuses the same Idempotency-Key.
import { useId, useState } from 'react'
import { App as AntApp, Checkbox, Flex, Form, Input, Modal, Radio, Select, Space, Typography } from 'antd'
import { useTranslation } from 'react-i18next'
import { useTenantId } from '@/shared/session/use-tenant'
import { DangerousActionDialog } from '@/shared/ui/DangerousActionDialog'
import { ErrorAlert } from '@/shared/ui/ErrorAlert'
import { useActionKey } from '@/shared/ui/use-action-key'
import {
  useApproveScopeUpdate,
  useDeclineScopeUpdate,
  useDisableApp,
  useEnableApp,
  useAppScopes,
  useRegisterCustomApp,
  useRemoveApp,
  useAnswerVendorDeletion,
  useRequestVendorDeletion,
  type App,
  type AppScope,
} from '../api'
import { ScopeTag, sortScopes, useLocalized } from './bits'
import { PlainList } from '@/shared/ui/PlainList'
import { formatDateTime } from '@/shared/lib/format'

interface AppDialogProps {
  app: App
  onClose: () => void
}

interface AcknowledgeScopesDialogProps {
  title: string
  intro: string
  scopes: readonly AppScope[]
  confirmLabel: string
  pending: boolean
  error: unknown
  onConfirm: (acknowledged: string[]) => void
  onCancel: () => void
  extra?: React.ReactNode
}

/** Lists what the app will receive; the confirm button stays off until every sensitive scope is ticked. */
function AcknowledgeScopesDialog({ title, intro, scopes, confirmLabel, pending, error, onConfirm, onCancel, extra }: AcknowledgeScopesDialogProps) {
  const { t } = useTranslation('apps')
  const { t: tc } = useTranslation()
  const localized = useLocalized()
  const [ticked, setTicked] = useState<string[]>([])
  const sensitive = scopes.filter((scope) => scope.sensitive).map((scope) => scope.id)
  const ready = sensitive.every((id) => ticked.includes(id))
  return (
    <Modal
      open
      title={title}
      okText={pending ? tc('confirm.working') : confirmLabel}
      cancelText={tc('confirm.cancel')}
      okButtonProps={{ disabled: !ready || pending, loading: pending }}
      cancelButtonProps={{ disabled: pending }}
      onOk={() => {
        if (!pending && ready) onConfirm(sensitive)
      }}
      onCancel={pending ? undefined : onCancel}
      mask={{ closable: false }}
      closable={!pending}
      keyboard={!pending}
      width={640}
    >
      <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
        <Typography.Paragraph style={{ marginBottom: 0 }}>{intro}</Typography.Paragraph>
        {extra}
        <PlainList
          items={sortScopes(scopes)}
          itemKey={(scope) => scope.id}
          render={(scope) => (
              <Flex vertical gap={4} style={{ width: '100%' }}>
                <div>
                  <ScopeTag scope={scope} />
                </div>
                <Typography.Text>{localized(scope.explanation)}</Typography.Text>
                {scope.sensitive ? (
                  <Checkbox
                    checked={ticked.includes(scope.id)}
                    disabled={pending}
                    onChange={(event) =>
                      setTicked((previous) => (event.target.checked ? [...previous, scope.id] : previous.filter((id) => id !== scope.id)))
                    }
                  >
                    {t('enable.acknowledge', { scope: localized(scope.label) })}
                  </Checkbox>
                ) : null}
              </Flex>
          )}
        />
        {!ready ? <Typography.Text type="secondary">{t('enable.mustAcknowledge')}</Typography.Text> : null}
        {error ? <ErrorAlert error={error} /> : null}
      </Space>
    </Modal>
  )
}

export function EnableAppDialog({ app, onClose }: AppDialogProps) {
  const { t } = useTranslation('apps')
  const { message } = AntApp.useApp()
  const tenantId = useTenantId()
  const enable = useEnableApp(tenantId)
  const action = useActionKey()
  return (
    <AcknowledgeScopesDialog
      title={t('enable.title', { name: app.name })}
      intro={t('enable.intro')}
      scopes={app.scopes}
      confirmLabel={t('enable.confirm')}
      pending={enable.isPending}
      error={enable.error}
      onCancel={onClose}
      onConfirm={(acknowledgedScopes) =>
        enable.mutate(
          { appId: app.id, acknowledgedScopes, idempotencyKey: action.key() },
          {
            onSuccess: () => {
              action.renew()
              void message.success(t('done.enabled', { name: app.name }))
              onClose()
            },
          },
        )
      }
    />
  )
}

export function ApproveScopeUpdateDialog({ app, onClose }: AppDialogProps) {
  const { t } = useTranslation('apps')
  const { message } = AntApp.useApp()
  const tenantId = useTenantId()
  const approve = useApproveScopeUpdate(tenantId)
  const action = useActionKey()
  const update = app.scopeUpdate
  const added = update?.added ?? []
  return (
    <AcknowledgeScopesDialog
      title={t('approveUpdate.title', { name: app.name })}
      intro={added.length > 0 ? t('approveUpdate.intro') : t('approveUpdate.onlyRemoved')}
      scopes={added}
      confirmLabel={t('approveUpdate.confirm')}
      pending={approve.isPending}
      error={approve.error}
      onCancel={onClose}
      onConfirm={(acknowledgedScopes) =>
        approve.mutate(
          { appId: app.id, acknowledgedScopes, idempotencyKey: action.key() },
          {
            onSuccess: () => {
              action.renew()
              void message.success(t('done.updateApproved', { name: app.name }))
              onClose()
            },
          },
        )
      }
    />
  )
}

export function DisableAppDialog({ app, onClose }: AppDialogProps) {
  const { t } = useTranslation('apps')
  const { message } = AntApp.useApp()
  const tenantId = useTenantId()
  const disable = useDisableApp(tenantId)
  const action = useActionKey()
  const [askVendor, setAskVendor] = useState(false)
  const thirdParty = app.kind === 'third_party'
  return (
    <DangerousActionDialog
      open
      title={t('disable.title', { name: app.name })}
      consequence={thirdParty ? `${t('disable.consequence')} ${t('disable.vendorKeeps', { vendor: app.vendor })}` : t('disable.consequence')}
      confirmLabel={t('disable.confirm')}
      requireReason
      pending={disable.isPending}
      error={disable.error}
      onCancel={onClose}
      onConfirm={({ reason }) =>
        disable.mutate(
          { appId: app.id, reason, askVendorToDelete: thirdParty && askVendor, idempotencyKey: action.key() },
          {
            onSuccess: () => {
              action.renew()
              void message.success(t('done.disabled', { name: app.name }))
              onClose()
            },
          },
        )
      }
    >
      {thirdParty ? (
        <Checkbox checked={askVendor} disabled={disable.isPending} onChange={(event) => setAskVendor(event.target.checked)}>
          {t('disable.askVendor', { vendor: app.vendor })}
        </Checkbox>
      ) : null}
    </DangerousActionDialog>
  )
}

/** Asks a third-party vendor to delete what the app received from the tenant; recorded with the app. */
export function VendorDeletionDialog({ app, onClose }: AppDialogProps) {
  const { t } = useTranslation('apps')
  const { message } = AntApp.useApp()
  const tenantId = useTenantId()
  const ask = useRequestVendorDeletion(tenantId)
  const action = useActionKey()
  return (
    <DangerousActionDialog
      open
      danger={false}
      title={t('vendorDeletion.title', { vendor: app.vendor })}
      consequence={t('vendorDeletion.consequence', { vendor: app.vendor, name: app.name })}
      confirmLabel={t('vendorDeletion.confirm')}
      requireReason
      pending={ask.isPending}
      error={ask.error}
      onCancel={onClose}
      onConfirm={({ reason }) =>
        ask.mutate(
          { appId: app.id, reason, idempotencyKey: action.key() },
          {
            onSuccess: () => {
              action.renew()
              void message.success(t('vendorDeletion.done', { vendor: app.vendor }))
              onClose()
            },
          },
        )
      }
    />
  )
}

/** Records what the vendor answered to a deletion request: confirmed (with its reference) or refused. Once. */
export function VendorAnswerDialog({ app, requestId, onClose }: AppDialogProps & { requestId: string }) {
  const { t, i18n } = useTranslation('apps')
  const { message } = AntApp.useApp()
  const tenantId = useTenantId()
  const answer = useAnswerVendorDeletion(tenantId)
  const action = useActionKey()
  const [outcome, setOutcome] = useState<'confirmed' | 'refused'>('confirmed')
  const request = app.vendorDeletionRequests.find((entry) => entry.id === requestId)
  const outcomeLabel = useId()
  return (
    <DangerousActionDialog
      open
      danger={false}
      title={t('vendorAnswer.title', { vendor: app.vendor })}
      consequence={t('vendorAnswer.consequence', { vendor: app.vendor, date: request ? formatDateTime(request.requestedAt, i18n.language) : '' })}
      confirmLabel={t('vendorAnswer.confirm')}
      requireReason
      reasonLabel={t('vendorAnswer.note')}
      reasonMissing={t('vendorAnswer.noteMissing')}
      pending={answer.isPending}
      error={answer.error}
      onCancel={onClose}
      onConfirm={({ reason }) =>
        answer.mutate(
          { appId: app.id, requestId, outcome, note: reason, idempotencyKey: action.key() },
          {
            onSuccess: () => {
              action.renew()
              void message.success(t('vendorAnswer.done', { vendor: app.vendor }))
              onClose()
            },
          },
        )
      }
    >
      <div>
        <Typography.Text id={outcomeLabel}>{t('vendorAnswer.outcome')}</Typography.Text>
        <Radio.Group aria-labelledby={outcomeLabel} value={outcome} disabled={answer.isPending} onChange={(event) => setOutcome(event.target.value as 'confirmed' | 'refused')} style={{ display: 'block', marginTop: 4 }}>
          <Space orientation="vertical">
            <Radio value="confirmed">{t('vendorAnswer.confirmed')}</Radio>
            <Radio value="refused">{t('vendorAnswer.refused')}</Radio>
          </Space>
        </Radio.Group>
      </div>
    </DangerousActionDialog>
  )
}

interface RegisterValues {
  name?: string
  description?: string
  scopeIds?: string[]
}

/** Registers an app the enterprise made: name, description and what it receives; it starts disabled. */
export function RegisterCustomAppDialog({ onClose, onRegistered }: { onClose: () => void; onRegistered: (app: App) => void }) {
  const { t } = useTranslation('apps')
  const { t: tc } = useTranslation()
  const { message } = AntApp.useApp()
  const tenantId = useTenantId()
  const register = useRegisterCustomApp(tenantId)
  const scopes = useAppScopes(tenantId)
  const localized = useLocalized()
  const action = useActionKey()
  const [form] = Form.useForm<RegisterValues>()
  const submit = async () => {
    if (register.isPending) return
    const values = await form.validateFields().catch(() => null)
    if (!values) return
    register.mutate(
      { input: { name: (values.name ?? '').trim(), description: (values.description ?? '').trim(), scopeIds: values.scopeIds ?? [] }, idempotencyKey: action.key() },
      {
        onSuccess: (app) => {
          action.renew()
          void message.success(t('register.done', { name: app.name }))
          onRegistered(app)
        },
      },
    )
  }
  return (
    <Modal
      open
      title={t('register.title')}
      okText={register.isPending ? tc('confirm.working') : t('register.confirm')}
      cancelText={tc('confirm.cancel')}
      okButtonProps={{ loading: register.isPending }}
      cancelButtonProps={{ disabled: register.isPending }}
      onOk={() => void submit()}
      onCancel={register.isPending ? undefined : onClose}
      mask={{ closable: false }}
      width={600}
    >
      <Typography.Paragraph>{t('register.intro')}</Typography.Paragraph>
      <Form form={form} name="register-custom-app" layout="vertical" requiredMark>
        <Form.Item name="name" label={t('register.name')} rules={[{ required: true, whitespace: true, message: t('register.nameRequired') }]}>
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item name="description" label={t('register.description')}>
          <Input.TextArea rows={2} maxLength={500} />
        </Form.Item>
        <Form.Item name="scopeIds" label={t('register.scopes')} rules={[{ required: true, type: 'array', min: 1, message: t('register.scopesRequired') }]}>
          <Select
            mode="multiple"
            loading={scopes.isPending}
            optionFilterProp="label"
            options={(scopes.data?.items ?? []).map((scope) => ({ value: scope.id, label: scope.sensitive ? `${localized(scope.label)} (${t('sensitive')})` : localized(scope.label) }))}
          />
        </Form.Item>
      </Form>
      {register.error ? <ErrorAlert error={register.error} /> : null}
    </Modal>
  )
}

export function DeclineScopeUpdateDialog({ app, onClose }: AppDialogProps) {
  const { t } = useTranslation('apps')
  const { message } = AntApp.useApp()
  const tenantId = useTenantId()
  const decline = useDeclineScopeUpdate(tenantId)
  const action = useActionKey()
  return (
    <DangerousActionDialog
      open
      danger={false}
      title={t('declineUpdate.title', { name: app.name })}
      consequence={t('declineUpdate.consequence')}
      confirmLabel={t('declineUpdate.confirm')}
      requireReason
      pending={decline.isPending}
      error={decline.error}
      onCancel={onClose}
      onConfirm={({ reason }) =>
        decline.mutate(
          { appId: app.id, reason, idempotencyKey: action.key() },
          {
            onSuccess: () => {
              action.renew()
              void message.success(t('done.updateDeclined', { name: app.name }))
              onClose()
            },
          },
        )
      }
    />
  )
}

export function RemoveAppDialog({ app, onClose, onRemoved }: AppDialogProps & { onRemoved: () => void }) {
  const { t } = useTranslation('apps')
  const { message } = AntApp.useApp()
  const tenantId = useTenantId()
  const remove = useRemoveApp(tenantId)
  const action = useActionKey()
  return (
    <DangerousActionDialog
      open
      title={t('remove.title', { name: app.name })}
      consequence={t('remove.consequence')}
      confirmLabel={t('remove.confirm')}
      pending={remove.isPending}
      error={remove.error}
      onCancel={onClose}
      onConfirm={({ reason }) =>
        remove.mutate(
          { appId: app.id, reason, idempotencyKey: action.key() },
          {
            onSuccess: () => {
              action.renew()
              void message.success(t('done.removed', { name: app.name }))
              onRemoved()
            },
          },
        )
      }
    />
  )
}
