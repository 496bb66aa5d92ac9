// Next-of-kin requests' server state: the inbox (a tenant's for its administrators, every tenant's for support agents),
// one case, intake with evidence uploads, and each step of the case. Every write refreshes the case, the inbox and the
// tenant's audit log and overview.
import { keepPreviousData, queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import type { components } from '@contract/schema.gen'
import { api, unwrap } from '@/shared/api/client'
import { rootKeys } from '@/shared/api/query-client'
import { idempotencyHeaders } from '@/shared/api/write-headers'

type Schemas = components['schemas']
export type KinRequest = Schemas['KinRequest']
export type KinRequestInput = Schemas['KinRequestInput']
export type KinCategory = Schemas['KinCategory']
export type KinRight = Schemas['KinRight']
export type KinTrack = Schemas['KinTrack']
export type KinStatus = Schemas['KinStatus']
export type KinEvidenceKind = Schemas['KinEvidenceKind']
export type KinRefusalGround = Schemas['KinRefusalGround']
export type KinDecisionItem = Schemas['KinDecisionItem']
export type KinTrackState = Schemas['KinTrackState']
export type KinCorrectableField = Schemas['KinCorrectableField']
export type KinSettings = Schemas['KinSettings']

export const PLATFORM_CATEGORIES: readonly KinCategory[] = ['avatar', 'name', 'real_name', 'gender', 'company', 'wechat', 'phone', 'login_records']
export const ENTERPRISE_CATEGORIES: readonly KinCategory[] = [
  'position', 'department', 'work_email', 'landline', 'fax', 'office_seat', 'invoice_title', 'work_signature', 'org_chart',
  'approvals', 'files', 'documents', 'paid_calls', 'clock_in', 'chat_messages',
]
export const RIGHTS: readonly KinRight[] = ['view', 'copy', 'correct', 'delete']
export const RELATIONSHIPS: readonly Schemas['KinRelationship'][] = ['spouse', 'parent', 'child', 'sibling', 'grandparent', 'grandchild']
export const EVIDENCE_KINDS: readonly KinEvidenceKind[] = ['death_certificate', 'relationship_proof', 'requester_id']
export const REFUSAL_GROUNDS: readonly KinRefusalGround[] = [
  'deceased_arrangement', 'not_near_relative', 'interest_not_legitimate', 'insufficient_evidence', 'data_not_held', 'retention_or_hold',
  'national_security', 'criminal_investigation', 'harm_to_others', 'trade_secret', 'excessive_request',
]
export const CORRECTABLE_FIELDS: Record<KinCorrectableField, KinCategory> = {
  name: 'name', realName: 'real_name', company: 'company', wechat: 'wechat', position: 'position', rank: 'position', title: 'position',
  landline: 'landline', fax: 'fax', officeSeat: 'office_seat', invoiceTitle: 'invoice_title', workSignature: 'work_signature',
}
export const MAX_EVIDENCE_BYTES = 10 * 1024 * 1024

export interface KinFilters {
  tenantId?: string
  status?: KinStatus
  urgency?: 'due_soon' | 'overdue' | 'paused'
}

export const kinKeys = {
  all: ['kin'] as const,
  list: (filters: KinFilters) => ['kin', 'list', filters] as const,
  one: (requestId: string) => ['kin', 'one', requestId] as const,
  data: (requestId: string) => ['kin', 'data', requestId] as const,
  settings: (tenantId: string) => ['kin', 'settings', tenantId] as const,
}

export const kinListQuery = (filters: KinFilters) =>
  queryOptions({
    queryKey: kinKeys.list(filters),
    queryFn: () => unwrap(api().GET('/api/v1/kin-requests', { params: { query: filters } })),
    placeholderData: keepPreviousData,
    // Deadlines move with the clock.
    refetchInterval: 60_000,
  })

export const useKinRequests = (filters: KinFilters) => useQuery(kinListQuery(filters))

export const kinRequestQuery = (requestId: string) =>
  queryOptions({ queryKey: kinKeys.one(requestId), queryFn: () => unwrap(api().GET('/api/v1/kin-requests/{requestId}', { params: { path: { requestId } } })) })

export const useKinRequest = (requestId: string) => useQuery(kinRequestQuery(requestId))

/** The deceased's data on the caller's track: fetched only when asked for (each look is audited), never refetched on its own. */
export const useKinData = (requestId: string, enabled: boolean) =>
  useQuery({
    queryKey: kinKeys.data(requestId),
    queryFn: () => unwrap(api().GET('/api/v1/kin-requests/{requestId}', { params: { path: { requestId }, query: { withData: true } } })),
    enabled,
    staleTime: Number.POSITIVE_INFINITY,
    refetchOnWindowFocus: false,
  })

export const useKinCandidates = (tenantId: string | null, q: string) =>
  useQuery({
    queryKey: ['kin', 'candidates', tenantId, q] as const,
    queryFn: () => unwrap(api().GET('/api/v1/kin-candidates', { params: { query: { tenantId: tenantId ?? '', q } } })),
    enabled: tenantId !== null && q.trim() !== '',
    placeholderData: keepPreviousData,
  })

export const kinSettingsQuery = (tenantId: string) =>
  queryOptions({ queryKey: kinKeys.settings(tenantId), queryFn: () => unwrap(api().GET('/api/v1/tenants/{tenantId}/kin-settings', { params: { path: { tenantId } } })) })

export const useKinSettings = (tenantId: string) => useQuery(kinSettingsQuery(tenantId))

/** The reply deadline's bounds in days (as the contract has them). */
export const KIN_DEADLINE_DAYS = { min: 7, max: 30 } as const

export function useUpdateKinSettings(tenantId: string) {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: ({ key, settings }: { key: string; settings: KinSettings }) =>
      unwrap(api().PUT('/api/v1/tenants/{tenantId}/kin-settings', { params: { path: { tenantId }, header: idempotencyHeaders(key) }, body: settings })),
    onSuccess: (settings) => {
      queryClient.setQueryData(kinKeys.settings(tenantId), settings)
      return queryClient.invalidateQueries({ queryKey: rootKeys.audit(tenantId) })
    },
  })
}

