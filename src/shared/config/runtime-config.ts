// Runtime configuration, read once at start-up from /config.json so one build serves every environment.

export interface RuntimeConfig {
  /** Origin (and optional path prefix) of the governance API; empty means "same origin as the console". */
  apiBaseUrl: string
  /** Serve the API from the bundled mock in the browser. */
  mock: boolean
  /** Where a real deployment signs people in; `returnTo` is appended. */
  loginUrl: string
  /** Simulated server latency of the mock, in milliseconds. */
  mockLatencyMs: number
  /** Treat an API request that no mock handler answers as an error. */
  mockStrict: boolean
}

export const defaultRuntimeConfig: RuntimeConfig = {
  apiBaseUrl: '',
  mock: true,
  loginUrl: '/sign-in',
  mockLatencyMs: 250,
  mockStrict: false,
}

let current: RuntimeConfig = defaultRuntimeConfig

export function runtimeConfig(): RuntimeConfig {
  return current
}

export function setRuntimeConfig(config: RuntimeConfig): void {
  current = config
}

function pick<T>(value: unknown, fallback: T, guard: (v: unknown) => v is T): T {
  return guard(value) ? value : fallback
}
const isString = (v: unknown): v is string => typeof v === 'string'
const isBoolean = (v: unknown): v is boolean => typeof v === 'boolean'
const isNumber = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v) && v >= 0

/** Merges a parsed config.json over the defaults, ignoring fields of the wrong type. */
export function parseRuntimeConfig(raw: unknown): RuntimeConfig {
  const o = (typeof raw === 'object' && raw !== null ? raw : {}) as Record<string, unknown>
  return {
    apiBaseUrl: pick(o.apiBaseUrl, defaultRuntimeConfig.apiBaseUrl, isString).replace(/\/+$/, ''),
    mock: pick(o.mock, defaultRuntimeConfig.mock, isBoolean),
    loginUrl: pick(o.loginUrl, defaultRuntimeConfig.loginUrl, isString),
    mockLatencyMs: pick(o.mockLatencyMs, defaultRuntimeConfig.mockLatencyMs, isNumber),
    mockStrict: pick(o.mockStrict, defaultRuntimeConfig.mockStrict, isBoolean),
  }
}

/** In development, VITE_* variables override config.json so a developer can point at another API without editing files. */
export function applyDevOverrides(config: RuntimeConfig, env: Record<string, string | undefined>): RuntimeConfig {
  const next = { ...config }
  if (env.VITE_API_BASE_URL !== undefined) next.apiBaseUrl = env.VITE_API_BASE_URL.replace(/\/+$/, '')
  if (env.VITE_MOCK !== undefined) next.mock = env.VITE_MOCK !== 'off' && env.VITE_MOCK !== 'false'
  if (env.VITE_LOGIN_URL !== undefined) next.loginUrl = env.VITE_LOGIN_URL
  if (env.VITE_MOCK_LATENCY_MS !== undefined && /^\d+$/.test(env.VITE_MOCK_LATENCY_MS)) {
    next.mockLatencyMs = Number(env.VITE_MOCK_LATENCY_MS)
  }
  return next
}

export async function loadRuntimeConfig(): Promise<RuntimeConfig> {
  let raw: unknown = {}
  try {
    const response = await fetch('/config.json', { cache: 'no-store' })
    if (response.ok) raw = await response.json()
  } catch {
    // No config.json: the defaults (mock on) keep the console usable.
  }
  const parsed = parseRuntimeConfig(raw)
  return import.meta.env.DEV ? applyDevOverrides(parsed, import.meta.env) : parsed
}
