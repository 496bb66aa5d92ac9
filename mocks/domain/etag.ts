// ETags for settings resources, so two admins editing at once never silently overwrite each other.
import { DomainError, fieldError, validation } from './errors'

export function etagFor(version: number): string {
  return `W/"${version}"`
}

/** Weak comparison: a client may echo the tag with or without the `W/` prefix. */
const opaque = (tag: string): string => tag.trim().replace(/^W\//, '')

export function assertIfMatch(ifMatch: string | null | undefined, currentVersion: number, current: unknown): void {
  if (ifMatch === null || ifMatch === undefined || ifMatch.trim() === '') {
    throw validation([fieldError('If-Match', 'required', 'Send the ETag of the version you are changing in If-Match.')])
  }
  if (opaque(ifMatch) !== opaque(etagFor(currentVersion))) {
    throw new DomainError({
      status: 412,
      kind: 'stale-etag',
      title: 'Changed by someone else',
      detail: 'This resource changed since you loaded it. Review the current version, then reapply or discard your changes.',
      extra: { current },
    })
  }
}
