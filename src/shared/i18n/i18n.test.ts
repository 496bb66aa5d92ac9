import { describe, expect, it, vi } from 'vitest'
import { detectLanguage } from './i18n'
import { common } from './locales/common'

function keys(value: unknown, prefix = ''): string[] {
  if (typeof value !== 'object' || value === null) return [prefix]
  return Object.entries(value).flatMap(([k, v]) => keys(v, prefix ? `${prefix}.${k}` : k))
}

describe('language choice', () => {
  it('prefers the saved choice', () => {
    expect(detectLanguage('zh-CN', ['en-GB'])).toBe('zh-CN')
    expect(detectLanguage('en-US', ['zh-TW'])).toBe('en-US')
  })

  it('otherwise follows the first Chinese or English browser language', () => {
    expect(detectLanguage(null, ['zh-TW', 'en'])).toBe('zh-CN')
    expect(detectLanguage(null, ['de-DE', 'en-GB'])).toBe('en-US')
    expect(detectLanguage(null, ['fr'])).toBe('en-US')
  })

  it('ignores a saved value that is not a supported language', () => {
    expect(detectLanguage('klingon', ['zh-CN'])).toBe('zh-CN')
  })
})

describe('message catalogues', () => {
  it('Chinese has exactly the English keys, none empty', () => {
    expect(keys(common['zh-CN']).sort()).toEqual(keys(common['en-US']).sort())
    for (const language of ['en-US', 'zh-CN'] as const) {
      const flat = keys(common[language])
      for (const key of flat) {
        const value = key.split('.').reduce<unknown>((o, k) => (o as Record<string, unknown>)[k], common[language])
        expect(value, `${language} ${key}`).not.toBe('')
      }
    }
  })
})

describe('feature messages', () => {
  it('keeps a feature’s messages registered before set-up (its code was fetched early at boot)', async () => {
    vi.resetModules()
    const fresh = await import('./i18n')
    expect(fresh.i18n.isInitialized).toBeFalsy()
    fresh.registerMessages('early', { 'en-US': { hello: 'Hello' }, 'zh-CN': { hello: '你好' } })
    fresh.initI18n('zh-CN')
    expect(fresh.i18n.getResource('zh-CN', 'early', 'hello')).toBe('你好')
    expect(fresh.i18n.getResource('en-US', 'early', 'hello')).toBe('Hello')
    fresh.registerMessages('late', { 'en-US': { bye: 'Bye' }, 'zh-CN': { bye: '再见' } })
    expect(fresh.i18n.getResource('zh-CN', 'late', 'bye')).toBe('再见')
  })
})
