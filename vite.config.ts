import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';

// Dev only: the browser talks to Vite, Vite forwards /v1 and /v3 to the API (embedded by default, see
// `npm run dev`) and adds the key server-side, so the key never reaches the browser.
const apiTarget = process.env.DEV_API_URL ?? 'http://127.0.0.1:4010';
const apiKey = process.env.DEV_API_KEY ?? 'sk_test_org_demo';
const proxy = {
  target: apiTarget,
  changeOrigin: true,
  headers: { 'x-api-key': apiKey },
};

export default defineConfig({
  plugins: [react()],
  // See src/shims/use-sync-external-store-shim.ts: the pre-React-18 fallback is dead weight in the bundle.
  resolve: {
    alias: [
      {
        find: /^use-sync-external-store\/shim$/,
        replacement: fileURLToPath(new URL('./src/shims/use-sync-external-store-shim.ts', import.meta.url)),
      },
    ],
  },
  server: { host: '127.0.0.1', proxy: { '/v3': proxy, '/v1': proxy } },
  build: { target: 'es2022', sourcemap: false },
  test: {
    include: ['src/**/*.test.{ts,tsx}', 'server/**/*.test.ts'],
    environment: 'node',
    testTimeout: 20_000,
    hookTimeout: 60_000,
  },
});
