// The deregistration queue: members' requests to leave, forwarded by the platform, with the days left to reply.
// Approve leads into the removal flow, prefilled; decline asks for the reason that goes back to the platform.
import { useRef, useState } from 'react'
import { App as AntApp, Button, Flex, Modal, Skeleton, Space, Table, Tag, Typography } from 'antd'
import type { TableColumnsType } from 'antd'
import { ArrowLeftOutlined } from '@ant-design/icons'
import { Link } from 'react-router'
import { useTranslation } from 'react-i18next'
import { formatDate, formatDateTime } from '@/shared/lib/format'
import { useServerNow } from '@/shared/lib/server-clock'
import { useTenantAccess } from '@/shared/session/use-tenant'
import { ButtonLink } from '@/shared/ui/ButtonLink'
import { DangerousActionDialog } from '@/shared/ui/DangerousActionDialog'
import { ErrorAlert } from '@/shared/ui/ErrorAlert'
import { PageHeader } from '@/shared/ui/PageHeader'
import { useActionKey } from '@/shared/ui/use-action-key'
import { useDocumentTitle } from '@/shared/ui/use-document-title'
import { WriteGuard } from '@/shared/ui/WriteGuard'
import { useDecideDeregistration, useDeregistrationRequests, useMemberDetail, type DeregistrationRequest, type MemberRemovalInput } from '../api'
import { memberName } from './bits'
import { MemberSettingsCard } from './MemberSettingsCard'
import { RemoveMemberDialog } from './RemoveMemberDialog'

const DAY_MS = 86_400_000
type Dialog = { kind: 'approve' | 'decline'; request: DeregistrationRequest } | null

/** "3 days left", "Due soon: 1 day left", "Overdue by 2 days", from the deadline and the server's clock. */
export function DeadlineTag({ request, now }: { request: DeregistrationRequest; now: number }) {
  const { t } = useTranslation('members')
  if (request.status !== 'open') return <>{t(`requests.status.${request.status}`)}</>
  const left = Date.parse(request.dueAt) - now
  if (request.urgency === 'overdue' || left < 0) {
    const days = Math.floor(-left / DAY_MS)
    return <Tag color="error">{days < 1 ? t('requests.overdueToday') : t('requests.overdue', { count: days })}</Tag>
  }
  // Days left count a started day as a day (1.5 days is "2 days left"); less than a day says so.
  const days = Math.ceil(left / DAY_MS)
  if (request.urgency === 'due_soon') return <Tag color="warning">{left < DAY_MS ? t('requests.dueToday') : t('requests.dueSoon', { count: days })}</Tag>
  return <>{t('requests.daysLeft', { count: days })}</>
}

