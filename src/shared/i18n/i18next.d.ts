// Makes t() keys of the common namespace type-checked; features add theirs through ResourceNamespaceMap.
import 'i18next'
import type { common } from './locales/common'

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'common'
    returnNull: false
  }
  interface ResourceNamespaceMap {
    common: (typeof common)['en-US']
  }
}
