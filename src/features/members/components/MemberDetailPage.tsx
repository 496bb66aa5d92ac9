// One member: the removal state first (it is what an admin came to check), the profile split as the platform and
// the enterprise hold it, what the member holds, who can reach them, holds, and the member's history.
import { useRef, useState } from 'react'
import { Alert, App as AntApp, Button, Card, Col, Descriptions, Flex, Row, Skeleton, Space, Statistic, Tag, Typography } from 'antd'
import { ArrowLeftOutlined } from '@ant-design/icons'
import { Link, useParams } from 'react-router'
import { useTranslation } from 'react-i18next'
import { formatDate, formatDateTime, formatNumber } from '@/shared/lib/format'
import { useTenantAccess } from '@/shared/session/use-tenant'
import { AuditTrail } from '@/shared/audit/AuditTrail'
import type { AuditEvent } from '@/shared/audit/api'
import { ButtonLink } from '@/shared/ui/ButtonLink'
import { DangerousActionDialog } from '@/shared/ui/DangerousActionDialog'
import { ErrorAlert } from '@/shared/ui/ErrorAlert'
import { PageHeader } from '@/shared/ui/PageHeader'
import { useActionKey } from '@/shared/ui/use-action-key'
import { useDocumentTitle } from '@/shared/ui/use-document-title'
import { WriteGuard } from '@/shared/ui/WriteGuard'
import { useMemberDetail, useMemberMove, type MemberDetail, type MemberMove } from '../api'
import { handoverSummary, RemoveMemberDialog } from './RemoveMemberDialog'
import { memberName, MemberStatusText } from './bits'

type Dialog = 'deactivate' | 'undo' | 'remove' | null
const HOLDING_KEYS = ['messages', 'files', 'driveFiles', 'documents', 'crmCustomers', 'approvalsInProgress', 'approvalRecords', 'ownedGroups', 'paidCalls', 'clockIns'] as const

export function MemberDetailPage() {
  const { t } = useTranslation('members')
  const { tenantId } = useTenantAccess()
  const memberId = useParams().memberId ?? ''
  const detail = useMemberDetail(tenantId, memberId)
  const name = detail.data ? memberName(detail.data.member, t) : ''
  useDocumentTitle(name || t('title'))
  return (
    <>
      <ButtonLink to={`/tenants/${tenantId}/members`} type="link" icon={<ArrowLeftOutlined aria-hidden />} style={{ paddingInline: 0, marginBottom: 8 }}>
        {t('detail.back')}
      </ButtonLink>
      {detail.isPending ? <Skeleton active paragraph={{ rows: 8 }} /> : null}
      {detail.isError ? <ErrorAlert error={detail.error} onRetry={() => void detail.refetch()} retrying={detail.isFetching} /> : null}
      {detail.data ? <Loaded detail={detail.data} name={name} /> : null}
    </>
  )
}

