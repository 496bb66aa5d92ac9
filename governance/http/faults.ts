// Injected faults (test controls of the mock and of a server started with --test-controls): make the next N matching
// requests fail, slow down, or lose their answer after committing.
import { removalJobPath, type RemovalJobHooks } from './removal-jobs'
import type { components } from '@contract/schema.gen'
import { RunFailure, type RetentionJobHooks } from '../rules/retention/runs'
import { problemBody, problemJson } from './problem'

export type MockFault = components['schemas']['MockFault']
export type MockFaultInput = components['schemas']['MockFaultInput']

/** `*` matches one segment; a trailing `**` matches whatever is left (including nothing). */
export function pathMatches(pattern: string, path: string): boolean {
  const want = pattern.split('/')
  const have = path.split('/')
  for (let i = 0; i < want.length; i++) {
    const segment = want[i]
    if (segment === '**' && i === want.length - 1) return true
    const actual = have[i]
    if (actual === undefined) return false
    if (segment === '*' ? actual === '' : segment !== actual) return false
  }
  return want.length === have.length
}

export interface FaultList {
  nextSeq: number
  items: MockFault[]
}

/** The first fault matching the request, used up by one; the list is changed in place. */
export function takeFault(faults: FaultList, method: string, path: string): MockFault | null {
  const upper = method.toUpperCase()
  const position = faults.items.findIndex((fault) => (fault.method === undefined || fault.method === upper) && pathMatches(fault.path, path))
  const fault = faults.items[position]
  if (!fault) return null
  const applied = { ...fault }
  fault.remaining--
  if (fault.remaining <= 0) faults.items.splice(position, 1)
  return applied
}

export function addFault(faults: FaultList, input: MockFaultInput): MockFault {
  const fault: MockFault = { ...input, times: input.times ?? 1, id: `fault-${faults.nextSeq++}`, remaining: input.times ?? 1 }
  faults.items.push(fault)
  return fault
}

/** The answer of a fault that injects a status: a problem document like any other, so the console handles it as real. */
export function injectedFaultResponse(status: number, faultId: string, method: string, path: string): Response {
  return problemJson(status, problemBody(status, 'injected-fault', 'Injected fault', `Fault ${faultId} was injected for ${method} ${path}.`))
}

/** The fault path of a tenant's deletion run (a background job, not an HTTP request). */
export const retentionJobPath = (tenantId: string) => `/jobs/retention-run/${tenantId}`

/** Deletion runs that fail while a fault for their job path is injected. */
export function faultyRetentionJobs(take: (method: string, path: string) => MockFault | null): RetentionJobHooks {
  return {
    beforeRun(tenantId) {
      const fault = take('POST', retentionJobPath(tenantId))
      if (fault) throw new RunFailure(`Fault ${fault.id} was injected into the deletion run of ${tenantId}.`)
    },
  }
}

/** The fault path of one step of a next-of-kin request that writes several things (its decision, its fulfilment). */
export const kinStepPath = (requestId: string, step: 'decisions' | 'fulfilment') => `/jobs/kin/${requestId}/${step}`

/** Steps that fail midway — after they wrote, before they commit — while a fault for their path is injected. */
export function faultyMidway(take: (method: string, path: string) => MockFault | null): (path: string) => void {
  return (path) => {
    const fault = take('POST', path)
    if (fault) throw new Error(`Fault ${fault.id} was injected midway through ${path}.`)
  }
}

/** Bulk removals that fail on a member while a fault for that member's job path is injected. */
export function faultyRemovalJobs(take: (method: string, path: string) => MockFault | null): RemovalJobHooks {
  return {
    beforeRemoval(tenantId, memberId) {
      const fault = take('POST', removalJobPath(tenantId, memberId))
      if (fault) throw new Error(`Fault ${fault.id} was injected into the removal of ${memberId}.`)
    },
  }
}
