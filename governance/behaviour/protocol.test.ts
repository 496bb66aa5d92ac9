// The protocol layer's own promises, whatever the endpoint: Idempotency-Key replay stored with the change,
// problem answers for bodies it cannot take, and 500s that never leak internals from a real server.
import { describe, expect, it } from 'vitest'
import { created, ok, route } from '../http/route'
import { createGovernanceApp } from '../http/app'
import { SESSION_COOKIE, startSession } from '../http/session-cookie'
import { expectProblem, forEachStore, json, key } from './harness'

forEachStore((setup, store) => {
  describe(`protocol [${store.name}]`, () => {
    async function appWithTestRoutes(exposeServerErrors: boolean) {
      const api = await setup()
      let runs = 0
      const errors: unknown[] = []
      const app = createGovernanceApp(
        { store: api.store, clock: api.clock, problems: { exposeServerErrors, onServerError: (error) => errors.push(error) }, secureCookies: false },
        [
          // Borrows an operation with a simple body schema; what matters is the protocol around the handler.
          route({ method: 'post', path: '/api/v1/test-only/echo', operationId: 'injectMockFault', access: 'public', idempotent: true }, async ({ body }) => {
            runs++
            return created({ got: body, run: runs })
          }),
          route({ method: 'get', path: '/api/v1/test-only/broken', operationId: 'getMockState', access: 'public' }, async () => {
            throw new Error('a bug in a handler: relation "members" does not exist')
          }),
          route({ method: 'get', path: '/api/v1/test-only/whoami', operationId: 'getMockState', access: 'session' }, async ({ user }) => ok({ id: user.id })),
        ],
      )
      const send = (method: string, path: string, init: { body?: string; headers?: Record<string, string> } = {}) =>
        app.fetch(new Request(`http://governance.test${path}`, { method, ...init }))
      return { api, app, send, runs: () => runs, errors }
    }
    const jsonBody = (body: unknown, headers: Record<string, string> = {}) => ({
      body: JSON.stringify(body),
      headers: { 'Content-Type': 'application/json', ...headers },
    })

    it('requires an Idempotency-Key, replays a retry once and refuses the key with another body', async () => {
      const { send, runs } = await appWithTestRoutes(false)
      await expectProblem(await send('POST', '/api/v1/test-only/echo', jsonBody({ path: '/api/a' })), 400, 'urn:problem:validation')
      const headers = key('echo')
      const first = await send('POST', '/api/v1/test-only/echo', jsonBody({ path: '/api/a' }, headers))
      expect(first.status).toBe(201)
      expect(first.headers.get('Idempotent-Replayed')).toBeNull()
      const retry = await send('POST', '/api/v1/test-only/echo', jsonBody({ path: '/api/a' }, headers))
      expect(retry.status).toBe(201)
      expect(retry.headers.get('Idempotent-Replayed')).toBe('true')
      expect(await json<unknown>(retry)).toEqual(await json<unknown>(first))
      expect(runs()).toBe(1)
      await expectProblem(await send('POST', '/api/v1/test-only/echo', jsonBody({ path: '/api/b' }, headers)), 422, 'urn:problem:idempotency-mismatch')
    })

    it('refuses keys shorter than 8 or longer than 100 characters', async () => {
      const { send } = await appWithTestRoutes(false)
      for (const bad of ['short', 'x'.repeat(101)]) {
        const problem = await expectProblem(
          await send('POST', '/api/v1/test-only/echo', jsonBody({ path: '/api/a' }, { 'Idempotency-Key': bad })),
          400,
          'urn:problem:validation',
        )
        expect(problem.errors?.[0]?.field).toBe('Idempotency-Key')
      }
    })

    it('does not remember a refused request: the same key may be used again once the input is right', async () => {
      const { send, runs } = await appWithTestRoutes(false)
      const headers = key('fix-and-retry')
      await expectProblem(await send('POST', '/api/v1/test-only/echo', jsonBody({ path: 'no-slash' }, headers)), 400, 'urn:problem:validation')
      expect((await send('POST', '/api/v1/test-only/echo', jsonBody({ path: '/api/fixed' }, headers))).status).toBe(201)
      expect(runs()).toBe(1)
    })

    it('answers bodies it cannot take with problems: not JSON, wrong media type, too large', async () => {
      const { send } = await appWithTestRoutes(false)
      await expectProblem(
        await send('POST', '/api/v1/test-only/echo', { body: '{nope', headers: { 'Content-Type': 'application/json', ...key() } }),
        400,
        'urn:problem:validation',
      )
      await expectProblem(
        await send('POST', '/api/v1/test-only/echo', { body: 'path=/api', headers: { 'Content-Type': 'application/x-www-form-urlencoded', ...key() } }),
        415,
        'urn:problem:unsupported-media-type',
      )
      await expectProblem(
        await send('POST', '/api/v1/test-only/echo', jsonBody({ path: `/api/${'x'.repeat(1_000_001)}` }, key())),
        413,
        'urn:problem:payload-too-large',
      )
    })

    it('turns an unexpected failure into a 500 problem that says nothing of the internals', async () => {
      const { send, errors } = await appWithTestRoutes(false)
      const problem = await expectProblem(await send('GET', '/api/v1/test-only/broken'), 500, 'urn:problem:server-error')
      expect(problem.detail).not.toContain('relation')
      expect(problem.detail).toContain('Nothing was changed')
      expect(errors).toHaveLength(1)
    })

    it('lets the mock show the failure itself, for demos', async () => {
      const { send } = await appWithTestRoutes(true)
      const problem = await expectProblem(await send('GET', '/api/v1/test-only/broken'), 500, 'urn:problem:server-error')
      expect(problem.detail).toContain('a bug in a handler')
    })

    it('reads the session from its cookie, and ignores an unknown one', async () => {
      const { api, send } = await appWithTestRoutes(false)
      await expectProblem(await send('GET', '/api/v1/test-only/whoami', { headers: { Cookie: `${SESSION_COOKIE}=forged` } }), 401, 'urn:problem:unauthenticated')
      const session = await api.store.transaction((tx) => startSession(tx, 'admin-acme'))
      const whoami = await send('GET', '/api/v1/test-only/whoami', { headers: { Cookie: `${SESSION_COOKIE}=${session.id}` } })
      expect(await json<{ id: string }>(whoami)).toEqual({ id: 'admin-acme' })
    })
  })
})
