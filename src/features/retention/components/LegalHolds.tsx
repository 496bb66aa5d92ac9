// Legal holds: who is held and why, placing a hold on a member (server-side search) or a group, and lifting one with a reason.
import { useState } from 'react'
import type { Permission } from '@/shared/session/access'
import { useDenialText } from '@/shared/ui/use-denial-text'
import { App, Button, Form, Input, Modal, Radio, Select, Space, Table, Tag, Typography } from 'antd'
import { useTranslation } from 'react-i18next'
import { formatDateTime } from '@/shared/lib/format'
import { applyProblemToForm } from '@/shared/ui/form-errors'
import { DangerousActionDialog } from '@/shared/ui/DangerousActionDialog'
import { ErrorAlert } from '@/shared/ui/ErrorAlert'
import { QueryView } from '@/shared/ui/QueryView'
import { useActionKey } from '@/shared/ui/use-action-key'
import { SectionCard } from '@/shared/ui/SectionCard'
import { MemberPicker } from '@/shared/members/MemberPicker'
import { useLegalHolds, usePlaceLegalHold, useReleaseLegalHold, type LegalHold } from '../api'

/** Named for screen readers, invisible on screen (the column holds only buttons). */
const visuallyHidden = { position: 'absolute', width: 1, height: 1, overflow: 'hidden', clip: 'rect(0 0 0 0)', whiteSpace: 'nowrap' } as const

interface LegalHoldsProps {
  tenantId: string
  write: Permission
}

export function LegalHolds({ tenantId, write }: LegalHoldsProps) {
  const deniedReason = useDenialText(write)
  const { t, i18n } = useTranslation('retention')
  const holds = useLegalHolds(tenantId)
  const [placing, setPlacing] = useState(false)
  const [lifting, setLifting] = useState<LegalHold | null>(null)

  return (
    <>
      <SectionCard
        title={t('holds.title')}
        extra={
          <Button disabled={!write.allowed} onClick={() => setPlacing(true)}>
            {t('holds.place')}
          </Button>
        }
      >
        <Typography.Paragraph>{t('holds.intro')}</Typography.Paragraph>
        {deniedReason !== null ? <Typography.Paragraph type="secondary">{deniedReason}</Typography.Paragraph> : null}
        <QueryView query={holds}>
          {(data) => (
            <>
              <Table<LegalHold>
                rowKey="id"
                size="small"
                pagination={false}
                dataSource={data.items}
                locale={{ emptyText: <Typography.Text>{t('holds.empty')}</Typography.Text> }}
                columns={[
                  {
                    title: t('holds.target'),
                    key: 'target',
                    render: (_, hold) => (
                      <Space>
                        <span>{hold.targetName}</span>
                        <Tag>{t(`holds.types.${hold.targetType}`)}</Tag>
                      </Space>
                    ),
                  },
                  { title: t('holds.reason'), dataIndex: 'reason', key: 'reason' },
                  {
                    title: t('holds.placed'),
                    key: 'placed',
                    render: (_, hold) => `${hold.placedBy.name} · ${formatDateTime(hold.placedAt, i18n.language)}`,
                  },
                  {
                    title: t('holds.status'),
                    key: 'status',
                    render: (_, hold) =>
                      hold.releasedAt === null ? (
                        <Tag>{t('holds.inForce')}</Tag>
                      ) : (
                        <span>{t('holds.lifted', { when: formatDateTime(hold.releasedAt, i18n.language) })}</span>
                      ),
                  },
                  {
                    title: <span style={visuallyHidden}>{t('holds.liftShort')}</span>,
                    key: 'actions',
                    render: (_, hold) =>
                      hold.releasedAt === null ? (
                        <Button
                          size="small"
                          // The visible word must stay a part of the accessible name ("解除" not "解 除").
                          autoInsertSpace={false}
                          disabled={!write.allowed}
                          aria-label={t('holds.lift', { name: hold.targetName })}
                          onClick={() => setLifting(hold)}
                        >
                          {t('holds.liftShort')}
                        </Button>
                      ) : null,
                  },
                ]}
              />
              <PlaceHoldDialog
                open={placing}
                tenantId={tenantId}
                groups={data.groups}
                onClose={() => setPlacing(false)}
              />
            </>
          )}
        </QueryView>
      </SectionCard>
      <LiftHoldDialog tenantId={tenantId} hold={lifting} onClose={() => setLifting(null)} />
    </>
  )
}

