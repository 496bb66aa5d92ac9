// Wraps a change control: when the caller may not make the change, it says why on hover and focus.
import { Tooltip } from 'antd'
import type { Permission } from '@/shared/session/access'
import { useDenialText } from './use-denial-text'

export function WriteGuard({ permission, children }: { permission: Permission; children: React.ReactElement }) {
  const reason = useDenialText(permission)
  if (reason === null) return children
  return <Tooltip title={reason}>{children}</Tooltip>
}
