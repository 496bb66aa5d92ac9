// Changes who may use an app: everyone, chosen departments or chosen members, plus a deny list that
// overrides them. Saved with If-Match; a stale version shows the other admin's change instead of overwriting it.
import { useState } from 'react'
import { useKeptForm, useKeptState } from '@/shared/ui/kept-input'
import { Alert, App as AntApp, Button, Form, Modal, Radio, Select, Skeleton, Space } from 'antd'
import { useTranslation } from 'react-i18next'
import { isApiError } from '@/shared/api/problem'
import { useTenantId } from '@/shared/session/use-tenant'
import { applyProblemToForm } from '@/shared/ui/form-errors'
import { ErrorAlert } from '@/shared/ui/ErrorAlert'
import { useAppAvailability, useDepartments, useSetAvailability, type App, type AppAvailability } from '../api'
import { MemberPicker, type PickedMember } from '@/shared/members/MemberPicker'

interface Values {
  mode: AppAvailability['mode']
  departmentIds: string[]
  memberIds: PickedMember[]
  deniedMemberIds: PickedMember[]
}

const toPicked = (members: AppAvailability['members']): PickedMember[] =>
  members.map((member) => ({ value: member.id, label: member.departmentName ? `${member.name} · ${member.departmentName}` : member.name }))

const toValues = (availability: AppAvailability): Values => ({
  mode: availability.mode,
  departmentIds: availability.departments.map((department) => department.id),
  memberIds: toPicked(availability.members),
  deniedMemberIds: toPicked(availability.deniedMembers),
})

export function AvailabilityDialog({ app, onClose }: { app: App; onClose: () => void }) {
  const { t } = useTranslation('apps')
  const { t: tc } = useTranslation()
  const tenantId = useTenantId()
  const availability = useAppAvailability(tenantId, app.id, true)
  // The editor mounts once the current version is loaded, and keeps that version's ETag from then on.
  if (availability.data) {
    return <AvailabilityEditor app={app} initial={availability.data} refetch={() => availability.refetch().then((result) => result.data)} onClose={onClose} />
  }
  return (
    <Modal
      open
      title={t('availabilityEditor.title', { name: app.name })}
      okText={t('availabilityEditor.save')}
      cancelText={tc('confirm.cancel')}
      okButtonProps={{ disabled: true }}
      onCancel={onClose}
      width={640}
    >
      {availability.isError ? <ErrorAlert error={availability.error} onRetry={() => void availability.refetch()} /> : <Skeleton active />}
    </Modal>
  )
}

interface AvailabilityEditorProps {
  app: App
  initial: { data: AppAvailability; etag: string }
  refetch: () => Promise<{ data: AppAvailability; etag: string } | undefined>
  onClose: () => void
}

