// Follows the server's clock (the mock's clock can be set), so countdowns and "ends in …" agree with the API.
import { useEffect, useState } from 'react'

let skewMs = 0

export function syncServerTime(serverTimeIso: string, receivedAtMs = Date.now()): void {
  const serverMs = Date.parse(serverTimeIso)
  if (Number.isFinite(serverMs)) skewMs = serverMs - receivedAtMs
}

export function serverNow(): number {
  return Date.now() + skewMs
}

/** Re-renders every `everyMs` with the server's current time. */
export function useServerNow(everyMs = 30_000): number {
  const [now, setNow] = useState(serverNow)
  useEffect(() => {
    const id = setInterval(() => setNow(serverNow()), everyMs)
    return () => clearInterval(id)
  }, [everyMs])
  return now
}
