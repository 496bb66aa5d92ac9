// Messages of the member directory, in both console languages.
import type { Bilingual } from '@/shared/i18n/messages'
import { registerMessages } from '@/shared/i18n/i18n'

const en = {
  title: 'Members',
  intro: 'Everyone in your enterprise on the platform. Search by name, employee number, email or the last four digits of a phone number.',
  introMasked: 'Everyone in the enterprise on the platform. Personal data is masked for support: search by name, employee number or the last four digits of a phone number.',
  filters: {
    label: 'Filter members',
    search: 'Search members',
    searchPlaceholder: 'Name, employee no., email or phone’s last 4',
    searchPlaceholderMasked: 'Name, employee no. or phone’s last 4',
    department: 'Department',
    departmentHint: 'Includes its sub-departments',
    status: 'Status',
    role: 'Role',
    clear: 'Clear filters',
  },
  columns: {
    name: 'Name',
    employeeNo: 'Employee no.',
    email: 'Email',
    phone: 'Phone',
    department: 'Department',
    role: 'Role',
    status: 'Status',
    joined: 'Joined',
  },
  table: { caption: 'Member directory', empty: 'No members match these filters.' },
  status: { active: 'Active', deactivated: 'Deactivated', pending_removal: 'Pending removal', removed: 'Removed' },
  role: { admin: 'Administrator', member: 'Member' },
  paging: {
    label: 'Pages of members',
    range: 'Members {{from}}–{{to}} of {{total}}',
    rangeCapped: 'Members {{from}}–{{to}} of more than {{total}}',
    cappedHint: 'More than {{total}} members match: add to the search to narrow it.',
    none: 'No members',
    previous: 'Previous page',
    next: 'Next page',
    first: 'First page',
    page: 'Page {{page}}',
  },
}

export const membersMessages: Bilingual<typeof en> = {
  'en-US': en,
  'zh-CN': {
    title: '成员',
    intro: '企业在平台上的全部成员。可按姓名、工号、邮箱或手机号后四位搜索。',
    introMasked: '企业在平台上的全部成员。为保护个人信息，支持人员看到的是脱敏数据：可按姓名、工号或手机号后四位搜索。',
    filters: {
      label: '筛选成员',
      search: '搜索成员',
      searchPlaceholder: '姓名、工号、邮箱或手机号后四位',
      searchPlaceholderMasked: '姓名、工号或手机号后四位',
      department: '部门',
      departmentHint: '包含下级部门',
      status: '状态',
      role: '角色',
      clear: '清除筛选',
    },
    columns: {
      name: '姓名',
      employeeNo: '工号',
      email: '邮箱',
      phone: '手机号',
      department: '部门',
      role: '角色',
      status: '状态',
      joined: '加入时间',
    },
    table: { caption: '成员目录', empty: '没有符合筛选条件的成员。' },
    status: { active: '正常', deactivated: '已停用', pending_removal: '待除名', removed: '已除名' },
    role: { admin: '管理员', member: '成员' },
    paging: {
      label: '成员分页',
      range: '第 {{from}}–{{to}} 名，共 {{total}} 名',
      rangeCapped: '第 {{from}}–{{to}} 名，共 {{total}} 名以上',
      cappedHint: '超过 {{total}} 名成员符合条件：请输入更多内容缩小搜索范围。',
      none: '没有成员',
      previous: '上一页',
      next: '下一页',
      first: '第一页',
      page: '第 {{page}} 页',
    },
  },
}

registerMessages('members', membersMessages)

declare module 'i18next' {
  interface ResourceNamespaceMap {
    members: typeof en
  }
}
