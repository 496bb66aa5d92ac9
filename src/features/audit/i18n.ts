// Messages of the audit log page, in both console languages.
import type { Bilingual } from '@/shared/i18n/messages'
import { registerMessages } from '@/shared/i18n/i18n'

const en = {
  title: 'Audit log',
  intro: 'Every change in this tenant, newest first: who made it (an administrator, a support agent acting for you, or the system), what changed and why. Entries can never be changed or deleted, and each carries the hash of the one before it, so the log can prove it is whole.',
  introMasked: 'Every change in this tenant, newest first. Personal data is masked for support, here as everywhere.',
  filters: {
    label: 'Filter the log',
    actor: 'Who',
    anyActor: 'Anyone',
    action: 'Action',
    anyAction: 'Any action',
    targetType: 'About',
    anyTarget: 'Anything',
    from: 'From',
    to: 'To (including that day)',
    target: 'Only entries about {{target}}',
    removeTarget: 'Show entries about anything',
    clear: 'Clear filters',
    backwards: 'The period ends before it starts: choose a “To” day on or after the “From” day.',
    roleAdmin: 'administrator',
    roleSupport: 'support agent',
  },
  list: {
    heading: 'Entries',
    none: 'No entries match these filters.',
    empty: 'Nothing has been recorded yet.',
    pages: 'Pages of the audit log',
    range: 'Entries {{from}}–{{to}}',
    rangeNone: 'No entries',
  },
  chain: {
    heading: 'Integrity',
    explain: 'Checks every entry from the first: it follows the one before, carries that entry’s hash, and still matches its own.',
    check: 'Verify the log',
    checking: 'Checked {{checked}} of {{total}} entries…',
    progress: 'Integrity check',
    stop: 'Stop',
    stopped: 'Stopped after {{checked}} of {{total}} entries; nothing wrong so far.',
    intact: 'The log is whole: all {{total}} entries checked, none changed, none missing.',
    broken: 'The log is not whole: entry #{{seq}} {{problem}}',
    content_changed: 'no longer matches its hash — it was changed after it was written.',
    link_broken: 'does not carry the hash of the entry before it — an entry was replaced or slipped in.',
    missing: 'is missing — it was deleted.',
    brokenEntry: 'The entry as it reads now:',
    checkedAt: 'Checked {{date}}',
  },
  export: {
    button: 'Export CSV',
    heading: 'Export',
    explain: 'Exports the entries these filters show (at most {{max}}) as a CSV file, written on the server; you can leave this page and come back.',
    start: 'Export these entries',
    running: 'Writing {{done}} of {{total}} entries…',
    progress: 'Export progress',
    done: '{{total}} entries exported.',
    download: 'Download {{file}}',
    tooMany: 'More than {{max}} entries match: narrow the filters (a shorter period, one person or one action).',
  },
}

export const auditMessages: Bilingual<typeof en> = {
  'en-US': en,
  'zh-CN': {
    title: '审计日志',
    intro: '本企业的每一项变更，最新的在前：由谁操作（管理员、代表你的平台支持人员或系统）、改了什么、为什么。条目不能修改或删除，每一条都带有前一条的哈希，日志可以证明自己完整无缺。',
    introMasked: '本企业的每一项变更，最新的在前。与其他页面一样，个人数据对平台支持人员脱敏显示。',
    filters: {
      label: '筛选日志',
      actor: '操作人',
      anyActor: '任何人',
      action: '操作',
      anyAction: '任何操作',
      targetType: '对象',
      anyTarget: '任何对象',
      from: '开始日期',
      to: '结束日期（含当天）',
      target: '只看与「{{target}}」相关的条目',
      removeTarget: '查看所有对象的条目',
      clear: '清除筛选',
      backwards: '结束日期早于开始日期：请选择不早于开始日期的结束日期。',
      roleAdmin: '管理员',
      roleSupport: '平台支持',
    },
    list: {
      heading: '条目',
      none: '没有符合筛选条件的条目。',
      empty: '尚无任何记录。',
      pages: '审计日志分页',
      range: '第 {{from}}–{{to}} 条',
      rangeNone: '没有条目',
    },
    chain: {
      heading: '完整性',
      explain: '从第一条开始逐条检查：每条都紧接前一条、带有前一条的哈希，且与自身的哈希一致。',
      check: '校验日志',
      checking: '已校验 {{checked}} / {{total}} 条…',
      progress: '完整性校验',
      stop: '停止',
      stopped: '已在校验 {{checked}} / {{total}} 条后停止；目前未发现问题。',
      intact: '日志完整：已校验全部 {{total}} 条，没有被修改或缺失的条目。',
      broken: '日志不完整：第 {{seq}} 条{{problem}}',
      content_changed: '与其哈希不符——写入后被修改过。',
      link_broken: '没有带上前一条的哈希——有条目被替换或插入。',
      missing: '缺失——已被删除。',
      brokenEntry: '该条目现在的内容：',
      checkedAt: '校验于 {{date}}',
    },
    export: {
      button: '导出 CSV',
      heading: '导出',
      explain: '将当前筛选出的条目（最多 {{max}} 条）导出为 CSV 文件，在服务器上生成；你可以离开此页面，稍后再回来。',
      start: '导出这些条目',
      running: '正在写入 {{done}} / {{total}} 条…',
      progress: '导出进度',
      done: '已导出 {{total}} 条。',
      download: '下载 {{file}}',
      tooMany: '超过 {{max}} 条符合条件：请缩小筛选范围（更短的时间段、单个操作人或单一操作）。',
    },
  },
}

registerMessages('auditLog', auditMessages)

declare module 'i18next' {
  interface ResourceNamespaceMap {
    auditLog: typeof en
  }
}
