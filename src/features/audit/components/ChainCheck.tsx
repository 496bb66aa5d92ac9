// "Verify the log": walks the hash chain from the first entry, a stretch per request, with progress and a way to
// stop; says the log is whole, or names the first entry where it is not and shows that entry as it reads now.
import { useEffect, useRef, useState } from 'react'
import { Alert, Button, Progress, Typography } from 'antd'
import { useTranslation } from 'react-i18next'
import { AuditEntryList } from '@/shared/audit/AuditTrail'
import { formatDateTime, formatNumber } from '@/shared/lib/format'
import { serverNow } from '@/shared/lib/server-clock'
import { useTenantId } from '@/shared/session/use-tenant'
import { ErrorAlert } from '@/shared/ui/ErrorAlert'
import { SectionCard } from '@/shared/ui/SectionCard'
import { checkChainStretch, type AuditChainCheck } from '../api'

type State =
  | { kind: 'idle' }
  | { kind: 'running'; checked: number; total: number }
  | { kind: 'stopped'; checked: number; total: number }
  | { kind: 'done'; result: AuditChainCheck; at: string }
  | { kind: 'failed'; error: unknown }

export function ChainCheck() {
  const { t, i18n } = useTranslation('auditLog')
  const tenantId = useTenantId()
  const [state, setState] = useState<State>({ kind: 'idle' })
  const stopped = useRef(false)
  const n = (value: number) => formatNumber(value, i18n.language)
  useEffect(
    () => () => {
      stopped.current = true
    },
    [],
  )

  const run = async () => {
    stopped.current = false
    setState({ kind: 'running', checked: 0, total: 0 })
    try {
      let stretch = await checkChainStretch(tenantId, 0)
      while (!stretch.done) {
        if (stopped.current) {
          setState({ kind: 'stopped', checked: stretch.checkedTo, total: stretch.lastSeq })
          return
        }
        setState({ kind: 'running', checked: stretch.checkedTo, total: stretch.lastSeq })
        stretch = await checkChainStretch(tenantId, stretch.checkedTo)
      }
      setState({ kind: 'done', result: stretch, at: new Date(serverNow()).toISOString() })
    } catch (error) {
      setState({ kind: 'failed', error })
    }
  }

  const broken = state.kind === 'done' ? state.result.broken : null
  return (
    <div style={{ flex: '1 1 380px' }}>
      <SectionCard
        title={t('chain.heading')}
        extra={
          state.kind === 'running' ? <Button onClick={() => (stopped.current = true)}>{t('chain.stop')}</Button> : <Button onClick={() => void run()}>{t('chain.check')}</Button>
        }
      >
        <Typography.Paragraph type="secondary" style={{ marginTop: 0 }}>
          {t('chain.explain')}
        </Typography.Paragraph>
        <div role="status" aria-live="polite">
          {state.kind === 'running' ? (
            <>
              <Progress percent={state.total === 0 ? 0 : Math.floor((state.checked / state.total) * 100)} status="active" aria-label={t('chain.progress')} />
              <Typography.Text>{t('chain.checking', { checked: n(state.checked), total: n(state.total) })}</Typography.Text>
            </>
          ) : null}
          {state.kind === 'stopped' ? <Typography.Text>{t('chain.stopped', { checked: n(state.checked), total: n(state.total) })}</Typography.Text> : null}
          {state.kind === 'done' && !broken ? (
            <Alert type="success" showIcon title={t('chain.intact', { total: n(state.result.lastSeq) })} description={t('chain.checkedAt', { date: formatDateTime(state.at, i18n.language) })} />
          ) : null}
          {state.kind === 'done' && broken ? (
            <Alert
              type="error"
              showIcon
              title={t('chain.broken', { seq: n(broken.seq), problem: t(`chain.${broken.problem}`) })}
              description={
                broken.entry ? (
                  <>
                    <Typography.Text>{t('chain.brokenEntry')}</Typography.Text>
                    <AuditEntryList events={[broken.entry]} showTarget showChanges />
                  </>
                ) : undefined
              }
            />
          ) : null}
        </div>
        {state.kind === 'failed' ? <ErrorAlert error={state.error} onRetry={() => void run()} /> : null}
      </SectionCard>
    </div>
  )
}
