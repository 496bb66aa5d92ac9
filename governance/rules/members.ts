// Member data as others may see it: phones always masked, emails masked for support agents.
export function maskPhone(phone: string): string {
  return phone.length < 8 ? '****' : `${phone.slice(0, 3)}****${phone.slice(-4)}`
}

export function maskEmail(email: string): string {
  const at = email.indexOf('@')
  return at <= 0 ? '***' : `${email.slice(0, 1)}***${email.slice(at)}`
}

/** A text search of the directory counts its matches up to this many: enough to page through, cheap on 100 000 members. */
export const SEARCH_COUNT_CAP = 1000
