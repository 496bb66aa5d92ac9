import { afterEach, describe, expect, it } from 'vitest'
import { defaultRuntimeConfig, setRuntimeConfig } from '@/shared/config/runtime-config'
import { safeReturnTo, signInUrl } from './sign-in-redirect'

afterEach(() => setRuntimeConfig({ ...defaultRuntimeConfig, mock: true, mockLatencyMs: 0 }))

describe('sign-in redirect', () => {
  it('only follows same-origin paths after sign-in', () => {
    expect(safeReturnTo('/tenants/t-acme?tab=1')).toBe('/tenants/t-acme?tab=1')
    expect(safeReturnTo('//evil.example.com')).toBe('/')
    expect(safeReturnTo('https://evil.example.com')).toBe('/')
    expect(safeReturnTo('/sign-in?returnTo=/x')).toBe('/')
    expect(safeReturnTo(null)).toBe('/')
  })

  it('in mock mode goes to the in-app persona page with the way back', () => {
    expect(signInUrl('/tenants/t-acme', true)).toBe('/sign-in?returnTo=%2Ftenants%2Ft-acme&expired=1')
  })

  it('against a real API goes to the configured login URL with an absolute return address', () => {
    setRuntimeConfig({ ...defaultRuntimeConfig, mock: false, loginUrl: 'https://sso.example.com/login' })
    const url = new URL(signInUrl('/tenants/t-acme', true))
    expect(url.origin).toBe('https://sso.example.com')
    expect(url.searchParams.get('returnTo')).toBe(`${window.location.origin}/tenants/t-acme`)
  })
})
