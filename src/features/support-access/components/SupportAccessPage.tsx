// The administrators' support access page: the active grant (end it now), granting a new one (which replaces it),
// and every grant with who used it and what they did under it.
import { useState } from 'react'
import { App, Button, Descriptions, Flex, Form, Input, Radio, Select, Space, Table, Tag, Typography } from 'antd'
import { useTranslation } from 'react-i18next'
import type { TFunction } from 'i18next'
import { AuditEntryList } from '@/shared/audit/AuditTrail'
import { formatDateTime } from '@/shared/lib/format'
import type { Permission } from '@/shared/session/access'
import { useTenantAccess } from '@/shared/session/use-tenant'
import { DangerousActionDialog } from '@/shared/ui/DangerousActionDialog'
import { ErrorAlert } from '@/shared/ui/ErrorAlert'
import { applyProblemToForm } from '@/shared/ui/form-errors'
import { PageHeader } from '@/shared/ui/PageHeader'
import { QueryView } from '@/shared/ui/QueryView'
import { RelativeTime } from '@/shared/ui/RelativeTime'
import { SectionCard } from '@/shared/ui/SectionCard'
import { useActionKey } from '@/shared/ui/use-action-key'
import { useDenialText } from '@/shared/ui/use-denial-text'
import { useDocumentTitle } from '@/shared/ui/use-document-title'
import { WriteGuard } from '@/shared/ui/WriteGuard'
import { useCreateGrant, useGrantActivity, useRevokeGrant, useSupportGrants, type SupportGrant, type SupportGrantInput } from '../api'

/** The lengths offered, in hours: 1 hour to 7 days (the API takes any whole number of hours in between). */
const DURATIONS = [1, 2, 4, 8, 24, 72, 168] as const

export function SupportAccessPage() {
  const { t } = useTranslation('supportAccess')
  const { tenantId, access } = useTenantAccess()
  const grants = useSupportGrants(tenantId)
  const write = access.supportAccess.write
  const denied = useDenialText(write)
  useDocumentTitle(t('title'))

  return (
    <>
      <PageHeader title={t('title')}>
        <Typography.Paragraph style={{ marginTop: 8, marginBottom: 0, maxWidth: 860 }}>{t('intro')}</Typography.Paragraph>
        {denied !== null ? <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 0 }}>{denied}</Typography.Paragraph> : null}
      </PageHeader>
      <QueryView query={grants}>
        {(data) => {
          const active = data.items.find((grant) => grant.status === 'active') ?? null
          return (
            <Space orientation="vertical" size="large" style={{ width: '100%' }}>
              <CurrentGrant tenantId={tenantId} grant={active} write={write} />
              <GrantForm tenantId={tenantId} active={active} write={write} />
              <GrantList tenantId={tenantId} grants={data.items} />
            </Space>
          )
        }}
      </QueryView>
    </>
  )
}

const durationLabel = (t: TFunction<'supportAccess'>, hours: number) =>
  hours % 24 === 0 ? t('grant.days', { count: hours / 24 }) : t('grant.hours', { count: hours })

function usageText(t: TFunction<'supportAccess'>, grant: SupportGrant): string {
  const { changes, agents } = grant.usage
  if (changes === 0) return t('grants.notUsed')
  const names = agents.map((agent) => agent.name).join(', ')
  return changes >= 1000 ? t('grants.moreChanges', { agents: names }) : t('grants.changes', { count: changes, agents: names })
}

