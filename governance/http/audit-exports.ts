// Audit exports as jobs: the worker (server) or the mock's timer writes the matching entries a stretch at a time, each
// stretch one transaction that appends one chunk of the file and moves the export on, so a restart resumes it and a
// second worker never writes a stretch twice.
import type { components } from '@contract/schema.gen'
import { csvLine, EXPORT_HEADINGS, EXPORT_STRETCH, maskAuditValue } from '../rules/audit-log'
import type { AuditEntry, AuditExportRecord } from '../rules/records'
import type { AuditFilter, GovernanceStore, Transaction } from '../store/port'
import { fieldError, validation } from '../rules/errors'

type Schemas = components['schemas']

/** The filter's fields as the store takes them, checked: a range must end after it starts. */
export function auditFilterOf(input: Schemas['AuditExportFilter'], field = ''): Omit<AuditFilter, 'before' | 'limit' | 'maxSeq'> {
  const from = input.from ? new Date(Date.parse(input.from)).toISOString() : null
  const to = input.to ? new Date(Date.parse(input.to)).toISOString() : null
  if (from !== null && to !== null && to <= from) throw validation([fieldError(`${field}to`, 'invalid', 'The end of the period must come after its start.')])
  return {
    targetType: input.targetType || null,
    targetId: input.targetId || null,
    actorId: input.actorId || null,
    action: input.action || null,
    from,
    to,
  }
}


export function exportView(record: AuditExportRecord): Schemas['AuditExport'] {
  const { id, status, filter, total, done, createdAt, createdBy, finishedAt, fileName } = record
  return { id, status, filter, total, done, createdAt, createdBy, finishedAt, fileName }
}

/** The file: a byte-order mark (spreadsheets then read UTF-8 Chinese right), the headings, then the chunks. */
export async function auditFile(tx: Transaction, record: AuditExportRecord): Promise<string> {
  const chunks = await tx.auditExports.chunks(record.tenantId, record.id)
  return `\uFEFF${csvLine(EXPORT_HEADINGS[record.language])}${chunks.join('')}`
}

const json = (value: unknown) => (value === null || value === undefined ? null : JSON.stringify(value))

function exportLine(event: AuditEntry, masked: boolean): string {
  const before = masked ? maskAuditValue(event.before) : event.before
  const after = masked ? maskAuditValue(event.after) : event.after
  return csvLine([
    event.at,
    event.seq,
    event.actor.name,
    event.actor.id,
    event.actor.role,
    event.onBehalfOf,
    event.ticketRef,
    event.action,
    event.targetType,
    event.targetId,
    event.targetName,
    json(before),
    json(after),
    event.reason,
  ])
}

/** Writes the running exports' next stretches for up to `budgetMs`; answers how many stretches it wrote. */
export async function advanceAuditExports(store: GovernanceStore, clock: { now(): number }, budgetMs: number): Promise<number> {
  const started = Date.now()
  let written = 0
  const running = await store.transaction((tx) => tx.auditExports.running())
  for (const start of running) {
    let record: AuditExportRecord | null = start
    while (record && record.status === 'running') {
      if (Date.now() - started >= budgetMs) return written
      const current: AuditExportRecord = record
      record = await store.transaction(async (tx) => {
        // Another worker wrote this stretch first: leave the export to it.
        const now = await tx.auditExports.get(current.tenantId, current.id)
        if (!now || now.chunks !== current.chunks || now.status !== 'running') return null
        const entries = await tx.audit.list(current.tenantId, {
          ...auditFilterOf(current.filter),
          maxSeq: current.upToSeq,
          before: current.after,
          limit: EXPORT_STRETCH,
        })
        await tx.auditExports.saveChunk(current.tenantId, current.id, current.chunks, entries.map((event) => exportLine(event, current.masked)).join(''))
        const last = entries.at(-1)
        const finished = entries.length < EXPORT_STRETCH
        const next: AuditExportRecord = {
          ...current,
          done: current.done + entries.length,
          chunks: current.chunks + 1,
          after: last ? { at: last.at, seq: last.seq } : current.after,
          status: finished ? 'completed' : 'running',
          finishedAt: finished ? new Date(clock.now()).toISOString() : null,
        }
        await tx.auditExports.save(next)
        return next
      })
      if (record) written++
    }
  }
  return written
}
