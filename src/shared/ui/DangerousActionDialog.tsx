// The confirm pattern for destructive actions: says what will happen, can require a typed phrase and a
// reason, runs once (the button is disabled while pending), and shows a failure inside the dialog.
import { useId, useState, type ReactNode } from 'react'
import { Form, Input, Modal, Space, Typography } from 'antd'
import { useTranslation } from 'react-i18next'
import { ErrorAlert } from './ErrorAlert'
import { useKeptForm } from './kept-input'

export interface DangerousActionDialogProps {
  open: boolean
  title: string
  /** What will happen, in plain words; shown before anything else. */
  consequence: ReactNode
  confirmLabel: string
  /** When set, the user must type this exactly (e.g. the tenant's name). */
  confirmPhrase?: string
  /** Ask for a reason that goes into the audit log. */
  requireReason?: boolean
  reasonLabel?: string
  /** What the reason field says when it is left empty (with a custom label, it should name the same thing). */
  reasonMissing?: string
  pending: boolean
  error: unknown
  onConfirm: (input: { reason: string }) => void
  onCancel: () => void
  /** Not red: for consequential but reversible actions. */
  danger?: boolean
  /** Keeps the typed reason across a trip to sign-in under this key (default: the dialog's title, which names its target). */
  keepAs?: string
  /** After the dialog has closed (its animation done): e.g. to put focus somewhere better than a control that is gone. */
  afterClose?: () => void
  children?: ReactNode
}

interface Values {
  phrase?: string
  reason?: string
}

export function DangerousActionDialog({
  open,
  title,
  consequence,
  confirmLabel,
  confirmPhrase,
  requireReason,
  reasonLabel,
  reasonMissing,
  pending,
  error,
  onConfirm,
  onCancel,
  danger = true,
  children,
  afterClose,
  keepAs,
}: DangerousActionDialogProps) {
  const { t } = useTranslation()
  const [form] = Form.useForm<Values>()
  // Field ids are prefixed with the form's name: two dialogs on a page must not share an id (a label names one field).
  const formName = `confirm${useId().replace(/[^a-zA-Z0-9]/g, '')}`
  const phrase = Form.useWatch('phrase', form)
  const [submitted, setSubmitted] = useState(false)
  useKeptForm(form, open ? (keepAs ?? `confirm:${title}`) : undefined)

  const submit = async () => {
    if (pending) return
    // The button stays enabled: pressing it without what it needs says what is missing, next to the field.
    setSubmitted(true)
    const values = await form.validateFields().catch(() => null)
    if (!values || (confirmPhrase && values.phrase !== confirmPhrase)) return
    onConfirm({ reason: (values.reason ?? '').trim() })
  }

  return (
    <Modal
      open={open}
      title={title}
      okText={pending ? t('confirm.working') : confirmLabel}
      cancelText={t('confirm.cancel')}
      okButtonProps={{ danger, disabled: pending, loading: pending }}
      cancelButtonProps={{ disabled: pending }}
      onOk={() => void submit()}
      onCancel={pending ? undefined : onCancel}
      mask={{ closable: false }}
      closable={!pending}
      keyboard={!pending}
      afterClose={() => {
        form.resetFields()
        setSubmitted(false)
        afterClose?.()
      }}
    >
      <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
        <Typography.Paragraph style={{ marginBottom: 0 }}>{consequence}</Typography.Paragraph>
        {children}
        <Form form={form} name={formName} layout="vertical" onFinish={() => void submit()}>
          {requireReason && (
            <Form.Item
              name="reason"
              label={reasonLabel ?? t('confirm.reason')}
              rules={[{ required: true, whitespace: true, message: reasonMissing ?? t('confirm.reasonRequired') }]}
            >
              <Input.TextArea autoSize={{ minRows: 2, maxRows: 5 }} maxLength={500} showCount disabled={pending} />
            </Form.Item>
          )}
          {confirmPhrase && (
            <Form.Item
              name="phrase"
              required
              label={t('confirm.typeToConfirm', { phrase: confirmPhrase })}
              validateStatus={submitted && phrase !== confirmPhrase ? 'error' : undefined}
              help={submitted && phrase !== confirmPhrase ? t('confirm.typeMismatch', { phrase: confirmPhrase }) : undefined}
            >
              <Input autoComplete="off" disabled={pending} />
            </Form.Item>
          )}
        </Form>
        {error ? <ErrorAlert error={error} /> : null}
      </Space>
    </Modal>
  )
}
