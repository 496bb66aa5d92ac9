// The tenant's audit log: filtered pages newest first with a cursor new entries never shift, the filters' choices,
// the hash-chain check stretch by stretch, and exports to CSV as jobs (audit-exports.ts does the writing).
import type { components } from '@contract/schema.gen'
import { checkChain } from '../../rules/audit-chain'
import { MAX_EXPORT_ENTRIES, maskAuditValue } from '../../rules/audit-log'
import { conflict, fieldError, notFound, validation } from '../../rules/errors'
import type { AuditEntry, AuditExportRecord } from '../../rules/records'
import type { Transaction } from '../../store/port'
import { recordAudit } from '../audit-trail'
import { auditFile, auditFilterOf, exportView } from '../audit-exports'
import { decodeJsonCursor, DEFAULT_LIMIT, encodeJsonCursor, hashText } from '../paging'
import { created, ok, raw, tenantRoute } from '../route'
import { grantActivityFilter, settleGrantExpiries } from './support'

type Schemas = components['schemas']

/** An entry as its reader may see it: for a support agent, personal data in it masked. */
export function auditView(event: AuditEntry, masked = false): Schemas['AuditEvent'] {
  const { tenantId: _tenantId, ...view } = event
  if (!masked) return view
  return { ...view, before: maskAuditValue(view.before), after: maskAuditValue(view.after) }
}

interface AuditCursor {
  at: string
  seq: number
}

const isAuditCursor = (value: unknown): value is AuditCursor =>
  typeof value === 'object' && value !== null && typeof (value as AuditCursor).at === 'string' && Number.isInteger((value as AuditCursor).seq)

/** A stretch of the chain check reads this many entries at most (the contract's limit). */
const CHAIN_STRETCH = 20_000

/** A grant's activity: its window (narrowed by any period asked for), only what was done on the tenant's behalf. */
async function grantWindow(tx: Transaction, tenantId: string, grantId: string, period: { from?: string; to?: string }) {
  const grant = (await tx.access.grants(tenantId)).find((candidate) => candidate.id === grantId)
  if (!grant) throw notFound('support grant', grantId)
  const window = grantActivityFilter(grant)
  const from = period.from && new Date(Date.parse(period.from)).toISOString()
  const to = period.to && new Date(Date.parse(period.to)).toISOString()
  return {
    from: from && window.from && from > window.from ? from : window.from,
    to: to && window.to && to < window.to ? to : window.to,
    supportOnly: true,
  }
}

