// The side navigation: one entry per capability that exists (entries appear as capabilities land).
import type { ReactNode } from 'react'
import { AppstoreOutlined, AuditOutlined, CustomerServiceOutlined, DashboardOutlined, FieldTimeOutlined, SolutionOutlined, TeamOutlined } from '@ant-design/icons'
import type { TFunction } from 'i18next'

export interface NavEntry {
  /** Path below /tenants/:tenantId ('' is the tenant's overview). */
  path: string
  label: (t: TFunction) => string
  icon: ReactNode
}

export const navigation: NavEntry[] = [
  { path: '', label: (t) => t('nav.overview'), icon: <DashboardOutlined aria-hidden /> },
  { path: 'members', label: (t) => t('nav.members'), icon: <TeamOutlined aria-hidden /> },
  { path: 'apps', label: (t) => t('nav.apps'), icon: <AppstoreOutlined aria-hidden /> },
  { path: 'retention', label: (t) => t('nav.retention'), icon: <FieldTimeOutlined aria-hidden /> },
  { path: 'kin-requests', label: (t) => t('nav.kinRequests'), icon: <SolutionOutlined aria-hidden /> },
  { path: 'audit', label: (t) => t('nav.audit'), icon: <AuditOutlined aria-hidden /> },
  { path: 'support-access', label: (t) => t('nav.supportAccess'), icon: <CustomerServiceOutlined aria-hidden /> },
]
