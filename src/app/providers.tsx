// Everything a screen needs around it: translations, antd theme and locale, message/modal context, server state.
import type { ReactNode } from 'react'
import { App as AntApp, ConfigProvider } from 'antd'
import enUS from 'antd/locale/en_US'
import zhCN from 'antd/locale/zh_CN'
import type { QueryClient } from '@tanstack/react-query'
import { QueryClientProvider } from '@tanstack/react-query'
import { I18nextProvider, useTranslation } from 'react-i18next'
import { i18n } from '@/shared/i18n/i18n'
import { theme } from './theme'

function LocalisedAntd({ children }: { children: ReactNode }) {
  const { i18n: active } = useTranslation()
  return (
    <ConfigProvider theme={theme} locale={active.language === 'zh-CN' ? zhCN : enUS}>
      <AntApp>{children}</AntApp>
    </ConfigProvider>
  )
}

export function Providers({ queryClient, children }: { queryClient: QueryClient; children: ReactNode }) {
  return (
    <I18nextProvider i18n={i18n}>
      <LocalisedAntd>
        <QueryClientProvider client={queryClient}>{children}</QueryClientProvider>
      </LocalisedAntd>
    </I18nextProvider>
  )
}
