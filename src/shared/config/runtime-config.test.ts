import { describe, expect, it } from 'vitest'
import { applyDevOverrides, defaultRuntimeConfig, parseRuntimeConfig } from './runtime-config'

describe('runtime configuration', () => {
  it('takes config.json values and keeps defaults for missing or mistyped ones', () => {
    const config = parseRuntimeConfig({ apiBaseUrl: 'https://gov.example.com/', mock: false, mockLatencyMs: 'fast' })
    expect(config).toEqual({ ...defaultRuntimeConfig, apiBaseUrl: 'https://gov.example.com', mock: false })
  })

  it('falls back to the defaults (mock on) when config.json is not an object', () => {
    expect(parseRuntimeConfig(null)).toEqual(defaultRuntimeConfig)
  })

  it('lets VITE_* variables override in development', () => {
    const config = applyDevOverrides(defaultRuntimeConfig, {
      VITE_MOCK: 'off',
      VITE_API_BASE_URL: 'http://localhost:8080/',
      VITE_LOGIN_URL: 'https://sso.example.com/login',
      VITE_MOCK_LATENCY_MS: '0',
    })
    expect(config).toEqual({
      ...defaultRuntimeConfig,
      mock: false,
      apiBaseUrl: 'http://localhost:8080',
      loginUrl: 'https://sso.example.com/login',
      mockLatencyMs: 0,
    })
  })
})
