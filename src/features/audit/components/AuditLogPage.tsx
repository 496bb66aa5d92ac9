// The audit log: every change in the tenant, newest first, filtered by person, action, target and period (all in
// the URL), one server page at a time; the chain check and the CSV export work on what the filters show.
import { Alert, Button, Flex, Input, Select, Skeleton, Typography } from 'antd'
import { useSearchParams } from 'react-router'
import { useTranslation } from 'react-i18next'
import { auditActionLabel, AuditEntryList, auditTargetLabel } from '@/shared/audit/AuditTrail'
import { formatNumber } from '@/shared/lib/format'
import { useTenantAccess } from '@/shared/session/use-tenant'
import { CursorPager, useCursorPaging } from '@/shared/ui/CursorPager'
import { ErrorAlert } from '@/shared/ui/ErrorAlert'
import { PageHeader } from '@/shared/ui/PageHeader'
import { useDocumentTitle } from '@/shared/ui/use-document-title'
import { AUDIT_PAGE_SIZE, AUDIT_PARAMS, isBackwards, readAuditFilters, useAuditFacets, useAuditLog, type AuditFilters } from '../api'
import { ChainCheck } from './ChainCheck'
import { ExportPanel } from './ExportPanel'

export function AuditLogPage() {
  const { t, i18n } = useTranslation('auditLog')
  const { t: tc } = useTranslation()
  const { tenantId, isSupport } = useTenantAccess()
  const [params, setParams] = useSearchParams()
  const filters = readAuditFilters(params)
  const paging = useCursorPaging()
  // A period that ends before it starts is not asked for: the page says what is wrong instead.
  const backwards = isBackwards(filters)
  const log = useAuditLog(tenantId, filters, paging.cursor, !backwards)
  const facets = useAuditFacets(tenantId)
  useDocumentTitle(t('title'))
  const n = (value: number) => formatNumber(value, i18n.language)

  // Any change of filters starts again at the newest entry.
  const setFilter = (name: keyof AuditFilters, value: string | undefined) => {
    setParams(
      (current) => {
        const next = new URLSearchParams(current)
        if (value) next.set(AUDIT_PARAMS[name], value)
        else next.delete(AUDIT_PARAMS[name])
        next.delete('cursor')
        next.delete('page')
        return next
      },
      { replace: true },
    )
  }
  const anyFilter = Object.keys(filters).length > 0
  const narrowToTarget = (event: { targetType: string; targetId: string }) =>
    setParams(
      (current) => {
        const next = new URLSearchParams(current)
        next.set(AUDIT_PARAMS.targetType, event.targetType)
        next.set(AUDIT_PARAMS.targetId, event.targetId)
        next.delete('cursor')
        next.delete('page')
        return next
      },
      { replace: true },
    )
  const data = log.data
  const from = (paging.page - 1) * AUDIT_PAGE_SIZE + 1
  const status = !data || data.items.length === 0 ? t('list.rangeNone') : t('list.range', { from: n(from), to: n(from + data.items.length - 1) })
  const targetName = filters.targetId ? (data?.items.find((event) => event.targetId === filters.targetId)?.targetName ?? filters.targetId) : null
  const roleWord = (role: string) => (role === 'system' ? null : role === 'support_agent' ? t('filters.roleSupport') : t('filters.roleAdmin'))

  return (
    <>
      <PageHeader title={t('title')}>
        <Typography.Paragraph type="secondary" style={{ margin: '8px 0 0', maxWidth: 900 }}>
          {isSupport ? t('introMasked') : t('intro')}
        </Typography.Paragraph>
      </PageHeader>
      <div role="search" aria-label={t('filters.label')}>
        <Flex wrap gap="small" style={{ marginBottom: 12 }}>
          <Select<string>
            aria-label={t('filters.actor')}
            placeholder={t('filters.anyActor')}
            allowClear
            showSearch={{ optionFilterProp: 'label' }}
            loading={facets.isPending}
            value={filters.actorId}
            onChange={(value) => setFilter('actorId', value)}
            options={(facets.data?.actors ?? []).map((actor) => {
              const name = actor.role === 'system' ? tc('audit.system') : actor.name
              const role = roleWord(actor.role)
              return { value: actor.id, label: role ? `${name} (${role})` : name }
            })}
            style={{ width: 200 }}
          />
          <Select<string>
            aria-label={t('filters.action')}
            placeholder={t('filters.anyAction')}
            allowClear
            showSearch={{ optionFilterProp: 'label' }}
            loading={facets.isPending}
            value={filters.action}
            onChange={(value) => setFilter('action', value)}
            options={(facets.data?.actions ?? []).map((action) => ({ value: action, label: auditActionLabel(tc, action) }))}
            style={{ width: 260 }}
          />
          <Select<string>
            aria-label={t('filters.targetType')}
            placeholder={t('filters.anyTarget')}
            allowClear
            loading={facets.isPending}
            value={filters.targetType}
            onChange={(value) => setFilter('targetType', value)}
            options={(facets.data?.targetTypes ?? []).map((type) => ({ value: type, label: auditTargetLabel(tc, type) }))}
            style={{ width: 150 }}
          />
          <label>
            <Typography.Text type="secondary">{t('filters.from')} </Typography.Text>
            <Input type="date" value={filters.from ?? ''} max={filters.to} onChange={(event) => setFilter('from', event.target.value || undefined)} style={{ width: 150 }} />
          </label>
          <label>
            <Typography.Text type="secondary">{t('filters.to')} </Typography.Text>
            <Input type="date" value={filters.to ?? ''} min={filters.from} onChange={(event) => setFilter('to', event.target.value || undefined)} style={{ width: 150 }} />
          </label>
          {anyFilter ? <Button onClick={() => setParams(new URLSearchParams(), { replace: true })}>{t('filters.clear')}</Button> : null}
        </Flex>
        {backwards ? <Alert type="warning" showIcon role="alert" title={t('filters.backwards')} style={{ marginBottom: 12 }} /> : null}
        {filters.targetId && targetName ? (
          <Flex gap="small" align="center" wrap style={{ marginBottom: 12 }}>
            <Typography.Text strong>{t('filters.target', { target: targetName })}</Typography.Text>
            <Button size="small" onClick={() => setFilter('targetId', undefined)}>
              {t('filters.removeTarget')}
            </Button>
          </Flex>
        ) : null}
      </div>
      <Flex wrap gap="middle" align="start" style={{ marginBottom: 16 }}>
        <ExportPanel filters={filters} />
        <ChainCheck />
      </Flex>
      <section aria-labelledby="audit-entries">
        <Typography.Title level={2} id="audit-entries" style={{ fontSize: 16 }}>
          {t('list.heading')}
        </Typography.Title>
        {log.isError && !backwards ? <ErrorAlert error={log.error} onRetry={() => void log.refetch()} retrying={log.isFetching} /> : null}
        {log.isPending ? <Skeleton active paragraph={{ rows: 6 }} /> : null}
        {data && data.items.length === 0 && !backwards ? <Alert type="info" showIcon title={anyFilter ? t('list.none') : t('list.empty')} /> : null}
        {data && data.items.length > 0 ? (
          <div aria-busy={log.isFetching} style={{ opacity: log.isPlaceholderData ? 0.6 : 1 }}>
            <AuditEntryList
              events={data.items}
              showTarget
              showChanges
              {...(filters.targetId ? {} : { onTarget: narrowToTarget })}
            />
          </div>
        ) : null}
        <CursorPager paging={paging} label={t('list.pages')} status={status} nextCursor={data?.nextCursor} busy={log.isPlaceholderData} />
      </section>
    </>
  )
}
