import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: {
    alias: { '@samle/shared': new URL('../shared/src/index.ts', import.meta.url).pathname },
    dedupe: ['yjs'],
  },
  test: {
    name: 'client',
    environment: 'node',
    include: ['src/**/*.test.ts'],
  },
});
