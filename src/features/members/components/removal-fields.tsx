// The fields a removal asks for, shared by the one-member flow and the bulk dialog: who takes over the work (or
// nobody), what happens to the personal data, and the grace period.
import { Checkbox, Form, InputNumber, Radio, Space, Typography, type FormInstance } from 'antd'
import { useTranslation } from 'react-i18next'
import { MemberPicker } from '@/shared/members/MemberPicker'
import { validDays } from '@/shared/ui/DaysField'
import { MEMBER_SETTING_DAYS } from '../api'

export interface RemovalValues {
  handoverTo?: string
  handoverNone?: boolean
  dataHandling: 'delete' | 'anonymise'
  graceDays: number | null
  reason?: string
}

export function HandoverFields({
  form,
  exclude,
  disabled,
  onPicked,
}: {
  form: FormInstance<RemovalValues>
  exclude: readonly string[]
  disabled: boolean
  onPicked?: (label: string) => void
}) {
  const { t } = useTranslation('members')
  const none = Form.useWatch('handoverNone', form)
  return (
    <>
      <Form.Item
        name="handoverTo"
        label={t('removal.handoverTo')}
        required={!none}
        rules={[{ validator: (_, value) => (value || form.getFieldValue('handoverNone') ? Promise.resolve() : Promise.reject(new Error(t('removal.handoverRequired')))) }]}
      >
        <MemberPicker status="active" exclude={exclude} disabled={Boolean(none) || disabled} aria-label={t('removal.handoverTo')} onChange={(_, label) => onPicked?.(label)} />
      </Form.Item>
      <Form.Item name="handoverNone" valuePropName="checked">
        <Checkbox
          disabled={disabled}
          onChange={(event) => {
            if (event.target.checked) form.setFieldValue('handoverTo', undefined)
            void form.validateFields(['handoverTo']).catch(() => undefined)
          }}
        >
          {t('removal.handoverNone')}
        </Checkbox>
      </Form.Item>
    </>
  )
}

export function DataHandlingField({ labelId, disabled }: { labelId: string; disabled: boolean }) {
  const { t } = useTranslation('members')
  return (
    <>
      <Typography.Paragraph id={labelId}>{t('removal.dataIntro')}</Typography.Paragraph>
      <Form.Item name="dataHandling">
        <Radio.Group aria-labelledby={labelId} disabled={disabled}>
          <Space orientation="vertical">
            <Radio value="anonymise">
              <strong>{t('removal.anonymise')}</strong> — {t('removal.anonymiseHint')}
            </Radio>
            <Radio value="delete">
              <strong>{t('removal.delete')}</strong> — {t('removal.deleteHint')}
            </Radio>
          </Space>
        </Radio.Group>
      </Form.Item>
    </>
  )
}

/** The grace period's bounds are the tenant setting's (1–60 days), checked by the shared days rule. */
export const validGraceDays = (value: unknown): value is number => typeof value === 'number' && validDays(value, MEMBER_SETTING_DAYS.removalGraceDays)

export function GraceDaysField({ defaultDays, disabled }: { defaultDays: number; disabled: boolean }) {
  const { t } = useTranslation('members')
  return (
    <Form.Item
      name="graceDays"
      label={t('removal.graceLabel')}
      extra={t('removal.graceHint', { days: defaultDays })}
      rules={[{ validator: (_, value) => (validGraceDays(value) ? Promise.resolve() : Promise.reject(new Error(t('removal.graceInvalid')))) }]}
    >
      <InputNumber controls={false} disabled={disabled} style={{ width: 120 }} />
    </Form.Item>
  )
}
