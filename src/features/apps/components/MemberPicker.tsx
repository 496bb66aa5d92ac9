// A searchable member picker that works on a 100 000-member tenant: the server searches (debounced), the
// browser only ever holds the first 20 matches plus the members already chosen.
import { useEffect, useRef, useState } from 'react'
import { Select, Spin } from 'antd'
import { useTranslation } from 'react-i18next'
import { useTenantId } from '@/shared/session/use-tenant'
import { useMemberSearch } from '../api'

const SEARCH_DEBOUNCE_MS = 300

export interface PickedMember {
  value: string
  label: string
}

interface MemberPickerProps {
  id?: string
  value?: PickedMember[]
  onChange?: (value: PickedMember[]) => void
  disabled?: boolean
  'aria-label'?: string
}

export function MemberPicker({ id, value, onChange, disabled, 'aria-label': ariaLabel }: MemberPickerProps) {
  const { t } = useTranslation('apps')
  const tenantId = useTenantId()
  const [open, setOpen] = useState(false)
  const [typed, setTyped] = useState('')
  const [query, setQuery] = useState('')
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined)
  useEffect(() => () => clearTimeout(timer.current), [])
  const search = useMemberSearch(tenantId, query, open)

  const onSearch = (text: string) => {
    setTyped(text)
    clearTimeout(timer.current)
    timer.current = setTimeout(() => setQuery(text.trim()), SEARCH_DEBOUNCE_MS)
  }
  const settling = typed.trim() !== query || search.isFetching
  const options = (search.data?.items ?? []).map((member) => ({
    value: member.id,
    label: `${member.name} · ${member.departmentName} · ${member.employeeNo}`,
  }))

  return (
    <Select<PickedMember[]>
      id={id}
      mode="multiple"
      labelInValue
      aria-label={ariaLabel}
      value={value ?? []}
      onChange={(next) => onChange?.(next.map((item) => ({ value: String(item.value), label: String(item.label) })))}
      disabled={disabled}
      placeholder={t('availabilityEditor.searchMembers')}
      showSearch={{ filterOption: false, onSearch }}
      onOpenChange={setOpen}
      options={options}
      notFoundContent={settling ? <Spin size="small" description={t('availabilityEditor.searching')} /> : t('availabilityEditor.noMatch')}
      style={{ width: '100%' }}
    />
  )
}
