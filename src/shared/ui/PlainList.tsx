// A bordered list (antd's List is deprecated in 6.6): first item without the top border.
import type { ReactNode } from 'react'

const listStyle: React.CSSProperties = { listStyle: 'none', margin: 0, padding: 0, border: '1px solid #f0f0f0', borderRadius: 6 }
const itemStyle: React.CSSProperties = { padding: '8px 12px', borderTop: '1px solid #f0f0f0' }

export function PlainList<T>({ items, itemKey, render }: { items: readonly T[]; itemKey: (item: T) => string; render: (item: T) => ReactNode }) {
  return (
    <ul style={listStyle}>
      {items.map((item, position) => (
        <li key={itemKey(item)} style={position === 0 ? { ...itemStyle, borderTop: 'none' } : itemStyle}>
          {render(item)}
        </li>
      ))}
    </ul>
  )
}
