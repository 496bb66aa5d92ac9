// Error boundary of a route: a crash or failed load here keeps the rest of the console usable.
import { Button } from 'antd'
import { Result } from './LazyResult'
import { isRouteErrorResponse, useRouteError } from 'react-router'
import { useTranslation } from 'react-i18next'
import { isApiError } from '@/shared/api/problem'
import { problemText } from '@/shared/ui/problem-text'
import { ForbiddenPage } from './ForbiddenPage'
import { NotFoundPage } from './NotFoundPage'

export function RouteError() {
  const error = useRouteError()
  const { t } = useTranslation()
  if ((isRouteErrorResponse(error) && error.status === 404) || (isApiError(error) && error.status === 404)) {
    return <NotFoundPage />
  }
  if (isApiError(error) && error.status === 403) return <ForbiddenPage text={problemText(t, error).message} />
  const { message, detail } = problemText(t, error)
  return (
    <Result
      status="error"
      title={<h1 style={{ fontSize: 24, margin: 0 }}>{t('pages.errorTitle')}</h1>}
      subTitle={detail ? `${message} ${t('errors.details', { detail })}` : message}
      extra={
        <Button type="primary" onClick={() => window.location.reload()}>
          {t('errors.retry')}
        </Button>
      }
    />
  )
}
