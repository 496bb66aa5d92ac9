// A change sent straight to the API from the signed-in page (as a script or another client would, bypassing the
// console): for setting a scene, and for checking that the API itself refuses what the console does not offer.
import type { Page } from '@playwright/test'

export async function postFromPage(page: Page, path: string, body: unknown): Promise<{ status: number; type: string | null }> {
  return page.evaluate(
    async ({ path, body }) => {
      const response = await fetch(path, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'Idempotency-Key': crypto.randomUUID(), 'X-Requested-With': 'fetch' },
        body: JSON.stringify(body),
      })
      const answer: unknown = await response.json().catch(() => null)
      const type = typeof answer === 'object' && answer !== null && 'type' in answer ? String(answer.type) : null
      return { status: response.status, type }
    },
    { path, body },
  )
}
