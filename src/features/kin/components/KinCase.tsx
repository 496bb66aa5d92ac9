// One next-of-kin request: the deceased's arrangement up front, the requester and what they ask, the evidence and its
// checklist, the clock (paused while waiting for the requester), a decision per right and category on the caller's
// own part, carrying it out (archive, corrections, deletions), the reply letter and the history.
import { useState } from 'react'
import { Alert, App as AntApp, Button, Card, Checkbox, Descriptions, Flex, Input, Modal, Radio, Select, Space, Table, Tag, Typography } from 'antd'
import type { TableColumnsType } from 'antd'
import { ArrowLeftOutlined } from '@ant-design/icons'
import { Link, useParams } from 'react-router'
import { useTranslation } from 'react-i18next'
import { formatDate, formatDateTime } from '@/shared/lib/format'
import { useSession } from '@/shared/session/session'
import { ErrorAlert } from '@/shared/ui/ErrorAlert'
import { PageHeader } from '@/shared/ui/PageHeader'
import { QueryView } from '@/shared/ui/QueryView'
import { useActionKey } from '@/shared/ui/use-action-key'
import { useDocumentTitle } from '@/shared/ui/use-document-title'
import { newIdempotencyKey } from '@/shared/api/write-headers'
import {
  CORRECTABLE_FIELDS,
  downloadArchive,
  downloadEvidence,
  EVIDENCE_KINDS,
  PLATFORM_CATEGORIES,
  REFUSAL_GROUNDS,
  useKinData,
  useKinRequest,
  useKinStep,
  useUploadEvidence,
  type KinCategory,
  type KinDecisionItem,
  type KinEvidenceKind,
  type KinRefusalGround,
  type KinRequest,
  type KinRight,
  type KinTrack,
} from '../api'
import { SectionCard } from '@/shared/ui/SectionCard'
import { DeadlineText, useKinBase } from './bits'
import { EvidenceField } from './EvidenceField'
import { KinLetter } from './KinLetter'

const trackOf = (category: KinCategory): KinTrack => (PLATFORM_CATEGORIES.includes(category) ? 'platform' : 'enterprise')

/** The pairs a track decides (as the API counts them): every right on each of its categories; correct only where asked. */
function pairsOf(request: KinRequest, track: KinTrack): { right: KinRight; category: KinCategory }[] {
  const categories = request.categories.filter((category) => trackOf(category) === track)
  const corrected = new Set(request.corrections.map((correction) => CORRECTABLE_FIELDS[correction.field]))
  return request.rights.flatMap((right) => categories.filter((category) => right !== 'correct' || corrected.has(category)).map((category) => ({ right, category })))
}

export function KinCase() {
  const { requestId = '' } = useParams()
  const query = useKinRequest(requestId)
  return <QueryView query={query}>{(request) => <CaseView request={request} />}</QueryView>
}

type NoteDialog = 'information-request' | 'information-received' | 'letter' | null

