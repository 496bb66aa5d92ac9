/// <reference types="vitest/config" />
// Build, dev server and unit-test configuration. VITE_MOCK=off builds without any mock code.
import { fileURLToPath } from 'node:url'
import { defineConfig } from 'vite'
import react from '@vitejs/plugin-react'
import { msw } from 'msw/vite'

const withMock = process.env.VITE_MOCK !== 'off'

export default defineConfig({
  plugins: [react(), ...(withMock ? [msw({ mode: 'worker-only' })] : [])],
  define: {
    __MOCK_INCLUDED__: JSON.stringify(withMock),
  },
  resolve: {
    alias: {
      '@': fileURLToPath(new URL('./src', import.meta.url)),
      '@mocks': fileURLToPath(new URL('./mocks', import.meta.url)),
    },
  },
  server: { port: 5173 },
  preview: { port: 4173 },
  build: {
    target: 'es2022',
    sourcemap: false,
  },
  test: {
    environment: 'jsdom',
    include: ['src/**/*.test.{ts,tsx}', 'mocks/**/*.test.ts'],
    setupFiles: ['./src/test/setup.ts'],
    restoreMocks: true,
    testTimeout: 20_000,
    // CI keeps a machine-readable result for the closing summary line of .ci/run.
    ...(process.env.CI ? { reporters: ['default', 'json'], outputFile: { json: 'reports/unit.json' } } : {}),
  },
})