function Loaded({ detail, name }: { detail: MemberDetail; name: string }) {
  const { t, i18n } = useTranslation('members')
  const { tenantId, access } = useTenantAccess()
  const { message } = AntApp.useApp()
  const { member } = detail
  const [dialog, setDialog] = useState<Dialog>(null)
  const opener = useRef<HTMLElement | null>(null)
  const move = useMemberMove(tenantId, member.id)
  const action = useActionKey()
  const permission = access.members.write
  const canWrite = permission.allowed
  const blocked = detail.removalBlockedBy
  const open = (which: Exclude<Dialog, null>, event: React.MouseEvent<HTMLElement>) => {
    opener.current = event.currentTarget
    action.renew()
    move.reset()
    setDialog(which)
  }
  const close = () => setDialog(null)
  const run = (next: MemberMove, done: (result: MemberDetail) => string) =>
    move.mutate(
      { move: next, idempotencyKey: action.key() },
      {
        onSuccess: (result) => {
          close()
          void message.success(done(result))
        },
      },
    )
  const when = (iso: string) => formatDate(iso, i18n.language)
  const removal = detail.removal
  const blockedText = blocked ? t(`detail.blocked.${blocked}`) : null

  const actions = (
    <>
      {member.status === 'active' ? (
        <WriteGuard permission={permission} reason={blockedText}>
          <Button onClick={(event) => open('deactivate', event)} disabled={!canWrite || blocked !== null}>
            {t('detail.deactivate')}
          </Button>
        </WriteGuard>
      ) : null}
      {member.status === 'deactivated' ? (
        <WriteGuard permission={permission}>
          <Button onClick={() => {
              action.renew()
              run({ kind: 'reactivate' }, () => t('detail.done.reactivate', { name }))
            }} disabled={!canWrite} loading={move.isPending && dialog === null}>
            {t('detail.reactivate')}
          </Button>
        </WriteGuard>
      ) : null}
      {member.status === 'active' || member.status === 'deactivated' ? (
        <WriteGuard permission={permission} reason={blockedText}>
          <Button danger onClick={(event) => open('remove', event)} disabled={!canWrite || blocked !== null}>
            {t('detail.remove')}
          </Button>
        </WriteGuard>
      ) : null}
      {member.status === 'pending_removal' ? (
        <WriteGuard permission={permission}>
          <Button type="primary" onClick={(event) => open('undo', event)} disabled={!canWrite}>
            {t('detail.undo')}
          </Button>
        </WriteGuard>
      ) : null}
    </>
  )

  return (
    <>
      <PageHeader title={name} extra={actions}>
        <Space size="middle" wrap style={{ marginTop: 8 }}>
          <MemberStatusText status={member.status} />
          {member.role === 'admin' ? <Tag color="blue">{t('role.admin')}</Tag> : null}
          <Typography.Text type="secondary">
            {member.employeeNo} · {member.departmentName}
          </Typography.Text>
        </Space>
        {blockedText && canWrite && (member.status === 'active' || member.status === 'deactivated') ? (
          <Typography.Paragraph type="secondary" style={{ margin: '8px 0 0' }}>
            {blockedText}
          </Typography.Paragraph>
        ) : null}
      </PageHeader>
      {move.isError && dialog === null ? (
        <div style={{ marginBottom: 16 }}>
          <ErrorAlert error={move.error} />
        </div>
      ) : null}

      {removal ? (
        <Alert
          style={{ marginBottom: 24 }}
          type={removal.completedAt ? 'info' : 'warning'}
          showIcon
          title={
            removal.completedAt
              ? t('detail.removed', { handling: t(`detail.handling.${removal.dataHandling}`), date: when(removal.completedAt) })
              : removal.keptByLegalHold
                ? t('detail.pendingHeld')
                : removal.keptByKinRequest
                  ? t('detail.pendingKin')
                  : t('detail.pending', { handling: t(`detail.handling.${removal.dataHandling}`), date: when(removal.removeAt) })
          }
          description={
            <Flex vertical gap={4}>
              {removal.keptByKinRequest && !removal.completedAt && !removal.keptByLegalHold ? (
                <Link to={`/tenants/${tenantId}/kin-requests/${removal.keptByKinRequest}`}>{t('detail.openKinRequest')}</Link>
              ) : null}
              {removal.handover ? (
                <span>{t('detail.handedOver', { name: removal.handover.to.name, summary: handoverSummary(removal.handover.moved, t, i18n.language) })}</span>
              ) : null}
              {removal.vendorNotices.length > 0 ? <span>{t('detail.vendorNotices', { vendors: removal.vendorNotices.map((notice) => `${notice.appName} (${notice.vendor})`).join(', ') })}</span> : null}
              {removal.backupsPurgeAt ? <span>{t('detail.backups', { date: when(removal.backupsPurgeAt) })}</span> : null}
              <span>{t('detail.requestedBy', { name: removal.requestedBy.name, date: when(removal.requestedAt), reason: removal.reason })}</span>
            </Flex>
          }
        />
      ) : null}

      <Row gutter={[24, 24]}>
        <Col xs={24} xl={12}>
          <ProfileCard detail={detail} side="platform" />
        </Col>
        <Col xs={24} xl={12}>
          <ProfileCard detail={detail} side="enterprise" />
        </Col>
        <Col span={24}>
          <Card title={<h2 style={{ fontSize: 16, margin: 0 }}>{t('detail.holdings')}</h2>}>
            <Row gutter={[16, 16]}>
              {HOLDING_KEYS.map((key) => (
                <Col key={key} xs={12} md={8} lg={6} xxl={4}>
                  <Statistic title={t(`detail.held.${key}`)} value={detail.holdings[key]} formatter={(value) => formatNumber(Number(value), i18n.language)} />
                </Col>
              ))}
            </Row>
          </Card>
        </Col>
        <Col xs={24} lg={12}>
          <Card title={<h2 style={{ fontSize: 16, margin: 0 }}>{t('detail.apps')}</h2>}>
            {detail.apps.length === 0 ? (
              <Typography.Text type="secondary">{t('detail.appsNone')}</Typography.Text>
            ) : (
              <ul style={{ margin: 0, paddingInlineStart: 20 }}>
                {detail.apps.map((app) => (
                  <li key={app.id}>
                    {app.name} · {app.vendor} <Tag>{t(`detail.appKind.${app.kind}`)}</Tag>
                  </li>
                ))}
              </ul>
            )}
          </Card>
        </Col>
        <Col xs={24} lg={12}>
          <Card title={<h2 style={{ fontSize: 16, margin: 0 }}>{t('detail.holds')}</h2>}>
            {detail.legalHolds.length === 0 ? (
              <Typography.Text type="secondary">{t('detail.holdsNone')}</Typography.Text>
            ) : (
              <ul style={{ margin: 0, paddingInlineStart: 20 }}>
                {detail.legalHolds.map((hold) => (
                  <li key={hold.id}>{hold.reason}</li>
                ))}
              </ul>
            )}
          </Card>
        </Col>
        <Col span={24}>
          <AuditTrail
            targetType="member"
            targetId={member.id}
            title={t('detail.history')}
            headingId="member-history"
            actionLabel={(event: AuditEvent) => t(`detail.audit.${event.action.replace(/\./g, '_')}` as 'detail.audit.member_deactivated', { defaultValue: event.action })}
            details={eventDetails}
          />
        </Col>
      </Row>

      <DangerousActionDialog
        open={dialog === 'deactivate'}
        title={t('detail.deactivateTitle', { name })}
        consequence={t('detail.deactivateText')}
        confirmLabel={t('detail.deactivate')}
        requireReason
        danger={false}
        pending={move.isPending}
        error={move.error}
        onConfirm={({ reason }) => run({ kind: 'deactivate', reason }, () => t('detail.done.deactivate', { name }))}
        onCancel={close}
        afterClose={() => opener.current?.focus()}
      />
      <DangerousActionDialog
        open={dialog === 'undo'}
        title={t('detail.undoTitle', { name })}
        consequence={t('detail.undoText', { status: t(`status.${removal?.statusBefore ?? 'active'}`) })}
        confirmLabel={t('detail.undo')}
        danger={false}
        pending={move.isPending}
        error={move.error}
        onConfirm={() => run({ kind: 'undo' }, () => t('detail.done.undo', { name }))}
        onCancel={close}
        afterClose={() => focusAfterMove(opener.current)}
      />
      <RemoveMemberDialog
        open={dialog === 'remove'}
        detail={detail}
        name={name}
        pending={move.isPending}
        error={move.error}
        onConfirm={(input) => run({ kind: 'remove', input }, (result) => t('detail.done.remove', { name, date: when(result.removal?.removeAt ?? '') }))}
        onCancel={close}
        afterClose={() => focusAfterMove(opener.current)}
      />
    </>
  )
}

