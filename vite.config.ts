import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  plugins: [sveltekit()],
  // DuckDB-wasm ships prebuilt workers and .wasm files: imported with `?url`, Vite copies them
  // into the build as they are (no CDN), and they must not be pre-bundled in dev.
  optimizeDeps: { exclude: ['@duckdb/duckdb-wasm'] },
  build: { chunkSizeWarningLimit: 2048 },
  test: {
    environment: 'node',
    // The scorer test spawns one extractor process per seed document.
    testTimeout: 120_000,
    hookTimeout: 120_000,
    projects: [
      {
        extends: true,
        test: { name: 'unit', include: ['test/**/*.test.ts'], exclude: ['test/browser/**', '**/node_modules/**'] },
      },
      {
        // The built site in headless Chromium: one build, one static server, one browser for
        // every browser test file (test/browser/global-setup.ts).
        extends: true,
        test: {
          name: 'browser',
          include: ['test/browser/**/*.test.ts'],
          globalSetup: ['test/browser/global-setup.ts'],
          fileParallelism: false,
        },
      },
    ],
  },
});
