// The member directory: search and filters in the URL, one server page at a time (keyset cursors; the way back is
// kept in the history entry, so Back, Previous and a reload all land where the admin was).
import { useEffect, useRef, useState } from 'react'
import { Alert, Button, Flex, Input, Select, Table, Tag, Typography } from 'antd'
import type { TableColumnsType } from 'antd'
import { Link, useSearchParams } from 'react-router'
import { useTranslation } from 'react-i18next'
import { formatDate, formatNumber } from '@/shared/lib/format'
import { useTenantAccess } from '@/shared/session/use-tenant'
import { ErrorAlert } from '@/shared/ui/ErrorAlert'
import { PageHeader } from '@/shared/ui/PageHeader'
import { ButtonLink } from '@/shared/ui/ButtonLink'
import { CursorPager, useCursorPaging } from '@/shared/ui/CursorPager'
import { useDocumentTitle } from '@/shared/ui/use-document-title'
import {
  departmentTree,
  MEMBER_ROLES,
  MEMBER_STATUSES,
  PAGE_SIZE,
  readDirectoryFilters,
  readDirectorySort,
  useDepartments,
  useDeregistrationRequests,
  useDirectory,
  type Member,
  type MemberRole,
  type MemberSort,
  type MemberStatus,
} from '../api'
import { memberName, MemberStatusText } from './bits'
import { BulkRemovalDialog, type BulkSource } from './BulkRemovalDialog'
import { WriteGuard } from '@/shared/ui/WriteGuard'

const SEARCH_DEBOUNCE_MS = 300
const FILTER_PARAMS = { q: 'q', departmentId: 'department', status: 'status', role: 'role', sort: 'sort' } as const

/** The columns the directory sorts by, and the field each sorts on (the contract's MemberSort without its "-"). */
const SORTABLE = { name: 'name', employeeNo: 'employeeNo', joined: 'joinedAt' } as const
type SortableColumn = keyof typeof SORTABLE

const sortOrderOf = (sort: MemberSort, column: SortableColumn): 'ascend' | 'descend' | null =>
  sort === SORTABLE[column] ? 'ascend' : sort === `-${SORTABLE[column]}` ? 'descend' : null

