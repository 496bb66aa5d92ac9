// Keeps the browser tab's title in step with the page, in the current language.
import { useEffect } from 'react'
import { useTranslation } from 'react-i18next'

export function useDocumentTitle(title: string): void {
  const { t } = useTranslation()
  const appName = t('appName')
  useEffect(() => {
    document.title = `${title} · ${appName}`
  }, [title, appName])
}