function CaseView({ request }: { request: KinRequest }) {
  const { t, i18n } = useTranslation('kin')
  const { message } = AntApp.useApp()
  const { base } = useKinBase()
  const { data: session } = useSession()
  const step = useKinStep(request.id)
  const action = useActionKey()
  const [dialog, setDialog] = useState<NoteDialog>(null)
  const [note, setNote] = useState('')
  const [showData, setShowData] = useState(false)
  const data = useKinData(request.id, showData)
  const title = t('case.titleOf', { name: request.member.name })
  useDocumentTitle(title)
  const isAgent = session?.user.role === 'support_agent'
  const inCase = !isAgent || request.assignee?.id === session?.user.id
  const mine = request.yourTrack
  const other: KinTrack = mine === 'platform' ? 'enterprise' : 'platform'
  const list = (items: string[]) => items.join(i18n.language.startsWith('zh') ? '、' : ', ')
  const date = (iso: string) => formatDateTime(iso, i18n.language)

  const run = (kind: Parameters<typeof step.mutate>[0]['step'], done: string, after?: () => void) =>
    step.mutate(
      { step: kind, key: action.key() },
      {
        onSuccess: () => {
          action.renew()
          after?.()
          void message.success(done)
        },
      },
    )

  const arrangement = request.arrangement
  const canVerify = inCase && (request.status === 'received' || request.status === 'verifying')

  return (
    <>
      <Link to={base}>
        <ArrowLeftOutlined aria-hidden /> {t('case.back')}
      </Link>
      <PageHeader title={title} extra={<Tag>{t(`status.${request.status}`)}</Tag>}>
        <Typography.Text type="secondary">
          {request.tenantName} · {request.member.employeeNo} · {request.member.departmentName}
        </Typography.Text>
      </PageHeader>

      {arrangement ? (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 16 }}
          title={arrangement.forbids === 'all' ? t('case.arrangementAll') : t('case.arrangementSome', { categories: list(arrangement.categories.map((category) => t(`category.${category}`))) })}
          description={t('case.arrangementRecorded', { date: formatDate(arrangement.recordedAt, i18n.language), statement: arrangement.statement })}
        />
      ) : (
        <Alert type="info" style={{ marginBottom: 16 }} title={t('case.arrangementNone')} />
      )}
      {request.status === 'awaiting_requester' ? (
        <Alert type="info" showIcon style={{ marginBottom: 16 }} title={t('case.paused', { date: date(request.pauses.at(-1)?.from ?? request.receivedAt) })} />
      ) : null}
      {step.isError ? (
        <div style={{ marginBottom: 16 }}>
          <ErrorAlert error={step.error} />
        </div>
      ) : null}

      <Card style={{ marginBottom: 16 }}>
        <Descriptions
          column={{ xs: 1, md: 2 }}
          items={[
            { key: 'requester', label: t('case.requester'), children: request.requester.name },
            { key: 'relationship', label: t('case.relationship'), children: t(`relationship.${request.requester.relationship}`) },
            { key: 'contact', label: t('case.contact'), children: request.requester.contact },
            { key: 'language', label: t('case.replyLanguage'), children: t(`language.${request.requester.language}`) },
            { key: 'received', label: t('case.received'), children: date(request.receivedAt) },
            { key: 'receivedBy', label: t('case.receivedBy'), children: request.receivedBy.name },
            { key: 'rights', label: t('case.rightsAsked'), children: list(request.rights.map((right) => t(`rights.${right}`))) },
            {
              key: 'assignee',
              label: t('case.assignee'),
              children: (
                <Space wrap>
                  {request.assignee?.name ?? t('case.unassigned')}
                  {isAgent && !inCase && request.status !== 'closed' ? (
                    <Button size="small" onClick={() => run({ kind: 'assign' }, t('case.taken'))} loading={step.isPending}>
                      {t('case.take')}
                    </Button>
                  ) : null}
                </Space>
              ),
            },
            { key: 'interest', label: t('case.interest'), span: 2, children: request.interest },
            ...(request.corrections.length > 0
              ? [{ key: 'corrections', label: t('case.correctionsAsked'), span: 2, children: list(request.corrections.map((correction) => `${t(`field.${correction.field}`)} → ${correction.after}`)) }]
              : []),
          ]}
        />
      </Card>
      {isAgent && !inCase ? <Alert type="info" style={{ marginBottom: 16 }} title={t('case.notYours')} /> : null}

      <Flex gap="middle" wrap style={{ marginBottom: 16 }}>
        {(['platform', 'enterprise'] as const).map((track) => (
          <SectionCard key={track} title={t(`trackTitle.${track}`)} style={{ flex: '1 1 420px' }} extra={<Tag color={track === mine ? 'blue' : undefined}>{t(`trackStatus.${request[track].status}`)}</Tag>}>
            <Typography.Paragraph type="secondary">{t(`trackDecider.${track}`)}</Typography.Paragraph>
            <Descriptions
              column={1}
              size="small"
              items={[
                { key: 'deadline', label: t('case.deadline'), children: <DeadlineText state={request[track]} closed={request.status === 'closed'} /> },
                { key: 'categories', label: t('case.categoriesAsked'), children: list(request[track].categories.map((category) => t(`category.${category}`))) || '—' },
              ]}
            />
            {request[track].decisions.length > 0 ? <DecisionList decisions={request[track].decisions} /> : track === other && request[track].status === 'pending' ? <Typography.Text type="secondary">{t('case.waiting')}</Typography.Text> : null}
            {request[track].status === 'fulfilled' ? <FulfilmentSummary request={request} track={track} downloadable={track === mine && inCase} /> : null}
          </SectionCard>
        ))}
      </Flex>

      <SectionCard title={t('case.evidence')} style={{ marginBottom: 16 }}>
        <EvidenceList request={request} inCase={inCase} />
        {inCase && ['received', 'verifying', 'awaiting_requester'].includes(request.status) ? <AddEvidence requestId={request.id} /> : null}
        <Checklist request={request} editable={canVerify} onSave={(checklist, verified) => run({ kind: 'verification', body: { checklist, verified } }, verified ? t('status.verified') : t('case.checklistSaved'))} busy={step.isPending} />
        {request.verifiedAt ? <Typography.Paragraph>{t('case.verified', { date: date(request.verifiedAt) })}</Typography.Paragraph> : null}
        <Space wrap>
          {canVerify ? (
            <Button
              onClick={() => {
                setNote('')
                action.renew()
                setDialog('information-request')
              }}
            >
              {t('case.askInfo')}
            </Button>
          ) : null}
          {inCase && request.status === 'awaiting_requester' ? (
            <Button
              type="primary"
              onClick={() => {
                setNote('')
                action.renew()
                setDialog('information-received')
              }}
            >
              {t('case.infoReceived')}
            </Button>
          ) : null}
        </Space>
        {request.pauses.length > 0 ? (
          <>
            <Typography.Title level={3} style={{ fontSize: 15, marginTop: 16 }}>
              {t('case.pauses')}
            </Typography.Title>
            <ul>
              {request.pauses.map((pause) => (
                <li key={pause.from}>{t('case.pause', { from: date(pause.from), to: pause.to ? date(pause.to) : t('case.ongoing'), note: pause.note })}</li>
              ))}
            </ul>
          </>
        ) : null}
      </SectionCard>

      {inCase && request[mine].status === 'pending' && ['verified', 'decided', 'verifying'].includes(request.status) ? (
        <DecisionPanel request={request} track={mine} busy={step.isPending} onDecide={(items, decisionNote) => run({ kind: 'decisions', body: { items, ...(decisionNote ? { note: decisionNote } : {}) } }, t('case.decided'))} />
      ) : null}

      {inCase && request[mine].status === 'decided' ? (
        <SectionCard title={t('case.fulfil')} style={{ marginBottom: 16 }}>
          <Typography.Paragraph>{t('case.fulfilHelp')}</Typography.Paragraph>
          <Button type="primary" loading={step.isPending} onClick={() => run({ kind: 'fulfilment' }, t('case.fulfilled'))}>
            {t('case.fulfil')}
          </Button>
        </SectionCard>
      ) : null}

      {inCase && request.status !== 'closed' ? (
        <SectionCard title={t('case.dataTitle')} style={{ marginBottom: 16 }}>
          {showData ? (
            <QueryView query={data}>
              {(loaded) => (
                <Descriptions
                  column={1}
                  size="small"
                  items={Object.entries(loaded.data ?? {}).map(([category, value]) => ({
                    key: category,
                    label: t(`category.${category as KinCategory}`),
                    children: value === null ? <Typography.Text type="secondary">{t('case.dataDeleted')}</Typography.Text> : Array.isArray(value) ? list(value) : value,
                  }))}
                />
              )}
            </QueryView>
          ) : (
            <Button onClick={() => setShowData(true)}>{t('case.showData')}</Button>
          )}
        </SectionCard>
      ) : null}

      {request.status === 'fulfilled' || request.status === 'closed' ? (
        <SectionCard title={t('case.letter')} style={{ marginBottom: 16 }}>
          <Space wrap>
            <Button onClick={() => setDialog('letter')}>{t('case.previewLetter')}</Button>
            {request.status === 'fulfilled' && inCase ? (
              <Button type="primary" loading={step.isPending} onClick={() => run({ kind: 'close' }, t('case.closed'))}>
                {t('case.close')}
              </Button>
            ) : null}
          </Space>
          {request.status === 'fulfilled' ? <Typography.Paragraph type="secondary" style={{ marginTop: 8 }}>{t('case.closeHelp')}</Typography.Paragraph> : null}
        </SectionCard>
      ) : null}

      <SectionCard title={t('case.history')}>
        <ol style={{ paddingLeft: 20, margin: 0 }}>
          {request.history.map((entry, index) => (
            <li key={`${entry.at}-${index}`}>
              {date(entry.at)} — {t(`case.event.${entry.event}`)}
              {entry.track ? ` (${t(`track.${entry.track}`)})` : ''} — {entry.by.name}
              {entry.note ? `: ${entry.note}` : ''}
            </li>
          ))}
        </ol>
      </SectionCard>

      <Modal
        open={dialog === 'information-request' || dialog === 'information-received'}
        title={dialog === 'information-received' ? t('case.infoReceivedTitle') : t('case.askInfoTitle')}
        okText={t('case.save')}
        cancelText={t('case.cancel')}
        okButtonProps={{ disabled: note.trim() === '', loading: step.isPending }}
        onCancel={() => setDialog(null)}
        onOk={() =>
          dialog &&
          dialog !== 'letter' &&
          run({ kind: dialog, body: { note: note.trim() } }, dialog === 'information-received' ? t('case.infoReceived') : t('case.askInfo'), () => setDialog(null))
        }
      >
        <Typography.Paragraph>{dialog === 'information-received' ? t('case.infoReceivedHelp') : t('case.askInfoHelp')}</Typography.Paragraph>
        <label htmlFor="kin-note">{t('case.note')}</label>
        <Input.TextArea id="kin-note" rows={3} maxLength={2000} value={note} onChange={(event) => setNote(event.target.value)} aria-required />
        {step.isError ? <ErrorAlert error={step.error} /> : null}
      </Modal>
      <Modal
        open={dialog === 'letter'}
        title={t('case.letter')}
        width={760}
        onCancel={() => setDialog(null)}
        footer={[
          <Button key="print" onClick={() => globalThis.print()}>
            {t('case.print')}
          </Button>,
          <Button key="close" type="primary" onClick={() => setDialog(null)}>
            {t('case.closeLetter')}
          </Button>,
        ]}
      >
        <KinLetter request={request} />
      </Modal>
    </>
  )
}

