// The reply letter to the requester, in the requester's language whatever the console's: what was granted, what was
// refused and on which ground, what was done, and where to complain. Previewed in a dialog and printed from it.
import { Typography } from 'antd'
import { useTranslation } from 'react-i18next'
import { formatDate } from '@/shared/lib/format'
import type { KinDecisionItem, KinRequest } from '../api'

export function KinLetter({ request }: { request: KinRequest }) {
  const { i18n } = useTranslation('kin')
  const language = request.requester.language === 'zh' ? 'zh-CN' : 'en-US'
  const t = i18n.getFixedT(language, 'kin')
  const join = (items: string[]) => items.join(language === 'zh-CN' ? '、' : ', ')
  const decisions: KinDecisionItem[] = [...request.platform.decisions, ...request.enterprise.decisions]
  const item = (decision: KinDecisionItem) => t('letter.item', { right: t(`rights.${decision.right}`), category: t(`category.${decision.category}`) })
  const granted = decisions.filter((decision) => decision.outcome === 'approved')
  const refused = decisions.filter((decision) => decision.outcome === 'refused')
  const archive = request.platform.archive !== null || request.enterprise.archive !== null
  const corrected = [...request.platform.corrected, ...request.enterprise.corrected]
  const deleted = [...request.platform.deleted, ...request.enterprise.deleted]
  return (
    <article className="kin-letter" lang={language} style={{ fontSize: 15, lineHeight: 1.7 }}>
      <Typography.Title level={2} style={{ fontSize: 18 }}>
        {t('letter.title', { deceased: request.member.name })}
      </Typography.Title>
      <p>{t('letter.dear', { name: request.requester.name })}</p>
      <p>
        {t('letter.body', {
          date: formatDate(request.receivedAt, language),
          relationship: t(`relationship.${request.requester.relationship}`),
          deceased: request.member.name,
          rights: join(request.rights.map((right) => t(`rights.${right}`))),
        })}
      </p>
      {granted.length > 0 ? (
        <>
          <Typography.Title level={3} style={{ fontSize: 16 }}>
            {t('letter.granted')}
          </Typography.Title>
          <ul>
            {granted.map((decision) => (
              <li key={`${decision.right}/${decision.category}`}>{item(decision)}</li>
            ))}
          </ul>
        </>
      ) : null}
      {refused.length > 0 ? (
        <>
          <Typography.Title level={3} style={{ fontSize: 16 }}>
            {t('letter.refused')}
          </Typography.Title>
          <ul>
            {refused.map((decision) => (
              <li key={`${decision.right}/${decision.category}`}>
                {t('letter.itemRefused', { right: t(`rights.${decision.right}`), category: t(`category.${decision.category}`), ground: decision.ground ? t(`ground.${decision.ground}`) : '' })}
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {archive ? <p>{t('letter.archive')}</p> : null}
      {corrected.length > 0 ? <p>{t('letter.corrected', { fields: join(corrected.map((change) => `${t(`field.${change.field}`)}: ${change.after}`)) })}</p> : null}
      {deleted.length > 0 ? <p>{t('letter.deleted', { categories: join(deleted.map((category) => t(`category.${category}`))) })}</p> : null}
      <p>{t('letter.complaint')}</p>
      <p>{t('letter.sign', { tenant: request.tenantName })}</p>
    </article>
  )
}
