// Proves a VITE_MOCK=off build ships no mock code: markers only the mock contains must be absent there, and present in the mock build
// (so a marker that stops matching the mock cannot make the check pass by accident).
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { readManifest } from './bundle.ts'

/** Strings that exist only in the mock: MSW's worker and log prefix, the mock's storage key, seeded personas and tenants. */
export const mockMarkers = [
  'mockServiceWorker',
  '[MSW]',
  'setupWorker',
  'tdgc.mock',
  '李雷',
  '王芳',
  'Oliver Bennett',
  '杭州示例贸易有限公司',
] as const

export interface MockFreeResult {
  ok: boolean
  /** Emitted files of the mock-off build and the markers found in them. */
  found: { file: string; markers: string[] }[]
  serviceWorkerFile: boolean
  mockModulesInManifest: string[]
  /** Markers that do not occur in the mock build: they prove nothing and are reported. */
  ineffectiveMarkers: string[]
}

function emittedFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && /\.(js|mjs|html|css|json)$/.test(entry.name) && !entry.parentPath.includes(`${path.sep}.vite`))
    .map((entry) => path.join(entry.parentPath, entry.name))
}

function markersIn(file: string): string[] {
  const text = readFileSync(file, 'utf8')
  return mockMarkers.filter((marker) => text.includes(marker))
}

export function checkMockFree(noMockDir: string, mockDir: string): MockFreeResult {
  const found = emittedFiles(noMockDir)
    .map((file) => ({ file: path.relative(noMockDir, file), markers: markersIn(file) }))
    .filter((hit) => hit.markers.length > 0)
  const inMockBuild = new Set(emittedFiles(mockDir).flatMap(markersIn))
  const ineffectiveMarkers = mockMarkers.filter((marker) => !inMockBuild.has(marker))
  const serviceWorkerFile = existsSync(path.join(noMockDir, 'mockServiceWorker.js'))
  const mockModulesInManifest = Object.entries(readManifest(noMockDir))
    .filter(([key, chunk]) => key.startsWith('mocks/') || (chunk.src ?? '').startsWith('mocks/'))
    .map(([key]) => key)
  return {
    ok: found.length === 0 && !serviceWorkerFile && mockModulesInManifest.length === 0 && ineffectiveMarkers.length < mockMarkers.length,
    found,
    serviceWorkerFile,
    mockModulesInManifest,
    ineffectiveMarkers,
  }
}
