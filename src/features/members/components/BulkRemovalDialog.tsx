// Removing many members at once: the ones selected in the directory, every one that matches the filters (the server
// takes them when the job starts), or a list uploaded as CSV — checked row by row before anything runs. One
// handover target, one data handling, one grace period, one reason; then the job runs on the server.
import { useEffect, useState } from 'react'
import { Alert, Button, Flex, Form, Input, Modal, Space, Table, Tag, Typography } from 'antd'
import { useNavigate } from 'react-router'
import { useTranslation } from 'react-i18next'
import { formatNumber } from '@/shared/lib/format'
import { useTenantAccess } from '@/shared/session/use-tenant'
import { ErrorAlert } from '@/shared/ui/ErrorAlert'
import { DataHandlingField, GraceDaysField, HandoverFields, type RemovalValues } from './removal-fields'
import { useActionKey } from '@/shared/ui/use-action-key'
import { useMemberSettings, usePreviewMemberList, useStartRemovalJob, type DirectoryFilters, type MemberListRow } from '../api'
import { decodeList, listRows, type ListEncoding } from '../csv'

export type BulkSource = { kind: 'selected'; memberIds: string[] } | { kind: 'filter'; filters: DirectoryFilters; count: number } | { kind: 'list' }

type Values = RemovalValues

interface CheckedList {
  name: string
  encoding: ListEncoding
  headerRows: number
  rows: MemberListRow[]
}

const DEFAULT_GRACE_DAYS = 30

export function BulkRemovalDialog({ source, open, onClose }: { source: BulkSource; open: boolean; onClose: () => void }) {
  const { t, i18n } = useTranslation('members')
  const { tenantId } = useTenantAccess()
  const navigate = useNavigate()
  const [form] = Form.useForm<Values>()
  const preview = usePreviewMemberList(tenantId)
  const start = useStartRemovalJob(tenantId)
  const action = useActionKey()
  const [list, setList] = useState<CheckedList | null>(null)
  const [readError, setReadError] = useState<string | null>(null)
  const n = (value: number) => formatNumber(value, i18n.language)
  // The tenant's grace period, once known, unless the administrator already chose one.
  const defaultGrace = useMemberSettings(tenantId).data?.removalGraceDays
  useEffect(() => {
    if (defaultGrace !== undefined && !form.isFieldTouched('graceDays')) form.setFieldValue('graceDays', defaultGrace)
  }, [defaultGrace, form])

  const listed = list?.rows.filter((row) => row.outcome === 'member' && row.member).map((row) => row.member?.id ?? '') ?? []
  const count = source.kind === 'selected' ? source.memberIds.length : source.kind === 'filter' ? source.count : listed.length

  const readFile = async (file: File) => {
    setReadError(null)
    setList(null)
    const { text, encoding } = decodeList(new Uint8Array(await file.arrayBuffer()))
    const { rows, headerRows } = listRows(text)
    preview.mutate(rows, {
      onSuccess: (answer) => setList({ name: file.name, encoding, headerRows, rows: answer.rows }),
      onError: () => setReadError(file.name),
    })
  }

  const submit = async () => {
    if (start.isPending || count === 0) return
    const values = await form.validateFields().catch(() => null)
    if (!values) return
    const who =
      source.kind === 'filter'
        ? { filter: { ...source.filters } }
        : { memberIds: source.kind === 'selected' ? source.memberIds : listed }
    start.mutate(
      {
        idempotencyKey: action.key(),
        input: {
          ...who,
          handoverToMemberId: values.handoverNone ? null : (values.handoverTo ?? null),
          dataHandling: values.dataHandling,
          graceDays: values.graceDays ?? DEFAULT_GRACE_DAYS,
          reason: (values.reason ?? '').trim(),
        },
      },
      { onSuccess: (job) => void navigate(`jobs/${job.id}`) },
    )
  }

  return (
    <Modal
      open={open}
      title={t('bulk.title')}
      width={720}
      onCancel={start.isPending ? undefined : onClose}
      mask={{ closable: false }}
      footer={
        <Flex justify="space-between">
          <Button onClick={onClose} disabled={start.isPending}>
            {i18n.t('confirm.cancel')}
          </Button>
          <Button danger type="primary" onClick={() => void submit()} loading={start.isPending} disabled={count === 0}>
            {t('bulk.start', { count: n(count) })}
          </Button>
        </Flex>
      }
      afterClose={() => {
        form.resetFields()
        setList(null)
        setReadError(null)
        preview.reset()
        start.reset()
        action.renew()
      }}
    >
      <Flex vertical gap={16}>
        {source.kind === 'selected' ? <Typography.Text>{t('bulk.whoSelected', { count: n(source.memberIds.length) })}</Typography.Text> : null}
        {source.kind === 'filter' ? <Typography.Text>{t('bulk.whoFilter', { count: n(source.count) })}</Typography.Text> : null}
        {source.kind === 'list' ? (
          <ListPicker list={list} reading={preview.isPending} error={readError ? preview.error : null} onFile={(file) => void readFile(file)} />
        ) : null}
        <Form form={form} name="bulk-removal" layout="vertical" initialValues={{ dataHandling: 'anonymise', graceDays: DEFAULT_GRACE_DAYS, handoverNone: false }}>
          <HandoverFields form={form} exclude={source.kind === 'selected' ? source.memberIds : listed} disabled={start.isPending} />
          <DataHandlingField labelId="bulk-data-label" disabled={start.isPending} />
          <GraceDaysField defaultDays={DEFAULT_GRACE_DAYS} disabled={start.isPending} />
          <Form.Item name="reason" label={t('removal.reason')} required rules={[{ required: true, whitespace: true, message: t('removal.reasonRequired') }]}>
            <Input.TextArea autoSize={{ minRows: 2, maxRows: 4 }} maxLength={500} showCount />
          </Form.Item>
        </Form>
        {start.error ? <ErrorAlert error={start.error} /> : null}
      </Flex>
    </Modal>
  )
}

