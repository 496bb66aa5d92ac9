// One retention policy: what is in effect (who set it, next and last run) and the form that changes it.
// Saving checks the input here first (nothing is sent when it is invalid), asks the server for the impact,
// then confirms: a shorter period through the impact preview, a longer one with a simple confirm.
import { useEffect, useRef, useState } from 'react'
import type { Permission } from '@/shared/session/access'
import { useDenialText } from '@/shared/ui/use-denial-text'
import { App, Button, Descriptions, Divider, Form, Input, Radio, Select, Space, Typography } from 'antd'
import { useQueryClient } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import { formatDateTime, formatNumber } from '@/shared/lib/format'
import { applyProblemToForm } from '@/shared/ui/form-errors'
import { DangerousActionDialog } from '@/shared/ui/DangerousActionDialog'
import { deferred } from '@/shared/ui/deferred'
import { dropKeptInput, peekKeptInput, useKeptInput } from '@/shared/ui/kept-input'
import { ErrorAlert } from '@/shared/ui/ErrorAlert'
import { RelativeTime } from '@/shared/ui/RelativeTime'
import {
  policySetFrom,
  retentionKeys,
  usePreviewRetention,
  useSaveRetention,
  type RetentionKind,
  type RetentionPeriod,
  type RetentionPreview,
  type RetentionSettings,
  type RetentionUnit,
} from '../api'
import { SectionCard } from '@/shared/ui/SectionCard'
import { conflictingVersion, periodText, readPeriodValue, RETENTION_UNITS, samePeriod } from '../period'

// The impact and conflict dialogs (with antd's InputNumber and the volume chart) follow the page, not before it.
const ImpactDialog = deferred(() => import('./ImpactDialog').then(({ ImpactDialog }) => ImpactDialog))
const ConflictDialog = deferred(() => import('./ConflictDialog').then(({ ConflictDialog }) => ConflictDialog))

interface PolicyFormValues {
  mode: 'forever' | 'period'
  value: string
  unit: RetentionUnit
}

type Step =
  | { step: 'idle' }
  | { step: 'impact'; proposed: RetentionPeriod; preview: RetentionPreview; etag: string }
  | { step: 'lengthen'; proposed: RetentionPeriod; etag: string }
  | { step: 'conflict'; proposed: RetentionPeriod; theirs: RetentionSettings; graceDays?: number; reason?: string }

/** What a trip to sign-in keeps of an edit (see kept-input). */
interface KeptPolicy {
  values: PolicyFormValues
  etag: string | null
  step: Step
}

function formValuesFor(period: RetentionPeriod): PolicyFormValues {
  return period.mode === 'forever'
    ? { mode: 'forever', value: '', unit: 'years' }
    : { mode: 'period', value: String(period.value), unit: period.unit }
}

interface PolicyCardProps {
  kind: RetentionKind
  settings: RetentionSettings
  tenantId: string
  tenantName: string
  write: Permission
}

