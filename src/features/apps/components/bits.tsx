// Small display pieces shared by the apps screens: status, scope tags, availability summary, localized text.
import type { ReactNode } from 'react'
import { Badge, Flex, Tag, Typography } from 'antd'
import { WarningOutlined } from '@ant-design/icons'
import { useTranslation } from 'react-i18next'
import type { App, AppScope, AppStatus } from '../api'

type LocalizedText = AppScope['label']

/** Picks the console language's text of a catalogue entry. */
export function useLocalized(): (text: LocalizedText) => string {
  const { i18n } = useTranslation()
  return (text) => (i18n.language === 'zh-CN' ? text['zh-CN'] : text['en-US'])
}

const statusBadge: Record<AppStatus, 'success' | 'warning' | 'default'> = {
  enabled: 'success',
  awaiting_scope_approval: 'warning',
  disabled: 'default',
}

/** Colour plus words: the status never depends on colour alone. */
export function AppStatusBadge({ status }: { status: AppStatus }) {
  const { t } = useTranslation('apps')
  return <Badge status={statusBadge[status]} text={t(`status.${status}`)} />
}

/** A scope as a tag; sensitive ones carry a warning icon and the word "Sensitive", not only a colour. */
export function ScopeTag({ scope }: { scope: AppScope }) {
  const { t } = useTranslation('apps')
  const localized = useLocalized()
  if (!scope.sensitive) return <Tag style={{ marginInlineEnd: 0 }}>{localized(scope.label)}</Tag>
  return (
    <Tag color="error" icon={<WarningOutlined aria-hidden />} style={{ marginInlineEnd: 0 }}>
      {localized(scope.label)} · {t('sensitive')}
    </Tag>
  )
}

/** Sensitive scopes first, so the ones that matter are seen even when the list is cut. */
export function sortScopes(scopes: readonly AppScope[]): AppScope[] {
  return [...scopes].sort((a, b) => Number(b.sensitive) - Number(a.sensitive))
}

export function ScopeTags({ scopes, max = 4 }: { scopes: readonly AppScope[]; max?: number }) {
  const { t } = useTranslation('apps')
  const sorted = sortScopes(scopes)
  const shown = sorted.slice(0, max)
  return (
    <Flex wrap gap={4}>
      {shown.map((scope) => (
        <ScopeTag key={scope.id} scope={scope} />
      ))}
      {sorted.length > shown.length ? (
        <Typography.Text type="secondary">{t('moreScopes', { count: sorted.length - shown.length })}</Typography.Text>
      ) : null}
    </Flex>
  )
}

export function AvailabilitySummary({ availability }: { availability: App['availability'] }) {
  const { t } = useTranslation('apps')
  let text: string
  if (availability.mode === 'all') text = t('availability.all')
  else if (availability.mode === 'departments') {
    text = t('availability.departments', { count: availability.departmentCount })
    if (availability.memberCount > 0) text += t('availability.plusMembers', { count: availability.memberCount })
  } else text = t('availability.members', { count: availability.memberCount })
  return (
    <span>
      {text}
      {availability.deniedCount > 0 ? (
        <Typography.Text type="secondary"> · {t('availability.denied', { count: availability.deniedCount })}</Typography.Text>
      ) : null}
    </span>
  )
}

const listStyle: React.CSSProperties = { listStyle: 'none', margin: 0, padding: 0, border: '1px solid #f0f0f0', borderRadius: 6 }
const itemStyle: React.CSSProperties = { padding: '8px 12px', borderTop: '1px solid #f0f0f0' }

/** A bordered list (antd's List is deprecated in 6.6): first item without the top border. */
export function PlainList<T>({ items, itemKey, render }: { items: readonly T[]; itemKey: (item: T) => string; render: (item: T) => ReactNode }) {
  return (
    <ul style={listStyle}>
      {items.map((item, position) => (
        <li key={itemKey(item)} style={position === 0 ? { ...itemStyle, borderTop: 'none' } : itemStyle}>
          {render(item)}
        </li>
      ))}
    </ul>
  )
}
