// Removing a member (除名), a short guided flow: hand over the work, choose what happens to the personal data, the
// grace period, then confirm with a reason after reading exactly what happens now and what happens on the date.
import { useState } from 'react'
import { Alert, Button, Flex, Form, Input, Modal, Space, Steps, Typography } from 'antd'
import type { TFunction } from 'i18next'
import { useTranslation } from 'react-i18next'
import { formatDate, formatNumber } from '@/shared/lib/format'
import { useServerNow } from '@/shared/lib/server-clock'
import { ErrorAlert } from '@/shared/ui/ErrorAlert'
import { DataHandlingField, GraceDaysField, HandoverFields, validGraceDays, type RemovalValues } from './removal-fields'
import type { MemberDetail, MemberRemovalInput } from '../api'

type HandoverCounts = NonNullable<NonNullable<MemberDetail['removal']>['handover']>['moved']
const HANDOVER_KEYS = ['driveFiles', 'documents', 'crmCustomers', 'approvalsInProgress', 'ownedGroups'] as const
const STEPS = ['handover', 'data', 'grace', 'confirm'] as const
const DAY_MS = 86_400_000

/** "12 drive files, 3 documents, …" — the items a handover moves, in the console's words. */
export function handoverSummary(counts: HandoverCounts, t: TFunction<'members'>, language: string): string {
  return HANDOVER_KEYS.map((key) => `${t(`detail.held.${key}`)} ${formatNumber(counts[key], language)}`).join(language === 'zh-CN' ? '、' : ', ')
}

type Values = RemovalValues

export interface RemoveMemberDialogProps {
  open: boolean
  detail: MemberDetail
  name: string
  pending: boolean
  error: unknown
  onConfirm: (input: MemberRemovalInput) => void
  onCancel: () => void
  afterClose: () => void
  /** A reason to start from (e.g. an approved deregistration request). */
  initialReason?: string
  /** The dialog's title when it is not a plain removal (approving a member's own request). */
  title?: string
}