function useRefreshKin() {
  const queryClient = useQueryClient()
  return (request: KinRequest) => {
    queryClient.setQueryData(kinKeys.one(request.id), request)
    return Promise.all([
      queryClient.invalidateQueries({ queryKey: ['kin', 'list'] }),
      queryClient.invalidateQueries({ queryKey: rootKeys.audit(request.tenantId) }),
      queryClient.invalidateQueries({ queryKey: rootKeys.tenant(request.tenantId) }),
    ])
  }
}

/** Uploads one evidence file as it is (the server checks its type by content and its size). */
export function uploadEvidence(requestId: string, kind: KinEvidenceKind, file: Blob, fileName: string, key: string): Promise<KinRequest> {
  return unwrap(
    api().POST('/api/v1/kin-requests/{requestId}/evidence', {
      params: { path: { requestId }, query: { kind, fileName }, header: idempotencyHeaders(key) },
      body: file as unknown as string,
      bodySerializer: (body: unknown) => body as Blob,
      headers: { 'Content-Type': 'application/octet-stream' },
    }),
  )
}

export interface EvidenceUpload {
  kind: KinEvidenceKind
  file: File
  key: string
}

/**
 * Logs a request, then uploads its evidence file by file (each with a key of its own, so a retry never adds one twice).
 * A file that fails is reported with the request already saved: the case is where it is added again.
 */
export function useCreateKinRequest() {
  const refresh = useRefreshKin()
  return useMutation({
    mutationFn: async ({ key, input, files }: { key: string; input: KinRequestInput; files: { kind: KinEvidenceKind; file: File; key: string }[] }) => {
      let request = await unwrap(api().POST('/api/v1/kin-requests', { params: { header: idempotencyHeaders(key) }, body: input }))
      const failures: { file: File; error: unknown }[] = []
      for (const upload of files) {
        try {
          request = await uploadEvidence(request.id, upload.kind, upload.file, upload.file.name, upload.key)
        } catch (error) {
          failures.push({ file: upload.file, error })
        }
      }
      return { request, failures }
    },
    onSuccess: ({ request }) => refresh(request),
  })
}

export function useUploadEvidence(requestId: string) {
  const refresh = useRefreshKin()
  return useMutation({
    mutationFn: ({ kind, file, key }: EvidenceUpload) => uploadEvidence(requestId, kind, file, file.name, key),
    onSuccess: (request) => refresh(request),
  })
}

