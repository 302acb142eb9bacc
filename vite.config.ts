import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';

type ModuleInfo = { importedIds: readonly string[] };
type ModuleGraph = { getModuleInfo(id: string): ModuleInfo | null };

const MAIN = fileURLToPath(new URL('./src/main.tsx', import.meta.url));
/** Per chunking pass (keyed by main's module info, which the pass reuses): what main.tsx loads statically. */
const firstLoads = new WeakMap<ModuleInfo, Set<string>>();

/**
 * Is the module part of every page load (reached from src/main.tsx by static imports)? Such modules go
 * into one "app" chunk. Left to itself, Rolldown (1.2) splits modules that lazy screens share with the
 * first load into many small chunks instead of keeping them in the entry (rolldown/rolldown#10731: the
 * HTML entry wraps main.tsx): each new lazy screen then adds about a kilobyte of gzip overhead to the
 * first load without adding any code to it.
 */
function loadedByMain(graph: ModuleGraph, id: string): boolean {
  const main = graph.getModuleInfo(MAIN);
  if (!main || id.endsWith('.css')) return false;
  let loaded = firstLoads.get(main);
  if (!loaded) {
    loaded = new Set();
    const queue = [MAIN];
    for (let next = queue.pop(); next !== undefined; next = queue.pop()) {
      for (const imported of graph.getModuleInfo(next)?.importedIds ?? []) {
        if (!loaded.has(imported)) {
          loaded.add(imported);
          queue.push(imported);
        }
      }
    }
    firstLoads.set(main, loaded);
  }
  return loaded.has(id);
}

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
    // The rest of the first load in one "app" chunk (see loadedByMain).
    rolldownOptions: {
      output: {
        codeSplitting: {
          groups: [
            { name: 'react', test: /node_modules[\\/]react[\\/]/, priority: 2 },
            { debugName: 'app', priority: 1, name: (id, ctx) => (loadedByMain(ctx, id) ? 'app' : null) },
          ],
        },
      },
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
