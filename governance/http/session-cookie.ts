// The session cookie: an unguessable id, HttpOnly and SameSite=Lax, that names a server-side session.
import type { SessionRecord } from '../rules/records'
import type { Transaction } from '../store/port'

export const SESSION_COOKIE = 'tdgc_session'
/** How long a sign-in lasts without signing in again. */
export const SESSION_TTL_MS = 12 * 3_600_000

export function readSessionCookie(header: string | null): string | null {
  if (!header) return null
  for (const part of header.split(';')) {
    const [name, ...rest] = part.trim().split('=')
    if (name === SESSION_COOKIE) {
      const value = rest.join('=')
      return /^[A-Za-z0-9_-]{16,128}$/.test(value) ? value : null
    }
  }
  return null
}

function randomId(): string {
  const bytes = new Uint8Array(24)
  crypto.getRandomValues(bytes)
  return btoa(String.fromCharCode(...bytes)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '')
}

export function sessionCookie(sessionId: string, secure: boolean, maxAgeSeconds = Math.floor(SESSION_TTL_MS / 1000)): string {
  return `${SESSION_COOKIE}=${sessionId}; Path=/; HttpOnly; SameSite=Lax; Max-Age=${maxAgeSeconds}${secure ? '; Secure' : ''}`
}

/**
 * Starts a session for `userId` (answer with `session: session.id` to hand it over). Sessions run on wall-clock
 * time, not on the governance clock: a demo or test that moves that clock days ahead must not sign everybody out.
 */
export async function startSession(tx: Transaction, userId: string, now = Date.now()): Promise<SessionRecord> {
  const session: SessionRecord = {
    id: randomId(),
    userId,
    createdAt: new Date(now).toISOString(),
    expiresAt: new Date(now + SESSION_TTL_MS).toISOString(),
  }
  await tx.access.saveSession(session)
  return session
}

export const endSessionCookie = (secure: boolean): string => sessionCookie('', secure, 0)
