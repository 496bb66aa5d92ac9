// Small display pieces shared by the apps screens: status, scope tags, availability summary, localized text.
import { Badge, Button, Flex, Tag, Typography } from 'antd'
import { WarningOutlined } from '@ant-design/icons'
import { useTranslation } from 'react-i18next'
import type { App, AppKind, AppScope, AppStatus } from '../api'

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

/** basic, third-party or custom, in words (with what it means on hover and focus for a screen reader's description). */
export function AppKindTag({ kind }: { kind: AppKind }) {
  const { t } = useTranslation('apps')
  return (
    <Tag color={kind === 'third_party' ? 'blue' : kind === 'custom' ? 'purple' : undefined} style={{ marginInlineEnd: 0 }}>
      {t(`kinds.${kind}`)}
    </Tag>
  )
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

/** The first scopes (sensitive first); the rest collapse into "+N more", which opens the app's details when it can. */
export function ScopeTags({ scopes, max = 4, onMore, appName }: { scopes: readonly AppScope[]; max?: number; onMore?: () => void; appName?: string }) {
  const { t } = useTranslation('apps')
  const sorted = sortScopes(scopes)
  const shown = sorted.slice(0, max)
  const rest = sorted.length - shown.length
  return (
    <Flex wrap gap={4}>
      {shown.map((scope) => (
        <ScopeTag key={scope.id} scope={scope} />
      ))}
      {rest > 0 && onMore ? (
        <Button type="link" size="small" style={{ padding: 0, height: 'auto' }} onClick={onMore} aria-label={t('actions.moreScopesOf', { count: rest, name: appName ?? '' })}>
          {t('moreScopes', { count: rest })}
        </Button>
      ) : rest > 0 ? (
        <Typography.Text type="secondary">{t('moreScopes', { count: rest })}</Typography.Text>
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

