// Who is signed in, and signing out.
import { openableTenants, toUser } from '../../rules/access'
import type { UserRecord } from '../../rules/records'
import type { Transaction } from '../../store/port'
import { noContent, ok, route } from '../route'
import type { components } from '@contract/schema.gen'

/** The session as the console reads it: the user, the tenants they may open, and the server's time. */
export async function sessionView(tx: Transaction, user: UserRecord, now: number): Promise<components['schemas']['Session']> {
  const [tenants, grants] = await Promise.all([tx.tenants.list(), tx.access.grants(null)])
  return { user: toUser(user), tenants: openableTenants(user, tenants, grants, now), serverTime: new Date(now).toISOString() }
}

export const sessionRoutes = [
  route({ method: 'get', path: '/api/v1/session', operationId: 'getSession', access: 'session' }, async ({ tx, user, now }) =>
    ok(await sessionView(tx, user, now)),
  ),
  route({ method: 'delete', path: '/api/v1/session', operationId: 'signOut', access: 'session' }, async ({ tx, session }) => {
    await tx.access.deleteSession(session.id)
    return { ...noContent(), session: null }
  }),
]
