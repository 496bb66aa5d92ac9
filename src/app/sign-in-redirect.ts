// Where a 401 sends the user: the mock's persona page, or the configured login URL, always with the way back.
import { runtimeConfig } from '@/shared/config/runtime-config'

export function currentPath(): string {
  const { pathname, search, hash } = window.location
  return `${pathname}${search}${hash}`
}

/** Only same-origin paths are followed after sign-in, so a crafted link cannot bounce users elsewhere. */
export function safeReturnTo(value: string | null): string {
  if (!value || !value.startsWith('/') || value.startsWith('//') || value.startsWith('/sign-in')) return '/'
  return value
}

export function signInUrl(returnTo: string, expired: boolean): string {
  const config = runtimeConfig()
  if (config.mock || config.loginUrl === '/sign-in') {
    const params = new URLSearchParams({ returnTo })
    if (expired) params.set('expired', '1')
    return `/sign-in?${params.toString()}`
  }
  const url = new URL(config.loginUrl, window.location.origin)
  url.searchParams.set('returnTo', new URL(returnTo, window.location.origin).toString())
  return url.toString()
}

/** True when the sign-in page lives inside this app (mock mode); otherwise it is an external page. */
export function signInIsInternal(): boolean {
  const config = runtimeConfig()
  return config.mock || config.loginUrl === '/sign-in'
}
