// Everything a screen needs around it: translations, antd theme and locale, message/modal context, server state.
import { useEffect, useMemo, useState, type ReactNode } from 'react'
import { installFocusWrap } from '@/shared/ui/focus-wrap'
import { App as AntApp, ConfigProvider } from 'antd'
import type { Locale } from 'antd/es/locale'
// The ES modules: antd/locale/* are CommonJS and would bring a second copy of the English texts.
import enUS from 'antd/es/locale/en_US'
import type { QueryClient } from '@tanstack/react-query'
import { QueryClientProvider } from '@tanstack/react-query'
import { I18nextProvider, useTranslation } from 'react-i18next'
import { i18n, type Language } from '@/shared/i18n/i18n'
import { useReducedMotion } from '@/shared/ui/use-reduced-motion'
import { theme, withoutMotion } from './theme'

// antd's own texts (pagination, empty states, date pickers): English is part of antd anyway; Chinese is a separate
// chunk, fetched before the first render when the console starts in Chinese, or when someone switches to it.
const antdLocales: Partial<Record<Language, Locale>> = { 'en-US': enUS }

export async function loadAntdLocale(language: Language): Promise<Locale> {
  const loaded = antdLocales[language]
  if (loaded) return loaded
  const { default: zhCN } = await import('antd/es/locale/zh_CN')
  antdLocales['zh-CN'] = zhCN
  return zhCN
}

function LocalisedAntd({ children }: { children: ReactNode }) {
  const { i18n: active } = useTranslation()
  const language: Language = active.language === 'zh-CN' ? 'zh-CN' : 'en-US'
  const ready = antdLocales[language]
  // While Chinese loads after a switch (a few milliseconds), antd keeps the texts it had.
  const [shown, setShown] = useState<Locale>(ready ?? enUS)
  useEffect(() => {
    let current = true
    void loadAntdLocale(language).then((locale) => current && setShown(locale))
    return () => {
      current = false
    }
  }, [language])
  const reducedMotion = useReducedMotion()
  const themed = useMemo(() => (reducedMotion ? withoutMotion(theme) : theme), [reducedMotion])
  return (
    <ConfigProvider theme={themed} locale={ready ?? shown}>
      <AntApp>{children}</AntApp>
    </ConfigProvider>
  )
}

export function Providers({ queryClient, children }: { queryClient: QueryClient; children: ReactNode }) {
  useEffect(() => installFocusWrap(), [])
  return (
    <I18nextProvider i18n={i18n}>
      <LocalisedAntd>
        <QueryClientProvider client={queryClient}>{children}</QueryClientProvider>
      </LocalisedAntd>
    </I18nextProvider>
  )
}