function CurrentGrant({ tenantId, grant, write }: { tenantId: string; grant: SupportGrant | null; write: Permission }) {
  const { t, i18n } = useTranslation('supportAccess')
  const { t: tc } = useTranslation()
  const { message } = App.useApp()
  const [confirming, setConfirming] = useState(false)
  const revoke = useRevokeGrant(tenantId)
  const action = useActionKey()
  return (
    <SectionCard
      title={t('current.title')}
      extra={
        grant ? (
          <WriteGuard permission={write}>
            <Button danger disabled={!write.allowed} onClick={() => setConfirming(true)}>
              {t('current.revoke')}
            </Button>
          </WriteGuard>
        ) : null
      }
    >
      {grant ? (
        <Descriptions column={{ xs: 1, md: 2 }} size="small">
          <Descriptions.Item label={t('current.mode')}>
            <Tag color={grant.mode === 'read_write' ? 'orange' : 'blue'}>{tc(`support.modes.${grant.mode}`)}</Tag>
          </Descriptions.Item>
          <Descriptions.Item label={t('current.ticket')}>{grant.ticketRef}</Descriptions.Item>
          <Descriptions.Item label={t('current.ends')}>
            <RelativeTime iso={grant.expiresAt} />
            {' · '}
            {formatDateTime(grant.expiresAt, i18n.language)}
          </Descriptions.Item>
          <Descriptions.Item label={t('current.grantedBy')}>
            {grant.createdBy.name} · {formatDateTime(grant.createdAt, i18n.language)}
          </Descriptions.Item>
          <Descriptions.Item label={t('current.reason')}>{grant.reason ?? '—'}</Descriptions.Item>
          <Descriptions.Item label={t('current.usage')}>{usageText(t, grant)}</Descriptions.Item>
        </Descriptions>
      ) : (
        <Typography.Text>{t('current.none')}</Typography.Text>
      )}
      <DangerousActionDialog
        open={confirming && grant !== null}
        title={t('current.revokeTitle', { ticket: grant?.ticketRef ?? '' })}
        consequence={t('current.revokeConsequence')}
        confirmLabel={t('current.revokeConfirm')}
        pending={revoke.isPending}
        error={revoke.error}
        onConfirm={() => {
          if (!grant) return
          revoke.mutate(
            { key: action.key(), grantId: grant.id, reason: '' },
            {
              onSuccess: () => {
                action.renew()
                revoke.reset()
                setConfirming(false)
                void message.success(t('current.revoked'))
              },
            },
          )
        }}
        onCancel={() => {
          revoke.reset()
          setConfirming(false)
        }}
      />
    </SectionCard>
  )
}

interface GrantValues {
  mode: SupportGrantInput['mode']
  hours: number
  ticketRef: string
  reason: string
}

function GrantForm({ tenantId, active, write }: { tenantId: string; active: SupportGrant | null; write: Permission }) {
  const { t, i18n } = useTranslation('supportAccess')
  const { t: tc } = useTranslation()
  const { message } = App.useApp()
  const [form] = Form.useForm<GrantValues>()
  const create = useCreateGrant(tenantId)
  const action = useActionKey()
  const disabled = !write.allowed

  const submit = (values: GrantValues) => {
    if (create.isPending) return
    create.mutate(
      { key: action.key(), mode: values.mode, hours: values.hours, ticketRef: values.ticketRef.trim(), reason: values.reason.trim() },
      {
        onSuccess: ({ grant }) => {
          action.renew()
          form.resetFields()
          void message.success(t('grant.granted', { mode: tc(`support.modes.${grant.mode}`), when: formatDateTime(grant.expiresAt, i18n.language) }))
        },
        onError: (error) => applyProblemToForm(form, error, tc),
      },
    )
  }

  return (
    <SectionCard title={t('grant.title')}>
      <Form<GrantValues>
        form={form}
        name="support-grant"
        layout="vertical"
        requiredMark={false}
        disabled={disabled}
        initialValues={{ mode: 'read_only', hours: 2 }}
        onFinish={submit}
        style={{ maxWidth: 640 }}
      >
        <Form.Item name="mode" label={t('grant.mode')}>
          <Radio.Group aria-label={t('grant.mode')}>
            <Space orientation="vertical">
              <Radio value="read_only">{t('grant.readOnly')}</Radio>
              <Radio value="read_write">{t('grant.readWrite')}</Radio>
            </Space>
          </Radio.Group>
        </Form.Item>
        <Form.Item name="hours" label={t('grant.duration')}>
          <Select style={{ maxWidth: 200 }} options={DURATIONS.map((hours) => ({ value: hours, label: durationLabel(t, hours) }))} />
        </Form.Item>
        <Form.Item name="ticketRef" label={t('grant.ticket')} rules={[{ required: true, whitespace: true, message: t('grant.ticketRequired') }]}>
          <Input maxLength={64} placeholder={t('grant.ticketPlaceholder')} style={{ maxWidth: 320 }} />
        </Form.Item>
        <Form.Item name="reason" label={t('grant.reason')} rules={[{ required: true, whitespace: true, message: t('grant.reasonRequired') }]}>
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 5 }} maxLength={500} showCount />
        </Form.Item>
        {active ? <Typography.Paragraph type="warning">{t('grant.replaces', { ticket: active.ticketRef })}</Typography.Paragraph> : null}
        {create.error ? <ErrorAlert error={create.error} /> : null}
        <WriteGuard permission={write}>
          <Button type="primary" htmlType="submit" loading={create.isPending} disabled={disabled}>
            {create.isPending ? tc('confirm.working') : t('grant.submit')}
          </Button>
        </WriteGuard>
      </Form>
    </SectionCard>
  )
}