function DecisionList({ decisions }: { decisions: KinDecisionItem[] }) {
  const { t } = useTranslation('kin')
  return (
    <ul style={{ paddingLeft: 20 }}>
      {decisions.map((decision) => (
        <li key={`${decision.right}/${decision.category}`}>
          {t('case.outcomeFor', { right: t(`rights.${decision.right}`), category: t(`category.${decision.category}`) })} —{' '}
          {decision.outcome === 'approved' ? t('case.approved') : t('case.refused', { ground: decision.ground ? t(`ground.${decision.ground}`) : '' })}
        </li>
      ))}
    </ul>
  )
}

function FulfilmentSummary({ request, track, downloadable }: { request: KinRequest; track: KinTrack; downloadable: boolean }) {
  const { t, i18n } = useTranslation('kin')
  const state = request[track]
  const list = (items: string[]) => items.join(i18n.language.startsWith('zh') ? '、' : ', ')
  const [failed, setFailed] = useState<unknown>(null)
  if (!state.archive && state.corrected.length === 0 && state.deleted.length === 0) return <Typography.Paragraph>{t('case.nothingDone')}</Typography.Paragraph>
  return (
    <div>
      {state.archive ? (
        <Typography.Paragraph>
          {t('case.archive')}: {list(state.archive.categories.map((category) => t(`category.${category}`)))}{' '}
          {downloadable ? (
            <Button size="small" onClick={() => void downloadArchive(request, track).catch(setFailed)}>
              {t('case.downloadArchive', { file: state.archive.fileName })}
            </Button>
          ) : null}
        </Typography.Paragraph>
      ) : null}
      {state.corrected.length > 0 ? (
        <Typography.Paragraph>
          {t('case.corrected')}: {list(state.corrected.map((change) => `${t(`field.${change.field}`)}: ${change.before ?? '—'} → ${change.after}`))}
        </Typography.Paragraph>
      ) : null}
      {state.deleted.length > 0 ? (
        <Typography.Paragraph>
          {t('case.deleted')}: {list(state.deleted.map((category) => t(`category.${category}`)))}
        </Typography.Paragraph>
      ) : null}
      {failed ? <ErrorAlert error={failed} /> : null}
    </div>
  )
}

