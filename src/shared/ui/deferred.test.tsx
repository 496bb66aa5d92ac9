import { describe, expect, it, vi } from 'vitest'
import { render, screen } from '@testing-library/react'
import { deferred } from './deferred'

function Greeting({ name }: { name: string }) {
  return <p>Hello {name}</p>
}

describe('deferred', () => {
  it('starts fetching when declared, renders nothing until the code is in, then the component with its props', async () => {
    let arrive: (component: typeof Greeting) => void = () => undefined
    const load = vi.fn(() => new Promise<typeof Greeting>((resolve) => (arrive = resolve)))
    const Later = deferred(load)
    expect(load).toHaveBeenCalledTimes(1)
    const { container } = render(<Later name="Wang Fang" />)
    expect(container).toBeEmptyDOMElement()
    arrive(Greeting)
    expect(await screen.findByText('Hello Wang Fang')).toBeInTheDocument()
    expect(load).toHaveBeenCalledTimes(1)
  })

  it('tries again when the early fetch failed', async () => {
    const load = vi.fn<() => Promise<typeof Greeting>>().mockRejectedValueOnce(new TypeError('Failed to fetch')).mockResolvedValue(Greeting)
    const Later = deferred(load)
    render(<Later name="Li Lei" />)
    expect(await screen.findByText('Hello Li Lei')).toBeInTheDocument()
    expect(load).toHaveBeenCalledTimes(2)
  })
})
