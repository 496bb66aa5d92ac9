// The first screens' stylesheet must cover every antd component they use: walks the static imports from
// src/main.tsx and from the pages the route table loads without antd's whole sheet (other dynamic imports bring
// antd.css with them), and collects what each module takes from antd.
import { existsSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { FIRST_SCREEN_COMPONENTS } from './antd-styles'

const root = path.resolve(import.meta.dirname, '..')
const EXTENSIONS = ['.tsx', '.ts', '/index.tsx', '/index.ts']
/** Not components, or styled by nothing of their own. */
const NOT_STYLED = new Set(['ConfigProvider', 'theme', 'version'])

function resolveLocal(from: string, specifier: string): string | null {
  const base = specifier.startsWith('@/') ? path.join(root, 'src', specifier.slice(2)) : specifier.startsWith('.') ? path.resolve(path.dirname(from), specifier) : null
  if (base === null || base.endsWith('.css')) return null
  for (const extension of ['', ...EXTENSIONS]) if (existsSync(base + extension) && /\.tsx?$/.test(base + extension)) return base + extension
  return null
}

function firstScreenAntdImports(): Map<string, string> {
  const used = new Map<string, string>()
  const seen = new Set<string>()
  // The entry, and the pages the route table loads lazily without antd's whole sheet (the overview).
  const routeTable = path.join(root, 'src/app/routes.tsx')
  const bare = [...readFileSync(routeTable, 'utf8').matchAll(/lazy: \(\) => import\('([^']+)'\)/g)].map((match) => resolveLocal(routeTable, match[1] ?? ''))
  const queue = [path.join(root, 'src/main.tsx'), ...bare.filter((file): file is string => file !== null)]
  while (queue.length > 0) {
    const file = queue.pop() ?? ''
    if (seen.has(file)) continue
    seen.add(file)
    const source = readFileSync(file, 'utf8')
    // Static imports only: `import x from '…'`, `import { … } from '…'`, `import '…'` (not `import(…)`, not types).
    for (const match of source.matchAll(/^import\s+(?!type\s)([^;]*?)\s*from\s*'([^']+)'/gms)) {
      const [, clause = '', specifier = ''] = match
      if (specifier === 'antd') {
        const named = /\{([^}]*)\}/.exec(clause)?.[1] ?? ''
        for (const part of named.split(',')) {
          const name = part.trim().replace(/^type\s+.*$/, '').split(/\s+as\s+/)[0]?.trim() ?? ''
          if (name !== '' && !NOT_STYLED.has(name)) used.set(name, path.relative(root, file))
        }
        continue
      }
      const local = resolveLocal(file, specifier)
      if (local) queue.push(local)
    }
  }
  return used
}

describe('the first screens’ antd stylesheet', () => {
  it('lists every antd component the modules loaded with the first screen use', () => {
    const listed: readonly string[] = FIRST_SCREEN_COMPONENTS
    const used = firstScreenAntdImports()
    expect([...used.keys()]).toEqual(expect.arrayContaining(['Layout', 'Menu', 'Statistic']))
    const missing = [...used].filter(([name]) => !listed.includes(name)).map(([name, file]) => `${name} (${file})`)
    expect(missing).toEqual([])
  })
})
