// Sign-in: in mock mode, pick a persona; against the governance server, email and password; with an external
// identity provider (loginUrl elsewhere), go to the organisation's login page.
import { lazy, Suspense } from 'react'
import { Alert, Button, Card, Flex, Layout, Space, Spin, Tag, Typography } from 'antd'
import { useMutation, useQuery } from '@tanstack/react-query'
import { useSearchParams } from 'react-router'
import { useTranslation } from 'react-i18next'
import { runtimeConfig } from '@/shared/config/runtime-config'
import { fetchPersonas, mockKeys, signInAsPersona } from '@/shared/api/mock-control'
import { currentLanguage } from '@/shared/i18n/i18n'
import { ErrorAlert } from '@/shared/ui/ErrorAlert'
import { QueryView } from '@/shared/ui/QueryView'
import { useDocumentTitle } from '@/shared/ui/use-document-title'
import { safeReturnTo, signInIsInternal, signInUrl } from '../sign-in-redirect'
import { ExternalRedirect } from '../shell/ExternalRedirect'
import { useSignedIn } from './use-signed-in'
import { LanguageSwitch } from '../shell/LanguageSwitch'
import { withRouteStyles } from '../route-styles'

// Only a real server's sign-in needs a form: its code loads when that page shows, not with every first screen.
const PasswordSignIn = lazy(() => withRouteStyles(() => import('./PasswordSignIn'))().then((module) => ({ default: module.PasswordSignIn })))

export function SignInPage() {
  const { t } = useTranslation()
  const [params] = useSearchParams()
  const returnTo = safeReturnTo(params.get('returnTo'))
  useDocumentTitle(t('signIn.title'))
  if (!signInIsInternal()) return <ExternalRedirect to={signInUrl(returnTo, false)} />
  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Header style={{ background: 'transparent' }}>
        <Flex justify="space-between" align="center" style={{ height: '100%' }}>
          <Typography.Text strong style={{ fontSize: 16 }}>
            {t('appName')}
          </Typography.Text>
          <LanguageSwitch />
        </Flex>
      </Layout.Header>
      {/* antd's Content is the page's one <main>. */}
      <Layout.Content id="main">
        <div style={{ maxWidth: 880, margin: '24px auto', padding: '0 16px' }}>
          <Typography.Title level={1} style={{ fontSize: 28 }}>
            {t('signIn.title')}
          </Typography.Title>
          {params.get('expired') === '1' && (
            <Alert type="warning" showIcon title={t('signIn.expired')} style={{ marginBottom: 16 }} />
          )}
          {runtimeConfig().mock ? (
            <>
              <Typography.Paragraph>{t('signIn.mockIntro')}</Typography.Paragraph>
              <PersonaList returnTo={returnTo} />
            </>
          ) : (
            <Suspense fallback={<Spin />}>
              <PasswordSignIn returnTo={returnTo} />
            </Suspense>
          )}
        </div>
      </Layout.Content>
    </Layout>
  )
}

function PersonaList({ returnTo }: { returnTo: string }) {
  const { t } = useTranslation()
  const signedIn = useSignedIn(returnTo)
  const personas = useQuery({ queryKey: mockKeys.personas, queryFn: fetchPersonas, staleTime: Infinity })
  const signIn = useMutation({ mutationFn: signInAsPersona, onSuccess: signedIn })
  const language = currentLanguage()
  return (
    <QueryView query={personas}>
      {(items) => (
        <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
          {signIn.isError && <ErrorAlert error={signIn.error} />}
          <Flex wrap gap="middle">
            {items.map((persona) => (
              <Card key={persona.id} style={{ width: 270 }} title={<span>{persona.name}</span>}>
                <Space orientation="vertical" style={{ width: '100%' }}>
                  <Tag color={persona.role === 'support_agent' ? 'purple' : 'blue'}>{t(`shell.roles.${persona.role}`)}</Tag>
                  <Typography.Paragraph style={{ minHeight: 44 }}>{persona.description[language]}</Typography.Paragraph>
                  <Button
                    type="primary"
                    block
                    loading={signIn.isPending && signIn.variables === persona.id}
                    disabled={signIn.isPending}
                    onClick={() => signIn.mutate(persona.id)}
                    aria-label={t('signIn.as', { name: persona.name })}
                  >
                    {t('signIn.as', { name: persona.name })}
                  </Button>
                </Space>
              </Card>
            ))}
          </Flex>
        </Space>
      )}
    </QueryView>
  )
}

