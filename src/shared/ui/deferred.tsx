// A component whose code is its own chunk, fetched as soon as the module that declares it runs (with its page),
// not before the page can render: dialogs and drawers, which nobody can open before the page is on screen.
// Until the chunk is in it renders nothing; a fetch that failed is tried again when the component first renders.
import { lazy, Suspense, type ComponentType } from 'react'

export function deferred<P extends object>(load: () => Promise<ComponentType<P>>): ComponentType<P> {
  const early = load()
  early.catch(() => undefined)
  const Lazy = lazy(() => early.catch(load).then((component) => ({ default: component })))
  function Deferred(props: P) {
    return (
      <Suspense fallback={null}>
        <Lazy {...props} />
      </Suspense>
    )
  }
  return Deferred
}