function LiftHoldDialog({ tenantId, hold, onClose }: { tenantId: string; hold: LegalHold | null; onClose: () => void }) {
  const { t } = useTranslation('retention')
  const { message } = App.useApp()
  const release = useReleaseLegalHold(tenantId)
  const action = useActionKey()
  const name = hold?.targetName ?? ''
  return (
    <DangerousActionDialog
      open={hold !== null}
      title={t('holds.liftTitle', { name })}
      consequence={t('holds.liftConsequence')}
      confirmLabel={t('holds.liftConfirm')}
      requireReason
      pending={release.isPending}
      error={release.error}
      onConfirm={({ reason }) => {
        if (!hold) return
        release.mutate(
          { key: action.key(), holdId: hold.id, reason },
          {
            onSuccess: () => {
              action.renew()
              release.reset()
              onClose()
              void message.success(t('holds.lifted_toast', { name }))
            },
          },
        )
      }}
      onCancel={() => {
        release.reset()
        onClose()
      }}
    />
  )
}

interface PlaceHoldValues {
  targetType: 'member' | 'group'
  memberId?: string
  groupId?: string
  reason: string
}

function PlaceHoldDialog({
  open,
  tenantId,
  groups,
  onClose,
}: {
  open: boolean
  tenantId: string
  groups: { id: string; name: string }[]
  onClose: () => void
}) {
  const { t } = useTranslation('retention')
  const { t: tc } = useTranslation()
  const { message } = App.useApp()
  const [form] = Form.useForm<PlaceHoldValues>()
  const targetType = Form.useWatch('targetType', form) ?? 'member'
  const place = usePlaceLegalHold(tenantId)
  const action = useActionKey()

  const submit = async () => {
    if (place.isPending) return
    const values = await form.validateFields().catch(() => null)
    if (!values) return
    const targetId = values.targetType === 'member' ? values.memberId : values.groupId
    if (!targetId) return
    place.mutate(
      { key: action.key(), targetType: values.targetType, targetId, reason: values.reason.trim() },
      {
        onSuccess: (hold) => {
          action.renew()
          onClose()
          void message.success(t('holds.placed_toast', { name: hold.targetName }))
        },
        onError: (error) => {
          applyProblemToForm(form, error, tc, { targetId: [values.targetType === 'member' ? 'memberId' : 'groupId'] })
        },
      },
    )
  }

  return (
    <Modal
      open={open}
      title={t('holds.placeTitle')}
      okText={place.isPending ? tc('confirm.working') : t('holds.placeConfirm')}
      cancelText={tc('confirm.cancel')}
      okButtonProps={{ loading: place.isPending }}
      cancelButtonProps={{ disabled: place.isPending }}
      onOk={() => void submit()}
      onCancel={place.isPending ? undefined : onClose}
      mask={{ closable: false }}
      destroyOnHidden
      afterClose={() => {
        form.resetFields()
        place.reset()
      }}
    >
      <Form<PlaceHoldValues> form={form} layout="vertical" requiredMark={false} initialValues={{ targetType: 'member' }} name="place-hold">
        <Form.Item name="targetType" label={t('holds.targetType')}>
          <Radio.Group
            aria-label={t('holds.targetType')}
            options={[
              { label: t('holds.member'), value: 'member' },
              { label: t('holds.group'), value: 'group' },
            ]}
          />
        </Form.Item>
        {targetType === 'member' ? (
          <Form.Item name="memberId" label={t('holds.member')} rules={[{ required: true, message: t('holds.chooseMember') }]}>
            <MemberPicker placeholder={t('holds.memberPlaceholder')} excludeStatuses={['removed']} />
          </Form.Item>
        ) : (
          <Form.Item name="groupId" label={t('holds.group')} rules={[{ required: true, message: t('holds.chooseGroup') }]}>
            <Select placeholder={t('holds.groupPlaceholder')} options={groups.map((group) => ({ value: group.id, label: group.name }))} />
          </Form.Item>
        )}
        <Form.Item
          name="reason"
          label={t('holds.reason')}
          rules={[{ required: true, whitespace: true, message: tc('confirm.reasonRequired') }]}
        >
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 5 }} maxLength={500} showCount />
        </Form.Item>
      </Form>
      {place.error ? <ErrorAlert error={place.error} /> : null}
    </Modal>
  )
}