export function RemoveMemberDialog({ open, detail, name, pending, error, onConfirm, onCancel, afterClose, initialReason, title }: RemoveMemberDialogProps) {
  const { t, i18n } = useTranslation('members')
  const [form] = Form.useForm<Values>()
  const [step, setStep] = useState(0)
  const now = useServerNow()
  const values = Form.useWatch([], form) as Partial<Values> | undefined
  const [handoverName, setHandoverName] = useState<string | null>(null)
  const current = STEPS[step] ?? 'handover'
  const graceDays = values?.graceDays ?? detail.defaultGraceDays
  const validGrace = validGraceDays(graceDays)
  const removeOn = validGrace ? formatDate(new Date(now + graceDays * DAY_MS).toISOString(), i18n.language) : null
  const handling = values?.dataHandling ?? 'anonymise'
  const thirdParty = detail.apps.filter((app) => app.thirdParty)
  const movable = { driveFiles: detail.holdings.driveFiles, documents: detail.holdings.documents, crmCustomers: detail.holdings.crmCustomers, approvalsInProgress: detail.holdings.approvalsInProgress, ownedGroups: detail.holdings.ownedGroups }

  const fieldsOf: Record<(typeof STEPS)[number], (keyof Values)[]> = { handover: ['handoverTo', 'handoverNone'], data: ['dataHandling'], grace: ['graceDays'], confirm: ['reason'] }
  const next = async () => {
    const ok = await form.validateFields(fieldsOf[current]).then(
      () => true,
      () => false,
    )
    if (ok) setStep((at) => Math.min(at + 1, STEPS.length - 1))
  }
  const submit = async () => {
    if (pending) return
    const all = await form.validateFields().catch(() => null)
    if (!all) return
    onConfirm({
      handoverToMemberId: all.handoverNone ? null : (all.handoverTo ?? null),
      dataHandling: all.dataHandling,
      graceDays: all.graceDays ?? detail.defaultGraceDays,
      reason: (all.reason ?? '').trim(),
    })
  }

  const footer = (
    <Flex justify="space-between">
      <Button onClick={onCancel} disabled={pending}>
        {i18n.t('confirm.cancel')}
      </Button>
      <Space>
        {step > 0 ? (
          <Button onClick={() => setStep((at) => at - 1)} disabled={pending}>
            {t('removal.back')}
          </Button>
        ) : null}
        {current === 'confirm' ? (
          <Button danger type="primary" onClick={() => void submit()} loading={pending}>
            {pending ? i18n.t('confirm.working') : t('removal.confirm')}
          </Button>
        ) : (
          <Button type="primary" onClick={() => void next()}>
            {t('removal.next')}
          </Button>
        )}
      </Space>
    </Flex>
  )

  return (
    <Modal
      open={open}
      title={title ?? t('removal.title', { name })}
      width={640}
      footer={footer}
      onCancel={pending ? undefined : onCancel}
      mask={{ closable: false }}
      closable={!pending}
      keyboard={!pending}
      afterClose={() => {
        form.resetFields()
        setStep(0)
        setHandoverName(null)
        afterClose()
      }}
    >
      <Steps
        size="small"
        current={step}
        aria-label={t('removal.stepsLabel')}
        items={STEPS.map((key) => ({ title: t(`removal.steps.${key}`) }))}
        style={{ marginBottom: 24 }}
      />
      <Form
        form={form}
        name="member-removal"
        layout="vertical"
        initialValues={{ dataHandling: 'anonymise', graceDays: detail.defaultGraceDays, handoverNone: false, reason: initialReason }}
        onFinish={() => void (current === 'confirm' ? submit() : next())}
      >
        <div hidden={current !== 'handover'}>
          <Typography.Paragraph>{t('removal.handoverIntro', { summary: handoverSummary(movable, t, i18n.language) })}</Typography.Paragraph>
          <HandoverFields form={form} exclude={[detail.member.id]} disabled={pending} onPicked={setHandoverName} />
        </div>
        <div hidden={current !== 'data'}>
          <DataHandlingField labelId="removal-data-label" disabled={pending} />
        </div>
        <div hidden={current !== 'grace'}>
          <GraceDaysField defaultDays={detail.defaultGraceDays} disabled={pending} />
          {removeOn ? <Typography.Paragraph>{t('removal.graceDate', { date: removeOn })}</Typography.Paragraph> : null}
        </div>
        <div hidden={current !== 'confirm'}>
          <Flex vertical gap={8} style={{ marginBottom: 16 }}>
            <Typography.Text>
              {t('removal.summaryIntro', {
                vendors: thirdParty.length > 0 ? t('removal.summaryVendors', { vendors: thirdParty.map((app) => app.vendor).join(', ') }) : '',
              })}
            </Typography.Text>
            <Typography.Text>
              {values?.handoverNone || !values?.handoverTo
                ? t('removal.summaryNoHandover')
                : t('removal.summaryHandover', { name: handoverName ?? values.handoverTo, summary: handoverSummary(movable, t, i18n.language) })}
            </Typography.Text>
            {removeOn ? <Typography.Text strong>{t('removal.summaryData', { date: removeOn, handling: t(`detail.handling.${handling}`) })}</Typography.Text> : null}
            {detail.legalHolds.length > 0 ? <Alert type="warning" showIcon title={t('removal.summaryHold')} /> : null}
          </Flex>
          <Form.Item name="reason" label={t('removal.reason')} required rules={[{ required: true, whitespace: true, message: t('removal.reasonRequired') }]}>
            <Input.TextArea autoSize={{ minRows: 2, maxRows: 5 }} maxLength={500} showCount disabled={pending} />
          </Form.Item>
        </div>
      </Form>
      {error ? <ErrorAlert error={error} /> : null}
    </Modal>
  )
}

