// A tiny static server for a build folder: SPA fallback to index.html, and optional fixed answers (the bench's config.json).
import { createServer, type Server } from 'node:http'
import { readFile, stat } from 'node:fs/promises'
import path from 'node:path'

const types: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
}

export interface StaticServer {
  url: string
  close: () => Promise<void>
}

async function isFile(file: string): Promise<boolean> {
  try {
    return (await stat(file)).isFile()
  } catch {
    return false
  }
}

export async function serveStatic(dir: string, port: number, fixed: Record<string, unknown> = {}): Promise<StaticServer> {
  const root = path.resolve(dir)
  const server: Server = createServer((request, response) => {
    void (async () => {
      const pathname = decodeURIComponent(new URL(request.url ?? '/', 'http://localhost').pathname)
      if (pathname in fixed) {
        response.writeHead(200, { 'Content-Type': types['.json']!, 'Cache-Control': 'no-store' })
        response.end(JSON.stringify(fixed[pathname]))
        return
      }
      const candidate = path.join(root, pathname)
      const inside = candidate.startsWith(root + path.sep)
      // Addresses that are not files are the single-page app's routes.
      const file = inside && (await isFile(candidate)) ? candidate : path.join(root, 'index.html')
      const body = await readFile(file)
      response.writeHead(200, { 'Content-Type': types[path.extname(file)] ?? 'application/octet-stream', 'Cache-Control': 'no-cache' })
      response.end(body)
    })().catch((error: unknown) => {
      response.writeHead(500)
      response.end(String(error))
    })
  })
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(port, '127.0.0.1', () => resolve())
  })
  return {
    url: `http://localhost:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections()
        server.close(() => resolve())
      }),
  }
}
