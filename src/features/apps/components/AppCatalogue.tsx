// The catalogue: a filter bar whose values live in the URL, over a table of the tenant's apps (filtered by the server).
import { useEffect, useRef, useState } from 'react'
import { Button, Flex, Input, Select, Space, Table, Typography } from 'antd'
import type { TableColumnsType } from 'antd'
import { useSearchParams } from 'react-router'
import { useTranslation } from 'react-i18next'
import { useTenantId } from '@/shared/session/use-tenant'
import { ErrorAlert } from '@/shared/ui/ErrorAlert'
import { RelativeTime } from '@/shared/ui/RelativeTime'
import { APP_CATEGORIES, APP_KINDS, APP_STATUSES, readFilters, useAppScopes, useApps, type App, type AppCategory, type AppFilters, type AppKind, type AppStatus } from '../api'
import type { AppAction } from './AppsPage'
import { WriteGuard } from '@/shared/ui/WriteGuard'
import type { Permission } from '@/shared/session/access'
import { AppKindTag, AppStatusBadge, AvailabilitySummary, ScopeTags, useLocalized } from './bits'

const SEARCH_DEBOUNCE_MS = 300


interface AppCatalogueProps {
  write: Permission
  onOpen: (app: App) => void
  onAction: (kind: AppAction, app: App) => void
}

