// The tenant's member settings, for its administrators: the grace period a removal offers (1–60 days) and the days to
// reply to a deregistration request (5–30). Open requests keep their deadline; removals already scheduled keep their date.
import { useId, useState } from 'react'
import { App as AntApp, Flex, Typography } from 'antd'
import { useTranslation } from 'react-i18next'
import { DaysField, SaveSettings, validDays } from '@/shared/ui/DaysField'
import { QueryView } from '@/shared/ui/QueryView'
import { SectionCard } from '@/shared/ui/SectionCard'
import { useActionKey } from '@/shared/ui/use-action-key'
import { MEMBER_SETTING_DAYS, useMemberSettings, useUpdateMemberSettings, type MemberSettings } from '../api'

export function MemberSettingsCard({ tenantId }: { tenantId: string }) {
  const { t } = useTranslation('members')
  const settings = useMemberSettings(tenantId)
  return (
    <SectionCard title={t('settings.title')} style={{ marginTop: 24 }}>
      <QueryView query={settings}>{(current) => <SettingsForm key={JSON.stringify(current)} tenantId={tenantId} current={current} />}</QueryView>
    </SectionCard>
  )
}

const FIELDS = ['removalGraceDays', 'deregistrationReplyDays'] as const

function SettingsForm({ tenantId, current }: { tenantId: string; current: MemberSettings }) {
  const { t } = useTranslation('members')
  const { message } = AntApp.useApp()
  const update = useUpdateMemberSettings(tenantId)
  const action = useActionKey()
  const id = useId()
  const [values, setValues] = useState<Record<(typeof FIELDS)[number], number | null>>(current)
  const [tried, setTried] = useState(false)
  const valid = (field: (typeof FIELDS)[number]) => validDays(values[field], MEMBER_SETTING_DAYS[field])
  const changed = FIELDS.some((field) => values[field] !== current[field])
  const save = () => {
    setTried(true)
    const { removalGraceDays, deregistrationReplyDays } = values
    if (!validDays(removalGraceDays, MEMBER_SETTING_DAYS.removalGraceDays) || !validDays(deregistrationReplyDays, MEMBER_SETTING_DAYS.deregistrationReplyDays)) return
    update.mutate(
      { idempotencyKey: action.key(), settings: { removalGraceDays, deregistrationReplyDays } },
      {
        onSuccess: () => {
          action.renew()
          void message.success(t('settings.saved'))
        },
      },
    )
  }
  return (
    <>
      <Typography.Paragraph type="secondary">{t('settings.help')}</Typography.Paragraph>
      <Flex gap="large" wrap align="flex-start">
        {FIELDS.map((field) => (
          <DaysField
            key={field}
            id={`${id}-${field}`}
            label={t(`settings.${field}`)}
            value={values[field]}
            onChange={(value) => setValues((now) => ({ ...now, [field]: value }))}
            invalid={tried && !valid(field)}
            hint={t('settings.range', MEMBER_SETTING_DAYS[field])}
            error={t('settings.invalid', MEMBER_SETTING_DAYS[field])}
          />
        ))}
      </Flex>
      <SaveSettings label={t('settings.save')} changed={changed} pending={update.isPending} error={update.isError ? update.error : null} onSave={save} />
    </>
  )
}
