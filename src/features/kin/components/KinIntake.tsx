// Intake of a next-of-kin request received by mail, phone or the platform's form: who asks and in which language,
// their relationship, the deceased (searched among the tenant's members), the rights and data asked for, what to
// correct, the stated interest, and the evidence files. Logged first, then each file is uploaded.
import { useState } from 'react'
import { App as AntApp, Button, Checkbox, Flex, Form, Input, Radio, Select, Space, Typography } from 'antd'
import { useNavigate } from 'react-router'
import { useTranslation } from 'react-i18next'
import { serverNow } from '@/shared/lib/server-clock'
import { applyProblemToForm } from '@/shared/ui/form-errors'
import { ErrorAlert } from '@/shared/ui/ErrorAlert'
import { PageHeader } from '@/shared/ui/PageHeader'
import { problemText } from '@/shared/ui/problem-text'
import { useActionKey } from '@/shared/ui/use-action-key'
import { useDocumentTitle } from '@/shared/ui/use-document-title'
import {
  CORRECTABLE_FIELDS,
  ENTERPRISE_CATEGORIES,
  EVIDENCE_KINDS,
  PLATFORM_CATEGORIES,
  RELATIONSHIPS,
  RIGHTS,
  useCreateKinRequest,
  useKinCandidates,
  useKinTenants,
  type KinCategory,
  type KinCorrectableField,
  type KinEvidenceKind,
  type KinRequestInput,
  type KinRight,
} from '../api'
import { SectionCard } from '@/shared/ui/SectionCard'
import { useKinBase } from './bits'
import { EvidenceField } from './EvidenceField'

interface Values {
  tenantId?: string
  memberId?: string
  requesterName: string
  relationship?: KinRequestInput['requester']['relationship']
  contact: string
  language: 'zh' | 'en'
  receivedOn: string
  rights: KinRight[]
  platform: KinCategory[]
  enterprise: KinCategory[]
  corrections: { field?: KinCorrectableField; after?: string }[]
  interest: string
}

const today = () => new Date(serverNow()).toISOString().slice(0, 10)

