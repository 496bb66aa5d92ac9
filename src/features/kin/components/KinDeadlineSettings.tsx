// The tenant's reply deadline for next-of-kin requests (7–30 calendar or working days, from receipt or from verification),
// set by its administrators (shown to them only: the API refuses anyone else); a request keeps the rule it was received
// under.
import { useId, useState } from 'react'
import { App as AntApp, Flex, Radio, Typography } from 'antd'
import { useTranslation } from 'react-i18next'
import { DaysField, SaveSettings, validDays } from '@/shared/ui/DaysField'
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
  const invalid = tried && !validDays(days, KIN_DEADLINE_DAYS)
  const changed = days !== current.deadlineDays || unit !== current.deadlineUnit || from !== current.deadlineFrom
  const summary = (rule: KinSettings) => t('settings.summary', { days: rule.deadlineDays, unit: t(`settings.${rule.deadlineUnit}Short`), from: t(`settings.${rule.deadlineFrom}Short`) })
  const save = () => {
    setTried(true)
    if (!validDays(days, KIN_DEADLINE_DAYS)) return
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
        <DaysField
          id={`${id}-days`}
          label={t('settings.days')}
          value={days}
          onChange={setDays}
          invalid={invalid}
          hint={t('settings.daysHint', KIN_DEADLINE_DAYS)}
          error={t('settings.daysInvalid', KIN_DEADLINE_DAYS)}
        />
        <fieldset style={{ border: 0, margin: 0, padding: 0 }}>
          <legend style={legend}>{t('settings.unit')}</legend>
          <Radio.Group value={unit} onChange={(event) => setUnit(event.target.value as KinSettings['deadlineUnit'])} options={(['calendar', 'working'] as const).map((value) => ({ value, label: t(`settings.${value}`) }))} />
        </fieldset>
        <fieldset style={{ border: 0, margin: 0, padding: 0 }}>
          <legend style={legend}>{t('settings.from')}</legend>
          <Radio.Group value={from} onChange={(event) => setFrom(event.target.value as KinSettings['deadlineFrom'])} options={(['receipt', 'verification'] as const).map((value) => ({ value, label: t(`settings.${value}`) }))} />
        </fieldset>
      </Flex>
      <SaveSettings label={t('settings.save')} changed={changed} pending={update.isPending} error={update.isError ? update.error : null} onSave={save} />
    </>
  )
}
