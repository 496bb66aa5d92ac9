// Stored volume by age as a bar chart drawn in inline SVG (no chart library): kept, to delete and held
// stacked per month of age, the proposed cut-off marked, with a title, a description and a text summary.
import { useId } from 'react'
import { useTranslation } from 'react-i18next'
import { formatNumber } from '@/shared/lib/format'
import type { RetentionImpact } from '../api'

// Close to the dialog's content width, so 12-unit text renders at about 12 px.
const WIDTH = 470
const HEIGHT = 190
const PAD = { top: 26, right: 12, bottom: 24, left: 8 }
/** Dark enough for 3:1 against white (WCAG non-text contrast). */
export const CHART_COLOURS = { kept: '#1d4ed8', toDelete: '#b91c1c', held: '#a16207' } as const

export function VolumeChart({ impact }: { impact: RetentionImpact }) {
  const { t, i18n } = useTranslation('retention')
  const titleId = useId()
  const descId = useId()
  const items = t(`items.${impact.kind}`)
  const n = (value: number) => formatNumber(value, i18n.language)
  const buckets = impact.buckets
  const maxAge = buckets.length > 0 ? (buckets[buckets.length - 1]?.toDays ?? 1) : 1
  const peak = Math.max(1, ...buckets.map((b) => b.kept + b.toDelete + b.held))
  const plotW = WIDTH - PAD.left - PAD.right
  const plotH = HEIGHT - PAD.top - PAD.bottom
  const x = (ageDays: number) => PAD.left + (ageDays / maxAge) * plotW
  const y = (value: number) => (value / peak) * plotH
  const barGap = 1
  const cutoffX = impact.cutoffDays === null ? null : x(Math.min(impact.cutoffDays, maxAge))
  const years = Array.from({ length: Math.floor(maxAge / 365) }, (_, i) => i + 1)

  return (
    <figure style={{ margin: 0 }}>
      <svg
        role="img"
        aria-labelledby={`${titleId} ${descId}`}
        viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
        width="100%"
        style={{ display: 'block' }}
      >
        <title id={titleId}>{t('chart.title', { items })}</title>
        <desc id={descId}>
          {impact.cutoffDays === null
            ? t('chart.descriptionNoCutoff', { items })
            : t('chart.description', { items, cutoff: impact.cutoffDays })}
        </desc>
        <line x1={PAD.left} x2={WIDTH - PAD.right} y1={PAD.top + plotH} y2={PAD.top + plotH} stroke="#595959" />
        {buckets.map((bucket) => {
          const left = x(bucket.fromDays) + barGap / 2
          const width = Math.max(1, x(bucket.toDays) - x(bucket.fromDays) - barGap)
          let base = PAD.top + plotH
          const parts: Array<[keyof typeof CHART_COLOURS, number]> = [
            ['kept', bucket.kept],
            ['held', bucket.held],
            ['toDelete', bucket.toDelete],
          ]
          return (
            <g key={bucket.fromDays}>
              {parts.map(([part, value]) => {
                if (value <= 0) return null
                const h = y(value)
                base -= h
                return <rect key={part} x={left} y={base} width={width} height={h} fill={CHART_COLOURS[part]} />
              })}
            </g>
          )
        })}
        <text x={PAD.left} y={HEIGHT - 8} fontSize="12" fill="#434343">
          {t('chart.today')}
        </text>
        {years.map((year) => (
          <text key={year} x={x(year * 365)} y={HEIGHT - 8} fontSize="12" fill="#434343" textAnchor="middle">
            {t('chart.yearsAgo', { value: year })}
          </text>
        ))}
        {cutoffX !== null && (
          <g>
            <line x1={cutoffX} x2={cutoffX} y1={PAD.top - 8} y2={PAD.top + plotH} stroke="#000" strokeWidth={2} strokeDasharray="5 3" />
            <text
              x={cutoffX + (cutoffX > WIDTH * 0.7 ? -4 : 4)}
              y={PAD.top - 12}
              fontSize="12"
              fill="#000"
              textAnchor={cutoffX > WIDTH * 0.7 ? 'end' : 'start'}
            >
              {t('chart.cutoff', { days: impact.cutoffDays ?? 0 })}
            </text>
          </g>
        )}
      </svg>
      <ul style={{ display: 'flex', flexWrap: 'wrap', gap: 16, listStyle: 'none', padding: 0, margin: '8px 0 0' }}>
        {(['kept', 'toDelete', 'held'] as const).map((part) => (
          <li key={part}>
            <span
              aria-hidden
              style={{ display: 'inline-block', width: 10, height: 10, marginRight: 6, background: CHART_COLOURS[part] }}
            />
            {t(`chart.${part}`)}
          </li>
        ))}
      </ul>
      <figcaption style={{ margin: '8px 0 0' }}>
        {impact.cutoffDays === null
          ? t('chart.summaryNoCutoff', { total: n(impact.total), items })
          : t('chart.summary', { toDelete: n(impact.toDelete), total: n(impact.total), held: n(impact.held), items })}
      </figcaption>
    </figure>
  )
}
