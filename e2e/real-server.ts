// One real governance server per Playwright worker (its own PGlite folder and port), so tests that reset the data
// run in parallel without touching each other's database. The console it serves was built once by the webServer.
import { spawn, type ChildProcess } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'

export interface RealServer {
  url: string
  stop(): Promise<void>
}

async function waitUntilUp(url: string, child: ChildProcess, output: () => string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`the server exited (${child.exitCode}):\n${output()}`)
    try {
      if ((await fetch(`${url}/config.json`)).ok) return
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 200))
  }
  throw new Error(`the server did not answer within ${timeoutMs} ms:\n${output()}`)
}

export async function startRealServer(port: number, staticDir: string): Promise<RealServer> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'tdgc-e2e-'))
  let output = ''
  // Always the embedded database: a DATABASE_URL in the environment is for the behaviour suite, not for these servers.
  const { DATABASE_URL: _unused, ...env } = process.env
  void _unused
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts', '--test-controls'], {
    env: { ...env, PORT: String(port), DATA_DIR: dataDir, STATIC_DIR: staticDir },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()))
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()))
  const url = `http://localhost:${port}`
  const stop = async () => {
    if (child.exitCode === null) {
      const exited = new Promise((resolve) => child.once('exit', resolve))
      child.kill('SIGTERM')
      await exited
    }
    rmSync(dataDir, { recursive: true, force: true })
  }
  try {
    await waitUntilUp(url, child, () => output, 120_000)
  } catch (error) {
    await stop()
    throw error
  }
  return { url, stop }
}
