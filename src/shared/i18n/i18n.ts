// i18next set-up: two complete languages, chosen from the saved choice or the browser, switchable at run time.
import i18next from 'i18next'
import { initReactI18next } from 'react-i18next'
import { setApiLanguage } from '../api/client'
import { common } from './locales/common'
import type { Bilingual } from './messages'

export const languages = ['zh-CN', 'en-US'] as const
export type Language = (typeof languages)[number]

const storageKey = 'tdgc.language'

export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (languages as readonly string[]).includes(value)
}

/** The saved choice wins; otherwise any Chinese browser language means zh-CN, everything else en-US. */
export function detectLanguage(saved: string | null, browserLanguages: readonly string[]): Language {
  if (isLanguage(saved)) return saved
  for (const lang of browserLanguages) {
    if (/^zh\b/i.test(lang)) return 'zh-CN'
    if (/^en\b/i.test(lang)) return 'en-US'
  }
  return 'en-US'
}

function savedLanguage(): string | null {
  try {
    return globalThis.localStorage?.getItem(storageKey) ?? null
  } catch {
    return null
  }
}

export const i18n = i18next.createInstance()

export function initI18n(language?: Language): typeof i18n {
  const lng = language ?? detectLanguage(savedLanguage(), globalThis.navigator?.languages ?? [])
  void i18n.use(initReactI18next).init({
    resources: { 'en-US': { common: common['en-US'] }, 'zh-CN': { common: common['zh-CN'] } },
    lng,
    fallbackLng: 'en-US',
    defaultNS: 'common',
    ns: ['common'],
    interpolation: { escapeValue: false },
    initAsync: false,
    returnNull: false,
  })
  for (const [namespace, messages] of registeredEarly.splice(0)) addMessages(namespace, messages)
  applyLanguage(lng)
  return i18n
}

function applyLanguage(language: Language): void {
  setApiLanguage(language)
  if (globalThis.document) globalThis.document.documentElement.lang = language
}

export async function setLanguage(language: Language): Promise<void> {
  try {
    globalThis.localStorage?.setItem(storageKey, language)
  } catch {
    // Private mode without storage: the switch still works for this visit.
  }
  applyLanguage(language)
  await i18n.changeLanguage(language)
}

export function currentLanguage(): Language {
  return isLanguage(i18n.language) ? i18n.language : 'en-US'
}

/** Namespaces of feature code that ran before i18next was set up (route code is fetched early at boot). */
const registeredEarly: Array<[string, Bilingual<object>]> = []

function addMessages(namespace: string, messages: Bilingual<object>): void {
  for (const language of languages) {
    if (!i18n.hasResourceBundle(language, namespace)) {
      i18n.addResourceBundle(language, namespace, messages[language])
    }
  }
}

/** A feature adds its own namespace when its (lazily loaded) code first runs, before or after initI18n. */
export function registerMessages<T extends object>(namespace: string, messages: Bilingual<T>): void {
  if (i18n.isInitialized) addMessages(namespace, messages)
  else registeredEarly.push([namespace, messages])
}
