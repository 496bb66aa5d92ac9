// Build configuration of the bench's reference app: the console's own build settings, nothing app-specific.
import { fileURLToPath } from 'node:url'
import { defineConfig } from 'vite'
import react from '@vitejs/plugin-react'

export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  plugins: [react()],
  logLevel: 'warn',
  build: {
    target: 'es2022',
    sourcemap: false,
    manifest: true,
    chunkSizeWarningLimit: 4096,
    emptyOutDir: true,
    outDir: fileURLToPath(new URL('../../dist-bench-reference', import.meta.url)),
  },
})