function AvailabilityEditor({ app, initial, refetch, onClose }: AvailabilityEditorProps) {
  const { t } = useTranslation('apps')
  const { t: tc } = useTranslation()
  const { message } = AntApp.useApp()
  const tenantId = useTenantId()
  const [form] = Form.useForm<Values>()
  const mode = Form.useWatch('mode', form)
  const departments = useDepartments(tenantId, true)
  const save = useSetAvailability(tenantId)
  const [stale, setStale] = useState(false)
  /** The admin's own edits when someone else saved first: offered back with "Reapply my change". */
  const [mine, setMine] = useState<Values | null>(null)
  // After a trip to sign-in the admin's edits come back, with the version they were made on (a 412 still tells).
  const keptAs = `apps.availability.${app.id}`
  const [etag, setEtag] = useKeptState(`${keptAs}.etag`, () => initial.etag)
  useKeptForm(form, keptAs)
  // The form starts from the version first loaded; refetches in the background must not touch it.
  const [initialValues] = useState(() => toValues(initial.data))

  const departmentName = new Map((departments.data?.items ?? []).map((d) => [d.id, d]))
  const departmentOptions = (departments.data?.items ?? []).map((department) => {
    const parent = department.parentId ? departmentName.get(department.parentId) : undefined
    return { value: department.id, label: parent ? `${parent.name} / ${department.name}` : department.name }
  })

  const submit = async (over?: { values: Values; etag: string }) => {
    if (save.isPending) return
    const values = over?.values ?? (await form.validateFields().catch(() => null))
    if (!values) return
    save.mutate(
      {
        appId: app.id,
        etag: over?.etag ?? etag,
        input: {
          mode: values.mode,
          departmentIds: values.mode === 'departments' ? values.departmentIds : [],
          memberIds: values.mode === 'all' ? [] : values.memberIds.map((member) => member.value),
          deniedMemberIds: values.deniedMemberIds.map((member) => member.value),
        },
      },
      {
        onSuccess: () => {
          void message.success(t('availabilityEditor.saved', { name: app.name }))
          onClose()
        },
        onError: async (error) => {
          if (isApiError(error) && error.status === 412) {
            // Show the version someone else saved; the admin decides whether to reapply.
            const fresh = await refetch()
            if (!fresh) return
            setMine(values)
            form.setFieldsValue(toValues(fresh.data))
            setEtag(fresh.etag)
            setStale(true)
            return
          }
          applyProblemToForm(form, error, tc)
        },
      },
    )
  }

  const showError = save.error && !(isApiError(save.error) && save.error.status === 412)
  return (
    <Modal
      open
      title={t('availabilityEditor.title', { name: app.name })}
      okText={save.isPending ? tc('confirm.working') : t('availabilityEditor.save')}
      cancelText={tc('confirm.cancel')}
      okButtonProps={{ loading: save.isPending, disabled: save.isPending }}
      cancelButtonProps={{ disabled: save.isPending }}
      onOk={() => void submit()}
      onCancel={save.isPending ? undefined : onClose}
      mask={{ closable: false }}
      closable={!save.isPending}
      keyboard={!save.isPending}
      width={640}
    >
      <Form form={form} layout="vertical" requiredMark={false} initialValues={initialValues}>
        <Form.Item name="mode" label={t('availabilityEditor.mode')}>
          <Radio.Group disabled={save.isPending} aria-label={t('availabilityEditor.mode')}>
            <Space orientation="vertical">
              {(['all', 'departments', 'members'] as const).map((value) => (
                <Radio key={value} value={value}>
                  {t(`availabilityEditor.modes.${value}`)}
                </Radio>
              ))}
            </Space>
          </Radio.Group>
        </Form.Item>
        {mode === 'departments' ? (
          <Form.Item
            name="departmentIds"
            label={t('availabilityEditor.departments')}
            extra={t('availabilityEditor.departmentsHelp')}
            rules={[{ required: true, type: 'array', min: 1, message: t('availabilityEditor.needDepartment') }]}
          >
            <Select
              mode="multiple"
              aria-label={t('availabilityEditor.departments')}
              options={departmentOptions}
              loading={departments.isPending}
              disabled={save.isPending}
              showSearch={{ optionFilterProp: 'label' }}
            />
          </Form.Item>
        ) : null}
        {mode === 'departments' || mode === 'members' ? (
          <Form.Item
            name="memberIds"
            label={mode === 'members' ? t('availabilityEditor.members') : t('availabilityEditor.extraMembers')}
            rules={mode === 'members' ? [{ required: true, type: 'array', min: 1, message: t('availabilityEditor.needMember') }] : []}
          >
            <MemberPicker
              multiple
              status="active"
              aria-label={mode === 'members' ? t('availabilityEditor.members') : t('availabilityEditor.extraMembers')}
              disabled={save.isPending}
            />
          </Form.Item>
        ) : null}
        <Form.Item name="deniedMemberIds" label={t('availabilityEditor.denied')} extra={t('availabilityEditor.deniedHelp')}>
          <MemberPicker multiple status="active" aria-label={t('availabilityEditor.denied')} disabled={save.isPending} />
        </Form.Item>
      </Form>
      {stale ? (
        <Alert
          type="warning"
          showIcon
          title={t('availabilityEditor.stale')}
          style={{ marginBottom: 12 }}
          action={
            mine ? (
              <Space orientation="vertical">
                <Button
                  size="small"
                  type="primary"
                  disabled={save.isPending}
                  onClick={() => {
                    // Their version is the one the change now applies to; the admin's edits go on top of it.
                    form.setFieldsValue(mine)
                    setStale(false)
                    void submit({ values: mine, etag })
                  }}
                >
                  {t('availabilityEditor.reapply')}
                </Button>
                <Button
                  size="small"
                  disabled={save.isPending}
                  onClick={() => {
                    setMine(null)
                    setStale(false)
                  }}
                >
                  {t('availabilityEditor.keepTheirs')}
                </Button>
              </Space>
            ) : undefined
          }
        />
      ) : null}
      {showError ? <ErrorAlert error={save.error} /> : null}
    </Modal>
  )
}
