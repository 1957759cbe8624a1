import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

/**
 * The web UI is built into dist/web, which the server serves at `/` (VANTHU_WEB_DIR). pdf.js and
 * the heavy screens are loaded on demand (dynamic imports), so the first page ships only the shell.
 */
const here = dirname(fileURLToPath(import.meta.url));

export default defineConfig({
  root: here,
  base: '/',
  oxc: { jsx: { runtime: 'automatic' } },
  build: {
    outDir: resolve(here, '../../dist/web'),
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: false,
    manifest: true,
    chunkSizeWarningLimit: 1500,
    rolldownOptions: {
      onLog(level, log, handler) {
        // antd marks its modules "use client" for React Server Components; meaningless in an SPA.
        if (log.code === 'MODULE_LEVEL_DIRECTIVE') return;
        handler(level, log);
      },
    },
  },
  server: { proxy: { '/api': 'http://127.0.0.1:3000' } },
});
