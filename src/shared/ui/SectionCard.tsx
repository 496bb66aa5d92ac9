// A titled card that is also a landmark: a <section> named by its level-2 heading, so screen-reader users can
// list and jump to each part of a page.
import { useId, type CSSProperties, type ReactNode } from 'react'
import { Card, Typography } from 'antd'

interface SectionCardProps {
  title: ReactNode
  /** Controls at the right of the title. */
  extra?: ReactNode
  /** Stretch to the height of the row (cards side by side in a grid). */
  fill?: boolean
  /** Placement of the section itself (margins, flex). */
  style?: CSSProperties
  children: ReactNode
}

export function SectionCard({ title, extra, fill = false, style, children }: SectionCardProps) {
  const headingId = useId()
  const height = fill ? { height: '100%' } : undefined
  return (
    <section aria-labelledby={headingId} style={{ ...style, ...height }}>
      <Card
        style={height}
        title={
          <Typography.Title level={2} id={headingId} style={{ fontSize: 16, margin: 0 }}>
            {title}
          </Typography.Title>
        }
        extra={extra}
      >
        {children}
      </Card>
    </section>
  )
}
