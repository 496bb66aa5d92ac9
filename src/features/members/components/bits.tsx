// Small display pieces shared by the member screens.
import { Tag } from 'antd'
import type { TFunction } from 'i18next'
import { useTranslation } from 'react-i18next'
import type { Member, MemberStatus } from '../api'

export function MemberStatusText({ status }: { status: MemberStatus }) {
  const { t } = useTranslation('members')
  if (status === 'active') return <>{t('status.active')}</>
  return <Tag color={status === 'removed' ? 'default' : status === 'pending_removal' ? 'error' : 'warning'}>{t(`status.${status}`)}</Tag>
}

/** A removed member's name is erased with the rest of the profile: they are shown by employee number. */
export const memberName = (member: Pick<Member, 'name' | 'status' | 'employeeNo'>, t: TFunction<'members'>): string =>
  member.status === 'removed' ? t('detail.formerMember', { employeeNo: member.employeeNo }) : member.name
