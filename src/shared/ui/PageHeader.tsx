// The page's title (the one h1) with its primary actions on the right, as admins know from other consoles.
import type { ReactNode } from 'react'
import { Flex, Typography } from 'antd'

export function PageHeader({ title, extra, children }: { title: string; extra?: ReactNode; children?: ReactNode }) {
  return (
    <header style={{ marginBottom: 24 }}>
      <Flex justify="space-between" align="center" wrap gap="middle">
        <Typography.Title level={1} style={{ fontSize: 24, margin: 0 }}>
          {title}
        </Typography.Title>
        {extra ? <Flex gap="small">{extra}</Flex> : null}
      </Flex>
      {children}
    </header>
  )
}