function ListPicker({ list, reading, error, onFile }: { list: CheckedList | null; reading: boolean; error: unknown; onFile: (file: File) => void }) {
  const { t, i18n } = useTranslation('members')
  const n = (value: number) => formatNumber(value, i18n.language)
  const members = list?.rows.filter((row) => row.outcome === 'member').length ?? 0
  return (
    <Flex vertical gap={8}>
      <label htmlFor="bulk-removal-file">
        <Typography.Text strong>{t('bulk.file')}</Typography.Text>
      </label>
      <Typography.Text type="secondary" id="bulk-removal-file-hint">
        {t('bulk.fileHint')}
      </Typography.Text>
      <input
        id="bulk-removal-file"
        type="file"
        accept=".csv,.txt,text/csv,text/plain"
        aria-describedby="bulk-removal-file-hint"
        disabled={reading}
        onChange={(event) => {
          const file = event.target.files?.[0]
          if (file) onFile(file)
        }}
      />
      {error ? <ErrorAlert error={error} /> : null}
      {list ? (
        <>
          <Alert
            type={members === 0 ? 'warning' : 'info'}
            showIcon
            title={members === 0 ? t('bulk.noneToRemove') : t('bulk.checked', { name: list.name, encoding: list.encoding.toUpperCase(), members: n(members), problems: n(list.rows.length - members) })}
          />
          <Table<MemberListRow>
            size="small"
            rowKey="row"
            pagination={list.rows.length > 10 ? { pageSize: 10, showSizeChanger: false } : false}
            dataSource={list.rows}
            title={() => <Typography.Text strong>{t('bulk.rowsCaption')}</Typography.Text>}
            columns={[
              { key: 'row', title: t('bulk.row'), render: (_, row) => row.row + list.headerRows },
              { key: 'value', title: t('bulk.value'), render: (_, row) => row.value || '—' },
              {
                key: 'outcome',
                title: t('bulk.outcome'),
                render: (_, row) => (
                  <Space size={4} wrap>
                    {row.outcome === 'member' ? t('bulk.outcomes.member') : <Tag>{t(`bulk.outcomes.${row.outcome}`)}</Tag>}
                    {row.member ? <Typography.Text type="secondary">{`${row.member.name} · ${row.member.departmentName}`}</Typography.Text> : null}
                  </Space>
                ),
              },
            ]}
          />
        </>
      ) : null}
    </Flex>
  )
}
