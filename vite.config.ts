import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';

export default defineConfig(({ isSsrBuild }) => ({
  plugins: [react()],
  resolve: {
    alias: [
      // See src/shims/use-sync-external-store-shim.ts: the pre-React-18 fallback is dead weight in the bundle.
      {
        find: /^use-sync-external-store\/shim$/,
        replacement: fileURLToPath(new URL('./src/shims/use-sync-external-store-shim.ts', import.meta.url)),
      },
      // See src/shims/fflate-unzip-sync.ts: read-excel-file's unzip must not start blob: workers (CSP).
      {
        find: /^fflate$/,
        replacement: fileURLToPath(new URL('./src/shims/fflate-unzip-sync.ts', import.meta.url)),
      },
    ],
  },
  // API calls in development go through the gateway's own handling: `npm run dev` (server/gateway/dev.ts).
  server: { host: '127.0.0.1' },
  build: {
    target: 'es2022',
    sourcemap: false,
    // React in a chunk of its own (every lazy screen needs it): left to itself, the bundler groups modules
    // by which chunks reach them, so which small module joins React's chunk changes with unrelated imports.
    rolldownOptions: {
      output: { codeSplitting: { groups: [{ name: 'react', test: /node_modules[\\/]react[\\/]/ }] } },
    },
  },
  // The server renderer (src/entry-server.tsx → dist/.ssr/) bundles its dependencies, so it runs from
  // wherever dist/ is copied, and uses React's production build.
  ssr: { noExternal: true },
  define: isSsrBuild ? { 'process.env.NODE_ENV': JSON.stringify('production') } : {},
  test: {
    include: ['src/**/*.test.{ts,tsx}', 'server/**/*.test.ts'],
    environment: 'node',
    testTimeout: 20_000,
    hookTimeout: 60_000,
  },
}));
