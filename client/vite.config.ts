import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { compression } from 'vite-plugin-compression2';
import { VitePWA } from 'vite-plugin-pwa';

const serverOrigin = process.env.SAMLE_SERVER_ORIGIN ?? 'http://127.0.0.1:3000';

export default defineConfig({
  base: '/',
  plugins: [
    react(),
    // A service worker that precaches the built app shell (index.html, JS, CSS), so a page opened once — the home
    // reflection above all — reloads offline; its docs come from IndexedDB. Production builds only. API calls and
    // the sync WebSockets never go through the cache: no runtime caching, and navigations under /api/ and /sync/
    // are never answered with the shell.
    VitePWA({
      strategies: 'generateSW',
      registerType: 'autoUpdate',
      injectRegister: 'script',
      manifest: false,
      workbox: {
        globPatterns: ['**/*.{js,css,html,svg}'],
        navigateFallback: '/index.html',
        navigateFallbackDenylist: [/^\/api\//, /^\/sync\//],
        cleanupOutdatedCaches: true,
        // The editor chunk (Lexical) is the biggest; keep it in the shell.
        maximumFileSizeToCacheInBytes: 4 * 1024 * 1024,
      },
    }),
    // index-….js.br and .gz beside each file, compressed once at the highest level; the server sends them
    // to browsers that accept them (@fastify/static preCompressed) instead of compressing per request.
    compression({ algorithms: ['brotliCompress', 'gzip'], threshold: 1024 }),
  ],
  resolve: {
    // Point at shared's sources so dev, build and tests never need a prior `tsc -b`.
    alias: { '@samle/shared': new URL('../shared/src/index.ts', import.meta.url).pathname },
    // shared and client must see one Yjs instance, or `instanceof Y.Text` checks fail.
    dedupe: ['yjs'],
  },
  server: {
    proxy: {
      '/api': { target: serverOrigin, changeOrigin: true },
      // The server lets a facilitator's cookie open a WebSocket only from its own origin (docs/operations.md,
      // SAMLE_PUBLIC_URL); in development the page's origin is Vite's, so the proxy speaks as the server's.
      '/sync': { target: serverOrigin, ws: true, changeOrigin: true, headers: { origin: serverOrigin } },
    },
  },
  preview: {
    proxy: {
      '/api': { target: serverOrigin, changeOrigin: true },
      // The server lets a facilitator's cookie open a WebSocket only from its own origin (docs/operations.md,
      // SAMLE_PUBLIC_URL); in development the page's origin is Vite's, so the proxy speaks as the server's.
      '/sync': { target: serverOrigin, ws: true, changeOrigin: true, headers: { origin: serverOrigin } },
    },
  },
  build: {
    outDir: 'dist',
    sourcemap: true,
    rolldownOptions: {
      // TypeBox's builders (and shared's `literals` over them) only build schema objects: a schema nothing on a
      // page uses is dropped from that page's chunks.
      treeshake: { manualPureFunctions: ['Type', 'literals'] },
      output: {
        // Every page is its own chunk (app/pages.ts); the big libraries get chunks of their own, named so the
        // e2e test (pageWeight) and docs/performance.md can tell them apart, fetched only by pages that use them:
        // the join page needs React and i18next, a phone's board adds Yjs, Lexical comes with the editors.
        codeSplitting: {
          groups: [
            { name: 'react', test: /node_modules[\\/](react|react-dom|scheduler)[\\/]/ },
            { name: 'yjs', test: /node_modules[\\/](yjs|lib0|y-protocols|y-websocket|y-indexeddb)[\\/]/ },
            { name: 'typebox', test: /node_modules[\\/]@sinclair[\\/]typebox[\\/]/ },
            { name: 'lexical', test: /node_modules[\\/](lexical|@lexical[\\/][^\\/]+)[\\/]/ },
            { name: 'i18next', test: /node_modules[\\/](i18next|react-i18next)[\\/]/ },
          ],
        },
      },
    },
  },
});
