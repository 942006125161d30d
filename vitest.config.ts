import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

// Tests import @samle/shared from source, so no build is needed before unit and integration tests.
const alias = { '@samle/shared': fileURLToPath(new URL('./shared/src/index.ts', import.meta.url)) };

export default defineConfig({
  test: {
    reporters: ['default', ['json', { outputFile: '.vitest-report.json' }]],
    projects: [
      { resolve: { alias }, test: { name: 'shared', include: ['shared/src/**/*.test.ts'], environment: 'node' } },
      {
        resolve: { alias },
        test: {
          name: 'server',
          include: ['server/src/**/*.test.ts', 'server/test/**/*.test.ts'],
          environment: 'node',
          testTimeout: 20_000,
          // Dropping a test database of ~40 schemas deletes thousands of files: past 10 s on a busy machine.
          hookTimeout: 60_000,
        },
      },
      'client/vitest.config.ts',
      // The import rules over the whole repository (scripts/imports): a slow read of every file.
      { test: { name: 'structure', include: ['scripts/**/*.test.mjs'], environment: 'node', testTimeout: 60_000 } },
      {
        resolve: { alias },
        test: {
          name: 'e2e',
          include: ['e2e/tests/**/*.test.ts'],
          environment: 'node',
          testTimeout: 60_000,
          hookTimeout: 60_000,
          // Browsers are heavy on two cores: one file at a time.
          fileParallelism: false,
        },
      },
    ],
  },
});
