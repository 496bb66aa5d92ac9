// Static analysis of a build's Vite manifest: which JS the first screens need, what each lazy route adds, and their compressed sizes.
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { brotliCompressSync, constants, gzipSync } from 'node:zlib'

export interface ManifestChunk {
  file: string
  src?: string
  isEntry?: boolean
  isDynamicEntry?: boolean
  imports?: string[]
  dynamicImports?: string[]
  css?: string[]
}
export type Manifest = Record<string, ManifestChunk>

/** Bytes as served: minified, then compressed the way a CDN would (gzip -9, brotli -11). */
export interface Size {
  raw: number
  gzip: number
  brotli: number
}

export const zeroSize: Size = { raw: 0, gzip: 0, brotli: 0 }
export const kib = (bytes: number) => bytes / 1024

export function readManifest(outDir: string): Manifest {
  return JSON.parse(readFileSync(path.join(outDir, '.vite', 'manifest.json'), 'utf8')) as Manifest
}

const sizeCache = new Map<string, Size>()

export function fileSize(file: string): Size {
  const cached = sizeCache.get(file)
  if (cached) return cached
  const bytes = readFileSync(file)
  const size = {
    raw: bytes.length,
    gzip: gzipSync(bytes, { level: 9 }).length,
    brotli: brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length } })
      .length,
  }
  sizeCache.set(file, size)
  return size
}

/** Each file compressed on its own (that is how a browser downloads them), summed. */
export function totalSize(outDir: string, files: Iterable<string>): Size {
  let total = zeroSize
  for (const file of new Set(files)) {
    const size = fileSize(path.join(outDir, file))
    total = { raw: total.raw + size.raw, gzip: total.gzip + size.gzip, brotli: total.brotli + size.brotli }
  }
  return total
}

/** The manifest keys a chunk needs before it can run: itself and its static imports, transitively. */
export function staticClosure(manifest: Manifest, key: string): Set<string> {
  const seen = new Set<string>()
  const visit = (current: string) => {
    if (seen.has(current)) return
    const chunk = manifest[current]
    if (!chunk) throw new Error(`manifest has no chunk ${current}`)
    seen.add(current)
    for (const imported of chunk.imports ?? []) visit(imported)
  }
  visit(key)
  return seen
}

const filesOf = (manifest: Manifest, keys: Iterable<string>) => [...keys].map((key) => manifest[key]!.file)
const cssOf = (manifest: Manifest, keys: Iterable<string>) => [...keys].flatMap((key) => manifest[key]!.css ?? [])

export interface ScreenBundle {
  js: string[]
  css: string[]
  jsSize: Size
  cssSize: Size
}

export interface LazyChunk {
  /** The source module behind the lazy import (e.g. src/features/apps/route.tsx). */
  src: string
  /** The lazily loaded chunk itself (the file the dynamic import names). */
  file: string
  own: Size
  /** What a navigation there downloads beyond the entry: the chunk and its imports not already loaded (shared chunks included). */
  js: string[]
  size: Size
}

export interface AppBundle {
  entryKey: string
  /** Everything the entry loads statically: all a signed-out visitor needs for the sign-in page. */
  signIn: ScreenBundle
  /** The entry plus the route of the tenant's overview (the page a signed-in administrator lands on). */
  overview: ScreenBundle | null
  lazyRoutes: LazyChunk[]
  /** Files reachable only through the mock's lazy import: demo-only code, reported apart from the app. */
  mock: ScreenBundle | null
  /** Every emitted JS file, for cross-checking what the browser requested. */
  allJs: string[]
}

export const overviewRoute = 'src/features/overview/route.tsx'
export const mockEntry = 'mocks/browser.ts'

function screen(outDir: string, manifest: Manifest, keys: Set<string>): ScreenBundle {
  const js = filesOf(manifest, keys)
  const css = cssOf(manifest, keys)
  return { js, css, jsSize: totalSize(outDir, js), cssSize: totalSize(outDir, css) }
}

export function analyseBuild(outDir: string): AppBundle {
  const manifest = readManifest(outDir)
  const entryKey = Object.keys(manifest).find((key) => manifest[key]!.isEntry)
  if (!entryKey) throw new Error(`no entry chunk in ${outDir}`)
  const entry = staticClosure(manifest, entryKey)

  const overview = manifest[overviewRoute] ? new Set([...entry, ...staticClosure(manifest, overviewRoute)]) : null

  const lazyKeys = Object.keys(manifest).filter((key) => manifest[key]!.isDynamicEntry && key !== mockEntry)
  const lazyRoutes = lazyKeys
    .map((key) => {
      const added = [...staticClosure(manifest, key)].filter((needed) => !entry.has(needed))
      const js = filesOf(manifest, added)
      const file = manifest[key]!.file
      return { src: manifest[key]!.src ?? key, file, own: totalSize(outDir, [file]), js, size: totalSize(outDir, js) }
    })
    .sort((a, b) => a.src.localeCompare(b.src))

  let mock: Set<string> | null = null
  if (manifest[mockEntry]) {
    const usedByApp = new Set([...entry, ...lazyKeys.flatMap((key) => [...staticClosure(manifest, key)])])
    mock = new Set([...staticClosure(manifest, mockEntry)].filter((key) => !usedByApp.has(key)))
  }

  return {
    entryKey,
    signIn: screen(outDir, manifest, entry),
    overview: overview ? screen(outDir, manifest, overview) : null,
    lazyRoutes,
    mock: mock ? screen(outDir, manifest, mock) : null,
    allJs: Object.values(manifest).map((chunk) => chunk.file),
  }
}

/** A lazy chunk's short name for tables: src/features/apps/route.tsx → route apps; node_modules/antd/es/result/index.js → chunk antd/es/result. */
export function routeLabel(src: string): string {
  const feature = /features\/([^/]+)\/route\.tsx?$/.exec(src)
  if (feature) return `route ${feature[1]!}`
  return `chunk ${src.replace(/^node_modules\//, '').replace(/(\/index)?\.[cm]?[jt]sx?$/, '')}`
}
