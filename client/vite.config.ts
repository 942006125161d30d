import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const serverOrigin = process.env.SAMLE_SERVER_ORIGIN ?? 'http://127.0.0.1:3000';

export default defineConfig({
  base: '/',
  plugins: [react()],
  resolve: {
    // Point at shared's sources so dev, build and tests never need a prior `tsc -b`.
    alias: { '@samle/shared': new URL('../shared/src/index.ts', import.meta.url).pathname },
    // shared and client must see one Yjs instance, or `instanceof Y.Text` checks fail.
    dedupe: ['yjs'],
  },
  server: {
    proxy: {
      '/api': { target: serverOrigin, changeOrigin: true },
      '/sync': { target: serverOrigin, ws: true, changeOrigin: true },
    },
  },
  preview: {
    proxy: {
      '/api': { target: serverOrigin, changeOrigin: true },
      '/sync': { target: serverOrigin, ws: true, changeOrigin: true },
    },
  },
  build: { outDir: 'dist', sourcemap: true },
});