function statusText(t: TFunction<'supportAccess'>, grant: SupportGrant, language: string): string {
  if (!grant.ended) return t('grants.activeUntil', { when: formatDateTime(grant.expiresAt, language) })
  const when = formatDateTime(grant.ended.at, language)
  return t(`grants.ended.${grant.ended.reason}`, { when, by: grant.ended.by?.name ?? '' })
}

function GrantList({ tenantId, grants }: { tenantId: string; grants: SupportGrant[] }) {
  const { t, i18n } = useTranslation('supportAccess')
  const { t: tc } = useTranslation()
  return (
    <SectionCard title={t('grants.title')}>
      <Table<SupportGrant>
        rowKey="id"
        size="small"
        pagination={false}
        dataSource={grants}
        locale={{ emptyText: <Typography.Text>{t('grants.empty')}</Typography.Text> }}
        expandable={{
          expandedRowRender: (grant) => <GrantActivity tenantId={tenantId} grant={grant} />,
          expandIcon: ({ expanded, onExpand, record }) => (
            <Button
              size="small"
              type="text"
              aria-expanded={expanded}
              aria-label={t('grants.showActivity', { ticket: record.ticketRef })}
              onClick={(event) => onExpand(record, event)}
            >
              {expanded ? '−' : '+'}
            </Button>
          ),
        }}
        columns={[
          { title: t('grants.ticket'), dataIndex: 'ticketRef', key: 'ticket' },
          { title: t('grants.mode'), key: 'mode', render: (_, grant) => tc(`support.modes.${grant.mode}`) },
          { title: t('grants.granted'), key: 'granted', render: (_, grant) => `${grant.createdBy.name} · ${formatDateTime(grant.createdAt, i18n.language)}` },
          {
            title: t('grants.status'),
            key: 'status',
            render: (_, grant) => (
              <Flex vertical gap={2}>
                <span>
                  <Tag>{t(`grants.statuses.${grant.status}`)}</Tag>
                </span>
                <Typography.Text type="secondary">{statusText(t, grant, i18n.language)}</Typography.Text>
              </Flex>
            ),
          },
          { title: t('grants.usage'), key: 'usage', render: (_, grant) => usageText(t, grant) },
        ]}
      />
    </SectionCard>
  )
}

function GrantActivity({ tenantId, grant }: { tenantId: string; grant: SupportGrant }) {
  const { t } = useTranslation('supportAccess')
  const activity = useGrantActivity(tenantId, grant.id, true)
  if (activity.isError) return <ErrorAlert error={activity.error} />
  const events = activity.data?.pages.flatMap((page) => page.items) ?? []
  return (
    <section aria-label={t('grants.activity')} style={{ padding: '4px 0' }}>
      {activity.isPending ? (
        <Typography.Text type="secondary">…</Typography.Text>
      ) : events.length === 0 ? (
        <Typography.Text>{t('grants.noActivity')}</Typography.Text>
      ) : (
        <AuditEntryList events={events} showTarget showChanges />
      )}
      {activity.hasNextPage ? (
        <Button size="small" loading={activity.isFetchingNextPage} onClick={() => void activity.fetchNextPage()}>
          {t('grants.more')}
        </Button>
      ) : null}
    </section>
  )
}
