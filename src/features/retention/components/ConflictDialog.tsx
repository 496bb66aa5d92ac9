// A stale save (412): shows the other admin's version next to this admin's change, and lets them reapply on top of it or discard theirs.
import { Button, Col, Descriptions, Modal, Row, Space, Typography } from 'antd'
import { useTranslation } from 'react-i18next'
import { ErrorAlert } from '@/shared/ui/ErrorAlert'
import { RelativeTime } from '@/shared/ui/RelativeTime'
import { RETENTION_KINDS, type RetentionKind, type RetentionPeriod, type RetentionSettings } from '../api'
import { periodText } from '../period'

interface ConflictDialogProps {
  open: boolean
  kind: RetentionKind
  proposed: RetentionPeriod
  theirs: RetentionSettings
  pending: boolean
  error: unknown
  onReapply: () => void
  onDiscard: () => void
}

export function ConflictDialog({ open, kind, proposed, theirs, pending, error, onReapply, onDiscard }: ConflictDialogProps) {
  const { t } = useTranslation('retention')
  return (
    <Modal
      open={open}
      title={t('conflict.title')}
      mask={{ closable: false }}
      closable={!pending}
      keyboard={!pending}
      onCancel={pending ? undefined : onDiscard}
      width={640}
      footer={
        <Space>
          <Button onClick={onDiscard} disabled={pending}>
            {t('conflict.discard')}
          </Button>
          <Button type="primary" onClick={onReapply} loading={pending}>
            {t('conflict.reapply')}
          </Button>
        </Space>
      }
    >
      <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
        <Typography.Paragraph style={{ margin: 0 }}>
          {t('conflict.intro', { name: theirs.updatedBy.name })}
        </Typography.Paragraph>
        <Typography.Text type="secondary">
          {t('conflict.savedAt')} <RelativeTime iso={theirs.updatedAt} />
        </Typography.Text>
        <Row gutter={16}>
          <Col xs={24} md={12}>
            <Descriptions title={t('conflict.theirs')} column={1} size="small" bordered>
              {RETENTION_KINDS.map((k) => {
                const scheduled = theirs.pending?.policies[k]
                return (
                  <Descriptions.Item key={k} label={t(`kinds.${k}`)}>
                    {periodText(t, theirs.policies[k].period)}
                    {scheduled ? ` ${t('conflict.scheduledSuffix', { period: periodText(t, scheduled) })}` : ''}
                  </Descriptions.Item>
                )
              })}
            </Descriptions>
          </Col>
          <Col xs={24} md={12}>
            <Descriptions title={t('conflict.mine')} column={1} size="small" bordered>
              <Descriptions.Item label={t(`kinds.${kind}`)}>{periodText(t, proposed)}</Descriptions.Item>
            </Descriptions>
          </Col>
        </Row>
        {error ? <ErrorAlert error={error} /> : null}
      </Space>
    </Modal>
  )
}
