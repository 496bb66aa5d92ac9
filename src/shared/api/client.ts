// The typed API client: every call goes through openapi-fetch with the contract's paths, and fails as an ApiError.
import createClient, { type Client, type Middleware } from 'openapi-fetch'
import type { paths } from '@contract/schema.gen'
import { ApiError, problemError } from './problem'
import { noteIfGrantRefused } from './grant-refusals'

export type ApiClient = Client<paths>

let languageHeader = 'en-US'

/** The API answers titles and details in the console's language. */
export function setApiLanguage(language: string): void {
  languageHeader = language
}

const languageMiddleware: Middleware = {
  onRequest({ request }) {
    request.headers.set('Accept-Language', languageHeader)
    return request
  },
}

/** A support agent refused because their grant ended: noted for the frame to say why (see grant-refusals.ts). */
const grantMiddleware: Middleware = {
  async onResponse({ request, response }) {
    await noteIfGrantRefused(request.url, response)
    return undefined
  },
}

/** In development and tests every response is checked against the contract; production skips the cost. */
const contractMiddleware: Middleware = {
  async onResponse({ request, response }) {
    const { validateAgainstContract } = await import('@contract/response-contract')
    const text = await response.clone().text()
    let body: unknown = text
    if (text && /json/.test(response.headers.get('content-type') ?? '')) body = JSON.parse(text)
    const violations = validateAgainstContract(
      request.method,
      new URL(request.url).pathname,
      response.status,
      response.headers.get('content-type'),
      text === '' ? undefined : body,
    )
    // Thrown, not logged: the caller sees an error instead of data it cannot trust.
    if (violations.length > 0) throw new ApiError('contract', response.status, null, violations.join('; '))
    return undefined
  },
}

let client: ApiClient = makeClient(globalThis.location?.origin ?? 'http://localhost')

function makeClient(baseUrl: string): ApiClient {
  // fetch is looked up per call, so anything that wraps it later (MSW in tests, tracing) is honoured.
  const next = createClient<paths>({ baseUrl, credentials: 'include', fetch: (request) => globalThis.fetch(request) })
  next.use(languageMiddleware)
  next.use(grantMiddleware)
  if (import.meta.env.DEV) next.use(contractMiddleware)
  return next
}

/** Points the client at the configured API; an empty base means the console's own origin. */
export function configureApi(apiBaseUrl: string): void {
  client = makeClient(apiBaseUrl || globalThis.location.origin)
}

export function api(): ApiClient {
  return client
}

interface FetchResult<T> {
  data?: T
  error?: unknown
  response: Response
}

async function settle<T>(request: Promise<FetchResult<T>>): Promise<FetchResult<T>> {
  try {
    return await request
  } catch (error) {
    if (error instanceof ApiError) throw error
    // fetch rejects only when no response arrived: the connection failed or was dropped.
    throw new ApiError('network', 0, null, error instanceof Error ? error.message : 'Network error')
  }
}

/** Awaits an openapi-fetch call and returns its data, or throws an ApiError. */
export async function unwrap<T>(request: Promise<FetchResult<T>>): Promise<T> {
  const result = await settle(request)
  if (!result.response.ok) throw problemError(result.response.status, result.error)
  return result.data as T
}

/** Like unwrap, for settings resources: also returns the ETag the next write must send as If-Match. */
export async function unwrapWithEtag<T>(request: Promise<FetchResult<T>>): Promise<{ data: T; etag: string }> {
  const result = await settle(request)
  if (!result.response.ok) throw problemError(result.response.status, result.error)
  return { data: result.data as T, etag: result.response.headers.get('ETag') ?? '' }
}
