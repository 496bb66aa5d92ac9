// Shows a failed request as an error (never as success), with the server's detail and a way to retry.
import { Alert, Button } from 'antd'
import { useTranslation } from 'react-i18next'
import { problemText } from './problem-text'

interface ErrorAlertProps {
  error: unknown
  onRetry?: () => void
  retrying?: boolean
}

export function ErrorAlert({ error, onRetry, retrying }: ErrorAlertProps) {
  const { t } = useTranslation()
  const { message, detail } = problemText(t, error)
  return (
    <Alert
      type="error"
      showIcon
      role="alert"
      title={message}
      description={detail ? t('errors.details', { detail }) : undefined}
      action={
        onRetry ? (
          <Button size="small" onClick={onRetry} loading={retrying}>
            {t('errors.retry')}
          </Button>
        ) : undefined
      }
    />
  )
}
