// The support agent's tenant directory: every tenant, searched by name or id on the server, each saying whether it
// grants access now (read-only or read-write, until when, on which ticket). A tenant without a grant opens on the
// no-access page, which says so.
import { useState } from 'react'
import { Empty, Flex, Input, Tag, Typography } from 'antd'
import { useSearchParams } from 'react-router'
import { useTranslation } from 'react-i18next'
import '../i18n'
import { formatDateTime } from '@/shared/lib/format'
import { ButtonLink } from '@/shared/ui/ButtonLink'
import { QueryView } from '@/shared/ui/QueryView'
import { RelativeTime } from '@/shared/ui/RelativeTime'
import { useSupportTenants } from '../api'

export default function SupportDirectory() {
  const { t, i18n } = useTranslation('supportAccess')
  const { t: tc } = useTranslation()
  const [params, setParams] = useSearchParams()
  const q = params.get('q')?.trim() ?? ''
  const [typed, setTyped] = useState(q)
  const tenants = useSupportTenants(q, true)

  return (
    <>
      <Typography.Paragraph>{t('directory.intro')}</Typography.Paragraph>
      <Input.Search
        aria-label={t('directory.search')}
        placeholder={t('directory.searchPlaceholder')}
        value={typed}
        allowClear
        onChange={(event) => setTyped(event.target.value)}
        onSearch={(value) => setParams(value.trim() ? { q: value.trim() } : {}, { replace: true })}
        style={{ maxWidth: 420, marginBottom: 16 }}
      />
      <QueryView query={tenants}>
        {(data) =>
          data.items.length === 0 ? (
            <Empty description={t('directory.none', { q })} />
          ) : (
            <ul aria-label={t('directory.title')} style={{ listStyle: 'none', margin: 0, padding: 0 }}>
              {data.items.map((tenant) => (
                <li key={tenant.id} style={{ padding: '12px 0', borderBottom: '1px solid #f0f0f0' }}>
                  <Flex justify="space-between" align="center" gap="middle" wrap>
                    <Flex vertical gap={4}>
                      <Typography.Text strong>{tenant.name}</Typography.Text>
                      <Typography.Text type="secondary">{t('directory.id', { id: tenant.id })}</Typography.Text>
                      {tenant.supportGrant ? (
                        <span>
                          <Tag color={tenant.supportGrant.mode === 'read_write' ? 'orange' : 'blue'}>{tc(`support.modes.${tenant.supportGrant.mode}`)}</Tag>
                          {tc('support.ends')}: <RelativeTime iso={tenant.supportGrant.expiresAt} /> ({formatDateTime(tenant.supportGrant.expiresAt, i18n.language)}) ·{' '}
                          {tc('support.ticket')}: {tenant.supportGrant.ticketRef}
                        </span>
                      ) : (
                        <span>
                          <Tag>{t('directory.noAccess')}</Tag>
                        </span>
                      )}
                    </Flex>
                    <ButtonLink type={tenant.supportGrant ? 'primary' : 'default'} to={`/tenants/${encodeURIComponent(tenant.id)}`}>
                      {t('directory.open', { tenant: tenant.name })}
                    </ButtonLink>
                  </Flex>
                </li>
              ))}
            </ul>
          )
        }
      </QueryView>
    </>
  )
}