export const auditRoutes = [
  tenantRoute(
    { method: 'get', path: '/api/v1/tenants/:tenantId/audit-events', operationId: 'listAuditEvents', access: 'tenant:read' },
    async ({ tx, tenantId, query, actor, now }) => {
      // A grant's end by expiry is in the log as soon as anyone reads it.
      await settleGrantExpiries(tx, tenantId, now)
      const filter = { ...auditFilterOf(query), ...(query.grantId ? await grantWindow(tx, tenantId, query.grantId, query) : {}) }
      const limit = query.limit ?? DEFAULT_LIMIT
      const fingerprint = hashText(JSON.stringify([tenantId, filter]))
      const before = decodeJsonCursor(query.cursor, fingerprint, isAuditCursor)
      // One more than asked tells whether there is a next page.
      const events = await tx.audit.list(tenantId, { ...filter, maxSeq: null, before, limit: limit + 1 })
      const page = events.slice(0, limit)
      const last = page.at(-1)
      return ok({
        items: page.map((event) => auditView(event, actor.masked)),
        nextCursor: events.length > limit && last ? encodeJsonCursor({ at: last.at, seq: last.seq } satisfies AuditCursor, fingerprint) : null,
      })
    },
  ),
  tenantRoute(
    { method: 'get', path: '/api/v1/tenants/:tenantId/audit-events/facets', operationId: 'getAuditFacets', access: 'tenant:read' },
    async ({ tx, tenantId }) => ok(await tx.audit.facets(tenantId)),
  ),
  tenantRoute(
    { method: 'get', path: '/api/v1/tenants/:tenantId/audit-chain', operationId: 'checkAuditChain', access: 'tenant:read' },
    async ({ tx, tenantId, query, actor }) => {
      const afterSeq = query.afterSeq ?? 0
      const limit = Math.min(query.limit ?? CHAIN_STRETCH, 50_000)
      const lastSeq = await tx.audit.lastSeq(tenantId)
      const end = Math.min(afterSeq + limit, lastSeq)
      const [previous] = afterSeq > 0 ? await tx.audit.chain(tenantId, afterSeq - 1, 1) : [null]
      const entries = await tx.audit.chain(tenantId, afterSeq, limit)
      let broken =
        afterSeq > 0 && (!previous || previous.seq !== afterSeq) ? { seq: afterSeq, problem: 'missing' as const } : checkChain(previous ?? null, entries)
      // The stretch should end at `end`: entries missing after the last one found are a break too.
      const lastFound = entries.at(-1)?.seq ?? afterSeq
      if (!broken && lastFound < end) broken = { seq: lastFound + 1, problem: 'missing' }
      const entry = broken ? entries.find((candidate) => candidate.seq === broken.seq) : undefined
      return ok({
        checkedTo: broken ? broken.seq : end,
        lastSeq,
        done: broken !== null || end >= lastSeq,
        broken: broken ? { seq: broken.seq, problem: broken.problem, entry: entry ? auditView(entry, actor.masked) : null } : null,
      } satisfies Schemas['AuditChainCheck'])
    },
  ),
  tenantRoute(
    { method: 'post', path: '/api/v1/tenants/:tenantId/audit-exports', operationId: 'startAuditExport', access: 'tenant:read', idempotent: true },
    async ({ tx, tenantId, body, actor, now }) => {
      const filter = auditFilterOf(body.filter, 'filter.')
      const upToSeq = await tx.audit.lastSeq(tenantId)
      const total = await tx.audit.count(tenantId, { ...filter, maxSeq: upToSeq }, MAX_EXPORT_ENTRIES)
      if (total > MAX_EXPORT_ENTRIES) {
        throw validation([fieldError('filter', 'too_large', `More than ${MAX_EXPORT_ENTRIES} entries match: narrow the filter.`, { max: MAX_EXPORT_ENTRIES })])
      }
      const at = new Date(now).toISOString()
      const id = await tx.ids.next(`exp-${tenantId.replace(/^t-/, '')}`)
      const record: AuditExportRecord = {
        id,
        tenantId,
        status: total === 0 ? 'completed' : 'running',
        filter: body.filter,
        language: body.language ?? 'en-US',
        upToSeq,
        masked: actor.masked,
        total,
        done: 0,
        after: null,
        chunks: 0,
        createdAt: at,
        createdBy: { id: actor.user.id, name: actor.user.name },
        finishedAt: total === 0 ? at : null,
        fileName: `audit-log-${tenantId}-${at.slice(0, 19).replace(/[-:]/g, '').replace('T', '-')}.csv`,
      }
      await tx.auditExports.save(record)
      // Taking a copy of the log is itself on the log (after the copy's last entry, so not in it).
      await recordAudit(tx, actor, now, [{ action: 'audit.exported', targetType: 'audit_export', targetId: id, targetName: record.fileName, before: null, after: { entries: total, filter: body.filter } }])
      return created(exportView(record))
    },
  ),
  tenantRoute(
    { method: 'get', path: '/api/v1/tenants/:tenantId/audit-exports/:exportId', operationId: 'getAuditExport', access: 'tenant:read' },
    async ({ tx, tenantId, params }) => {
      const record = await tx.auditExports.get(tenantId, params.exportId ?? '')
      if (!record) throw notFound('audit export', params.exportId ?? '')
      return ok(exportView(record))
    },
  ),
  tenantRoute(
    { method: 'get', path: '/api/v1/tenants/:tenantId/audit-exports/:exportId/file', operationId: 'getAuditExportFile', access: 'tenant:read' },
    async ({ tx, tenantId, params }) => {
      const record = await tx.auditExports.get(tenantId, params.exportId ?? '')
      if (!record) throw notFound('audit export', params.exportId ?? '')
      if (record.status !== 'completed') throw conflict(`The export is still being written (${record.done} of ${record.total} entries).`)
      return raw(await auditFile(tx, record), 'text/csv; charset=utf-8', { 'Content-Disposition': `attachment; filename="${record.fileName}"` })
    },
  ),
]