/** What a handover moved where, and which vendor a deletion notice went to. */
function eventDetails(event: AuditEvent) {
  const after = event.after
  if (typeof after !== 'object' || after === null) return null
  const fields = after as Record<string, unknown>
  if (event.action === 'member.vendor_deletion_notice' && typeof fields.app === 'string') {
    return <Typography.Text>{`${fields.app} (${String(fields.vendor ?? '')})`}</Typography.Text>
  }
  if (event.action === 'member.handed_over' && typeof fields.to === 'string') return <Typography.Text>{`→ ${fields.to}`}</Typography.Text>
  return null
}

/** After a move the button that opened the dialog is often gone (Remove became Undo): focus the page's title then. */
function focusAfterMove(opener: HTMLElement | null) {
  if (opener?.isConnected) {
    opener.focus()
    return
  }
  const heading = document.querySelector<HTMLElement>('#main h1')
  if (heading) {
    heading.tabIndex = -1
    heading.focus()
  }
}

function ProfileCard({ detail, side }: { detail: MemberDetail; side: 'platform' | 'enterprise' }) {
  const { t, i18n } = useTranslation('members')
  const value = (text: string | null) => (text === null ? <Typography.Text type="secondary">{t('detail.erased')}</Typography.Text> : text || t('detail.none'))
  const p = detail.platformProfile
  const e = detail.enterpriseProfile
  const items =
    side === 'platform'
      ? [
          { key: 'name', label: t('detail.fields.name'), children: value(p.name) },
          { key: 'realName', label: t('detail.fields.realName'), children: value(p.realName) },
          { key: 'gender', label: t('detail.fields.gender'), children: p.gender ? t(`detail.gender.${p.gender}`) : value(null) },
          { key: 'company', label: t('detail.fields.company'), children: value(p.company) },
          { key: 'wechat', label: t('detail.fields.wechat'), children: value(p.wechat) },
          { key: 'phone', label: t('detail.fields.phone'), children: value(p.phoneMasked) },
          {
            key: 'logins',
            label: t('detail.fields.logins'),
            children:
              p.recentLogins.length === 0
                ? t('detail.none')
                : (
                    <Flex vertical>
                      {p.recentLogins.map((login) => (
                        <span key={login.at}>{t('detail.login', { at: formatDateTime(login.at, i18n.language), device: login.device, place: login.place })}</span>
                      ))}
                    </Flex>
                  ),
          },
        ]
      : [
          { key: 'position', label: t('detail.fields.position'), children: value(e.position) },
          { key: 'rank', label: t('detail.fields.rank'), children: value(e.rank) },
          { key: 'title', label: t('detail.fields.title'), children: value(e.title) },
          { key: 'department', label: t('detail.fields.department'), children: value(e.departmentName) },
          { key: 'reportsTo', label: t('detail.fields.reportsTo'), children: value(e.reportsTo) },
          { key: 'workEmail', label: t('detail.fields.workEmail'), children: value(e.workEmail) },
          { key: 'landline', label: t('detail.fields.landline'), children: value(e.landline) },
          { key: 'fax', label: t('detail.fields.fax'), children: value(e.fax) },
          { key: 'officeSeat', label: t('detail.fields.officeSeat'), children: value(e.officeSeat) },
          { key: 'invoiceTitle', label: t('detail.fields.invoiceTitle'), children: value(e.invoiceTitle) },
          { key: 'workSignature', label: t('detail.fields.workSignature'), children: value(e.workSignature) },
          { key: 'clockInPlaces', label: t('detail.fields.clockInPlaces'), children: e.clockInPlaces.length === 0 ? t('detail.none') : e.clockInPlaces.join('、') },
          { key: 'joined', label: t('detail.fields.joined'), children: formatDate(detail.member.joinedAt, i18n.language) },
        ]
  return (
    <Card title={<h2 style={{ fontSize: 16, margin: 0 }}>{t(`detail.${side}`)}</h2>}>
      <Typography.Paragraph type="secondary">{t(`detail.${side}Hint`)}</Typography.Paragraph>
      <Descriptions column={1} size="small" items={items} />
    </Card>
  )
}
