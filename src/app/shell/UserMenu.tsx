// The signed-in person, their role, sign-out, and (in mock mode) a reset of the demo data.
import { useRef } from 'react'
import { App, Button, Dropdown } from 'antd'
import { UserOutlined } from '@ant-design/icons'
import { useQueryClient } from '@tanstack/react-query'
import { useNavigate } from 'react-router'
import { useTranslation } from 'react-i18next'
import { runtimeConfig } from '@/shared/config/runtime-config'
import { resetMock } from '@/shared/api/mock-control'
import { useSignOut, type Session } from '@/shared/session/session'
import { returnFocusTo } from '@/shared/ui/focus-wrap'
import { problemText } from '@/shared/ui/problem-text'
import { signInIsInternal, signInUrl } from '../sign-in-redirect'

export function UserMenu({ session }: { session: Session }) {
  const { t } = useTranslation()
  const { message, modal } = App.useApp()
  const navigate = useNavigate()
  const queryClient = useQueryClient()
  const signOut = useSignOut()
  const trigger = useRef<HTMLButtonElement>(null)

  const afterSignOut = () => {
    if (signInIsInternal()) void navigate('/sign-in', { replace: true })
    else window.location.assign(signInUrl('/', false))
  }

  const onClick = async (key: string) => {
    if (key === 'sign-out') {
      await signOut()
      afterSignOut()
    } else if (key === 'reset') {
      // Wiping every change made in this browser is not undoable: ask first.
      const confirmed = await modal.confirm({
        title: t('mock.resetConfirmTitle'),
        content: t('mock.resetConfirmText'),
        okText: t('mock.resetConfirm'),
        okButtonProps: { danger: true },
        cancelText: t('confirm.cancel'),
      })
      if (!confirmed) return
      try {
        await resetMock()
        queryClient.clear()
        void message.success(t('mock.resetDone'))
        afterSignOut()
      } catch (error) {
        void message.error(problemText(t, error).message)
      }
    }
  }

  return (
    <Dropdown
      trigger={['click']}
      // Opened by keyboard, the menu takes focus so the arrow keys move through it; closing it hands focus back.
      autoFocus
      onOpenChange={(open) => {
        if (!open) returnFocusTo(trigger.current)
      }}
      menu={{
        onClick: ({ key }) => void onClick(key),
        items: [
          { key: 'role', label: t(`shell.roles.${session.user.role}`), disabled: true },
          { type: 'divider' },
          ...(runtimeConfig().mock ? [{ key: 'reset', label: t('mock.reset') }] : []),
          { key: 'sign-out', label: t('shell.signOut') },
        ],
      }}
    >
      <Button ref={trigger} type="text" icon={<UserOutlined aria-hidden />} aria-label={t('shell.userMenu', { name: session.user.name })}>
        {session.user.name}
      </Button>
    </Dropdown>
  )
}