function EvidenceList({ request, inCase }: { request: KinRequest; inCase: boolean }) {
  const { t, i18n } = useTranslation('kin')
  const [failed, setFailed] = useState<unknown>(null)
  if (request.evidence.length === 0) return <Typography.Paragraph type="secondary">{t('case.noEvidence')}</Typography.Paragraph>
  return (
    <>
      <ul style={{ paddingLeft: 20 }}>
        {request.evidence.map((item) => (
          <li key={item.id}>
            {t(`evidenceKind.${item.kind}`)}: {item.fileName} ({Math.max(1, Math.round(item.size / 1024))} KB, {formatDateTime(item.uploadedAt, i18n.language)}, {item.uploadedBy.name}){' '}
            {inCase ? (
              <Button size="small" type="link" onClick={() => void downloadEvidence(request, item.id, item.fileName).catch(setFailed)}>
                {t('case.download', { file: item.fileName })}
              </Button>
            ) : null}
          </li>
        ))}
      </ul>
      {failed ? <ErrorAlert error={failed} /> : null}
    </>
  )
}

function AddEvidence({ requestId }: { requestId: string }) {
  const { t } = useTranslation('kin')
  const upload = useUploadEvidence(requestId)
  const [kind, setKind] = useState<KinEvidenceKind>('death_certificate')
  const [file, setFile] = useState<File | null>(null)
  const [round, setRound] = useState(0)
  return (
    <Card size="small" title={<h3 style={{ fontSize: 14, margin: 0 }}>{t('case.addEvidence')}</h3>} style={{ marginBottom: 16 }}>
      <Space wrap align="start">
        <Select aria-label={t('case.evidenceKind')} value={kind} onChange={setKind} style={{ minWidth: 200 }} options={EVIDENCE_KINDS.map((value) => ({ value, label: t(`evidenceKind.${value}`) }))} />
        <EvidenceField key={`${kind}-${round}`} kind={kind} file={file} onChange={setFile} />
        <Button
          disabled={file === null}
          loading={upload.isPending}
          onClick={() =>
            file &&
            upload.mutate(
              { kind, file, key: newIdempotencyKey() },
              {
                onSuccess: () => {
                  setFile(null)
                  setRound((value) => value + 1)
                },
              },
            )
          }
        >
          {t('case.addEvidence')}
        </Button>
      </Space>
      {upload.isError ? <ErrorAlert error={upload.error} /> : null}
    </Card>
  )
}

