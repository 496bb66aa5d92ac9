// 404: an address that leads nowhere.
import { Result } from './LazyResult'
import { ButtonLink } from '@/shared/ui/ButtonLink'
import { useTranslation } from 'react-i18next'
import { useDocumentTitle } from '@/shared/ui/use-document-title'

export function NotFoundPage() {
  const { t } = useTranslation()
  useDocumentTitle(t('pages.notFoundTitle'))
  return (
    <Result
        status="404"
        title={<h1 style={{ fontSize: 24, margin: 0 }}>{t('pages.notFoundTitle')}</h1>}
        subTitle={t('pages.notFoundText')}
        extra={
          <ButtonLink to="/" type="primary">
            {t('pages.home')}
          </ButtonLink>
        }
    />
  )
}
