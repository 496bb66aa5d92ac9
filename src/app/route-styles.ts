// antd's styles for everything past the first screens (scripts/antd-styles.ts), loaded with a page's code: Vite
// waits for a chunk's stylesheet before it runs the chunk, so no page shows before its components are styled.
export function withRouteStyles<T>(load: () => Promise<T>): () => Promise<T> {
  return () => Promise.all([import('@/generated/antd-rest.css'), load()]).then(([, module]) => module)
}

/** Once the first screen is up and the browser is idle, the rest of the styles, so the next page opens at once. */
export function preloadRouteStyles(): void {
  const load = () => void import('@/generated/antd-rest.css')
  if ('requestIdleCallback' in window) window.requestIdleCallback(load)
  else load()
}