type Checks = KinRequest['checklist']

function Checklist({ request, editable, onSave, busy }: { request: KinRequest; editable: boolean; onSave: (checklist: Checks, verified: boolean) => void; busy: boolean }) {
  const { t } = useTranslation('kin')
  const [checks, setChecks] = useState<Checks>(request.checklist)
  const all = EVIDENCE_KINDS.every((kind) => checks[kind])
  return (
    <fieldset style={{ border: 0, padding: 0, margin: '8px 0 16px' }}>
      <legend style={{ fontWeight: 600, fontSize: 15 }}>{t('case.checklist')}</legend>
      <Typography.Paragraph type="secondary">{t('case.checklistHelp')}</Typography.Paragraph>
      <Space direction="vertical">
        {EVIDENCE_KINDS.map((kind) => (
          <Checkbox key={kind} checked={checks[kind]} disabled={!editable} onChange={(event) => setChecks((current) => ({ ...current, [kind]: event.target.checked }))}>
            {t(`evidenceKind.${kind}`)}
          </Checkbox>
        ))}
      </Space>
      {editable ? (
        <Space wrap style={{ display: 'flex', marginTop: 8 }}>
          <Button onClick={() => onSave(checks, false)} loading={busy}>
            {t('case.saveChecklist')}
          </Button>
          <Button type="primary" disabled={!all || request.evidence.length === 0} onClick={() => onSave(checks, true)} loading={busy}>
            {t('case.verify')}
          </Button>
        </Space>
      ) : null}
    </fieldset>
  )
}

interface Row {
  key: string
  right: KinRight
  category: KinCategory
}

