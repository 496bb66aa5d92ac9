// antd's whole stylesheet for everything past the first screens (which load only their part, scripts/antd-styles.ts),
// loaded with a page's code: Vite waits for a chunk's stylesheet before it runs the chunk, so no page shows before
// its components are styled, and every rule stands in antd's own order.
export function withRouteStyles<T>(load: () => Promise<T>): () => Promise<T> {
  return () => Promise.all([import('antd/dist/antd.css'), load()]).then(([, module]) => module)
}

/** Once the first screen is up and the browser is idle, the rest of the styles, so the next page opens at once. */
export function preloadRouteStyles(): void {
  const load = () => void import('antd/dist/antd.css')
  if ('requestIdleCallback' in window) window.requestIdleCallback(load)
  else load()
}
