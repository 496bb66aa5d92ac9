// The three production builds the bench measures: the console with the mock, without it, and the reference app.
import { spawnSync } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import path from 'node:path'

export const projectRoot = fileURLToPath(new URL('../..', import.meta.url))

export type BuildName = 'app' | 'noMock' | 'reference'

export interface BuildSpec {
  name: BuildName
  label: string
  /** Output folder, relative to the project root (git-ignored by dist-*). */
  outDir: string
  env: Record<string, string>
  args: string[]
}

export const buildSpecs: Record<BuildName, BuildSpec> = {
  app: {
    name: 'app',
    label: 'console (mock on)',
    outDir: 'dist-bench',
    env: {},
    args: ['--outDir', 'dist-bench', '--emptyOutDir', '--manifest', '--logLevel', 'warn'],
  },
  noMock: {
    name: 'noMock',
    label: 'console (VITE_MOCK=off)',
    outDir: 'dist-bench-nomock',
    env: { VITE_MOCK: 'off' },
    args: ['--outDir', 'dist-bench-nomock', '--emptyOutDir', '--manifest', '--logLevel', 'warn'],
  },
  reference: {
    name: 'reference',
    label: 'reference app',
    outDir: 'dist-bench-reference',
    env: {},
    args: ['--config', 'bench/reference/vite.config.ts', '--logLevel', 'warn'],
  },
}

export function outDirOf(name: BuildName): string {
  return path.join(projectRoot, buildSpecs[name].outDir)
}

/** Runs `vite build` for each build in turn (one at a time: CI machines have two cores). */
export function runBuilds(names: BuildName[] = ['app', 'noMock', 'reference']): void {
  const vite = path.join(projectRoot, 'node_modules', 'vite', 'bin', 'vite.js')
  for (const name of names) {
    const spec = buildSpecs[name]
    const started = performance.now()
    const result = spawnSync(process.execPath, [vite, 'build', ...spec.args], {
      cwd: projectRoot,
      env: { ...process.env, ...spec.env },
      encoding: 'utf8',
    })
    if (result.status !== 0) {
      process.stderr.write(result.stdout + result.stderr)
      throw new Error(`build of the ${spec.label} failed`)
    }
    // Vite's advice about chunks over 500 kB is noise here: the bench reports sizes itself.
    const warnings = (result.stdout + result.stderr)
      .split('\n')
      .filter((line) => /warn|error/i.test(line) && !/chunks are larger|Unknown user config/i.test(line))
    for (const line of warnings) process.stderr.write(`  ${spec.label}: ${line}\n`)
    console.log(`built ${spec.label.padEnd(26)} → ${spec.outDir} in ${((performance.now() - started) / 1000).toFixed(1)} s`)
  }
}
