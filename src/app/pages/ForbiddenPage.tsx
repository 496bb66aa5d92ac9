// 403: signed in, but not allowed here (a support agent without a grant sees why).
import { Result } from './LazyResult'
import { ButtonLink } from '@/shared/ui/ButtonLink'
import { useTranslation } from 'react-i18next'
import { useDocumentTitle } from '@/shared/ui/use-document-title'

export function ForbiddenPage({ title, text }: { title?: string; text?: string }) {
  const { t } = useTranslation()
  const heading = title ?? t('pages.forbiddenTitle')
  useDocumentTitle(heading)
  return (
    <Result
      status="403"
      title={<h1 style={{ fontSize: 24, margin: 0 }}>{heading}</h1>}
      subTitle={text ?? t('pages.forbiddenText')}
      extra={
        <ButtonLink to="/" type="primary">
          {t('pages.home')}
        </ButtonLink>
      }
    />
  )
}