function DecisionPanel({ request, track, busy, onDecide }: { request: KinRequest; track: KinTrack; busy: boolean; onDecide: (items: KinDecisionItem[], note: string) => void }) {
  const { t } = useTranslation('kin')
  const pairs = pairsOf(request, track)
  const forbidden = (category: KinCategory) => request.arrangement !== null && (request.arrangement.forbids === 'all' || request.arrangement.categories.includes(category))
  // Where the arrangement forbids, refusal on that ground is filled in; approving is not offered.
  const [outcomes, setOutcomes] = useState<Record<string, { outcome: 'approved' | 'refused' | null; ground: KinRefusalGround | null }>>(() =>
    Object.fromEntries(pairs.map((pair) => [`${pair.right}/${pair.category}`, forbidden(pair.category) ? { outcome: 'refused', ground: 'deceased_arrangement' } : { outcome: null, ground: null }])),
  )
  const [bulkGround, setBulkGround] = useState<KinRefusalGround | null>(null)
  const [note, setNote] = useState('')
  const verifiedYet = request.status !== 'verifying'
  const rows: Row[] = pairs.map((pair) => ({ key: `${pair.right}/${pair.category}`, ...pair }))
  const set = (key: string, change: Partial<{ outcome: 'approved' | 'refused' | null; ground: KinRefusalGround | null }>) =>
    setOutcomes((current) => ({ ...current, [key]: { outcome: null, ground: null, ...current[key], ...change } }))
  const complete = rows.every((row) => {
    const value = outcomes[row.key]
    return value?.outcome === 'approved' || (value?.outcome === 'refused' && value.ground !== null)
  })
  const columns: TableColumnsType<Row> = [
    { title: t('columns.rights'), key: 'right', render: (_, row) => t(`rights.${row.right}`) },
    { title: t('case.categoriesAsked'), key: 'category', render: (_, row) => t(`category.${row.category}`) },
    {
      title: t('case.decide'),
      key: 'outcome',
      render: (_, row) => {
        const label = t('case.outcomeFor', { right: t(`rights.${row.right}`), category: t(`category.${row.category}`) })
        return (
          <Space direction="vertical" size={4}>
            <Radio.Group
              aria-label={label}
              value={outcomes[row.key]?.outcome ?? null}
              onChange={(event) => set(row.key, { outcome: event.target.value as 'approved' | 'refused' })}
              options={[
                { value: 'approved', label: t('case.approve'), disabled: forbidden(row.category) || !verifiedYet },
                { value: 'refused', label: t('case.refuse') },
              ]}
            />
            {forbidden(row.category) ? <Typography.Text type="secondary">{t('case.forbidden')}</Typography.Text> : null}
          </Space>
        )
      },
    },
    {
      title: t('case.ground'),
      key: 'ground',
      render: (_, row) =>
        outcomes[row.key]?.outcome === 'refused' ? (
          <Select
            aria-label={t('case.groundFor', { right: t(`rights.${row.right}`), category: t(`category.${row.category}`) })}
            style={{ minWidth: 280 }}
            value={outcomes[row.key]?.ground ?? undefined}
            onChange={(ground: KinRefusalGround) => set(row.key, { ground })}
            options={REFUSAL_GROUNDS.map((value) => ({ value, label: t(`ground.${value}`) }))}
          />
        ) : null,
    },
  ]
  return (
    <SectionCard title={`${t('case.decide')} — ${t(`trackTitle.${track}`)}`} style={{ marginBottom: 16 }}>
      <Typography.Paragraph>{t('case.decideHelp')}</Typography.Paragraph>
      <Space wrap style={{ marginBottom: 12 }}>
        {verifiedYet ? (
          <Button onClick={() => rows.forEach((row) => !forbidden(row.category) && set(row.key, { outcome: 'approved', ground: null }))}>{t('case.approveAll')}</Button>
        ) : null}
        <Select
          aria-label={t('case.refuseAllWith')}
          placeholder={t('case.refuseAllWith')}
          style={{ minWidth: 320 }}
          value={bulkGround ?? undefined}
          onChange={(ground: KinRefusalGround) => {
            setBulkGround(ground)
            rows.forEach((row) => set(row.key, { outcome: 'refused', ground }))
          }}
          options={REFUSAL_GROUNDS.map((value) => ({ value, label: `${t('case.refuseAllWith')}: ${t(`ground.${value}`)}` }))}
        />
      </Space>
      <Table<Row> rowKey="key" columns={columns} dataSource={rows} pagination={false} size="small" />
      <div style={{ marginTop: 12 }}>
        <label htmlFor="kin-decision-note">{t('case.decisionNote')}</label>
        <Input.TextArea id="kin-decision-note" rows={2} maxLength={2000} value={note} onChange={(event) => setNote(event.target.value)} />
      </div>
      <Button
        type="primary"
        style={{ marginTop: 12 }}
        disabled={!complete}
        loading={busy}
        onClick={() =>
          onDecide(
            rows.map((row) => {
              const value = outcomes[row.key]
              return value?.outcome === 'refused' && value.ground ? { right: row.right, category: row.category, outcome: 'refused', ground: value.ground } : { right: row.right, category: row.category, outcome: 'approved' }
            }),
            note.trim(),
          )
        }
      >
        {t('case.saveDecision')}
      </Button>
    </SectionCard>
  )
}
