// What shows while a lazily loaded page's code arrives.
import { Skeleton } from 'antd'
import { useTranslation } from 'react-i18next'

export function PageLoading() {
  const { t } = useTranslation()
  return (
    <div role="status" aria-label={t('pages.loading')} style={{ padding: 24 }}>
      <Skeleton active />
    </div>
  )
}
