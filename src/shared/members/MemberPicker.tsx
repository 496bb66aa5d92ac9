// A searchable member picker that works on a 100 000-member tenant: the server searches (debounced), the
// browser only ever holds the first 20 matches plus the members already chosen. One member or several.
import { useState } from 'react'
import { Select, Spin } from 'antd'
import { useTranslation } from 'react-i18next'
import { useTenantId } from '@/shared/session/use-tenant'
import { useDebounced } from '@/shared/lib/use-debounced'
import { useMemberSearch, type MemberStatus } from './api'

const SEARCH_DEBOUNCE_MS = 300
const MATCHES_SHOWN = 20

export interface PickedMember {
  value: string
  label: string
}

interface CommonProps {
  id?: string
  disabled?: boolean
  'aria-label'?: string
  placeholder?: string
  /** Offer only members in this state (e.g. only active members can be given an app). */
  status?: MemberStatus
  /** Never offer these members (e.g. the member whose work is being handed over). */
  exclude?: readonly string[]
  /** Never offer members in these states (e.g. removed members, whose data is gone, for a legal hold). */
  excludeStatuses?: readonly MemberStatus[]
}

type MemberPickerProps = CommonProps &
  (
    | { multiple: true; value?: PickedMember[]; onChange?: (value: PickedMember[]) => void }
    | { multiple?: false; value?: string; onChange?: (memberId: string, label: string) => void }
  )

export function MemberPicker(props: MemberPickerProps) {
  const { t } = useTranslation()
  const tenantId = useTenantId()
  const [open, setOpen] = useState(false)
  const [typed, setTyped] = useState('')
  const q = useDebounced(typed.trim(), SEARCH_DEBOUNCE_MS)
  const search = useMemberSearch(tenantId, { q, limit: MATCHES_SHOWN, ...(props.status ? { status: props.status } : {}) }, open)
  // Only answers for what is typed now: never offer a stale result that is about to change under the pointer.
  const settled = typed.trim() === q && !search.isFetching
  const options = (settled ? (search.data?.items ?? []) : []).filter((member) => !props.exclude?.includes(member.id) && !props.excludeStatuses?.includes(member.status)).map((member) => ({
    value: member.id,
    label: `${member.name} · ${member.departmentName} · ${member.employeeNo}`,
  }))
  const common = {
    id: props.id,
    'aria-label': props['aria-label'],
    disabled: props.disabled,
    placeholder: props.placeholder ?? t('memberPicker.placeholder'),
    showSearch: { filterOption: false, onSearch: setTyped },
    onOpenChange: setOpen,
    options,
    loading: open && !settled,
    notFoundContent: settled ? t('memberPicker.noMatch') : <Spin size="small" description={t('memberPicker.searching')} />,
    style: { width: '100%' },
  } as const

  if (props.multiple) {
    const { onChange } = props
    return (
      <Select<PickedMember[]>
        {...common}
        mode="multiple"
        labelInValue
        value={props.value ?? []}
        onChange={(next) => onChange?.(next.map((item) => ({ value: String(item.value), label: String(item.label) })))}
      />
    )
  }
  const { onChange } = props
  return (
    <Select<string>
      {...common}
      value={props.value}
      onChange={(next, option) => onChange?.(next, option && !Array.isArray(option) && option.label !== undefined ? String(option.label) : next)}
    />
  )
}
