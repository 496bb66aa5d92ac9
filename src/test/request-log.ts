// The order in which the mock saw requests arrive and answered them, for tests about when the console asks.
import { server } from '@mocks/node'

export interface RequestEvent {
  event: 'sent' | 'answered'
  /** "GET /api/v1/session" */
  request: string
}

/** Records from now until the returned `stop` is called. */
export function recordRequests(): { events: RequestEvent[]; stop: () => void } {
  const events: RequestEvent[] = []
  const label = (request: Request) => `${request.method} ${new URL(request.url).pathname}`
  const sent = ({ request }: { request: Request }) => void events.push({ event: 'sent', request: label(request) })
  const answered = ({ request }: { request: Request }) => void events.push({ event: 'answered', request: label(request) })
  server.events.on('request:start', sent)
  server.events.on('response:mocked', answered)
  return {
    events,
    stop: () => {
      server.events.removeListener('request:start', sent)
      server.events.removeListener('response:mocked', answered)
    },
  }
}