export function KinIntake() {
  const { t, i18n } = useTranslation('kin')
  const { t: tCommon } = useTranslation()
  const { message } = AntApp.useApp()
  const navigate = useNavigate()
  const { base, tenantId: fixedTenant } = useKinBase()
  const [form] = Form.useForm<Values>()
  const create = useCreateKinRequest()
  const action = useActionKey()
  const [tenantQ, setTenantQ] = useState('')
  const [memberQ, setMemberQ] = useState('')
  const [files, setFiles] = useState<Record<KinEvidenceKind, File | null>>({ death_certificate: null, relationship_proof: null, requester_id: null })
  const chosenTenant = Form.useWatch('tenantId', form) ?? fixedTenant ?? null
  const rights = Form.useWatch('rights', form) ?? []
  const tenants = useKinTenants(tenantQ, fixedTenant === null)
  const candidates = useKinCandidates(chosenTenant, memberQ)
  const [busy, setBusy] = useState(false)
  useDocumentTitle(t('intake.title'))

  const submit = async (values: Values) => {
    const tenantId = fixedTenant ?? values.tenantId ?? ''
    const receivedAt = values.receivedOn === today() ? undefined : new Date(`${values.receivedOn}T00:00:00Z`).toISOString()
    const input: KinRequestInput = {
      tenantId,
      memberId: values.memberId ?? '',
      requester: { name: values.requesterName, relationship: values.relationship ?? 'spouse', contact: values.contact, language: values.language },
      rights: values.rights,
      categories: [...values.platform, ...values.enterprise],
      ...(values.rights.includes('correct') ? { corrections: values.corrections.filter((row) => row.field && row.after).map((row) => ({ field: row.field as KinCorrectableField, after: row.after ?? '' })) } : {}),
      interest: values.interest,
      ...(receivedAt ? { receivedAt } : {}),
    }
    setBusy(true)
    try {
      const chosen = EVIDENCE_KINDS.flatMap((kind) => {
        const file = files[kind]
        return file ? [{ kind, file, key: `${action.key()}-${kind}` }] : []
      })
      const { request, failures } = await create.mutateAsync({ key: action.key(), input, files: chosen })
      action.renew()
      if (failures.length > 0) {
        void message.warning(
          failures.map(({ file, error }) => t('intake.uploadFailed', { file: file.name, reason: problemText(tCommon, error).detail ?? problemText(tCommon, error).message })).join(' '),
        )
      } else void message.success(t('intake.logged'))
      await navigate(`${base}/${encodeURIComponent(request.id)}`)
    } catch (error) {
      applyProblemToForm(form, error, tCommon, { 'requester/name': ['requesterName'], 'requester/contact': ['contact'], receivedAt: ['receivedOn'] })
    } finally {
      setBusy(false)
    }
  }

  const categoryGroup = (name: 'platform' | 'enterprise', categories: readonly KinCategory[]) => (
    <Form.Item name={name} label={t(`trackTitle.${name}`)} extra={t(`trackDecider.${name}`)}>
      <Checkbox.Group options={categories.map((category) => ({ value: category, label: t(`category.${category}`) }))} />
    </Form.Item>
  )

  return (
    <>
      <PageHeader title={t('intake.title')}>
        <Typography.Paragraph type="secondary" style={{ marginTop: 8 }}>
          {t('intake.intro')}
        </Typography.Paragraph>
      </PageHeader>
      <Form<Values>
        form={form}
        layout="vertical"
        requiredMark
        style={{ maxWidth: 900 }}
        initialValues={{ language: i18n.language.startsWith('zh') ? 'zh' : 'en', receivedOn: today(), rights: ['copy'], platform: [...PLATFORM_CATEGORIES], enterprise: [...ENTERPRISE_CATEGORIES], corrections: [], requesterName: '', contact: '', interest: '' }}
        onFinish={(values) => void submit(values)}
      >
        <SectionCard title={t('intake.deceased')} style={{ marginBottom: 16 }}>
          {fixedTenant === null ? (
            <Form.Item name="tenantId" label={t('intake.tenant')} rules={[{ required: true, message: t('intake.required') }]}>
              <Select
                showSearch={{ filterOption: false, onSearch: setTenantQ }}
                placeholder={t('intake.tenantPlaceholder')}
                options={(tenants.data?.items ?? []).map((tenant) => ({ value: tenant.id, label: tenant.name }))}
                onChange={() => form.setFieldValue('memberId', undefined)}
              />
            </Form.Item>
          ) : null}
          <Form.Item name="memberId" label={t('intake.deceased')} extra={t('intake.deceasedHelp')} rules={[{ required: true, message: t('intake.required') }]}>
            <Select
              showSearch={{ filterOption: false, onSearch: setMemberQ }}
              disabled={chosenTenant === null}
              placeholder={t('intake.deceasedPlaceholder')}
              notFoundContent={null}
              options={(candidates.data?.items ?? []).map((member) => ({ value: member.id, label: `${member.name} · ${member.employeeNo} · ${member.departmentName}` }))}
            />
          </Form.Item>
        </SectionCard>
        <SectionCard title={t('intake.requester')} style={{ marginBottom: 16 }}>
          <Flex gap="middle" wrap>
            <Form.Item name="requesterName" label={t('intake.requesterName')} rules={[{ required: true, whitespace: true, message: t('intake.required') }]} style={{ minWidth: 240, flex: 1 }}>
              <Input maxLength={100} />
            </Form.Item>
            <Form.Item name="relationship" label={t('intake.relationship')} rules={[{ required: true, message: t('intake.required') }]} style={{ minWidth: 200 }}>
              <Select options={RELATIONSHIPS.map((value) => ({ value, label: t(`relationship.${value}`) }))} />
            </Form.Item>
          </Flex>
          <Form.Item name="contact" label={t('intake.contact')} rules={[{ required: true, whitespace: true, message: t('intake.required') }]}>
            <Input maxLength={200} />
          </Form.Item>
          <Flex gap="large" wrap>
            <Form.Item name="language" label={t('intake.language')}>
              <Radio.Group options={[{ value: 'zh', label: t('language.zh') }, { value: 'en', label: t('language.en') }]} />
            </Form.Item>
            <Form.Item name="receivedOn" label={t('intake.receivedAt')} rules={[{ required: true, message: t('intake.required') }]}>
              <Input type="date" max={today()} />
            </Form.Item>
          </Flex>
        </SectionCard>
        <SectionCard title={t('intake.rights')} style={{ marginBottom: 16 }}>
          {/* A check in the validator, not `required`: antd would put aria-required on the group, which ARIA does not allow there. */}
          <Form.Item
            name="rights"
            label={t('intake.rights')}
            rules={[{ validator: (_, value: KinRight[] | undefined) => ((value?.length ?? 0) > 0 ? Promise.resolve() : Promise.reject(new Error(t('intake.required')))) }]}
          >
            <Checkbox.Group options={RIGHTS.map((value) => ({ value, label: t(`rights.${value}`) }))} />
          </Form.Item>
          {categoryGroup('platform', PLATFORM_CATEGORIES)}
          {categoryGroup('enterprise', ENTERPRISE_CATEGORIES)}
          {rights.includes('correct') ? (
            <Form.List name="corrections">
              {(rows, { add, remove }) => (
                <fieldset style={{ border: 0, padding: 0, margin: 0 }}>
                  <legend style={{ fontSize: 14, marginBottom: 8 }}>{t('intake.corrections')}</legend>
                  {rows.map((row, index) => (
                    <Space key={row.key} align="start" wrap>
                      <Form.Item name={[row.name, 'field']} label={t('intake.correctionField')} rules={[{ required: true, message: t('intake.required') }]}>
                        <Select style={{ width: 200 }} options={(Object.keys(CORRECTABLE_FIELDS) as KinCorrectableField[]).map((value) => ({ value, label: t(`field.${value}`) }))} />
                      </Form.Item>
                      <Form.Item name={[row.name, 'after']} label={t('intake.correctionValue')} rules={[{ required: true, whitespace: true, message: t('intake.required') }]}>
                        <Input style={{ width: 280 }} maxLength={200} />
                      </Form.Item>
                      <Button style={{ marginTop: 30 }} onClick={() => remove(index)}>
                        {t('intake.removeCorrection')}
                      </Button>
                    </Space>
                  ))}
                  <Button onClick={() => add({})}>{t('intake.addCorrection')}</Button>
                </fieldset>
              )}
            </Form.List>
          ) : null}
          <Form.Item name="interest" label={t('intake.interest')} extra={t('intake.interestHelp')} rules={[{ required: true, whitespace: true, message: t('intake.required') }]} style={{ marginTop: 16 }}>
            <Input.TextArea rows={3} maxLength={2000} />
          </Form.Item>
        </SectionCard>
        <SectionCard title={t('intake.evidence')} style={{ marginBottom: 16 }}>
          <Typography.Paragraph type="secondary">{t('intake.evidenceHelp')}</Typography.Paragraph>
          {EVIDENCE_KINDS.map((kind) => (
            <EvidenceField key={kind} kind={kind} file={files[kind]} onChange={(file) => setFiles((current) => ({ ...current, [kind]: file }))} />
          ))}
        </SectionCard>
        {create.isError ? <ErrorAlert error={create.error} /> : null}
        <Flex gap="small" style={{ marginTop: 16 }}>
          <Button type="primary" htmlType="submit" loading={busy}>
            {t('intake.submit')}
          </Button>
          <Button onClick={() => void navigate(base)}>{t('intake.cancel')}</Button>
        </Flex>
      </Form>
    </>
  )
}