export function AppCatalogue({ write, onOpen, onAction }: AppCatalogueProps) {
  const { t } = useTranslation('apps')
  const tenantId = useTenantId()
  const localized = useLocalized()
  const [params, setParams] = useSearchParams()
  // The search box writes the URL from a timer: it starts from the URL as it is then (react-router hands a functional
  // update the params of the render that made it), and a filter chosen meanwhile writes the typed search with it and
  // cancels the timer — two navigations in flight would otherwise cancel each other and lose the filter.
  const latestParams = useRef(params)
  useEffect(() => {
    latestParams.current = params
  })
  const filters = readFilters(params)
  const apps = useApps(tenantId, filters)
  const scopes = useAppScopes(tenantId)
  const [search, setSearch] = useState(filters.q ?? '')

  const searchTimer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined)
  const setFilter = (name: keyof AppFilters, value: string | undefined) => {
    const typed = name === 'q' ? null : search.trim()
    if (typed !== null) clearTimeout(searchTimer.current)
    setParams(
      () => {
        const next = new URLSearchParams(latestParams.current)
        if (value) next.set(name, value)
        else next.delete(name)
        if (typed) next.set('q', typed)
        else if (typed === '') next.delete('q')
        return next
      },
      { replace: true },
    )
  }

  // The search box updates the URL (and so the server query) once typing settles.
  useEffect(() => () => clearTimeout(searchTimer.current), [])
  const onSearchChange = (value: string) => {
    setSearch(value)
    clearTimeout(searchTimer.current)
    searchTimer.current = setTimeout(() => setFilter('q', value.trim() || undefined), SEARCH_DEBOUNCE_MS)
  }

  const columns: TableColumnsType<App> = [
    {
      key: 'name',
      title: t('columns.name'),
      width: 220,
      render: (_, app) => (
        <Space orientation="vertical" size={0} style={{ maxWidth: 220 }}>
          <Button type="link" onClick={() => onOpen(app)} style={{ padding: 0, height: 'auto', whiteSpace: 'normal', textAlign: 'start', overflowWrap: 'anywhere' }}>
            {app.name}
          </Button>
          <Typography.Text type="secondary" style={{ overflowWrap: 'anywhere' }}>
            {t('table.byIn', { vendor: app.vendor, category: t(`categories.${app.category}`) })}
          </Typography.Text>
        </Space>
      ),
    },
    { key: 'kind', title: t('columns.kind'), width: 110, render: (_, app) => <AppKindTag kind={app.kind} /> },
    { key: 'status', title: t('columns.status'), width: 120, render: (_, app) => <AppStatusBadge status={app.status} /> },
    { key: 'scopes', title: t('columns.scopes'), width: 240, render: (_, app) => <ScopeTags scopes={app.scopes} max={3} onMore={() => onOpen(app)} appName={app.name} /> },
    { key: 'availability', title: t('columns.availability'), width: 130, render: (_, app) => <AvailabilitySummary availability={app.availability} /> },
    {
      key: 'lastAccess',
      title: t('columns.lastAccess'),
      width: 110,
      render: (_, app) => (app.lastDataAccessAt ? <RelativeTime iso={app.lastDataAccessAt} /> : t('never')),
    },
    {
      key: 'actions',
      title: t('columns.actions'),
      fixed: 'right',
      render: (_, app) => (
        <Space>
          <Button size="small" autoInsertSpace={false} onClick={() => onOpen(app)} aria-label={t('actions.detailsOf', { name: app.name })}>
            {t('actions.details')}
          </Button>
          <WriteGuard permission={write}>
            {app.status === 'disabled' ? (
              <Button size="small" type="primary" autoInsertSpace={false} disabled={!write.allowed} onClick={() => onAction('enable', app)} aria-label={t('actions.enableApp', { name: app.name })}>
                {t('actions.enable')}
              </Button>
            ) : (
              <Button size="small" danger autoInsertSpace={false} disabled={!write.allowed} onClick={() => onAction('disable', app)} aria-label={t('actions.disableApp', { name: app.name })}>
                {t('actions.disable')}
              </Button>
            )}
          </WriteGuard>
        </Space>
      ),
    },
  ]

  const anyFilter = Object.keys(filters).length > 0
  return (
    <>
      <div role="search" aria-label={t('filters.label')}>
        <Flex wrap gap="small" style={{ marginBottom: 16 }}>
          <Input
            aria-label={t('filters.search')}
            placeholder={t('filters.searchPlaceholder')}
            allowClear
            value={search}
            onChange={(event) => onSearchChange(event.target.value)}
            style={{ width: 260 }}
          />
          <Select<AppStatus>
            aria-label={t('filters.status')}
            placeholder={t('filters.status')}
            allowClear
            value={filters.status}
            onChange={(value) => setFilter('status', value)}
            options={APP_STATUSES.map((value) => ({ value, label: t(`status.${value}`) }))}
            style={{ width: 200 }}
          />
          <Select<AppKind>
            aria-label={t('filters.kind')}
            placeholder={t('filters.kind')}
            allowClear
            value={filters.kind}
            onChange={(value) => setFilter('kind', value)}
            options={APP_KINDS.map((value) => ({ value, label: t(`kinds.${value}`) }))}
            style={{ width: 150 }}
          />
          <Select<AppCategory>
            aria-label={t('filters.category')}
            placeholder={t('filters.category')}
            allowClear
            value={filters.category}
            onChange={(value) => setFilter('category', value)}
            options={APP_CATEGORIES.map((value) => ({ value, label: t(`categories.${value}`) }))}
            style={{ width: 180 }}
          />
          <Select<string>
            aria-label={t('filters.scope')}
            placeholder={t('filters.scope')}
            allowClear
            value={filters.scope}
            onChange={(value) => setFilter('scope', value)}
            options={(scopes.data?.items ?? []).map((scope) => ({
              value: scope.id,
              label: scope.sensitive ? `${localized(scope.label)} (${t('sensitive')})` : localized(scope.label),
            }))}
            style={{ width: 240 }}
          />
          {anyFilter ? (
            <Button
              onClick={() => {
                clearTimeout(searchTimer.current)
                setSearch('')
                setParams(
                  (previous) => {
                    const next = new URLSearchParams(previous)
                    for (const name of ['q', 'status', 'kind', 'category', 'scope']) next.delete(name)
                    return next
                  },
                  { replace: true },
                )
              }}
            >
              {t('filters.clear')}
            </Button>
          ) : null}
        </Flex>
      </div>
      {apps.isError ? <ErrorAlert error={apps.error} onRetry={() => void apps.refetch()} retrying={apps.isFetching} /> : null}
      <Table<App>
        rowKey="id"
        columns={columns}
        dataSource={apps.data?.items ?? []}
        loading={apps.isPending || (apps.isFetching && apps.isPlaceholderData)}
        pagination={false}
        // At least this wide (it scrolls in its own region below that); wider screens share the room out.
        scroll={{ x: 1040 }}
        locale={{ emptyText: t('table.empty') }}
        title={() => <Typography.Text strong>{t('table.caption')}</Typography.Text>}
      />
    </>
  )
}
