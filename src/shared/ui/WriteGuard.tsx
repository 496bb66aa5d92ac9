// Wraps a change control: when the caller may not make the change, it says why on hover and focus.
import { Tooltip } from 'antd'
import type { Permission } from '@/shared/session/access'
import { useDenialText } from './use-denial-text'

export function WriteGuard({ permission, reason: own, children }: { permission: Permission; reason?: string | null; children: React.ReactElement }) {
  // The caller's access comes first; then a reason of the thing itself (e.g. "you cannot remove yourself").
  const reason = useDenialText(permission) ?? own ?? null
  if (reason === null) return children
  return <Tooltip title={reason}>{children}</Tooltip>
}
