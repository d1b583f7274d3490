import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    environment: 'node',
    // The scorer test spawns one extractor process per seed document.
    testTimeout: 120_000,
    hookTimeout: 120_000,
  },
});
