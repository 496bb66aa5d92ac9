// Which API a test runs against: the browser mock (project `chromium`) or the real governance server (project
// `real`: PGlite, started with --test-controls). One suite, both modes; the few steps that differ ask here.
import { test } from '@playwright/test'

export type ApiMode = 'mock' | 'server'

export function apiMode(): ApiMode {
  return test.info().project.name === 'real' ? 'server' : 'mock'
}
