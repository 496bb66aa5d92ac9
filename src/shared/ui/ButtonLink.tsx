// A link that looks like a button: a real <a href> (open in new tab works) with in-app navigation.
import type { ReactNode } from 'react'
import { Button, type ButtonProps } from 'antd'
import { useHref, useLinkClickHandler } from 'react-router'

export function ButtonLink({ to, children, ...props }: { to: string; children: ReactNode } & Omit<ButtonProps, 'href' | 'onClick'>) {
  const href = useHref(to)
  const onClick = useLinkClickHandler<HTMLAnchorElement>(to)
  return (
    <Button {...props} href={href} onClick={(event) => onClick(event as React.MouseEvent<HTMLAnchorElement>)}>
      {children}
    </Button>
  )
}
