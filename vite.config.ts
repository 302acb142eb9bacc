import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import type { ChunkingContext } from 'rolldown';
import { defineConfig } from 'vitest/config';

const MAIN = fileURLToPath(new URL('./src/main.tsx', import.meta.url));
const LIBRARY = /[\\/]node_modules[\\/]/;

/** The modules main.tsx imports statically, directly or not: what the first screen loads. Once per pass. */
const firstLoads = new WeakMap<ChunkingContext, Set<string>>();
function loadedFirst(ctx: ChunkingContext): Set<string> {
  const known = firstLoads.get(ctx);
  if (known) return known;
  const seen = new Set<string>();
  const queue = [MAIN];
  for (let id = queue.pop(); id !== undefined; id = queue.pop()) {
    if (seen.has(id)) continue;
    seen.add(id);
    queue.push(...(ctx.getModuleInfo(id)?.importedIds ?? []));
  }
  firstLoads.set(ctx, seen);
  return seen;
}

export default defineConfig(({ isSsrBuild }) => ({
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
  // API calls in development go through the gateway's own handling: `npm run dev` (server/gateway/dev.ts).
  server: { host: '127.0.0.1' },
  build: {
    target: 'es2022',
    sourcemap: false,
    // React in a chunk of its own (every lazy screen needs it): left to itself, the bundler groups modules
    // by which chunks reach them, so which small module joins React's chunk changes with unrelated imports.
    // Then the first screen's own modules, with the parts of libraries they use, in one chunk: left to
    // itself, the bundler splits the modules the first screen shares with lazy chunks into a dozen small
    // initial chunks once a few lazy chunks share them (it will not merge a shared group back when another
    // pending group depends on it), +3-4 kB gzip. Libraries are not matched by path: a barrel import would
    // pull in features only lazy chunks use (e.g. TanStack Table's row selection).
    rolldownOptions: {
      output: {
        codeSplitting: {
          groups: [
            { name: 'react', test: /node_modules[\\/]react[\\/]/, priority: 2 },
            {
              name: (id, ctx) => (!LIBRARY.test(id) && loadedFirst(ctx).has(id) ? 'app' : null),
              priority: 1,
            },
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
