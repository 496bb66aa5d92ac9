// The tenant's reply deadline for next-of-kin requests (7–30 calendar or working days, from receipt or from verification),
// set by its administrators (shown to them only: the API refuses anyone else); a request keeps the rule it was received
// under.
import { useId, useState } from 'react'
import { App as AntApp, Button, Flex, InputNumber, Radio, Typography } from 'antd'
import { useTranslation } from 'react-i18next'
import { ErrorAlert } from '@/shared/ui/ErrorAlert'
import { QueryView } from '@/shared/ui/QueryView'
import { SectionCard } from '@/shared/ui/SectionCard'
import { useActionKey } from '@/shared/ui/use-action-key'
import { KIN_DEADLINE_DAYS, useKinSettings, useUpdateKinSettings, type KinSettings } from '../api'

export function KinDeadlineSettings({ tenantId }: { tenantId: string }) {
  const { t } = useTranslation('kin')
  const settings = useKinSettings(tenantId)
  return (
    <SectionCard title={t('settings.title')} style={{ marginBottom: 16 }}>
      <QueryView query={settings}>{(current) => <DeadlineForm key={JSON.stringify(current)} tenantId={tenantId} current={current} />}</QueryView>
    </SectionCard>
  )
}

const validDays = (value: number | null): value is number => value !== null && Number.isInteger(value) && value >= KIN_DEADLINE_DAYS.min && value <= KIN_DEADLINE_DAYS.max

function DeadlineForm({ tenantId, current }: { tenantId: string; current: KinSettings }) {
  const { t } = useTranslation('kin')
  const { message } = AntApp.useApp()
  const update = useUpdateKinSettings(tenantId)
  const action = useActionKey()
  const id = useId()
  const [days, setDays] = useState<number | null>(current.deadlineDays)
  const [unit, setUnit] = useState(current.deadlineUnit)
  const [from, setFrom] = useState(current.deadlineFrom)
  const [tried, setTried] = useState(false)
  const invalid = tried && !validDays(days)
  const changed = days !== current.deadlineDays || unit !== current.deadlineUnit || from !== current.deadlineFrom
  const summary = (rule: KinSettings) => t('settings.summary', { days: rule.deadlineDays, unit: t(`settings.${rule.deadlineUnit}Short`), from: t(`settings.${rule.deadlineFrom}Short`) })
  const save = () => {
    setTried(true)
    if (!validDays(days)) return
    update.mutate(
      { key: action.key(), settings: { deadlineDays: days, deadlineUnit: unit, deadlineFrom: from } },
      {
        onSuccess: () => {
          action.renew()
          void message.success(t('settings.saved'))
        },
      },
    )
  }
  const legend = { fontSize: 14, fontWeight: 600, marginBottom: 4, padding: 0 }
  return (
    <>
      <Typography.Paragraph style={{ marginBottom: 4 }}>{t('settings.now', { rule: summary(current) })}</Typography.Paragraph>
      <Typography.Paragraph type="secondary">{t('settings.help')}</Typography.Paragraph>
      <Flex gap="large" wrap align="flex-start">
        <div>
          <label htmlFor={`${id}-days`} style={{ display: 'block', ...legend }}>
            {t('settings.days')}
          </label>
          <InputNumber
            id={`${id}-days`}
            value={days}
            onChange={(value) => setDays(value)}
            controls={false}
           
            status={invalid ? 'error' : undefined}
            aria-invalid={invalid}
            aria-describedby={invalid ? `${id}-days-error` : `${id}-days-hint`}
            style={{ width: 120 }}
          />
          {invalid ? (
            <Typography.Text id={`${id}-days-error`} type="danger" role="alert" style={{ display: 'block' }}>
              {t('settings.daysInvalid', KIN_DEADLINE_DAYS)}
            </Typography.Text>
          ) : (
            <Typography.Text id={`${id}-days-hint`} type="secondary" style={{ display: 'block' }}>
              {t('settings.daysHint', KIN_DEADLINE_DAYS)}
            </Typography.Text>
          )}
        </div>
        <fieldset style={{ border: 0, margin: 0, padding: 0 }}>
          <legend style={legend}>{t('settings.unit')}</legend>
          <Radio.Group value={unit} onChange={(event) => setUnit(event.target.value as KinSettings['deadlineUnit'])} options={(['calendar', 'working'] as const).map((value) => ({ value, label: t(`settings.${value}`) }))} />
        </fieldset>
        <fieldset style={{ border: 0, margin: 0, padding: 0 }}>
          <legend style={legend}>{t('settings.from')}</legend>
          <Radio.Group value={from} onChange={(event) => setFrom(event.target.value as KinSettings['deadlineFrom'])} options={(['receipt', 'verification'] as const).map((value) => ({ value, label: t(`settings.${value}`) }))} />
        </fieldset>
      </Flex>
      <Button type="primary" style={{ marginTop: 12 }} disabled={!changed} loading={update.isPending} onClick={save}>
        {t('settings.save')}
      </Button>
      {update.isError ? (
        <div style={{ marginTop: 12 }}>
          <ErrorAlert error={update.error} />
        </div>
      ) : null}
    </>
  )
}
