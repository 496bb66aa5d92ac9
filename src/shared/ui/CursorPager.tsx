// Paging through a server list with keyset cursors: the page's cursor and number in the URL, the cursors of the
// pages before it in the history entry, so Back, Previous and a reload all land where the reader was.
import { Button, Flex, Space, Typography } from 'antd'
import { useLocation, useNavigate, useSearchParams } from 'react-router'
import { useTranslation } from 'react-i18next'
import { formatNumber } from '@/shared/lib/format'

/** The cursors of the pages before this one, in the history entry (page 1's is ''). */
interface PagingState {
  trail?: string[]
}

export interface CursorPaging {
  cursor: string | null
  page: number
  /** Whether the way back is known (it is not after opening a deep link to page 3). */
  canGoBack: boolean
  next(nextCursor: string): void
  previous(): void
  first(): void
}

export function useCursorPaging(): CursorPaging {
  const [params] = useSearchParams()
  const location = useLocation()
  const navigate = useNavigate()
  const cursor = params.get('cursor')
  const page = Math.max(1, Number(params.get('page')) || 1)
  const trail = (location.state as PagingState | null)?.trail ?? []
  const goTo = (target: { cursor: string | null; page: number; trail: string[] }) => {
    const next = new URLSearchParams(params)
    if (target.cursor) next.set('cursor', target.cursor)
    else next.delete('cursor')
    if (target.page > 1) next.set('page', String(target.page))
    else next.delete('page')
    void navigate({ search: next.toString() }, { state: { trail: target.trail } satisfies PagingState })
  }
  return {
    cursor,
    page,
    canGoBack: page > 1 && trail.length > 0,
    next: (nextCursor) => goTo({ cursor: nextCursor, page: page + 1, trail: [...trail, cursor ?? ''] }),
    previous: () => goTo({ cursor: trail.at(-1) || null, page: page - 1, trail: trail.slice(0, -1) }),
    first: () => goTo({ cursor: null, page: 1, trail: [] }),
  }
}

export interface CursorPagerProps {
  paging: CursorPaging
  /** The list's name for the navigation landmark (e.g. "Pages of members"). */
  label: string
  /** What is on screen (e.g. "Members 51–100 of 300"), announced politely. */
  status: string
  nextCursor: string | null | undefined
  /** The next page cannot be asked for yet (the current one is still a placeholder). */
  busy?: boolean
}

export function CursorPager({ paging, label, status, nextCursor, busy = false }: CursorPagerProps) {
  const { t, i18n } = useTranslation()
  return (
    <nav aria-label={label} style={{ marginTop: 16 }}>
      <Flex justify="space-between" align="center" wrap gap="small">
        <Typography.Text role="status" aria-live="polite">
          {status}
        </Typography.Text>
        <Space>
          {paging.page > 1 && !paging.canGoBack ? <Button onClick={paging.first}>{t('paging.first')}</Button> : null}
          <Button disabled={!paging.canGoBack} onClick={paging.previous}>
            {t('paging.previous')}
          </Button>
          <Typography.Text>{t('paging.page', { page: formatNumber(paging.page, i18n.language) })}</Typography.Text>
          <Button type="primary" disabled={!nextCursor || busy} onClick={() => nextCursor && paging.next(nextCursor)}>
            {t('paging.next')}
          </Button>
        </Space>
      </Flex>
    </nav>
  )
}
