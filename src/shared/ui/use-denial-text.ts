// Why a control is disabled, in the user's language (null when the action is allowed).
import { useTranslation } from 'react-i18next'
import type { Permission } from '@/shared/session/access'

export function useDenialText(permission: Permission): string | null {
  const { t } = useTranslation()
  return permission.allowed ? null : t(`access.denied.${permission.reason}`)
}
