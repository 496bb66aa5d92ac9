// The impact preview before a shorter period is saved: what the first run would delete, the chart with the
// cut-off, what legal holds keep, the grace period, and the typed tenant name that confirms it.
import { useState } from 'react'
import { useKeptState } from '@/shared/ui/kept-input'
import { Col, Form, InputNumber, Row, Statistic, Typography } from 'antd'
import { useTranslation } from 'react-i18next'
import { formatNumber } from '@/shared/lib/format'
import { DangerousActionDialog } from '@/shared/ui/DangerousActionDialog'
import type { RetentionKind, RetentionPeriod, RetentionPreview } from '../api'
import { periodText } from '../period'
import { VolumeChart } from './VolumeChart'

interface ImpactDialogProps {
  open: boolean
  kind: RetentionKind
  proposed: RetentionPeriod
  preview: RetentionPreview
  tenantName: string
  defaultGraceDays: number
  pending: boolean
  error: unknown
  onConfirm: (input: { graceDays: number; reason: string }) => void
  onCancel: () => void
}

export function ImpactDialog({
  open,
  kind,
  proposed,
  preview,
  tenantName,
  defaultGraceDays,
  pending,
  error,
  onConfirm,
  onCancel,
}: ImpactDialogProps) {
  const { t, i18n } = useTranslation('retention')
  // The reason, typed name and grace period survive a trip to sign-in (see kept-input).
  const keptAs = `retention.impact.${kind}`
  const [graceDays, setGraceDays] = useKeptState<number | null>(`${keptAs}.grace`, () => defaultGraceDays)
  const [graceTouched, setGraceTouched] = useState(false)
  const impact = preview[kind]
  const items = t(`items.${kind}`)
  const period = periodText(t, proposed)
  const graceValid = graceDays !== null && Number.isInteger(graceDays) && graceDays >= 1 && graceDays <= 90
  const n = (value: number) => formatNumber(value, i18n.language)

  return (
    <DangerousActionDialog
      open={open}
      title={t('impact.title', { kind: t(`kindsLower.${kind}`), period })}
      consequence={t('impact.consequence', { count: n(impact.toDelete), items, period })}
      confirmLabel={t('impact.confirm')}
      confirmPhrase={tenantName}
      requireReason
      reasonLabel={t('impact.reason')}
      keepAs={keptAs}
      pending={pending}
      error={error}
      onConfirm={({ reason }) => {
        setGraceTouched(true)
        if (!graceValid) return
        onConfirm({ graceDays, reason })
      }}
      onCancel={onCancel}
    >
      <Row gutter={16}>
        <Col span={8}>
          <div role="group" aria-label={t('impact.toDelete')}>
            <Statistic title={t('impact.toDelete')} value={n(impact.toDelete)} styles={{ content: { color: '#b91c1c' } }} />
          </div>
        </Col>
        <Col span={8}>
          <div role="group" aria-label={t('impact.held')}>
            <Statistic title={t('impact.held')} value={n(impact.held)} />
          </div>
        </Col>
        <Col span={8}>
          <div role="group" aria-label={t('impact.stored')}>
            <Statistic title={t('impact.stored')} value={n(impact.total)} />
          </div>
        </Col>
      </Row>
      <VolumeChart impact={impact} />
      <Typography.Text type="secondary">{t('impact.asOf')}</Typography.Text>
      <Form layout="vertical" requiredMark={false} component="div">
        <Form.Item
          label={t('impact.grace')}
          htmlFor="retention-grace-days"
          validateStatus={graceTouched && !graceValid ? 'error' : undefined}
          help={graceTouched && !graceValid ? t('impact.graceInvalid') : t('impact.graceHelp')}
          style={{ marginBottom: 0 }}
        >
          {/* No min/max/precision: antd would silently turn 0, 91 or 2.5 into another number on blur; the value stays as
              typed and the message says what is allowed. No stepper buttons: they carry fixed English labels, and the
              arrow keys step the value anyway. */}
          <InputNumber
            id="retention-grace-days"
            controls={false}
            keyboard
            value={graceDays}
            disabled={pending}
            onChange={(value) => {
              setGraceTouched(true)
              setGraceDays(value)
            }}
          />
        </Form.Item>
      </Form>
    </DangerousActionDialog>
  )
}
