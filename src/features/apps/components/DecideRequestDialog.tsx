// Approve or deny a member's request for an app, with a note to the member (required when denying).
import { App as AntApp, Form, Input, Modal, Space, Typography } from 'antd'
import { useTranslation } from 'react-i18next'
import { useTenantId } from '@/shared/session/use-tenant'
import { applyProblemToForm } from '@/shared/ui/form-errors'
import { ErrorAlert } from '@/shared/ui/ErrorAlert'
import { useActionKey } from '@/shared/ui/use-action-key'
import { useDecideRequest, type AppRequest } from '../api'

interface DecideRequestDialogProps {
  request: AppRequest
  decision: 'approve' | 'deny'
  onClose: () => void
}

export function DecideRequestDialog({ request, decision, onClose }: DecideRequestDialogProps) {
  const { t } = useTranslation('apps')
  const { t: tc } = useTranslation()
  const { message } = AntApp.useApp()
  const tenantId = useTenantId()
  const decide = useDecideRequest(tenantId)
  const action = useActionKey()
  const [form] = Form.useForm<{ note?: string }>()
  const note = Form.useWatch('note', form)
  const deny = decision === 'deny'
  const names = { member: request.member.name, app: request.appName }
  const ready = !deny || (note ?? '').trim().length > 0

  const submit = async () => {
    if (decide.isPending) return
    const values = await form.validateFields().catch(() => null)
    if (!values) return
    decide.mutate(
      { requestId: request.id, decision, note: (values.note ?? '').trim(), idempotencyKey: action.key() },
      {
        onSuccess: () => {
          action.renew()
          void message.success(deny ? t('requests.denied') : t('requests.approved'))
          onClose()
        },
        onError: (error) => applyProblemToForm(form, error, tc),
      },
    )
  }

  return (
    <Modal
      open
      title={deny ? t('requests.denyTitle', names) : t('requests.approveTitle', names)}
      okText={decide.isPending ? tc('confirm.working') : deny ? t('requests.deny') : t('requests.approve')}
      cancelText={tc('confirm.cancel')}
      okButtonProps={{ danger: deny, loading: decide.isPending, disabled: decide.isPending || !ready }}
      cancelButtonProps={{ disabled: decide.isPending }}
      onOk={() => void submit()}
      onCancel={decide.isPending ? undefined : onClose}
      mask={{ closable: false }}
      closable={!decide.isPending}
      keyboard={!decide.isPending}
    >
      <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
        <Typography.Paragraph style={{ marginBottom: 0 }}>
          {deny ? t('requests.denyConsequence', names) : t('requests.approveConsequence', names)}
        </Typography.Paragraph>
        <Typography.Paragraph type="secondary" style={{ marginBottom: 0, overflowWrap: 'anywhere' }}>
          “{request.message}”
        </Typography.Paragraph>
        <Form form={form} layout="vertical" requiredMark={false}>
          <Form.Item
            name="note"
            label={deny ? t('requests.note') : t('requests.noteOptional')}
            rules={deny ? [{ required: true, whitespace: true, message: tc('validation.required') }] : []}
          >
            <Input.TextArea autoSize={{ minRows: 2, maxRows: 5 }} maxLength={500} showCount disabled={decide.isPending} />
          </Form.Item>
        </Form>
        {decide.error ? <ErrorAlert error={decide.error} /> : null}
      </Space>
    </Modal>
  )
}
