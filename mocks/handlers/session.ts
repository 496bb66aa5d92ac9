// Who is signed in (GET) and signing out (DELETE).
import type { HttpHandler } from 'msw'
import { currentSession, signOut } from '../domain/access'
import { noContent, ok, type DefineRoute } from './route'

export const sessionHandlers = (define: DefineRoute): HttpHandler[] => [
  define('get', '/api/v1/session', (ctx) => ok(currentSession(ctx.state, ctx.now))),
  define('delete', '/api/v1/session', (ctx) => {
    ctx.write(signOut)
    return noContent()
  }),
]
