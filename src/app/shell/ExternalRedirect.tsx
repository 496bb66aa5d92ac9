// Leaves the console for an external page (the organisation's sign-in), saying so while the browser goes.
import { useEffect } from 'react'
import { Flex, Spin } from 'antd'
import { useTranslation } from 'react-i18next'

export function ExternalRedirect({ to }: { to: string }) {
  const { t } = useTranslation()
  useEffect(() => {
    window.location.assign(to)
  }, [to])
  return (
    <Flex justify="center" align="center" style={{ minHeight: '100vh' }}>
      <Spin description={t('signIn.redirecting')} />
    </Flex>
  )
}
