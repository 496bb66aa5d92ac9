import type { components } from '@contract/schema.gen'
import type { MemberRecord } from './records'

type Schemas = components['schemas']

// Member data as others may see it: phones always masked, emails masked for support agents.
export function maskPhone(phone: string): string {
  return phone.length < 8 ? '****' : `${phone.slice(0, 3)}****${phone.slice(-4)}`
}

export function maskEmail(email: string): string {
  const at = email.indexOf('@')
  return at <= 0 ? '***' : `${email.slice(0, 1)}***${email.slice(at)}`
}

/** A text search of the directory counts its matches up to this many: enough to page through, cheap on 100 000 members. */
export const SEARCH_COUNT_CAP = 1000

export type MemberSortField = 'name' | 'employeeNo' | 'joinedAt'

export interface MemberOrder {
  field: MemberSortField
  descending: boolean
}

/** The directory's orders (the contract's MemberSort): a field, and "-" in front for descending. */
export function memberOrder(sort: Schemas['MemberSort'] | undefined): MemberOrder {
  const value = sort ?? 'name'
  const descending = value.startsWith('-')
  const field = (descending ? value.slice(1) : value) as MemberSortField
  return { field, descending }
}

/** The value a member is sorted by, as the keyset cursor carries it. */
export const sortValue = (member: MemberRecord, field: MemberSortField): string => member[field]
