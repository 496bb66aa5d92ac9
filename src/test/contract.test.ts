// A mock (or real) response that drifts from api/openapi.yaml must fail loudly.
import { describe, expect, it } from 'vitest'
import { http, HttpResponse } from 'msw'
import { server } from '@mocks/node'
import { takeContractViolations } from '@/test/contract-violations'
import { signInAs } from '@/test/render'
import { api, unwrap } from '@/shared/api/client'
import { validateAgainstContract } from '@contract/response-contract'
import { ApiError } from '@/shared/api/problem'

describe('contract checks', () => {
  it('accept a response that matches the contract', async () => {
    await signInAs('admin-acme')
    const session = await unwrap(api().GET('/api/v1/session'))
    expect(session.user.role).toBe('tenant_admin')
    expect(takeContractViolations()).toEqual([])
  })

  it('catch a mock response that no longer matches, in the test set-up and in the client', async () => {
    server.use(
      http.get('*/api/v1/session', () =>
        HttpResponse.json({ user: { id: 'u1', name: 'X', role: 'superuser' }, tenants: [], serverTime: 'yesterday' }),
      ),
    )
    const failure = await unwrap(api().GET('/api/v1/session')).catch((error: unknown) => error)
    expect(failure).toBeInstanceOf(ApiError)
    expect((failure as ApiError).kind).toBe('contract')
    const recorded = takeContractViolations()
    expect(recorded.join('\n')).toMatch(/GET \/api\/v1\/session → 200: \/user must have required property 'email'/)
    expect(recorded.join('\n')).toMatch(/\/user\/role must be equal to one of the allowed values/)
    expect(recorded.join('\n')).toMatch(/\/serverTime must match format "date-time"/)
  })

  it('reject an undocumented path or content type, and an error that is not a problem', () => {
    expect(validateAgainstContract('GET', '/api/v1/session', 418, 'application/problem+json', {})[0]).toMatch(
      /GET \/api\/v1\/session → 418: \(body\) must have required property 'type'/,
    )
    expect(validateAgainstContract('GET', '/api/v1/nowhere', 200, 'application/json', {})[0]).toMatch(/path is not in the contract/)
    expect(validateAgainstContract('GET', '/api/v1/session', 401, 'text/html', '<h1>')[0]).toMatch(/content type "text\/html"/)
  })

  it('check error bodies as problem+json', () => {
    expect(
      validateAgainstContract('GET', '/api/v1/session', 401, 'application/problem+json', {
        type: 'urn:problem:unauthenticated',
        title: 'Not signed in',
        status: 401,
      }),
    ).toEqual([])
    expect(validateAgainstContract('GET', '/api/v1/session', 401, 'application/problem+json', { title: 'x' })).not.toEqual([])
  })
})