type Step =
  | { kind: 'assign' }
  | { kind: 'verification'; body: Schemas['KinVerificationInput'] }
  | { kind: 'information-request'; body: Schemas['KinNoteInput'] }
  | { kind: 'information-received'; body: Schemas['KinNoteInput'] }
  | { kind: 'decisions'; body: Schemas['KinDecisionInput'] }
  | { kind: 'fulfilment' }
  | { kind: 'close' }

function runStep(requestId: string, step: Step, key: string): Promise<KinRequest> {
  const params = { path: { requestId }, header: idempotencyHeaders(key) }
  switch (step.kind) {
    case 'assign': return unwrap(api().POST('/api/v1/kin-requests/{requestId}/assign', { params }))
    case 'verification': return unwrap(api().POST('/api/v1/kin-requests/{requestId}/verification', { params, body: step.body }))
    case 'information-request': return unwrap(api().POST('/api/v1/kin-requests/{requestId}/information-request', { params, body: step.body }))
    case 'information-received': return unwrap(api().POST('/api/v1/kin-requests/{requestId}/information-received', { params, body: step.body }))
    case 'decisions': return unwrap(api().POST('/api/v1/kin-requests/{requestId}/decisions', { params, body: step.body }))
    case 'fulfilment': return unwrap(api().POST('/api/v1/kin-requests/{requestId}/fulfilment', { params }))
    case 'close': return unwrap(api().POST('/api/v1/kin-requests/{requestId}/close', { params }))
  }
}

export function useKinStep(requestId: string) {
  const refresh = useRefreshKin()
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: ({ step, key }: { step: Step; key: string }) => runStep(requestId, step, key),
    onSuccess: (request) => {
      // What the data looked like before a fulfilment is no longer what is held.
      queryClient.removeQueries({ queryKey: kinKeys.data(requestId) })
      return refresh(request)
    },
    // A lost answer may hide a step that did happen: the case is read again, so the page says what is true.
    onError: () => queryClient.invalidateQueries({ queryKey: kinKeys.one(requestId) }),
  })
}

async function save(blob: Blob, fileName: string): Promise<void> {
  const url = URL.createObjectURL(blob)
  const link = document.createElement('a')
  link.href = url
  link.download = fileName
  document.body.append(link)
  link.click()
  link.remove()
  setTimeout(() => URL.revokeObjectURL(url), 0)
}

export async function downloadArchive(request: KinRequest, track: KinTrack): Promise<void> {
  const archive = request[track].archive
  if (!archive) return
  const blob = await unwrap(api().GET('/api/v1/kin-requests/{requestId}/archives/{track}', { params: { path: { requestId: request.id, track } }, parseAs: 'blob' }))
  await save(blob, archive.fileName)
}

export async function downloadEvidence(request: KinRequest, evidenceId: string, fileName: string): Promise<void> {
  const blob = await unwrap(api().GET('/api/v1/kin-requests/{requestId}/evidence/{evidenceId}', { params: { path: { requestId: request.id, evidenceId } }, parseAs: 'blob' }))
  await save(blob, fileName)
}

/** For support agents' intake: the tenants, searched by name or id. */
export const useKinTenants = (q: string, enabled: boolean) =>
  useQuery({
    queryKey: ['kin', 'tenants', q] as const,
    queryFn: () => unwrap(api().GET('/api/v1/support/tenants', { params: { query: q ? { q } : {} } })),
    enabled,
    placeholderData: keepPreviousData,
  })

/** What a chosen file is by its first bytes (the server checks again): PDF, JPEG, PNG, or null for anything else. */
export async function sniffEvidence(file: Blob): Promise<'application/pdf' | 'image/jpeg' | 'image/png' | null> {
  const head = new Uint8Array(await file.slice(0, 8).arrayBuffer())
  const starts = (...signature: number[]) => signature.every((byte, index) => head[index] === byte)
  if (starts(0x25, 0x50, 0x44, 0x46, 0x2d)) return 'application/pdf'
  if (starts(0xff, 0xd8, 0xff)) return 'image/jpeg'
  if (starts(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a)) return 'image/png'
  return null
}
