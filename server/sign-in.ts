// Sign-in with email and password for deployments that keep their own accounts: a limit on failed attempts per
// email, the same answer for an unknown email and a wrong password, and a fresh server-side session on success.
import { ok, route, type RouteDefinition } from '@governance/http/route'
import { problemBody } from '@governance/http/problem'
import { sessionView } from '@governance/http/routes/session'
import { startSession } from '@governance/http/session-cookie'
import { verifyPassword } from './passwords'

export const MAX_FAILED_SIGN_INS = 5
export const SIGN_IN_WINDOW_MS = 15 * 60_000

const problem = (status: number, kind: string, title: string, detail: string, headers: Record<string, string> = {}) => ({
  status,
  body: problemBody(status, kind, title, detail),
  headers: { 'Content-Type': 'application/problem+json', ...headers },
})

export const signInRoute: RouteDefinition = route(
  { method: 'post', path: '/api/v1/session', operationId: 'signIn', access: 'public' },
  async (ctx) => {
    const { tx, body } = ctx
    // Attempt limits and sessions run on wall-clock time, like session expiry, whatever the governance clock says.
    const now = Date.now()
    const email = body.email.trim().toLowerCase()
    const since = new Date(now - SIGN_IN_WINDOW_MS).toISOString()
    if ((await tx.access.signInFailures(email, since)) >= MAX_FAILED_SIGN_INS) {
      return problem(429, 'too-many-attempts', 'Too many attempts', 'Too many failed sign-ins for this account. Try again in 15 minutes.', {
        'Retry-After': String(SIGN_IN_WINDOW_MS / 1000),
      })
    }
    const user = await tx.access.userByEmail(email)
    const valid = await verifyPassword(body.password, user ? await tx.access.passwordHash(user.id) : null)
    if (!user || !valid) {
      // Answered, not thrown: the failure is recorded in this request's transaction.
      await tx.access.recordSignInFailure(email, new Date(now).toISOString())
      return problem(401, 'invalid-credentials', 'Sign-in failed', 'The email or password is not right.')
    }
    await tx.access.clearSignInFailures(email)
    const session = await startSession(tx, user.id, now)
    return { ...ok(await sessionView(tx, user, ctx.now)), session: session.id }
  },
)