export function DeregistrationPage() {
  const { t, i18n } = useTranslation('members')
  const { tenantId, access, isSupport } = useTenantAccess()
  const { message } = AntApp.useApp()
  const queue = useDeregistrationRequests(tenantId)
  const decide = useDecideDeregistration(tenantId)
  const action = useActionKey()
  const now = useServerNow()
  const [dialog, setDialog] = useState<Dialog>(null)
  // Kept after the dialog closes, so it can animate out and hand focus back.
  const [approving, setApproving] = useState<DeregistrationRequest | null>(null)
  const opener = useRef<HTMLElement | null>(null)
  const permission = access.members.write
  useDocumentTitle(t('requests.title'))

  const open = (kind: 'approve' | 'decline', request: DeregistrationRequest, event: React.MouseEvent<HTMLElement>) => {
    opener.current = event.currentTarget
    action.renew()
    decide.reset()
    if (kind === 'approve') setApproving(request)
    setDialog({ kind, request })
  }
  const close = () => setDialog(null)
  // The row's buttons are gone once it is decided: focus its member link then.
  const returnFocus = (request: DeregistrationRequest | undefined) => {
    if (opener.current?.isConnected && !opener.current.hasAttribute('disabled')) opener.current.focus()
    else if (request) document.querySelector<HTMLElement>(`[data-row-key="${request.id}"] a`)?.focus()
  }
  const run = (request: DeregistrationRequest, decision: Parameters<typeof decide.mutate>[0]['decision']) =>
    decide.mutate(
      { requestId: request.id, decision, idempotencyKey: action.key() },
      {
        onSuccess: () => {
          close()
          void message.success(decision.kind === 'approve' ? t('requests.done.approve', { name: request.member.name }) : t('requests.done.decline'))
        },
      },
    )

  const columns: TableColumnsType<DeregistrationRequest> = [
    {
      key: 'member',
      title: t('requests.columns.member'),
      render: (_, request) => (
        <Flex vertical>
          <Link to={`../${request.member.id}`} relative="path" style={{ fontWeight: 600 }}>
            {memberName(request.member, t)}
          </Link>
          <Typography.Text type="secondary">
            {request.member.employeeNo} · {request.member.departmentName}
          </Typography.Text>
        </Flex>
      ),
    },
    { key: 'message', title: t('requests.columns.message'), render: (_, request) => request.message || t('detail.none') },
    { key: 'received', title: t('requests.columns.received'), render: (_, request) => formatDate(request.receivedAt, i18n.language) },
    {
      key: 'deadline',
      title: t('requests.columns.deadline'),
      render: (_, request) => (
        <Flex vertical gap={2} align="start">
          <span>{formatDate(request.dueAt, i18n.language)}</span>
          {request.status === 'open' ? <DeadlineTag request={request} now={now} /> : null}
        </Flex>
      ),
    },
    {
      key: 'status',
      title: t('requests.columns.status'),
      render: (_, request) => (
        <Flex vertical gap={2}>
          <span>{t(`requests.status.${request.status}`)}</span>
          {request.declineReason ? <Typography.Text type="secondary">{t('requests.declinedReason', { reason: request.declineReason })}</Typography.Text> : null}
          {request.decidedBy && request.decidedAt ? (
            <Typography.Text type="secondary">{t('requests.decidedBy', { name: request.decidedBy.name, date: formatDateTime(request.decidedAt, i18n.language) })}</Typography.Text>
          ) : null}
        </Flex>
      ),
    },
    {
      key: 'actions',
      title: t('requests.columns.actions'),
      render: (_, request) =>
        request.status === 'open' ? (
          <Space>
            <WriteGuard permission={permission}>
              <Button type="primary" disabled={!permission.allowed} aria-label={t('requests.approveFor', { name: request.member.name })} onClick={(event) => open('approve', request, event)}>
                {t('requests.approve')}
              </Button>
            </WriteGuard>
            <WriteGuard permission={permission}>
              <Button disabled={!permission.allowed} aria-label={t('requests.declineFor', { name: request.member.name })} onClick={(event) => open('decline', request, event)}>
                {t('requests.decline')}
              </Button>
            </WriteGuard>
          </Space>
        ) : null,
    },
  ]

  const current = dialog?.request
  return (
    <>
      <ButtonLink to={`/tenants/${tenantId}/members`} type="link" icon={<ArrowLeftOutlined aria-hidden />} style={{ paddingInline: 0, marginBottom: 8 }}>
        {t('detail.back')}
      </ButtonLink>
      <PageHeader title={t('requests.title')}>
        <Typography.Paragraph type="secondary" style={{ margin: '8px 0 0', maxWidth: 880 }}>
          {t('requests.intro', { days: queue.data?.replyDays ?? 15 })}
        </Typography.Paragraph>
      </PageHeader>
      {queue.isPending ? <Skeleton active /> : null}
      {queue.isError ? <ErrorAlert error={queue.error} onRetry={() => void queue.refetch()} retrying={queue.isFetching} /> : null}
      {queue.data ? (
        <Table<DeregistrationRequest>
          rowKey="id"
          columns={columns}
          dataSource={queue.data.items}
          pagination={false}
          title={() => <Typography.Text strong>{t('requests.caption')}</Typography.Text>}
          locale={{ emptyText: t('requests.empty') }}
        />
      ) : null}
      {isSupport ? null : <MemberSettingsCard tenantId={tenantId} />}
      <DangerousActionDialog
        open={dialog?.kind === 'decline'}
        title={t('requests.declineTitle', { name: current?.member.name ?? '' })}
        consequence={t('requests.declineText')}
        confirmLabel={t('requests.declineConfirm')}
        requireReason
        danger={false}
        pending={decide.isPending}
        error={decide.error}
        onConfirm={({ reason }) => current && run(current, { kind: 'decline', reason })}
        onCancel={close}
        afterClose={() => returnFocus(current)}
      />
      {approving ? (
        <ApproveDialog
          open={dialog?.kind === 'approve'}
          request={approving}
          pending={decide.isPending}
          error={decide.error}
          onConfirm={(input) => run(approving, { kind: 'approve', input })}
          onCancel={close}
          afterClose={() => returnFocus(approving)}
        />
      ) : null}
    </>
  )
}

/** The removal flow for the requesting member, once their profile is loaded, with the request as the reason. */
function ApproveDialog(props: { open: boolean; request: DeregistrationRequest; pending: boolean; error: unknown; onConfirm: (input: MemberRemovalInput) => void; onCancel: () => void; afterClose: () => void }) {
  const { t } = useTranslation('members')
  const { tenantId } = useTenantAccess()
  const detail = useMemberDetail(tenantId, props.request.member.id)
  const title = t('requests.approveFor', { name: props.request.member.name })
  // The flow needs the member's profile: until it is here the dialog is already open, saying so (or why it is not).
  if (!detail.data) {
    return (
      <Modal open={props.open} title={title} footer={null} onCancel={props.onCancel} afterClose={props.afterClose}>
        {detail.isError ? <ErrorAlert error={detail.error} onRetry={() => void detail.refetch()} retrying={detail.isFetching} /> : <Skeleton active />}
      </Modal>
    )
  }
  return (
    <RemoveMemberDialog
      open={props.open}
      detail={detail.data}
      name={props.request.member.name}
      title={title}
      initialReason={t('requests.approveReason', { id: props.request.id })}
      pending={props.pending}
      error={props.error}
      onConfirm={props.onConfirm}
      onCancel={props.onCancel}
      afterClose={props.afterClose}
    />
  )
}
