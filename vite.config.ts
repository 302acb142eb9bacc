import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import type { Plugin } from 'vite';
import { defineConfig } from 'vitest/config';

/**
 * react-router ships one module whose components are made by unannotated calls (`var NavLink =
 * React.forwardRef(…)`) and then named (`NavLink.displayName = …`): both count as side effects, so NavLink,
 * Form, useSubmit, fetchers' forms… stayed in the entry chunk unused (2 kB gzip). Marking those calls pure
 * and dropping the names (only React DevTools reads them) lets the unused ones go; the used ones are unchanged.
 * Lines stay where they were (a name is blanked, not removed), so source maps stay usable.
 */
const treeShakeReactRouter: Plugin = {
  name: 'tree-shake-react-router',
  transform(code, id) {
    if (!/[\\/]node_modules[\\/]react-router[\\/]dist[\\/]/.test(id)) return null;
    const pure = code
      .replace(/= (React\d*\.(?:forwardRef|createContext|memo)\()/g, '= /* @__PURE__ */ $1')
      .replace(/^\w+\.displayName = "[^"]*";$/gm, '');
    return { code: pure, map: null };
  },
};

export default defineConfig(({ isSsrBuild }) => ({
  plugins: [react(), treeShakeReactRouter],
  // See src/shims/use-sync-external-store-shim.ts: the pre-React-18 fallback is dead weight in the bundle.
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
    // Vite's modulepreload polyfill (0.2 kB gzip in the entry) is for browsers without modulepreload
    // (Safari < 17, Firefox < 115), and the entry has no static imports to preload (see below): all it could
    // still speed up there is a lazy chunk's import of a chunk not loaded yet (audit.js, 0.5 kB).
    modulePreload: { polyfill: false },
    // Everything the first screen loads, in one file (the entry): left to itself, the bundler groups modules
    // by which chunks reach them, and split that code into five files (React, the API client, channel names,
    // its runtime…) whose contents changed with unrelated imports; apart they also compress worse (1.3 kB).
    // Lazy chunks import what they share with it from the entry, which is always loaded first.
    rolldownOptions: {
      output: { codeSplitting: { groups: [{ name: 'initial', tags: ['$initial'] }] } },
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
    globalSetup: ['server/testing/temp-root.ts'],
  },
}));
