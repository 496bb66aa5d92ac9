/// <reference types="vitest/config" />
// Build, dev server and unit-test configuration. VITE_MOCK=off builds without any mock code.
import { fileURLToPath } from 'node:url'
import { defineConfig, type Plugin } from 'vite'
import react from '@vitejs/plugin-react'
import { msw } from 'msw/vite'
import { contentSecurityPolicy } from './server/security.ts'
import { antdStyles } from './scripts/antd-styles.ts'
import { antdZeroRuntime } from './scripts/antd-zero-runtime.ts'

const withMock = process.env.VITE_MOCK !== 'off'

/** The production build's Content-Security-Policy (server/security.ts), as a meta tag so a static host serves it too. */
function cspMetaTag(): Plugin {
  return {
    name: 'csp-meta-tag',
    apply: 'build',
    transformIndexHtml: () => [
      { tag: 'meta', attrs: { 'http-equiv': 'Content-Security-Policy', content: contentSecurityPolicy }, injectTo: 'head-prepend' },
    ],
  }
}

export default defineConfig({
  plugins: [react(), cspMetaTag(), antdStyles(), antdZeroRuntime(), ...(withMock ? [msw({ mode: 'worker-only' })] : [])],
  define: {
    __MOCK_INCLUDED__: JSON.stringify(withMock),
  },
  resolve: {
    alias: {
      '@': fileURLToPath(new URL('./src', import.meta.url)),
      '@mocks': fileURLToPath(new URL('./mocks', import.meta.url)),
      '@contract': fileURLToPath(new URL('./api', import.meta.url)),
      '@governance': fileURLToPath(new URL('./governance', import.meta.url)),
    },
  },
  server: { port: 5173 },
  preview: { port: 4173 },
  build: {
    target: 'es2022',
    sourcemap: false,
    // Every browser the console supports (ES2022) has <link rel="modulepreload">: skip Vite's polyfill in the entry.
    modulePreload: { polyfill: false },
    rolldownOptions: {
      output: {
        codeSplitting: {
          groups: [
            {
              // Everything the entry imports statically runs before the first screen anyway: one file, not the
              // ~15 the automatic splitting cut it into by which lazy routes share each module (each file compresses
              // on its own, so the split cost ~16 KiB br and a request each). Only the entry's own static graph is
              // captured ($initial, without following lazily loaded code), so no lazy route's code moves forward; its
              // dependencies are all in the group already, so the order modules run in stays the entry's own.
              name: 'index',
              tags: ['$initial'],
              includeDependenciesRecursively: false,
            },
          ],
        },
      },
      treeshake: {
        // @rc-component/form does not declare itself free of side effects, so importing its FormProvider (antd's
        // Tooltip, Menu and Modal do, through form/context) kept the whole form engine and its validator on the first
        // screens (~11 KiB br). Its modules only define things; the pages with forms still get all of it.
        moduleSideEffects: (id) => (/[\\/]node_modules[\\/]@rc-component[\\/](form|async-validator)[\\/]/.test(id) ? false : undefined),
      },
    },
  },
  test: {
    restoreMocks: true,
    testTimeout: 20_000,
    // CI keeps a machine-readable result for the closing summary line of .ci/run.
    ...(process.env.CI ? { reporters: ['default', 'json'], outputFile: { json: 'reports/unit.json' } } : {}),
    projects: [
      {
        extends: true,
        test: {
          name: 'console',
          environment: 'jsdom',
          include: ['src/**/*.test.{ts,tsx}'],
          setupFiles: ['./src/test/setup.ts'],
        },
      },
      {
        // The governance API: rules, stores and the behaviour suite, in plain Node as the server runs them.
        extends: true,
        test: { name: 'governance', environment: 'node', include: ['governance/**/*.test.ts', 'server/**/*.test.ts'] },
      },
      {
        // The browser mock's own machinery (control API, faults, clock, tabs), in Node.
        extends: true,
        test: { name: 'mock', environment: 'node', include: ['mocks/**/*.test.ts'] },
      },
      {
        // The project's own tooling: the lint's architecture rules, generators.
        extends: true,
        test: { name: 'tooling', environment: 'node', include: ['scripts/**/*.test.ts', 'api/**/*.test.ts'] },
      },
    ],
  },
})