export function PolicyCard({ kind, settings, tenantId, tenantName, write }: PolicyCardProps) {
  const deniedReason = useDenialText(write)
  const { t, i18n } = useTranslation('retention')
  const { t: tc } = useTranslation()
  const { message } = App.useApp()
  const queryClient = useQueryClient()
  const [form] = Form.useForm<PolicyFormValues>()
  const mode = Form.useWatch('mode', form)
  const preview = usePreviewRetention(tenantId)
  const save = useSaveRetention(tenantId)
  // A trip to sign-in (a 401) keeps the admin's edit: the values, the version they started from, and the step they
  // were at (e.g. the impact dialog); it comes back before the form follows the server again.
  const keptAs = `retention.policy.${kind}`
  const [step, setStep] = useState<Step>(() => peekKeptInput<KeptPolicy>(keptAs)?.step ?? { step: 'idle' })
  const [notice, setNotice] = useState<string | null>(null)
  // The version the admin started editing from: a save against it fails (412) if someone saved in between.
  const baseEtag = useRef<string | null>(null)

  const policy = settings.policies[kind]
  const intended = policySetFrom(settings)[kind]
  const scheduled = settings.pending?.policies[kind]
  const kindName = t(`kinds.${kind}`)
  const n = (value: number) => formatNumber(value, i18n.language)
  const lastRun = settings.lastRun

  useKeptInput(keptAs, (): KeptPolicy | undefined =>
    baseEtag.current === null && step.step === 'idle' ? undefined : { values: form.getFieldsValue(true) as PolicyFormValues, etag: baseEtag.current, step },
  )
  useEffect(() => {
    const kept = peekKeptInput<KeptPolicy>(keptAs)
    if (!kept) return
    baseEtag.current = kept.etag
    form.setFieldsValue(kept.values)
    dropKeptInput(keptAs)
  }, [form, keptAs])

  // Follow the server while the admin has not started editing (e.g. after someone else's change arrives).
  const intendedKey = JSON.stringify(intended)
  useEffect(() => {
    if (baseEtag.current === null) form.setFieldsValue(formValuesFor(JSON.parse(intendedKey) as RetentionPeriod))
  }, [form, intendedKey])

  const resetTo = (next: RetentionSettings) => {
    baseEtag.current = null
    form.resetFields()
    form.setFieldsValue(formValuesFor(policySetFrom(next)[kind]))
  }

  const fieldMap = { [`${kind}.value`]: ['value'], [`${kind}.unit`]: ['unit'], [`${kind}.mode`]: ['mode'] }

  const onSave = async () => {
    setNotice(null)
    preview.reset()
    const values = await form.validateFields().catch(() => null)
    if (!values) return
    const parsed = values.mode === 'period' ? readPeriodValue(values.value, values.unit) : null
    if (parsed && !('value' in parsed)) return
    const proposed: RetentionPeriod =
      values.mode === 'forever' || !parsed ? { mode: 'forever' } : { mode: 'period', value: parsed.value, unit: values.unit }
    if (samePeriod(proposed, intended)) {
      setNotice(t('policy.unchanged'))
      return
    }
    const etag = baseEtag.current ?? settings.etag
    try {
      const impact = await preview.mutateAsync({ ...policySetFrom(settings), [kind]: proposed })
      save.reset()
      setStep(impact[kind].shortens ? { step: 'impact', proposed, preview: impact, etag } : { step: 'lengthen', proposed, etag })
    } catch (error) {
      applyProblemToForm(form, error, tc, fieldMap)
    }
  }

  const submit = (proposed: RetentionPeriod, base: RetentionSettings, etag: string, extra: { graceDays?: number; reason?: string }) => {
    save.mutate(
      { policies: { ...policySetFrom(base), [kind]: proposed }, etag, ...extra },
      {
        onSuccess: (next) => {
          setStep({ step: 'idle' })
          resetTo(next)
          const isScheduled = next.pending?.policies[kind] !== undefined
          void message.success(t(isScheduled ? 'policy.scheduledToast' : 'policy.saved', { kind: kindName }))
        },
        onError: (error) => {
          const theirs = conflictingVersion(error)
          if (theirs) {
            setStep({ step: 'conflict', proposed, theirs, ...extra })
            return
          }
          if (applyProblemToForm(form, error, tc, fieldMap)) setStep({ step: 'idle' })
          // Anything else (server error, dropped connection) stays in the open dialog; confirming again retries.
        },
      },
    )
  }

  const discardMine = (theirs: RetentionSettings) => {
    queryClient.setQueryData(retentionKeys.detail(tenantId), theirs)
    void queryClient.invalidateQueries({ queryKey: retentionKeys.all })
    save.reset()
    setStep({ step: 'idle' })
    resetTo(theirs)
  }

  const valueRule = {
    validator: async (_rule: unknown, text: string | undefined) => {
      if (form.getFieldValue('mode') !== 'period') return
      const result = readPeriodValue(text, form.getFieldValue('unit') as RetentionUnit)
      if ('value' in result) return
      throw new Error(tc(`validation.${result.code}`, 'min' in result ? { min: result.min } : 'max' in result ? { max: result.max } : {}))
    },
  }

  const busy = preview.isPending || save.isPending

  return (
    <>
      <SectionCard title={kindName} fill>
        <Descriptions column={1} size="small">
          <Descriptions.Item label={t('policy.current')}>
            <strong>{periodText(t, policy.period)}</strong>
          </Descriptions.Item>
          <Descriptions.Item label={t('policy.setBy')}>
            {t('policy.setByValue', { name: policy.updatedBy.name, when: formatDateTime(policy.updatedAt, i18n.language) })}
          </Descriptions.Item>
          {scheduled && settings.pending ? (
            <Descriptions.Item label={t('policy.scheduled')}>
              {t('policy.scheduledValue', { period: periodText(t, scheduled), when: formatDateTime(settings.pending.effectiveAt, i18n.language) })}
            </Descriptions.Item>
          ) : null}
          <Descriptions.Item label={t('policy.nextRun')}>
            {/* After a failure the next run is its retry, not the missed time. */}
            <RelativeTime iso={lastRun?.outcome === 'failed' && lastRun.retryAt ? lastRun.retryAt : settings.nextRunAt} />
          </Descriptions.Item>
          <Descriptions.Item label={t('policy.lastRun')}>
            {lastRun?.outcome === 'failed' ? (
              <span>
                {t('policy.lastRunFailed')}
                {' · '}
                <RelativeTime iso={lastRun.at} />
              </span>
            ) : lastRun ? (
              <span>
                {t('policy.lastRunValue', {
                  count: n(kind === 'chat' ? lastRun.deletedMessages : lastRun.deletedFiles),
                  items: t(`items.${kind}`),
                })}
                {' · '}
                <RelativeTime iso={lastRun.at} />
              </span>
            ) : (
              t('policy.noRun')
            )}
          </Descriptions.Item>
        </Descriptions>
        <Divider titlePlacement="start" plain>
          {t('policy.change')}
        </Divider>
        <Form<PolicyFormValues>
          form={form}
          name={`retention-${kind}`}
          layout="vertical"
          requiredMark={false}
          initialValues={formValuesFor(intended)}
          disabled={!write.allowed}
          onValuesChange={() => {
            baseEtag.current ??= settings.etag
            setNotice(null)
          }}
          onFinish={() => void onSave()}
        >
          <Form.Item name="mode" label={t('policy.mode', { kind: t(`kindsLower.${kind}`) })}>
            {/* Named by the visible label: a <label for> does not name a group of radios. */}
            <Radio.Group
              aria-label={t('policy.mode', { kind: t(`kindsLower.${kind}`) })}
              options={[
                { label: t('policy.modeForever'), value: 'forever' },
                { label: t('policy.modePeriod'), value: 'period' },
              ]}
              onChange={() => void form.validateFields(['value']).catch(() => undefined)}
            />
          </Form.Item>
          {mode === 'period' && (
            <Space align="start" wrap>
              <Form.Item name="value" label={t('policy.value')} rules={[valueRule]} dependencies={['unit']} style={{ width: 160 }}>
                <Input inputMode="numeric" autoComplete="off" />
              </Form.Item>
              <Form.Item name="unit" label={t('policy.unit')} style={{ width: 140 }}>
                <Select options={RETENTION_UNITS.map((value) => ({ value, label: t(`units.${value}`) }))} />
              </Form.Item>
            </Space>
          )}
          {mode === 'period' && (
            <Typography.Paragraph type="secondary" style={{ marginTop: -8 }}>
              {t('policy.limits')}
            </Typography.Paragraph>
          )}
          {notice ? <Typography.Paragraph role="status">{notice}</Typography.Paragraph> : null}
          {preview.error ? <ErrorAlert error={preview.error} /> : null}
          <Space style={{ marginTop: 8 }} wrap>
            <Button type="primary" htmlType="submit" loading={busy}>
              {preview.isPending ? t('policy.checking') : t('policy.saveLabel', { kind: t(`kindsLower.${kind}`) })}
            </Button>
            {deniedReason !== null ? <Typography.Text type="secondary">{deniedReason}</Typography.Text> : null}
          </Space>
        </Form>
      </SectionCard>

      {step.step === 'impact' && (
        <ImpactDialog
          open
          kind={kind}
          proposed={step.proposed}
          preview={step.preview}
          tenantName={tenantName}
          defaultGraceDays={settings.graceDays}
          pending={save.isPending}
          error={save.error}
          onConfirm={({ graceDays, reason }) => submit(step.proposed, settings, step.etag, { graceDays, reason })}
          onCancel={() => setStep({ step: 'idle' })}
        />
      )}
      {step.step === 'lengthen' && (
        <DangerousActionDialog
          open
          danger={false}
          title={t('lengthen.title', { kind: t(`kindsLower.${kind}`), period: periodText(t, step.proposed) })}
          consequence={t('lengthen.consequence')}
          confirmLabel={t('lengthen.confirm')}
          pending={save.isPending}
          error={save.error}
          onConfirm={() => submit(step.proposed, settings, step.etag, {})}
          onCancel={() => setStep({ step: 'idle' })}
        />
      )}
      {step.step === 'conflict' && (
        <ConflictDialog
          open
          kind={kind}
          proposed={step.proposed}
          theirs={step.theirs}
          pending={save.isPending}
          error={conflictingVersion(save.error) ? null : save.error}
          onReapply={() =>
            submit(step.proposed, step.theirs, step.theirs.etag, {
              ...(step.graceDays !== undefined ? { graceDays: step.graceDays } : {}),
              ...(step.reason !== undefined ? { reason: step.reason } : {}),
            })
          }
          onDiscard={() => discardMine(step.theirs)}
        />
      )}
    </>
  )
}