export function MembersPage() {
  const { t, i18n } = useTranslation('members')
  // Support agents see personal data masked (the API masks it; the page says so and searches only what they see).
  const { tenantId, isSupport: masked, access } = useTenantAccess()
  const permission = access.members.write
  const [params, setParams] = useSearchParams()
  // The search box writes the URL from a timer: it starts from the URL as it is then (react-router hands a functional
  // update the params of the render that made it), and a filter chosen meanwhile writes the typed search with it and
  // cancels the timer — two navigations in flight would otherwise cancel each other and lose the filter.
  const latestParams = useRef(params)
  useEffect(() => {
    latestParams.current = params
  })
  const filters = readDirectoryFilters(params)
  const sort = readDirectorySort(params)
  const paging = useCursorPaging()
  const { page } = paging
  const directory = useDirectory(tenantId, filters, sort, paging.cursor)
  const departments = useDepartments(tenantId)
  const [search, setSearch] = useState(filters.q ?? '')
  useDocumentTitle(t('title'))
  // Rows chosen for a bulk removal, for the filters they were chosen under (other filters start with none).
  const filterKey = JSON.stringify(filters)
  const [chosen, setChosen] = useState<{ filterKey: string; ids: string[] }>({ filterKey, ids: [] })
  const selected = chosen.filterKey === filterKey ? chosen.ids : []
  const [bulk, setBulk] = useState<{ source: BulkSource; open: boolean } | null>(null)

  // Any change of filters or order starts again at the first page.
  const searchTimer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined)
  const setFilter = (name: keyof typeof FILTER_PARAMS, value: string | undefined) => {
    const typed = name === 'q' ? null : search.trim()
    if (typed !== null) clearTimeout(searchTimer.current)
    setParams(
      () => {
        const next = new URLSearchParams(latestParams.current)
        if (value) next.set(FILTER_PARAMS[name], value)
        else next.delete(FILTER_PARAMS[name])
        if (typed) next.set('q', typed)
        else if (typed === '') next.delete('q')
        next.delete('cursor')
        next.delete('page')
        return next
      },
      { replace: true },
    )
  }

  useEffect(() => () => clearTimeout(searchTimer.current), [])
  const onSearchChange = (value: string) => {
    setSearch(value)
    clearTimeout(searchTimer.current)
    searchTimer.current = setTimeout(() => setFilter('q', value.trim() || undefined), SEARCH_DEBOUNCE_MS)
  }

  const n = (value: number) => formatNumber(value, i18n.language)
  const data = directory.data
  const names = new Map((departments.data?.items ?? []).map((department) => [department.id, department.name]))
  // Name, employee number and joining date sort on the server (ascending, descending, then back to by name).
  const sortable = (column: SortableColumn) => ({ sorter: true, sortOrder: sortOrderOf(sort, column) })
  const columns: TableColumnsType<Member> = [
    {
      key: 'name',
      title: t('columns.name'),
      ...sortable('name'),
      render: (_, member) => (
        <Link to={member.id} style={{ fontWeight: 600 }}>
          {memberName(member, t)}
        </Link>
      ),
    },
    { key: 'employeeNo', title: t('columns.employeeNo'), dataIndex: 'employeeNo', ...sortable('employeeNo') },
    { key: 'email', title: t('columns.email'), dataIndex: 'email' },
    { key: 'phone', title: t('columns.phone'), dataIndex: 'phoneMasked' },
    { key: 'department', title: t('columns.department'), render: (_, member) => member.departmentName || names.get(member.departmentId) || member.departmentId },
    { key: 'role', title: t('columns.role'), render: (_, member) => (member.role === 'admin' ? <Tag color="blue">{t('role.admin')}</Tag> : t('role.member')) },
    { key: 'status', title: t('columns.status'), render: (_, member) => <MemberStatusText status={member.status} /> },
    { key: 'joined', title: t('columns.joined'), ...sortable('joined'), render: (_, member) => formatDate(member.joinedAt, i18n.language) },
  ]

  const from = data && data.items.length > 0 ? (page - 1) * PAGE_SIZE + 1 : 0
  const to = data ? (page - 1) * PAGE_SIZE + data.items.length : 0
  const range = !data || data.items.length === 0 ? t('paging.none') : t(data.totalCapped ? 'paging.rangeCapped' : 'paging.range', { from: n(from), to: n(to), total: n(data.total) })
  const anyFilter = Object.keys(filters).length > 0

  return (
    <>
      <PageHeader title={t('title')}>
        <Typography.Paragraph type="secondary" style={{ margin: '8px 0 0' }}>
          {masked ? t('introMasked') : t('intro')}
        </Typography.Paragraph>
      </PageHeader>
      <RequestsBanner />
      <div role="search" aria-label={t('filters.label')}>
        <Flex wrap gap="small" style={{ marginBottom: 16 }}>
          <Input
            aria-label={t('filters.search')}
            placeholder={masked ? t('filters.searchPlaceholderMasked') : t('filters.searchPlaceholder')}
            allowClear
            value={search}
            onChange={(event) => onSearchChange(event.target.value)}
            style={{ width: 300 }}
          />
          <Select<string>
            aria-label={`${t('filters.department')} (${t('filters.departmentHint')})`}
            placeholder={t('filters.department')}
            allowClear
            showSearch={{ optionFilterProp: 'title' }}
            loading={departments.isPending}
            value={filters.departmentId}
            onChange={(value) => setFilter('departmentId', value)}
            options={departmentTree(departments.data?.items ?? []).map(({ department, depth }) => ({
              value: department.id,
              title: department.name,
              label: (
                <span style={{ paddingInlineStart: depth * 16 }}>
                  {department.name} <Typography.Text type="secondary">({n(department.memberCount)})</Typography.Text>
                </span>
              ),
            }))}
            style={{ width: 240 }}
          />
          <Select<MemberStatus>
            aria-label={t('filters.status')}
            placeholder={t('filters.status')}
            allowClear
            value={filters.status}
            onChange={(value) => setFilter('status', value)}
            options={MEMBER_STATUSES.map((value) => ({ value, label: t(`status.${value}`) }))}
            style={{ width: 180 }}
          />
          <Select<MemberRole>
            aria-label={t('filters.role')}
            placeholder={t('filters.role')}
            allowClear
            value={filters.role}
            onChange={(value) => setFilter('role', value)}
            options={MEMBER_ROLES.map((value) => ({ value, label: t(`role.${value}`) }))}
            style={{ width: 160 }}
          />
          {anyFilter ? (
            <Button
              onClick={() => {
                setSearch('')
                clearTimeout(searchTimer.current)
                setParams(new URLSearchParams(), { replace: true })
              }}
            >
              {t('filters.clear')}
            </Button>
          ) : null}
        </Flex>
      </div>
      {directory.isError ? <ErrorAlert error={directory.error} onRetry={() => void directory.refetch()} retrying={directory.isFetching} /> : null}
      {data?.totalCapped ? <Alert type="info" showIcon title={t('paging.cappedHint', { total: n(data.total) })} style={{ marginBottom: 16 }} /> : null}
      <Flex wrap gap="small" style={{ marginBottom: 12 }}>
        <WriteGuard permission={permission}>
          <Button disabled={!permission.allowed || selected.length === 0} onClick={() => setBulk({ source: { kind: 'selected', memberIds: selected }, open: true })}>
            {t('bulk.removeSelected', { count: selected.length })}
          </Button>
        </WriteGuard>
        {anyFilter && data && data.total > 0 && !data.totalCapped ? (
          <WriteGuard permission={permission}>
            <Button disabled={!permission.allowed} onClick={() => setBulk({ source: { kind: 'filter', filters, count: data.total }, open: true })}>
              {t('bulk.removeMatching', { count: n(data.total) })}
            </Button>
          </WriteGuard>
        ) : null}
        <WriteGuard permission={permission}>
          <Button disabled={!permission.allowed} onClick={() => setBulk({ source: { kind: 'list' }, open: true })}>
            {t('bulk.removeList')}
          </Button>
        </WriteGuard>
      </Flex>
      {/* A narrow window scrolls the table, not the page (antd's own scroll adds an aria-hidden row with a checkbox in it). */}
      <div style={{ overflowX: 'auto' }}>
        <Table<Member>
          rowKey="id"
          rowSelection={
            permission.allowed
              ? {
                  selectedRowKeys: selected,
                  preserveSelectedRowKeys: true,
                  onChange: (keys) => setChosen({ filterKey, ids: keys.map(String) }),
                  getCheckboxProps: (member) => ({
                    disabled: member.status === 'removed' || member.status === 'pending_removal',
                    'aria-label': memberName(member, t),
                  }),
                }
              : undefined
          }
          size="middle"
          columns={columns}
          onChange={(_pagination, _filters, sorter, extra) => {
            if (extra.action !== 'sort' || Array.isArray(sorter)) return
            const column = Object.keys(SORTABLE).find((key): key is SortableColumn => key === sorter.columnKey)
            const field = column ? SORTABLE[column] : 'name'
            setFilter('sort', !sorter.order || (field === 'name' && sorter.order === 'ascend') ? undefined : sorter.order === 'descend' ? `-${field}` : field)
          }}
          dataSource={data?.items ?? []}
          loading={directory.isFetching}
          pagination={false}
          title={() => <Typography.Text strong>{t('table.caption')}</Typography.Text>}
          locale={{ emptyText: directory.isPending ? ' ' : t('table.empty') }}
        />
      </div>
      {bulk ? <BulkRemovalDialog source={bulk.source} open={bulk.open} onClose={() => setBulk({ ...bulk, open: false })} /> : null}
      <CursorPager paging={paging} label={t('paging.label')} status={range} nextCursor={data?.nextCursor} busy={directory.isPlaceholderData} />
    </>
  )
}

/** Open deregistration requests, above the directory: an admin replies within days, so they must not hide. */
function RequestsBanner() {
  const { t } = useTranslation('members')
  const { tenantId } = useTenantAccess()
  const queue = useDeregistrationRequests(tenantId)
  const open = queue.data?.items.filter((request) => request.status === 'open') ?? []
  if (open.length === 0) return null
  const due = open.filter((request) => request.urgency === 'due_soon' || request.urgency === 'overdue').length
  return (
    <Alert
      style={{ marginBottom: 16 }}
      type={due > 0 ? 'warning' : 'info'}
      showIcon
      title={due > 0 ? t('requests.bannerDue', { count: open.length, due }) : t('requests.banner', { count: open.length })}
      action={
        <ButtonLink to="requests" size="small">
          {t('requests.review')}
        </ButtonLink>
      }
    />
  )
}
