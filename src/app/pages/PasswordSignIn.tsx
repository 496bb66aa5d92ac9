// Sign-in with email and password, for deployments with their own accounts (the governance server).
import { Button, Card, Form, Input, Typography } from 'antd'
import { useMutation } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import { api, unwrap } from '@/shared/api/client'
import { ErrorAlert } from '@/shared/ui/ErrorAlert'
import { useSignedIn } from './use-signed-in'

/** A deployment with its own accounts (the governance server): email and password. */
export function PasswordSignIn({ returnTo }: { returnTo: string }) {
  const { t } = useTranslation()
  const signedIn = useSignedIn(returnTo)
  const signIn = useMutation({
    mutationFn: (values: { email: string; password: string }) => unwrap(api().POST('/api/v1/session', { body: values })),
    onSuccess: signedIn,
  })
  return (
    <Card style={{ maxWidth: 420 }}>
      <Typography.Paragraph>{t('signIn.passwordIntro')}</Typography.Paragraph>
      {signIn.isError ? <ErrorAlert error={signIn.error} /> : null}
      <Form layout="vertical" name="sign-in" requiredMark={false} onFinish={(values: { email: string; password: string }) => signIn.mutate(values)} style={{ marginTop: 12 }}>
        <Form.Item name="email" label={t('signIn.email')} rules={[{ required: true, whitespace: true, message: t('signIn.emailRequired') }]}>
          <Input type="email" autoComplete="username" autoFocus />
        </Form.Item>
        <Form.Item name="password" label={t('signIn.password')} rules={[{ required: true, message: t('signIn.passwordRequired') }]}>
          <Input.Password autoComplete="current-password" />
        </Form.Item>
        <Button type="primary" htmlType="submit" block loading={signIn.isPending}>
          {t('signIn.submit')}
        </Button>
      </Form>
    </Card>
  )
}
